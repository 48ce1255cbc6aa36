"""`taftan-desk report daily`: the PDF and the CSV of a day or a shift, from the command line,
over a demo station written by the real CLI."""

import csv
import io
import sqlite3
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from tests.cli.test_cli import KARACHI, Demo, demo, home, run  # noqa: F401 (fixtures)
from tests.documents.samples import pages, text_of


def _registered_on(path: Path, day) -> set[str]:  # type: ignore[no-untyped-def]
    start = datetime.combine(day, time(0), tzinfo=KARACHI).astimezone(UTC)
    end = start + timedelta(days=1)
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT entry_no FROM crossings WHERE registered_at >= ? AND registered_at < ?",
            (start.strftime("%Y-%m-%d %H:%M:%S"), end.strftime("%Y-%m-%d %H:%M:%S")),
        ).fetchall()
    finally:
        conn.close()
    return {e for (e,) in rows}


def test_report_daily_writes_the_pdf_and_exactly_that_days_csv(
    home: Path,  # noqa: F811
    demo: Demo,  # noqa: F811
    tmp_path: Path,
) -> None:
    pdf, sheet = tmp_path / "day.pdf", tmp_path / "day.csv"
    day = demo.yesterday.isoformat()
    result = run(home, "report", "daily", "--date", day, "--pdf", pdf, "--csv", sheet, db=demo.path)
    assert result.returncode == 0, result.stderr
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    expected = _registered_on(demo.path, demo.yesterday)
    assert expected and {r["entry_no"] for r in rows} == expected and len(rows) == len(expected)
    text = " ".join(text_of(pdf.read_bytes()).split())
    assert "DAILY REPORT" in text and f"{day}, whole day" in text
    assert f"Crossings {len(expected)}" in text
    count = len(pages(pdf.read_bytes(), 30))
    assert f"page 1 of {count}" in text and f"page {count} of {count}" in text


def test_report_daily_refuses_a_shift_the_station_does_not_have(
    home: Path,  # noqa: F811
    demo: Demo,  # noqa: F811
) -> None:
    result = run(
        home, "report", "daily", "--date", demo.today.isoformat(), "--shift", "4", db=demo.path
    )
    assert result.returncode == 2
    assert "choose a shift from 1 to 3" in result.stderr and "Traceback" not in result.stderr


def test_report_daily_without_files_prints_the_totals(
    home: Path,  # noqa: F811
    demo: Demo,  # noqa: F811
) -> None:
    day = demo.yesterday
    result = run(home, "report", "daily", "--date", day.isoformat(), "--shift", "1", db=demo.path)
    assert result.returncode == 0, result.stderr
    assert f"{day.isoformat()} shift 1 (06:00-14:00)" in result.stdout
    assert "crossings " in result.stdout


def test_report_daily_refuses_a_date_out_of_range_in_words(
    home: Path,  # noqa: F811
    demo: Demo,  # noqa: F811
) -> None:
    for day in ("9999-12-31", "0001-01-01"):
        result = run(home, "report", "daily", "--date", day, db=demo.path)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "not a date this station has records for" in result.stderr
