"""The shift each crossing was registered in, and shift sign-offs (append-only).

Columns are added in place; existing crossings keep no shift (the review finds them by
their registration time).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 18:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "shift_signoffs"


def upgrade() -> None:
    op.add_column('crossings', sa.Column('shift_day', sa.Date(), nullable=True))
    op.add_column('crossings', sa.Column('shift_no', sa.Integer(), nullable=True))
    op.create_index('ix_crossings_shift', 'crossings', ['shift_day', 'shift_no'], unique=False)
    op.create_table(_TABLE,
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_day', sa.Date(), nullable=False),
    sa.Column('shift_no', sa.Integer(), nullable=False),
    sa.Column('signed_by', sa.Integer(), nullable=True),
    sa.Column('signed_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('totals_json', sa.Text(), nullable=False),
    sa.Column('head_event_id', sa.Integer(), nullable=False),
    sa.Column('head_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('anchor_path', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.ForeignKeyConstraint(['signed_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('shift_day', 'shift_no')
    )
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
    op.drop_table(_TABLE)  # its triggers go with it
    op.drop_index('ix_crossings_shift', table_name='crossings')
    if op.get_bind().dialect.name == "sqlite":  # in place: keep crossings' guards
        op.execute("ALTER TABLE crossings DROP COLUMN shift_no")
        op.execute("ALTER TABLE crossings DROP COLUMN shift_day")
    else:
        op.drop_column('crossings', 'shift_no')
        op.drop_column('crossings', 'shift_day')
