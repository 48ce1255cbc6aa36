"""Manifests of pre-announced containers: the manifest, its expected containers and its
withdrawal (all append-only), and on each crossing the manifest row it came from and the
fields the officer registered differently.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 19:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("manifests", "expected_containers", "manifest_withdrawals")


def upgrade() -> None:
    op.create_table('manifests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('file_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('rows_digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('imported_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['imported_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('expected_containers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('manifest_id', sa.Integer(), nullable=False),
    sa.Column('row_no', sa.Integer(), nullable=False),
    sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('mode', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
    sa.Column('container_no', sqlmodel.sql.sqltypes.AutoString(length=11), nullable=False),
    sa.Column('cargo_category', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('declared_net_kg', sa.Integer(), nullable=False),
    sa.Column('truck_plate', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('train_no', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('wagon_no', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('size_type', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=True),
    sa.Column('seals', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('hs_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('gd_number', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('tir_carnet', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('consignee', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('expected_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['manifest_id'], ['manifests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('manifest_id', 'row_no')
    )
    op.create_index('ix_expected_containers_container_no', 'expected_containers', ['container_no'], unique=False)
    op.create_index('ix_expected_containers_expected_on', 'expected_containers', ['expected_on'], unique=False)
    op.create_index('ix_expected_containers_train', 'expected_containers', ['train_no', 'wagon_no'], unique=False)
    op.create_table('manifest_withdrawals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('manifest_id', sa.Integer(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('withdrawn_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['manifest_id'], ['manifests.id'], ),
    sa.ForeignKeyConstraint(['withdrawn_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('manifest_id')
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    # In place on SQLite (a table rebuild would drop the crossings' guards).
    if sqlite:
        op.execute("ALTER TABLE crossings ADD COLUMN expected_id INTEGER "
                   "REFERENCES expected_containers (id)")
    else:
        op.add_column('crossings', sa.Column('expected_id', sa.Integer(), nullable=True))
        op.create_foreign_key('crossings_expected_id_fkey', 'crossings',
                              'expected_containers', ['expected_id'], ['id'])
    op.add_column('crossings', sa.Column('manifest_changes_json', sa.Text(), nullable=True))
    op.create_index('ix_crossings_expected_id', 'crossings', ['expected_id'], unique=False)
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
    op.drop_index('ix_crossings_expected_id', table_name='crossings')
    if op.get_bind().dialect.name == "sqlite":  # in place: keep crossings' guards
        op.execute("ALTER TABLE crossings DROP COLUMN manifest_changes_json")
        op.execute("ALTER TABLE crossings DROP COLUMN expected_id")
    else:
        op.drop_column('crossings', 'manifest_changes_json')
        op.drop_column('crossings', 'expected_id')
    op.drop_table('manifest_withdrawals')  # triggers go with their tables
    op.drop_table('expected_containers')
    op.drop_table('manifests')
