"""The paged crossing list: every sort is total (ties broken by id) and the same across page
boundaries whichever way a page is read (after a row, before a row, at an offset); filters
count what they show; the same on SQLite and on PostgreSQL.

The expected order is computed in Python from the rows themselves, not read back from SQL:
an ORDER BY that lost its tiebreaker or a keyset condition that lost a row fails here."""

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from taftan_desk.core.channel import Channel
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.services.crossing_lines import CrossingLine
from taftan_desk.services.crossing_list import CROSSING_LIST, crossing_list
from taftan_desk.services.database import Actor
from taftan_desk.services.paging import PagedReader, Request
from tests.paging_support import ORACLE, SHIFT_END, SHIFT_START, register_variety
from tests.support import PASSWORD, TEST_IDENTITY, Desk, FakeClock


def test_every_sort_has_an_oracle() -> None:
    assert set(ORACLE) == set(CROSSING_LIST.sorts)


@pytest.fixture
def shift(desk: Desk) -> tuple[PagedReader[CrossingLine], Request, list[int]]:
    ids = register_variety(desk.services, desk.clock, [desk.officer, desk.supervisor])
    request = CROSSING_LIST.request(registered_from=SHIFT_START, registered_before=SHIFT_END)
    return crossing_list(desk.services.db), request, ids


def check_every_sort_pages_totally(
    reader: PagedReader[CrossingLine], request: Request, ids: list[int]
) -> None:
    for by in CROSSING_LIST.sorts:
        for descending in (False, True):
            check_sort(reader, request.sorted_by(by, descending), ids)


def check_sort(reader: PagedReader[CrossingLine], request: Request, ids: list[int]) -> None:
    where = f"sort {request.sort}"
    whole = reader.page(request, 1_000).rows
    assert sorted(r.id for r in whole) == sorted(ids), where
    oracle = ORACLE[request.sort.by]
    expected = sorted(whole, key=lambda r: (oracle(r), r.id), reverse=request.sort.descending)
    assert [r.id for r in whole] == [r.id for r in expected], where
    if request.sort.by not in ("entry", "container"):  # unique in these crossings
        assert len({oracle(r) for r in whole}) < len(whole), f"{where}: no ties to break"
    for size in (1, 5, 7):
        forward, after = [], None
        pages = []
        while page := reader.page(request, size, after=after):
            pages.append(page)
            forward += page.rows
            after = page.last
            assert len(forward) <= len(whole), f"{where}, pages of {size}: rows repeat"
        assert [r.id for r in forward] == [r.id for r in whole], f"{where}, pages of {size}"
        for n, page in enumerate(pages):
            at = reader.page(request, size, offset=n * size)
            assert at == page, f"{where}: page {n} of {size} at its offset"
            if n + 1 < len(pages):
                back = reader.page(request, size, before=pages[n + 1].first)
                assert back == page, f"{where}: page {n} of {size} read backwards"


def test_every_sort_is_total_and_pages_alike_on_sqlite(shift) -> None:  # type: ignore[no-untyped-def]
    check_every_sort_pages_totally(*shift)


def test_no_sort_expression_is_ever_null(desk: Desk, shift) -> None:  # type: ignore[no-untyped-def]
    """NULL compares as unknown: a keyset condition would lose every row holding one."""
    with desk.services.db.read() as session:
        for by, expression in CROSSING_LIST.sorts.items():
            nulls = session.execute(
                select(func.count()).select_from(CROSSING_LIST.source).where(expression.is_(None))
            ).scalar_one()
            assert nulls == 0, by
        declared = session.execute(text("SELECT count(*) FROM crossings WHERE net_kg IS NULL"))
        assert declared.scalar_one() > 0  # the data does hold NULLs for the sorts to cover


def _lines(reader: PagedReader[CrossingLine], request: Request) -> list[CrossingLine]:
    return list(reader.page(request, 1_000).rows)


FILTERS: list[tuple[str, Any, Callable[[CrossingLine], bool]]] = [
    ("direction", "in", lambda r: r.direction == "in"),
    ("mode", "rail", lambda r: r.mode == "rail"),
    ("cargo", "textiles", lambda r: r.cargo_category == "textiles"),
    ("channel", "green", lambda r: r.channel is Channel.GREEN),
    ("status", ("held", "released"), lambda r: r.status in (Status.HELD, Status.RELEASED)),
    ("open", True, lambda r: r.is_open),
    ("open", False, lambda r: not r.is_open),
    ("held", True, lambda r: r.on_hold),
    ("over_kg", 18_000, lambda r: (r.shown_net_kg or 0) > 18_000),
    ("text", "msku00001", lambda r: "MSKU00001" in r.container_no),
    ("text", "kppi-hc", lambda r: True),  # every GD number holds it, in capitals
    ("text", "pr-1000", lambda r: r.mode == "rail" and "PR-1000" in r.vehicle),
    ("text", "%", lambda r: False),  # a wildcard typed is a character searched for
]


@pytest.mark.parametrize(("name", "value", "keeps"), FILTERS)
def test_a_filter_counts_and_shows_the_rows_it_keeps(shift, name, value, keeps) -> None:  # type: ignore[no-untyped-def]
    reader, request, _ = shift
    everything = _lines(reader, request)
    filtered = request.filtered(name, value)
    expected = [r.id for r in everything if keeps(r)]
    assert [r.id for r in _lines(reader, filtered)] == expected
    assert reader.count(filtered) == len(expected)
    opened = reader.open(filtered, 3)
    assert opened.total == len(expected) and [r.id for r in opened.page.rows] == expected[:3]


def test_filters_add_up_and_the_shift_bounds_the_list(desk: Desk, shift) -> None:  # type: ignore[no-untyped-def]
    reader, request, ids = shift
    assert reader.count(request) == len(ids)
    assert reader.count(CROSSING_LIST.request()) == len(ids) + 2  # one before, one after
    both = request.filtered("direction", "out").filtered("held", True)
    lines = _lines(reader, request)
    assert reader.count(both) == sum(r.direction == "out" and r.on_hold for r in lines)
    assert reader.count(both.filtered("held", None)) == sum(r.direction == "out" for r in lines)
    officer = request.filtered("officer", desk.officer.user_id)
    assert {r.officer for r in _lines(reader, officer)} == {"Ali Khan"}


def test_a_shift_is_the_period_the_daily_report_counts(desk: Desk, shift) -> None:  # type: ignore[no-untyped-def]
    """The shift each crossing stored (06:00-14:00 on the 28th is shift 1) holds the same
    crossings as the time window, and as the daily report's count of that shift."""
    reader, request, ids = shift
    period = desk.services.reports.period(SHIFT_START.date(), 1)
    by_period = CROSSING_LIST.request(period=period)
    assert [r.id for r in _lines(reader, by_period)] == [r.id for r in _lines(reader, request)]
    assert reader.count(by_period) == len(ids)
    report = desk.services.reports.daily(desk.supervisor, SHIFT_START.date(), 1)
    assert len(report.rows) == len(ids)


def test_a_shift_of_crossings_with_no_stored_shift_is_read_through_the_time_index(
    desk: Desk, shift
) -> None:  # type: ignore[no-untyped-def]
    """Crossings from before schema 0006 stored no shift; SQLite must find them by time, not
    walk every such crossing in ix_crossings_shift (450 ms a shift at a million rows)."""
    from sqlalchemy import event

    reader, _, _ = shift
    period = desk.services.reports.period(SHIFT_START.date(), 1)
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, many) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    engine = desk.services.db.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        reader.open(CROSSING_LIST.request(period=period), 10)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    reads = [(sql, params) for sql, params in seen if "FROM crossings" in sql]
    assert len(reads) == 2  # the count and the first page
    with engine.connect() as conn:
        for sql, params in reads:
            plan = " ".join(
                r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
            )
            assert "ix_crossings_registered_at" in plan, plan


def test_an_unknown_sort_or_filter_is_refused(shift) -> None:  # type: ignore[no-untyped-def]
    reader, request, _ = shift
    with pytest.raises(ValueError, match="cannot sort"):
        reader.page(request.sorted_by("password_hash"), 10)
    with pytest.raises(ValueError, match="no filter"):
        reader.count(request.filtered("password_hash", "x"))


def test_the_desk_queue_is_a_paged_table_too(desk: Desk, shift) -> None:  # type: ignore[no-untyped-def]
    """The queue's own pieces (columns, rows, sorts, the day and the open from earlier) make
    a PagedTable that reads what QueryService.desk_queue reads: the queue can move over."""
    from sqlalchemy import and_, or_

    from taftan_desk.db.models import Crossing
    from taftan_desk.services import queries
    from taftan_desk.services.paging import PagedTable, Sort

    day, zone = SHIFT_START.date(), desk.services.settings.current().zone
    start, end = queries.day_bounds(day, zone)
    queue = PagedTable(
        source=Crossing.__table__,  # type: ignore[attr-defined]
        columns=queries.QUEUE_COLUMNS,
        make_row=queries._queue_row,
        key=Crossing.id,
        sorts={name: sql for name, (sql, _) in queries.SORT_KEYS.items()},
        filters={
            "queue_of": lambda bounds: or_(
                and_(Crossing.registered_at >= bounds[0], Crossing.registered_at < bounds[1]),
                and_(Crossing.status.in_(queries._OPEN_STATES), Crossing.registered_at < start),  # type: ignore[attr-defined]
            )
        },
        default_sort=Sort("time"),
    )
    reader = PagedReader(desk.services.db, queue)
    for by in queries.SORT_KEYS:
        for descending in (False, True):
            request = queue.request(queue_of=(start, end)).sorted_by(by, descending)
            sort = queries.QueueSort(by, descending)
            assert reader.page(request, 1_000).rows == tuple(
                desk.services.queries.desk_queue(day, zone, limit=1_000, sort=sort)
            )


# -- the same on a station's PostgreSQL server ----------------------------------------------
@pytest.fixture(scope="module")
def pg_shift(pg_url: str) -> Iterator[tuple[PagedReader[CrossingLine], Request, list[int]]]:
    """A database of its own on the test cluster, with the same crossings."""
    name = f"paging_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # a name cannot be a bound parameter
    engine = make_engine(make_url(pg_url).set(database=name).render_as_string(False))
    try:
        migrate.upgrade(engine)
        clock = FakeClock()
        services = Services.build(engine, clock, TEST_IDENTITY)
        setup = Actor(None, "test-setup", Role.ADMIN)
        services.keys.establish(setup)
        services.settings.initialise(setup, "TFT")
        services.settings.update(setup, {"random_seed": "test-seed", "random_rate_bp": 0})
        services.accounts.add(setup, "admin", Role.ADMIN, PASSWORD, "Admin")
        officers = [
            Actor(u.id, u.username, u.role, u.full_name)
            for u in (
                services.accounts.add(setup, "ali", Role.OFFICER, PASSWORD, "Ali Khan"),
                services.accounts.add(setup, "sara", Role.SUPERVISOR, PASSWORD, "Sara Baloch"),
            )
        ]
        ids = register_variety(services, clock, officers)
        request = CROSSING_LIST.request(registered_from=SHIFT_START, registered_before=SHIFT_END)
        yield crossing_list(services.db), request, ids
    finally:
        engine.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
        server.dispose()


def test_every_sort_is_total_and_pages_alike_on_postgres(pg_shift) -> None:  # type: ignore[no-untyped-def]
    check_every_sort_pages_totally(*pg_shift)


@pytest.mark.parametrize(("name", "value", "keeps"), FILTERS)
def test_a_filter_counts_what_it_keeps_on_postgres(pg_shift, name, value, keeps) -> None:  # type: ignore[no-untyped-def]
    reader, request, _ = pg_shift
    expected = [r.id for r in _lines(reader, request) if keeps(r)]
    filtered = request.filtered(name, value)
    assert [r.id for r in _lines(reader, filtered)] == expected
    assert reader.count(filtered) == len(expected)
