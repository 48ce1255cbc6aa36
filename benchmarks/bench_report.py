"""The supervisor's daily report: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_report.py                      # a demo day of 1,000
    .venv/bin/python benchmarks/bench_report.py --db /tmp/bench.db --date 2026-11-27

Without --db, a demo station with one day of --per-day crossings (default 1,000) is written
through the real services (inspections, holds, approvals, refusals) in a temporary folder;
with --db, the day is read from that station as it is (a copy is advisable: the schema is
upgraded). Measured for that day, --samples times each:
  read    ReportService.daily: every crossing of the day, totals, exceptions, holds
  pdf     the A4 report drawn (reportlab, charts included)
  csv     the CSV of the same crossings
  total   read + pdf + csv, the command `report daily --pdf --csv` less the process start
  shift   the shift review opening one shift of that day: its totals and charts' figures,
          the list's count and first page (SQL-paged), and its sign-off state
Targets (issue 11): the daily report for 1,000 crossings <= 2 s; open a shift <= 200 ms.
"""

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Timing  # noqa: E402
from taftan_desk.core.roles import Role  # noqa: E402
from taftan_desk.db import migrate  # noqa: E402
from taftan_desk.db.engine import make_engine  # noqa: E402
from taftan_desk.documents.daily_report import render_daily  # noqa: E402
from taftan_desk.services.container import Services  # noqa: E402
from taftan_desk.services.database import Actor  # noqa: E402

TARGET_MS = 2_000
SHIFT_TARGET_MS = 200
SUPERVISOR = Actor(None, "bench", Role.SUPERVISOR, "Bench Supervisor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing station (default: a demo day)")
    parser.add_argument("--date", type=date.fromisoformat, default=date(2026, 11, 27))
    parser.add_argument("--per-day", type=int, default=1_000)
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="taftan-report-"))
    path = args.db or folder / "demo.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine)
    if args.db is None:
        from taftan_desk.services.demo import run_demo

        services = Services.build(engine)
        started = time.perf_counter()
        run_demo(services, days=1, per_day=args.per_day, seed=11, today=args.date)
        print(f"demo day of {args.per_day:,} written in {time.perf_counter() - started:.0f} s")
    else:
        services = Services.build(engine)  # the report only reads: no desk key is needed
    reports = services.reports
    read, pdf, sheet, total = [], [], [], []
    crossings = 0
    for _ in range(args.samples):
        t0 = time.perf_counter_ns()
        report = reports.daily(SUPERVISOR, args.date)
        t1 = time.perf_counter_ns()
        render_daily(report, io.BytesIO())
        t2 = time.perf_counter_ns()
        reports.csv_text(args.date)
        t3 = time.perf_counter_ns()
        crossings = report.totals.crossings
        read.append((t1 - t0) / 1e6)
        pdf.append((t2 - t1) / 1e6)
        sheet.append((t3 - t2) / 1e6)
        total.append((t3 - t0) / 1e6)
    from taftan_desk.services.crossing_list import CROSSING_LIST, crossing_list

    reader = crossing_list(services.db)
    shift = []
    for _ in range(args.samples):
        for number in range(1, len(services.settings.current().shift_times()) + 1):
            t0 = time.perf_counter_ns()
            opened = reports.daily(SUPERVISOR, args.date, number)
            reader.open(CROSSING_LIST.request(period=opened.period), 200)
            services.signoffs.check(args.date, number)
            shift.append((time.perf_counter_ns() - t0) / 1e6)
    print(f"day {args.date.isoformat()}: {crossings:,} crossings; {args.samples} samples")
    for timing in (
        Timing("read", read),
        Timing("pdf", pdf),
        Timing("csv", sheet),
        Timing("total", total),
        Timing("shift", shift),
    ):
        verdict = ""
        target = {"total": TARGET_MS, "shift": SHIFT_TARGET_MS}.get(timing.name)
        if target is not None:
            passed = "PASS" if timing.pct(95) <= target else "MISS"
            verdict = f"  target <= {target} ms  {passed}"
        print(
            f"{timing.name:<6} median {statistics.median(timing.samples_ms):8.1f} ms   "
            f"p95 {timing.pct(95):8.1f} ms{verdict}"
        )
    engine.dispose()


if __name__ == "__main__":
    main()
