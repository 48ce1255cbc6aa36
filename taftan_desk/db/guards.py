"""The database guards the migrations create, as `check` expects to find them.

Migrations are frozen history; this module states what the newest schema must hold, so that
`check` can report a trigger that was dropped, disabled or altered. A test migrates fresh
SQLite and PostgreSQL databases and compares them with this list, so the two cannot drift.
"""

# Rows written once and never changed, and rows that are never deleted.
APPEND_ONLY = (
    "audit_events",
    "seals",
    "inspections",
    "approvals",
    "station_keys",
    "printed_documents",
    "document_voids",
    "key_certificates",
    "crossing_holds",
    "print_jobs",
    "crossing_revisions",
    "shift_signoffs",
    "exception_requests",
    "exception_decisions",
    "manifests",
    "expected_containers",
    "manifest_withdrawals",
    "weighings",
)
NEVER_DELETED = ("crossings", "users")
PG_FUNCTION = "taftan_refuse_change"
PG_FUNCTION_BODY = """
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
    END """

_CLOSED_WHEN = """WHEN OLD.status IN ('released', 'refused') AND NOT (
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
        AND a.kind = 'amend' AND a.crossing_id = OLD.id))"""

# pg_trigger.tgtype bits
_ROW, _BEFORE, _DELETE, _UPDATE, _TRUNCATE = 1, 2, 8, 16, 32


def sqlite_triggers() -> dict[str, str]:
    """Trigger name → its CREATE statement, whitespace collapsed."""
    triggers = {}
    for table in APPEND_ONLY:
        for suffix, event in (("u", "UPDATE"), ("d", "DELETE")):
            name = f"{table}_append_only_{suffix}"
            triggers[name] = (
                f"CREATE TRIGGER {name} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
            )
    for table in NEVER_DELETED:
        name = f"{table}_no_delete"
        triggers[name] = (
            f"CREATE TRIGGER {name} BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} are never deleted'); END"
        )
    # A closed crossing changes only as an amendment approved for it (0005, 0008).
    triggers["crossings_closed_u"] = collapse(
        "CREATE TRIGGER crossings_closed_u BEFORE UPDATE ON crossings "
        + _CLOSED_WHEN
        + " BEGIN SELECT RAISE(ABORT, 'closed crossings change only by amendment'); END"
    )
    return triggers


def pg_triggers() -> dict[str, tuple[str, int]]:
    """Trigger name → (table, tgtype); every one calls PG_FUNCTION and must be enabled."""
    triggers = {}
    for table in APPEND_ONLY + NEVER_DELETED:
        triggers[f"{table}_guard"] = (table, _ROW | _BEFORE | _DELETE | _UPDATE)
        triggers[f"{table}_no_truncate"] = (table, _BEFORE | _TRUNCATE)
    return triggers


def collapse(sql: str) -> str:
    return " ".join(sql.split())
