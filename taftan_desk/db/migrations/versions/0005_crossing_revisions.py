"""Corrections of a crossing's registration: crossing_revisions (append-only) and a revision
counter on crossings. The closed-crossing guard now lets a released or refused crossing
change only as an amendment: the next revision number, with a revision row a supervisor
approved, and the decision, its time and the weights untouched.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 17:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import taftan_desk.db.types

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "crossing_revisions"

_SQLITE_CLOSED = """CREATE TRIGGER crossings_closed_u BEFORE UPDATE ON crossings
WHEN OLD.status IN ('released', 'refused') AND NOT (
    NEW.status = OLD.status AND NEW.closed_at IS OLD.closed_at
    AND NEW.closed_by IS OLD.closed_by AND NEW.entry_no = OLD.entry_no
    AND NEW.gross_kg IS OLD.gross_kg AND NEW.tare_kg IS OLD.tare_kg
    AND NEW.net_kg IS OLD.net_kg AND NEW.revision = OLD.revision + 1
    AND EXISTS (SELECT 1 FROM crossing_revisions r WHERE r.crossing_id = OLD.id
        AND r.revision_no = NEW.revision AND r.closed AND r.approval_id IS NOT NULL))
BEGIN SELECT RAISE(ABORT, 'closed crossings change only by amendment'); END"""
_SQLITE_CLOSED_0001 = """CREATE TRIGGER crossings_closed_u BEFORE UPDATE ON crossings
WHEN OLD.status IN ('released', 'refused')
BEGIN SELECT RAISE(ABORT, 'closed crossings change only by amendment'); END"""

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
            IF NEW.status = OLD.status
               AND NEW.closed_at IS NOT DISTINCT FROM OLD.closed_at
               AND NEW.closed_by IS NOT DISTINCT FROM OLD.closed_by
               AND NEW.entry_no = OLD.entry_no
               AND NEW.gross_kg IS NOT DISTINCT FROM OLD.gross_kg
               AND NEW.tare_kg IS NOT DISTINCT FROM OLD.tare_kg
               AND NEW.net_kg IS NOT DISTINCT FROM OLD.net_kg
               AND NEW.revision = OLD.revision + 1
               AND EXISTS (SELECT 1 FROM crossing_revisions r WHERE r.crossing_id = OLD.id
                   AND r.revision_no = NEW.revision AND r.closed
                   AND r.approval_id IS NOT NULL) THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION '% on % refused: records are evidence', TG_OP, TG_TABLE_NAME;
    END $$"""
_PG_GUARD_0003 = """CREATE OR REPLACE FUNCTION taftan_refuse_change() RETURNS trigger
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


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:  # ADD COLUMN below is not an UPDATE: no trigger sees it, but drop it first
        op.execute("DROP TRIGGER IF EXISTS crossings_closed_u")
    op.add_column('crossings', sa.Column('revision', sa.Integer(), server_default='0', nullable=False))
    op.create_table(_TABLE,
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('crossing_id', sa.Integer(), nullable=False),
    sa.Column('revision_no', sa.Integer(), nullable=False),
    sa.Column('closed', sa.Boolean(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('before_json', sa.Text(), nullable=False),
    sa.Column('after_json', sa.Text(), nullable=False),
    sa.Column('at', taftan_desk.db.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('by_user', sa.Integer(), nullable=True),
    sa.Column('approval_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['approval_id'], ['approvals.id'], ),
    sa.ForeignKeyConstraint(['by_user'], ['users.id'], ),
    sa.ForeignKeyConstraint(['crossing_id'], ['crossings.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('crossing_id', 'revision_no')
    )
    if sqlite:
        op.execute(_SQLITE_CLOSED)
        for suffix, event in (("u", "UPDATE"), ("d", "DELETE")):
            op.execute(f"CREATE TRIGGER {_TABLE}_append_only_{suffix} BEFORE {event} ON {_TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{_TABLE} are append-only'); END")
        return
    op.execute(_PG_GUARD)
    op.execute(f"CREATE TRIGGER {_TABLE}_guard BEFORE UPDATE OR DELETE ON {_TABLE} "
               "FOR EACH ROW EXECUTE FUNCTION taftan_refuse_change()")
    op.execute(f"CREATE TRIGGER {_TABLE}_no_truncate BEFORE TRUNCATE ON {_TABLE} "
               "FOR EACH STATEMENT EXECUTE FUNCTION taftan_refuse_change()")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("DROP TRIGGER IF EXISTS crossings_closed_u")
    else:
        op.execute(_PG_GUARD_0003)
    op.drop_table(_TABLE)  # its triggers go with it
    if sqlite:  # in place: a batch rebuild of crossings would drop its other guards
        op.execute("ALTER TABLE crossings DROP COLUMN revision")
        op.execute(_SQLITE_CLOSED_0001)
    else:
        op.drop_column('crossings', 'revision')
