"""`taftan-desk report daily`: the supervisor's daily report of a day or one shift.

taftan-desk report daily --date 2026-11-27 --pdf day.pdf --csv day.csv
taftan-desk report daily --date 2026-11-27 --shift 3          (totals on the terminal)

The CSV holds exactly the crossings registered in that station-local day (or shift), one
row per crossing, UTF-8 with a byte-order mark so that spreadsheets read it as UTF-8.
"""

import argparse
import io
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from taftan_desk import cli_slips
from taftan_desk.core.errors import DeskError
from taftan_desk.paths import write_atomically

if TYPE_CHECKING:
    from taftan_desk.app import Runtime
    from taftan_desk.services.report_views import DailyReport

EXIT_OK = 0


class ReportUsage(DeskError):
    """Bad `report` command line: exit 2."""


def add_parser(sub: argparse._SubParsersAction, day: object) -> None:  # type: ignore[type-arg]
    report = sub.add_parser("report", help="`report daily --date YYYY-MM-DD`: the daily report")
    report_sub = report.add_subparsers(dest="report_command", metavar="REPORT")
    daily = report_sub.add_parser("daily", help="a day's or one shift's report: PDF and CSV")
    daily.add_argument("--date", type=day, required=True, metavar="YYYY-MM-DD")  # type: ignore[arg-type]
    daily.add_argument("--shift", type=int, metavar="N", help="one shift of that day (1, 2, …)")
    daily.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as PDF (A4)")
    daily.add_argument("--csv", type=Path, metavar="FILE", help="one row per crossing, UTF-8")


def run(runtime: "Runtime", args: argparse.Namespace, actor) -> int:  # type: ignore[no-untyped-def]
    if args.report_command != "daily":
        raise ReportUsage("say `report daily --date YYYY-MM-DD [--shift N] [--pdf F] [--csv F]`")
    for out, example in ((args.pdf, "daily.pdf"), (args.csv, "daily.csv")):
        if out is not None:
            cli_slips.check_out_file(out, example)
    reports = runtime.services.reports
    day: date = args.date
    report = reports.daily(actor, day, args.shift)
    if args.pdf is not None:
        from taftan_desk.documents.daily_report import render_daily

        buffer = io.BytesIO()
        render_daily(report, buffer)
        write_atomically(args.pdf, buffer.getvalue())
        print(f"Daily report for {report.period.label} written to {args.pdf}")
    if args.csv is not None:
        text = reports.csv_text(day, args.shift)
        write_atomically(args.csv, text.encode("utf-8-sig"))
        print(f"{report.totals.crossings:,} crossing(s) of {report.period.label} in {args.csv}")
    if args.pdf is None and args.csv is None:
        print(summary(report))
    return EXIT_OK


def summary(report: "DailyReport") -> str:
    t = report.totals
    lines = [
        f"{report.station_name} ({report.station_code}), {report.period.label}",
        f"crossings {t.crossings:,}: released {t.released:,}, refused {t.refused:,}, "
        f"still open {t.still_open:,}",
        f"held at some time {t.held:,}, over the limit {t.overweight:,}, overrides "
        f"{t.overrides:,}, amendments {t.amendments:,}, reprints {t.reprints:,}, voids {t.voids:,}",
    ]
    for (direction, category), n in sorted(t.by_direction_category.items()):
        lines.append(f"  {direction:<3} {category:<11} {n:>6,}")
    return "\n".join(lines)
