"""Exception requests answered at any desk of the station: the officer's request and the
supervisor's decision, both append-only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 18:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("exception_requests", "exception_decisions")


def upgrade() -> None:
    op.create_table('exception_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('target', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=True),
    sa.Column('overrides', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('crossing_id', sa.Integer(), nullable=True),
    sa.Column('what', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('requested_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['crossing_id'], ['crossings.id'], ),
    sa.ForeignKeyConstraint(['officer_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_exception_requests_crossing_id', 'exception_requests', ['crossing_id'], unique=False)
    op.create_table('exception_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('supervisor_id', sa.Integer(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('decided_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['exception_requests.id'], ),
    sa.ForeignKeyConstraint(['supervisor_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('request_id')
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in _TABLES:
        if sqlite:
            for suffix, event in (("u", "UPDATE"), ("d", "DELETE")):
                op.execute(f"CREATE TRIGGER {table}_append_only_{suffix} BEFORE {event} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END")
            continue
        op.execute(f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION taftan_refuse_change()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION taftan_refuse_change()")


def downgrade() -> None:
    op.drop_table('exception_decisions')  # triggers go with their tables
    op.drop_index('ix_exception_requests_crossing_id', table_name='exception_requests')
    op.drop_table('exception_requests')
