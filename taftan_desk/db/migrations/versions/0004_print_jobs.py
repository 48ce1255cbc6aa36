"""What became of each printed copy: where it was sent and the spooler's job, and copies
cancelled in the queue before they printed.

A new append-only table; printed_documents is not touched.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 15:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "print_jobs"


def upgrade() -> None:
    op.create_table(_TABLE,
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('destination', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['document_id'], ['printed_documents.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'event')
    )
    op.create_index('ix_print_jobs_document_id', _TABLE, ['document_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for suffix, event in (("u", "UPDATE"), ("d", "DELETE")):
            op.execute(f"CREATE TRIGGER {_TABLE}_append_only_{suffix} BEFORE {event} ON {_TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{_TABLE} are append-only'); END")
        return
    op.execute(f"CREATE TRIGGER {_TABLE}_guard BEFORE UPDATE OR DELETE ON {_TABLE} "
               "FOR EACH ROW EXECUTE FUNCTION taftan_refuse_change()")
    op.execute(f"CREATE TRIGGER {_TABLE}_no_truncate BEFORE TRUNCATE ON {_TABLE} "
               "FOR EACH STATEMENT EXECUTE FUNCTION taftan_refuse_change()")


def downgrade() -> None:
    op.drop_index('ix_print_jobs_document_id', table_name=_TABLE)
    op.drop_table(_TABLE)  # its triggers go with it
