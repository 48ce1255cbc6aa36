"""The closed-crossing guard holds an amendment to its own approval: the revision's approval
must be an amendment's, of this very crossing (one approval, one revision: a unique index),
and an amendment changes neither the decision and weights nor who registered it, when, in
which shift, or the random draw.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 19:00:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_CLOSED = """CREATE TRIGGER crossings_closed_u BEFORE UPDATE ON crossings
WHEN OLD.status IN ('released', 'refused') AND NOT (
    NEW.status = OLD.status AND NEW.closed_at IS OLD.closed_at
    AND NEW.closed_by IS OLD.closed_by AND NEW.entry_no = OLD.entry_no
    AND NEW.gross_kg IS OLD.gross_kg AND NEW.tare_kg IS OLD.tare_kg
    AND NEW.net_kg IS OLD.net_kg AND NEW.weighed_at IS OLD.weighed_at
    AND NEW.weighed_by IS OLD.weighed_by AND NEW.registered_at IS OLD.registered_at
    AND NEW.registered_by IS OLD.registered_by AND NEW.random_draw_bp IS OLD.random_draw_bp
    AND NEW.random_rate_bp IS OLD.random_rate_bp AND NEW.shift_day IS OLD.shift_day
    AND NEW.shift_no IS OLD.shift_no AND NEW.revision = OLD.revision + 1
    AND EXISTS (SELECT 1 FROM crossing_revisions r JOIN approvals a ON a.id = r.approval_id
        WHERE r.crossing_id = OLD.id AND r.revision_no = NEW.revision AND r.closed
        AND a.kind = 'amend' AND a.crossing_id = OLD.id))
BEGIN SELECT RAISE(ABORT, 'closed crossings change only by amendment'); END"""
_SQLITE_CLOSED_0005 = """CREATE TRIGGER crossings_closed_u BEFORE UPDATE ON crossings
WHEN OLD.status IN ('released', 'refused') AND NOT (
    NEW.status = OLD.status AND NEW.closed_at IS OLD.closed_at
    AND NEW.closed_by IS OLD.closed_by AND NEW.entry_no = OLD.entry_no
    AND NEW.gross_kg IS OLD.gross_kg AND NEW.tare_kg IS OLD.tare_kg
    AND NEW.net_kg IS OLD.net_kg AND NEW.revision = OLD.revision + 1
    AND EXISTS (SELECT 1 FROM crossing_revisions r WHERE r.crossing_id = OLD.id
        AND r.revision_no = NEW.revision AND r.closed AND r.approval_id IS NOT NULL))
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
               AND NEW.weighed_at IS NOT DISTINCT FROM OLD.weighed_at
               AND NEW.weighed_by IS NOT DISTINCT FROM OLD.weighed_by
               AND NEW.registered_at IS NOT DISTINCT FROM OLD.registered_at
               AND NEW.registered_by IS NOT DISTINCT FROM OLD.registered_by
               AND NEW.random_draw_bp IS NOT DISTINCT FROM OLD.random_draw_bp
               AND NEW.random_rate_bp IS NOT DISTINCT FROM OLD.random_rate_bp
               AND NEW.shift_day IS NOT DISTINCT FROM OLD.shift_day
               AND NEW.shift_no IS NOT DISTINCT FROM OLD.shift_no
               AND NEW.revision = OLD.revision + 1
               AND EXISTS (SELECT 1 FROM crossing_revisions r
                   JOIN approvals a ON a.id = r.approval_id
                   WHERE r.crossing_id = OLD.id AND r.revision_no = NEW.revision AND r.closed
                   AND a.kind = 'amend' AND a.crossing_id = OLD.id) THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION '% on % refused: records are evidence', TG_OP, TG_TABLE_NAME;
    END $$"""
_PG_GUARD_0005 = """CREATE OR REPLACE FUNCTION taftan_refuse_change() RETURNS trigger
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


def upgrade() -> None:
    op.create_index('ix_crossing_revisions_approval_id', 'crossing_revisions', ['approval_id'], unique=True)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS crossings_closed_u")
        op.execute(_SQLITE_CLOSED)
    else:
        op.execute(_PG_GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS crossings_closed_u")
        op.execute(_SQLITE_CLOSED_0005)
    else:
        op.execute(_PG_GUARD_0005)
    op.drop_index('ix_crossing_revisions_approval_id', table_name='crossing_revisions')
