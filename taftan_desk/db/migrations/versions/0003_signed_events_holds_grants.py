"""Signed audit events, desk-key certificates, hold facts, single-use grants, forced
password changes.

Columns are added in place (no table rebuild), so the guards of 0001 and 0002 stay as they
are; the two new tables are append-only like the other evidence.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 13:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = ("key_certificates", "crossing_holds")

# 0001's guard read OLD.status for users rows too, which PL/pgSQL refuses ("record old has no
# field status"): every update of an account failed on PostgreSQL. The crossings-only test
# is nested now, so a users row is never asked for a status.
_PG_GUARD = """CREATE OR REPLACE FUNCTION taftan_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'users' THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'crossings' THEN
            IF OLD.status NOT IN ('released', 'refused') THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION '% on % refused: records are evidence', TG_OP, TG_TABLE_NAME;
    END $$"""
_PG_GUARD_0001 = """CREATE OR REPLACE FUNCTION taftan_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('crossings', 'users')
           AND NOT (TG_TABLE_NAME = 'crossings' AND OLD.status IN ('released', 'refused')) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '% on % refused: records are evidence', TG_OP, TG_TABLE_NAME;
    END $$"""


def upgrade() -> None:
    op.drop_index('ix_audit_events_entity', table_name='audit_events')
    op.create_index('ix_audit_events_entity', 'audit_events', ['entity', 'entity_id', 'id'], unique=False)
    op.add_column('audit_events', sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
    op.add_column('audit_events', sa.Column('signature', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True))
    op.add_column('approvals', sa.Column('grant_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
    op.create_index('ix_approvals_grant_id', 'approvals', ['grant_id'], unique=True)
    op.add_column('users', sa.Column('must_change_password', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('crossings', sa.Column('on_hold', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table('key_certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('root_key_id', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('signature', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('issued_at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('issued_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['issued_by'], ['users.id'], ),
    sa.ForeignKeyConstraint(['key_id'], ['station_keys.key_id'], ),
    sa.ForeignKeyConstraint(['root_key_id'], ['station_keys.key_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_key_certificates_key_id', 'key_certificates', ['key_id'], unique=False)
    op.create_table('crossing_holds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('crossing_id', sa.Integer(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('approval_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['approval_id'], ['approvals.id'], ),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['crossing_id'], ['crossings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_crossing_holds_crossing_id', 'crossing_holds', ['crossing_id'], unique=False)
    _create_guards()


def downgrade() -> None:
    _drop_guards()
    op.drop_index('ix_crossing_holds_crossing_id', table_name='crossing_holds')
    op.drop_table('crossing_holds')
    op.drop_index('ix_key_certificates_key_id', table_name='key_certificates')
    op.drop_table('key_certificates')
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_column('must_change_password')
    with op.batch_alter_table('crossings') as batch_op:
        batch_op.drop_column('on_hold')
    op.drop_index('ix_approvals_grant_id', table_name='approvals')
    with op.batch_alter_table('approvals') as batch_op:
        batch_op.drop_column('grant_id')
    with op.batch_alter_table('audit_events') as batch_op:
        batch_op.drop_column('signature')
        batch_op.drop_column('key_id')
    op.drop_index('ix_audit_events_entity', table_name='audit_events')
    op.create_index('ix_audit_events_entity', 'audit_events', ['entity', 'entity_id'], unique=False)


def _create_guards() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(_PG_GUARD)
    for table in _APPEND_ONLY:
        if op.get_bind().dialect.name == "sqlite":
            for suffix, event in (("u", "UPDATE"), ("d", "DELETE")):
                op.execute(f"CREATE TRIGGER {table}_append_only_{suffix} BEFORE {event} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END")
            continue
        op.execute(f"CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION taftan_refuse_change()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION taftan_refuse_change()")


def _drop_guards() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute(_PG_GUARD_0001)
    for table in _APPEND_ONLY:
        if op.get_bind().dialect.name == "sqlite":
            for suffix in ("u", "d"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only_{suffix}")
            continue
        op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
