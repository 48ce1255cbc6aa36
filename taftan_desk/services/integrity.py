"""Checks of what the audit chain does not cover: the database's own guards, and the
yearly entry-number sequence (its counter and its gaps)."""

from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy import Connection, text

from taftan_desk.db import guards
from taftan_desk.db.models import Crossing, EntryCounter, Weighing, WeighingCounter
from taftan_desk.services.entry_numbers import format_entry_no

_PG_TRIGGERS = text(
    "SELECT t.tgname, c.relname, t.tgtype, t.tgenabled, p.proname "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_proc p ON p.oid = t.tgfoid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"
)
_PG_FUNCTION = text(
    "SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE p.proname = :name AND n.nspname = current_schema()"
)


def guard_problems(conn: Connection) -> list[str]:
    """Triggers missing, disabled, altered, or added, compared with what the migrations
    create."""
    if conn.dialect.name == "sqlite":
        return _sqlite_guard_problems(conn)
    return _pg_guard_problems(conn)


def _sqlite_guard_problems(conn: Connection) -> list[str]:
    found = {
        name: guards.collapse(sql or "")
        for name, sql in conn.execute(
            text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        )
    }
    return _compare(guards.sqlite_triggers(), found)


def _pg_guard_problems(conn: Connection) -> list[str]:
    rows = conn.execute(_PG_TRIGGERS).all()
    found = {name: (table, tgtype, function) for name, table, tgtype, _, function in rows}
    expected = {
        name: (table, tgtype, guards.PG_FUNCTION)
        for name, (table, tgtype) in guards.pg_triggers().items()
    }
    problems = _compare(expected, found)
    # 'O' fires in normal sessions; 'D' is ALTER TABLE ... DISABLE TRIGGER.
    problems += [f"trigger {row[0]} is disabled" for row in rows if row[3] != "O"]
    body = conn.execute(_PG_FUNCTION, {"name": guards.PG_FUNCTION}).scalar()
    if body is None:
        problems.append(f"the guard function {guards.PG_FUNCTION}() is missing")
    elif guards.collapse(body) != guards.collapse(guards.PG_FUNCTION_BODY):
        problems.append(f"the guard function {guards.PG_FUNCTION}() was altered")
    return problems


def _compare(expected: dict[str, object], found: dict[str, object]) -> list[str]:
    problems = [f"trigger {name} is missing (dropped)" for name in expected if name not in found]
    problems += [
        f"trigger {name} was altered"
        for name, want in expected.items()
        if name in found and found[name] != want
    ]
    problems += [
        f"trigger {name} is not one the desk made" for name in found if name not in expected
    ]
    return problems


_CROSSINGS = Crossing.__table__  # type: ignore[attr-defined]
_COUNTERS = EntryCounter.__table__  # type: ignore[attr-defined]


def entry_number_problems(conn: Connection) -> list[str]:
    """Per year: the counter must be at the highest number issued (or every next
    registration fails), and the numbers 1..counter must all exist (none skipped, none
    removed). A number is issued in the transaction that records its crossing."""
    counters = dict(conn.execute(sa.select(_COUNTERS.c.year, _COUNTERS.c.last_value)).all())
    well_formed = _well_formed(conn)
    prefix = sa.func.substr(_CROSSINGS.c.entry_no, 1, 2)
    years = conn.execute(
        sa.select(prefix, sa.func.count(), sa.func.max(_CROSSINGS.c.entry_no))
        .where(well_formed)
        .group_by(prefix)
    ).all()
    problems = _malformed(conn, well_formed)
    seen_years = set()
    for yy, count, highest in years:
        year = 2000 + int(yy)
        seen_years.add(year)
        top = int(highest[2:])
        counter = counters.get(year, 0)
        if counter < top:
            problems.append(
                f"the {year} entry-number counter is at {counter:,} but entry {highest} was "
                "issued: the next registration would take a used number"
            )
        last = max(counter, top)
        if count != last:
            missing = list(_gaps(conn, yy, last))
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            problems.append(
                f"{last - count:,} entry number(s) of {year} were issued but have no "
                f"crossing ({shown})"
            )
    for year, counter in counters.items():
        if year not in seen_years and counter:
            problems.append(
                f"{counter:,} entry number(s) of {year} were issued but no crossing has one"
            )
    return problems


def ticket_problems(conn: Connection) -> list[str]:
    """Per year: the weighbridge-ticket counter at the highest ticket issued (or every next
    weighing fails) and tickets 1..counter all there (a ticket is issued in the transaction
    that records its weighing; weighings are never deleted)."""
    counters_table = WeighingCounter.__table__  # type: ignore[attr-defined]
    weighings = Weighing.__table__  # type: ignore[attr-defined]
    counters = dict(
        conn.execute(sa.select(counters_table.c.year, counters_table.c.last_value)).all()
    )
    year = sa.func.substr(weighings.c.ticket_no, 2, 2)
    rows = conn.execute(
        sa.select(year, sa.func.count(), sa.func.max(weighings.c.ticket_no)).group_by(year)
    ).all()
    problems = []
    for yy, count, highest in rows:
        full_year = 2000 + int(yy)
        top, counter = int(highest[4:]), counters.pop(full_year, 0)
        if counter < top:
            problems.append(
                f"the {full_year} weighbridge-ticket counter is at {counter:,} but ticket "
                f"{highest} was issued: every next weighing would be refused"
            )
        if count != max(counter, top):
            problems.append(
                f"{max(counter, top) - count:,} weighbridge ticket(s) of {full_year} were "
                "issued but have no weighing"
            )
    problems += [
        f"{counter:,} weighbridge ticket(s) of {year_} were issued but no weighing has one"
        for year_, counter in counters.items()
        if counter
    ]
    return problems


def _well_formed(conn: Connection) -> sa.ColumnElement[bool]:
    """Ten ASCII digits, tested in the database's own C code (GLOB on SQLite)."""
    entry_no = _CROSSINGS.c.entry_no
    if conn.dialect.name == "sqlite":
        return sa.and_(
            sa.func.length(entry_no) == 10, entry_no.op("NOT GLOB", is_comparison=True)("*[^0-9]*")
        )
    return entry_no.regexp_match("^[0-9]{10}$")


def _malformed(conn: Connection, well_formed: sa.ColumnElement[bool]) -> list[str]:
    bad = conn.execute(
        sa.select(sa.func.count(), sa.func.min(_CROSSINGS.c.entry_no)).where(sa.not_(well_formed))
    ).one()
    if not bad[0]:
        return []
    return [f"{bad[0]:,} crossing(s) hold an entry number that is not ten digits ({bad[1]!r})"]


def _gaps(conn: Connection, yy: str, last: int) -> Iterator[str]:
    """Missing numbers as ranges, in order, from a stream of the year's numbers."""
    expected = 1
    rows = conn.execution_options(stream_results=True).execute(
        sa.select(_CROSSINGS.c.entry_no)
        .where(_CROSSINGS.c.entry_no.like(f"{yy}%"))
        .where(_well_formed(conn))
        .order_by(_CROSSINGS.c.entry_no)
    )
    year = 2000 + int(yy)
    for (entry_no,) in rows:
        serial = int(entry_no[2:])
        if serial > expected:
            yield _span(year, expected, serial - 1)
        expected = serial + 1
    if expected <= last:
        yield _span(year, expected, last)


def _span(year: int, first: int, last: int) -> str:
    if first == last:
        return format_entry_no(year, first)
    return f"{format_entry_no(year, first)}–{format_entry_no(year, last)}"
