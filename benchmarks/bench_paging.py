"""Paging benchmark: the paged crossing list on a database of a million crossings.

Run from the project root, on a database bench_store.py built (it is only read):

    .venv/bin/python benchmarks/bench_paging.py --db /tmp/taftan-bench/bench-1m.db
                                                [--samples 20] [--whole-samples 5]

Three parts, warm page cache, times in ms:
- a shift: one 8-hour shift (06:00-14:00 station time) of a busy day, as the supervisor's
  review opens it: open (count + first page), change the sort (every sort in turn), change a
  filter (one after another), the second page;
- the whole table, no filter: open, each sort, filters, and a page deep down the list read
  at its offset and next to a page already read (keyset, after and before);
- the Qt model (offscreen QTableView) over both: from asking to `loaded` (a new request's
  count and first page shown) or `page_loaded` (a jump to row 900,000), thread hops included.

Targets (issue 11): open a shift <= 200 ms, change its filter or sort <= 100 ms (p95).
It prints numbers only; it asserts nothing.
"""

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from timing import Timing, timed

from taftan_desk.db.engine import make_engine
from taftan_desk.services.crossing_list import CROSSING_LIST, crossing_list
from taftan_desk.services.database import Database
from taftan_desk.services.paging import PagedReader, Request
from taftan_desk.services.settings_service import SettingsService
from taftan_desk.services.shift_report import ReportService

WARM_UP = 2
PAGE = 200
TARGETS_MS = {"open": 200.0, "change": 100.0}
FILTERS: list[tuple[str, Any]] = [
    ("direction", "in"),
    ("channel", "red"),
    ("held", True),
    ("open", True),
    ("over_kg", 22_000),
    ("text", "MSKU1"),
    ("cargo", "steel"),
]


def busiest_shift(path: Path, zone: Any) -> tuple[datetime, datetime]:
    """06:00-14:00 station time on the last day with 1,000 crossings (bench_store's full
    days), as UTC instants."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT substr(registered_at, 1, 10) AS d, count(*) FROM crossings "
            "WHERE registered_at >= date('now', '-60 days') GROUP BY d ORDER BY 2 DESC, 1 DESC"
        ).fetchall()
    finally:
        conn.close()
    day = datetime.fromisoformat(rows[0][0]).date() if rows else datetime.now().date()
    start = datetime.combine(day, time(6), tzinfo=zone)
    return start, start + timedelta(hours=8)


def shift_request(db: Database, path: Path, start: datetime, end: datetime) -> tuple[Request, str]:
    """The shift as the review asks for it: the daily report's period from schema 0006 on
    (the shift each crossing stored, else its time: bulk rows stored none), else the bare
    time window."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(crossings)")}
    conn.close()
    starts = SettingsService(db).current().shift_times()
    if "shift_day" in columns and start.timetz().replace(tzinfo=None) in starts:
        number = starts.index(start.timetz().replace(tzinfo=None)) + 1
        period = ReportService(db).period(start.date(), number)
        return CROSSING_LIST.request(period=period), f"period (shift {number}: stored, else time)"
    return CROSSING_LIST.request(registered_from=start, registered_before=end), "time window"


def measure(name: str, calls: list[Callable[[], object]], note: str = "") -> Timing:
    timed(calls[:WARM_UP])
    return Timing(name, timed(calls[WARM_UP:]), note)


def cycle(items: list[Any], n: int) -> list[Any]:
    return [items[i % len(items)] for i in range(n + WARM_UP)]


Row = tuple[Timing, float | None]


def service_measures(
    reader: PagedReader[Any], shift: Request, samples: int, whole_samples: int
) -> list[Row]:
    sorts = [shift.sorted_by(by, d) for by in CROSSING_LIST.sorts for d in (False, True)]
    filters = [shift.filtered(*f) for f in FILTERS]
    first = reader.open(shift, PAGE)
    n = samples + WARM_UP

    def opens(requests: list[Request]) -> list[Callable[[], object]]:
        return [lambda r=r: reader.open(r, PAGE) for r in requests]

    second = [lambda: reader.page(shift, PAGE, after=first.page.last)] * n
    open_, change = TARGETS_MS["open"], TARGETS_MS["change"]
    rows: list[Row] = [
        (measure("shift: open", opens([shift] * n), f"{first.total} crossings"), open_),
        (measure("shift: change sort", opens(cycle(sorts, samples)), "every sort"), change),
        (measure("shift: change filter", opens(cycle(filters, samples)), _names()), change),
        (measure("shift: next page", second), None),
    ]
    everything = CROSSING_LIST.request()
    m = whole_samples + WARM_UP
    rows.append((measure("whole: open", opens([everything] * m)), open_))
    for by in CROSSING_LIST.sorts:
        request = everything.sorted_by(by, True)
        rows.append((measure(f"whole: sort {by}", opens([request] * m), "descending"), change))
    for name, value in FILTERS:
        request = everything.filtered(name, value)
        rows.append((measure(f"whole: filter {name}", opens([request] * m)), change))
    return rows + deep_pages(reader, everything, m)


def _names() -> str:
    return ", ".join(name for name, _ in FILTERS)


def deep_pages(reader: PagedReader[Any], request: Request, n: int) -> list[Row]:
    deep = 900_000
    at = reader.page(request, PAGE, offset=deep)
    offset = [lambda: reader.page(request, PAGE, offset=deep)] * n
    after = [lambda: reader.page(request, PAGE, after=at.last)] * n
    before = [lambda: reader.page(request, PAGE, before=at.first)] * n
    return [
        (measure("whole: page at 900,000", offset, "OFFSET, time order"), None),
        (measure("whole: page after it", after, "keyset"), None),
        (measure("whole: page before it", before, "keyset"), None),
    ]


def model_measures(reader: PagedReader[Any], shift: Request, zone: Any, samples: int) -> list[Row]:
    """The same through PagedTableModel in a shown QTableView: ask, then wait for the
    answer on the GUI thread."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    from taftan_desk.ui.models.crossing_list_model import crossing_list_model

    app = QApplication.instance() or QApplication(sys.argv[:1])
    view = QTableView()
    view.resize(1200, 800)
    model = crossing_list_model(reader, zone, shift, parent=view)
    view.setModel(model)
    view.show()

    def until(signal: Any, ask: Callable[[], None]) -> Callable[[], None]:
        def call() -> None:
            loop = QEventLoop()
            signal.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            ask()
            loop.exec()
            signal.disconnect(loop.quit)

        return call

    def asks(requests: list[Request]) -> list[Callable[[], None]]:
        return [until(model.loaded, lambda r=r: model.set_request(r)) for r in requests]

    def jump(row: int) -> Callable[[], None]:
        def go() -> None:
            view.scrollTo(model.index(row, 0))
            app.processEvents()  # paints: data() asks for the row's page

        return until(model.page_loaded, go)

    sorts = [shift.sorted_by(by, d) for by in CROSSING_LIST.sorts for d in (False, True)]
    filters = [shift.filtered(*f) for f in FILTERS]
    everything = [CROSSING_LIST.request()] * 5
    open_, change = TARGETS_MS["open"], TARGETS_MS["change"]
    rows: list[Row] = [
        (measure("model: open shift", asks([shift] * (samples + WARM_UP))), open_),
        (measure("model: sort shift", asks(cycle(sorts, samples))), change),
        (measure("model: filter shift", asks(cycle(filters, samples))), change),
        (measure("model: open whole", asks(everything)), open_),
    ]
    deep = (900_000, 500_000, 100_000, 950_000, 700_000, 300_000, 999_000)
    rows.append((measure("model: jump to a row", [jump(r) for r in deep], "OFFSET"), None))
    rows.append((Timing("model: rows held", [float(model.held_rows)], "rows, not ms"), None))
    view.close()
    return rows


def print_timings(rows: list[Row]) -> None:
    print(f"{'measure':<26}{'n':>4}{'p50':>9}{'p95':>9}{'max':>9}  target")
    for timing, target in rows:
        values = [timing.pct(50), timing.pct(95), max(timing.samples_ms)]
        cells = "".join(f"{v:>9.1f}" for v in values)
        verdict = ""
        if target is not None:
            verdict = f"p95 <= {target:g} ms  {'PASS' if timing.pct(95) <= target else 'MISS'}"
        print(f"{timing.name:<26}{len(timing.samples_ms):>4}{cells}  {verdict}")
        if timing.note:
            print(f"{'':<30}({timing.note})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a database bench_store.py built")
    parser.add_argument("--samples", type=int, default=20, help="timed calls per shift measure")
    parser.add_argument("--whole-samples", type=int, default=5,
                        help="timed calls per whole-table measure")  # fmt: skip
    parser.add_argument("--no-model", action="store_true", help="skip the Qt model's part")
    args = parser.parse_args()
    path = Path(args.db).expanduser().resolve()
    engine = make_engine(str(path), create=False)
    db = Database(engine)
    zone = SettingsService(db).current().zone
    reader = crossing_list(db)
    start, end = busiest_shift(path, zone)
    shift, shift_by = shift_request(db, path, start, end)
    total = reader.count(CROSSING_LIST.request())
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    indexes = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crossings' "
        "AND sql IS NOT NULL ORDER BY name")]  # fmt: skip
    conn.close()
    print("Taftan Desk paging benchmark (times in ms, warm page cache)")
    print(f"database        {path}")
    print(f"crossings       {total:,}")
    print(f"indexes         {', '.join(indexes)}")
    print(f"shift           {start:%Y-%m-%d %H:%M} to {end:%H:%M} {zone}, by {shift_by}")
    print(f"sqlite          {sqlite3.sqlite_version}; page of {PAGE} rows")
    print(f"load average    {os.getloadavg()[0]:.2f} at start ({os.cpu_count()} CPUs)")
    print()
    rows = service_measures(reader, shift, args.samples, args.whole_samples)
    if not args.no_model:
        rows += model_measures(reader, shift, zone, args.samples)
    print_timings(rows)
    engine.dispose()


if __name__ == "__main__":
    main()
