"""Weighings at the weighbridge: each with where its figures came from (the scale and the
frames it was judged on, a vehicle's remembered tare, or typed with a reason) and a ticket
number; append-only. A vehicle weighed empty is a weighing too: its tare is remembered.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 22:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('weighing_counters',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )
    op.create_table('weighings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(length=6), nullable=False),
    sa.Column('crossing_id', sa.Integer(), nullable=True),
    sa.Column('vehicle_kind', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
    sa.Column('vehicle_no', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('bridge_kg', sa.Integer(), nullable=True),
    sa.Column('bridge_source', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('vehicle_tare_kg', sa.Integer(), nullable=True),
    sa.Column('tare_source', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('vehicle_tare_id', sa.Integer(), nullable=True),
    sa.Column('container_gross_kg', sa.Integer(), nullable=True),
    sa.Column('container_tare_kg', sa.Integer(), nullable=True),
    sa.Column('net_kg', sa.Integer(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('scale_id', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('protocol', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('interval_kg', sa.Integer(), nullable=True),
    sa.Column('frames', sa.Text(), nullable=False),
    sa.Column('weighed_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('weighed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['crossing_id'], ['crossings.id'], ),
    sa.ForeignKeyConstraint(['vehicle_tare_id'], ['weighings.id'], ),
    sa.ForeignKeyConstraint(['weighed_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('ticket_no')
    )
    op.create_index('ix_weighings_crossing_id', 'weighings', ['crossing_id'], unique=False)
    op.create_index('ix_weighings_vehicle', 'weighings',
                    ['vehicle_kind', 'vehicle_no', 'id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for suffix, event in (("u", "UPDATE"), ("d", "DELETE")):
            op.execute(f"CREATE TRIGGER weighings_append_only_{suffix} BEFORE {event} ON "
                       "weighings BEGIN SELECT RAISE(ABORT, 'weighings are append-only'); END")
        return
    op.execute("CREATE TRIGGER weighings_guard BEFORE UPDATE OR DELETE ON weighings "
               "FOR EACH ROW EXECUTE FUNCTION taftan_refuse_change()")
    op.execute("CREATE TRIGGER weighings_no_truncate BEFORE TRUNCATE ON weighings "
               "FOR EACH STATEMENT EXECUTE FUNCTION taftan_refuse_change()")


def downgrade() -> None:
    op.drop_table('weighings')  # triggers go with their table
    op.drop_table('weighing_counters')
