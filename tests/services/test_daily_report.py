"""The daily report's numbers, over two demo days written through the real services: the CSV
holds exactly the crossings registered in that station-local day (or shift), and every total
equals a count made directly in SQL."""

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.demo import run_demo
from taftan_desk.services.shift_report import CSV_COLUMNS
from tests.support import TEST_IDENTITY, kept

DAY = date(2026, 11, 27)
KARACHI = ZoneInfo("Asia/Karachi")
SUPERVISOR = Actor(None, "report", Role.SUPERVISOR, "Imran Qureshi")


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, Path]]:
    path: Path = tmp_path_factory.mktemp("report") / "demo.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine)
    services = Services.build(engine, identity=TEST_IDENTITY)
    report = run_demo(services, days=2, per_day=60, seed=2709, today=DAY)
    # Reprints and a void, as a shift has them.
    passwords = {u[0]: u[3] for u in report.users}
    officer = services.accounts.authenticate("officer1", passwords["officer1"])
    released = [
        r
        for r in services.reports.daily(SUPERVISOR, DAY).rows
        if r.status == "released" and r.registered_by == "officer1"
    ]
    for row in released[:3]:
        services.documents.issue(officer, row.id, "clearance", "80mm", kept)
        why = "Slip torn in the printer"
        services.documents.issue(officer, row.id, "clearance", "80mm", kept, reason=why)
    record = services.documents.records(released[0].id)[-1]
    approval = services.accounts.approve(
        "supervisor1", passwords["supervisor1"], "Printer jam", Permit.void(record.id, officer)
    )
    services.documents.void(officer, record.id, approval)
    yield services, path
    engine.dispose()


# Crossings whose newest weighing has a reason: something in it was typed.
_TYPED_SQL = (
    "SELECT count(*) FROM weighings w WHERE w.crossing_id IN ({ids}) AND w.reason != '' "
    "AND w.id = (SELECT max(n.id) FROM weighings n WHERE n.crossing_id = w.crossing_id)"
)


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _sql(path: Path, query: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def _day_clause() -> tuple[str, tuple[str, str]]:
    start = datetime.combine(DAY, time(0), tzinfo=KARACHI)
    return (
        "registered_at >= ? AND registered_at < ?",
        (_utc_text(start), _utc_text(start + timedelta(days=1))),
    )


def test_the_csv_holds_exactly_the_crossings_registered_that_day(station) -> None:  # type: ignore[no-untyped-def]
    services, path = station
    where, bounds = _day_clause()
    expected = {e for (e,) in _sql(path, f"SELECT entry_no FROM crossings WHERE {where}", *bounds)}
    everything = {e for (e,) in _sql(path, "SELECT entry_no FROM crossings")}
    assert 0 < len(expected) < len(everything)  # the other day is left out
    text = services.reports.csv_text(DAY)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [*rows[0].keys()] == [*CSV_COLUMNS]
    assert {r["entry_no"] for r in rows} == expected and len(rows) == len(expected)


def test_a_shift_holds_exactly_the_crossings_registered_in_it(station) -> None:  # type: ignore[no-untyped-def]
    services, path = station
    for shift_no in (1, 2, 3):
        expected = {
            e
            for (e,) in _sql(
                path,
                "SELECT entry_no FROM crossings WHERE shift_day = ? AND shift_no = ?",
                DAY.isoformat(),
                shift_no,
            )
        }
        rows = list(csv.DictReader(io.StringIO(services.reports.csv_text(DAY, shift_no))))
        assert expected and {r["entry_no"] for r in rows} == expected
        assert {r["shift"] for r in rows} <= {f"{DAY.isoformat()}/{shift_no}"}
    with pytest.raises(ValidationError, match="from 1 to 3"):
        services.reports.csv_text(DAY, 4)


def test_every_total_equals_a_count_made_in_sql(station) -> None:  # type: ignore[no-untyped-def]
    services, path = station
    totals = services.reports.daily(SUPERVISOR, DAY).totals
    where, b = _day_clause()
    ids = f"SELECT id FROM crossings WHERE {where}"

    def count(query: str, *extra: object) -> int:
        return _sql(path, query, *b, *extra)[0][0]

    assert totals.crossings == count(f"SELECT count(*) FROM crossings WHERE {where}")
    assert totals.overweight == count(
        f"SELECT count(*) FROM crossings WHERE {where} AND net_kg > 22000"
    )
    for status, total in (
        ("released", totals.released),
        ("refused", totals.refused),
    ):
        query = f"SELECT count(*) FROM crossings WHERE {where} AND status = ?"
        assert total == count(query, status)
    assert totals.still_open == count(
        f"SELECT count(*) FROM crossings WHERE {where} AND status NOT IN ('released', 'refused')"
    )
    assert totals.held == count(
        f"SELECT count(DISTINCT crossing_id) FROM crossing_holds WHERE action = 'placed' "
        f"AND crossing_id IN ({ids})"
    )
    assert totals.reprints == count(
        f"SELECT count(*) FROM printed_documents WHERE copy_no > 1 AND crossing_id IN ({ids})"
    )
    assert totals.voids == count(
        "SELECT count(*) FROM document_voids v JOIN printed_documents d ON d.id = v.document_id "
        f"WHERE d.crossing_id IN ({ids})"
    )
    assert totals.reprints >= 3 and totals.voids == 1
    assert totals.overrides == count(
        f"SELECT count(*) FROM approvals WHERE kind LIKE 'release:%' AND crossing_id IN ({ids})"
    )
    assert 0 < totals.weights_typed < totals.crossings
    assert totals.weights_typed == count(_TYPED_SQL.format(ids=ids))
    grouped = _sql(
        path,
        f"SELECT direction, cargo_category, count(*) FROM crossings WHERE {where} "
        "GROUP BY direction, cargo_category",
        *b,
    )
    assert totals.by_direction_category == {(d, c): n for d, c, n in grouped}
    tonnage = _sql(
        path,
        f"SELECT cargo_category, coalesce(sum(net_kg), 0) FROM crossings WHERE {where} "
        "GROUP BY cargo_category",
        *b,
    )
    assert totals.net_kg_by_category == dict(tonnage)
    officers = _sql(
        path,
        f"SELECT u.username, count(*) FROM crossings c JOIN users u ON u.id = c.registered_by "
        f"WHERE c.{where.replace(' AND ', ' AND c.')} GROUP BY u.username",
        *b,
    )
    assert totals.per_officer == dict(officers)
    assert sum(n for _, n in totals.per_hour) == totals.crossings
    assert [h for h, _ in totals.per_hour] == [f"{h:02d}" for h in range(24)]
    assert totals.release_minutes_median is not None
    assert totals.release_minutes_median <= totals.release_minutes_p90  # type: ignore[operator]


def test_a_cell_a_spreadsheet_would_run_stays_text(station) -> None:  # type: ignore[no-untyped-def]
    services, _ = station
    from taftan_desk.services.shift_report import to_csv

    row = services.reports.daily(SUPERVISOR, DAY).rows[0]
    from dataclasses import replace

    hostile = replace(row, description='=HYPERLINK("http://x","click")', gd_number="+1-2")
    [parsed] = list(csv.DictReader(io.StringIO(to_csv([hostile]))))
    assert parsed["description"] == '\'=HYPERLINK("http://x","click")'
    assert parsed["gd_number"] == "'+1-2"


def test_the_readme_documents_every_csv_column() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for column, meaning in CSV_COLUMNS.items():
        assert f"| `{column}` | {meaning} |" in readme


def test_the_crossing_list_filters_by_what_was_printed(station) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.services.crossing_list import CROSSING_LIST, crossing_list

    services, path = station
    reader = crossing_list(services.db)
    period = services.reports.period(DAY)
    where, b = _day_clause()
    ids = f"SELECT id FROM crossings WHERE {where}"
    expected = {
        "printed": "SELECT count(DISTINCT crossing_id) FROM printed_documents "
        f"WHERE crossing_id IN ({ids})",
        "reprinted": "SELECT count(DISTINCT crossing_id) FROM printed_documents "
        f"WHERE copy_no > 1 AND crossing_id IN ({ids})",
        "voided": "SELECT count(DISTINCT d.crossing_id) FROM printed_documents d JOIN "
        f"document_voids v ON v.document_id = d.id WHERE d.crossing_id IN ({ids})",
    }
    counts = {}
    for kind, query in expected.items():
        counts[kind] = reader.count(CROSSING_LIST.request(period=period, papers=kind))
        assert counts[kind] == _sql(path, query, *b)[0][0]
    assert counts["reprinted"] == 3 and counts["voided"] == 1
    unprinted = reader.count(CROSSING_LIST.request(period=period, papers="none"))
    assert unprinted + counts["printed"] == reader.count(CROSSING_LIST.request(period=period))


def test_the_crossing_list_filters_declared_against_measured(station) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.services.crossing_list import CROSSING_LIST, crossing_list

    services, path = station
    period = services.reports.period(DAY)
    where, b = _day_clause()
    found = crossing_list(services.db).count(CROSSING_LIST.request(period=period, differs_kg=500))
    query = f"SELECT count(*) FROM crossings WHERE {where} AND abs(net_kg - declared_net_kg) > 500"
    assert found == _sql(path, query, *b)[0][0] > 0


def test_every_total_printed_in_the_pdf_equals_a_count_made_in_sql(station) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.documents.daily_report import render_daily
    from tests.documents.samples import text_of

    services, path = station
    out = io.BytesIO()
    render_daily(services.reports.daily(SUPERVISOR, DAY), out)
    text = " ".join(text_of(out.getvalue()).split())
    where, b = _day_clause()
    ids = f"SELECT id FROM crossings WHERE {where}"
    counts = {
        "Crossings": f"SELECT count(*) FROM crossings WHERE {where}",
        "Released": f"SELECT count(*) FROM crossings WHERE {where} AND status = 'released'",
        "Refused": f"SELECT count(*) FROM crossings WHERE {where} AND status = 'refused'",
        "Still open": f"SELECT count(*) FROM crossings WHERE {where} "
        "AND status NOT IN ('released', 'refused')",
        "Over the limit": f"SELECT count(*) FROM crossings WHERE {where} AND net_kg > 22000",
        "Held at some time": "SELECT count(DISTINCT crossing_id) FROM crossing_holds "
        f"WHERE action = 'placed' AND crossing_id IN ({ids})",
        "Reprints": "SELECT count(*) FROM printed_documents WHERE copy_no > 1 "
        f"AND crossing_id IN ({ids})",
        "Voids": "SELECT count(*) FROM document_voids v JOIN printed_documents d "
        f"ON d.id = v.document_id WHERE d.crossing_id IN ({ids})",
        "Overrides approved": "SELECT count(*) FROM approvals WHERE kind LIKE 'release:%' "
        f"AND crossing_id IN ({ids})",
        "Weights typed": _TYPED_SQL.format(ids=ids),
    }
    for label, query in counts.items():
        assert f"{label} {_sql(path, query, *b)[0][0]} " in text + " ", label
    for category in ("oil", "gas", "steel", "textiles"):
        row = _sql(
            path,
            "SELECT sum(direction = 'in'), sum(direction = 'out'), count(*), "
            f"coalesce(sum(net_kg), 0) FROM crossings WHERE {where} AND cargo_category = ?",
            *b,
            category,
        )[0]
        inbound, outbound, total, net = (x or 0 for x in row)
        line = f"{category.capitalize()} {inbound} {outbound} {total} {net / 1000:,.1f}"
        assert line in text, line
