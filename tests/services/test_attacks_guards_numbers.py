"""What the audit chain cannot see by itself: guards dropped, disabled or altered behind the
desk's back, and an entry-number sequence wound back or with numbers missing."""

import pytest
from sqlalchemy import text

from taftan_desk.core.errors import StorageError
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services import integrity
from tests.support import WEIGHED_ROAD, Desk, run_sql


def _failure(desk: Desk, line: str) -> str:
    report = desk.services.health.check()
    found = {item.name: item for item in report.lines}
    assert not found[line].ok, report.render()
    return found[line].detail


def test_a_fresh_station_has_exactly_the_guards_the_migrations_make(desk: Desk) -> None:
    with desk.services.db.engine.connect() as conn:
        assert integrity.guard_problems(conn) == []
        assert integrity.entry_number_problems(conn) == []


@pytest.mark.parametrize(
    "statements,finding",
    [
        (["DROP TRIGGER seals_append_only_u"], "trigger seals_append_only_u is missing"),
        (
            ["DROP TRIGGER crossings_closed_u",
             "CREATE TRIGGER crossings_closed_u BEFORE UPDATE ON crossings WHEN 0 "
             "BEGIN SELECT RAISE(ABORT, 'closed crossings change only by amendment'); END"],
            "trigger crossings_closed_u was altered",
        ),
        (
            ["CREATE TRIGGER sneaky AFTER INSERT ON crossings BEGIN SELECT 1; END"],
            "trigger sneaky is not one the desk made",
        ),
    ],
)  # fmt: skip
def test_guards_changed_behind_the_desks_back_are_reported(
    desk: Desk, statements: list[str], finding: str
) -> None:
    run_sql(desk.path, *statements)
    assert finding in _failure(desk, "guards")


def test_a_counter_wound_back_is_reported_and_registration_says_why(desk: Desk) -> None:
    first = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    run_sql(desk.path, "UPDATE entry_counters SET last_value = last_value - 1")
    detail = _failure(desk, "entry numbers")
    assert "the 2026 entry-number counter is at 1 but entry 2600000002 was issued" in detail
    with pytest.raises(StorageError, match=r"counter is behind .*2600000002 exists"):
        desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    assert first.entry_no == "2600000001"


def test_missing_entry_numbers_are_reported(desk: Desk) -> None:
    for _ in range(4):
        desk.services.crossings.register(desk.officer, WEIGHED_ROAD)
    run_sql(
        desk.path,
        "PRAGMA foreign_keys = OFF",
        "DROP TRIGGER crossings_no_delete",
        "DROP TRIGGER seals_append_only_d",
        "DELETE FROM seals WHERE crossing_id IN "
        "(SELECT id FROM crossings WHERE entry_no IN ('2600000002', '2600000003'))",
        "DELETE FROM crossings WHERE entry_no IN ('2600000002', '2600000003')",
        "UPDATE entry_counters SET last_value = 6",
    )
    detail = _failure(desk, "entry numbers")
    assert "4 entry number(s) of 2026 were issued but have no crossing" in detail
    assert "(2600000002–2600000003, 2600000005–2600000006)" in detail


def test_guards_disabled_or_replaced_on_postgres_are_reported(pg_url: str) -> None:
    engine = make_engine(pg_url)
    migrate.upgrade(engine)  # the session's server: a no-op when another test migrated it
    try:
        with engine.connect() as conn:
            conn.execute(text("ALTER TABLE seals DISABLE TRIGGER seals_guard"))
            conn.execute(text("DROP TRIGGER users_no_truncate ON users"))
            conn.execute(
                text(
                    "CREATE OR REPLACE FUNCTION taftan_refuse_change() RETURNS trigger "
                    "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
                )
            )
            problems = integrity.guard_problems(conn)
            conn.rollback()  # DDL is transactional on PostgreSQL: the server is unharmed
        with engine.connect() as conn:
            assert integrity.guard_problems(conn) == []
    finally:
        engine.dispose()
    assert "trigger seals_guard is disabled" in problems
    assert "trigger users_no_truncate is missing (dropped)" in problems
    assert "the guard function taftan_refuse_change() was altered" in problems
