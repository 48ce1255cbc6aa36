"""`taftan-desk train report TRAIN`: the reconciliation's PDF and CSV from the command line,
and its totals on the terminal, over the reconciliation tests' station file."""

import csv
import io
import re
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_clean_error, run
from tests.documents.samples import pages, text_of
from tests.manifest_files import number
from tests.reconciliation_scenario import EXTRA, OTHER_SEAL, build_train
from tests.support import Desk


@pytest.fixture
def station(desk: Desk) -> Path:
    build_train(desk)
    desk.services.db.engine.dispose()  # the command line is another process on the file
    return desk.path


@pytest.fixture
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def test_train_report_writes_the_pdf_and_one_csv_row_per_container(
    home: Path, station: Path, tmp_path: Path
) -> None:
    pdf, sheet = tmp_path / "PR-12.pdf", tmp_path / "PR-12.csv"
    result = run(home, "train", "report", "pr-12", "--pdf", pdf, "--csv", sheet, db=station)
    assert result.returncode == 0, result.stderr
    assert f"Train PR-12 reconciliation written to {pdf}" in result.stdout
    assert f"43 container(s) of train PR-12 in {sheet}" in result.stdout
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    states = [r["state"] for r in rows]
    assert len(rows) == 43 and {r["train_no"] for r in rows} == {"PR-12"}
    counts = [states.count(s) for s in ("arrived", "shortage", "excess", "withdrawn")]
    assert counts == [37, 3, 1, 2]
    assert [r["container_no"] for r in rows if r["state"] == "excess"] == [EXTRA]
    seal = next(r for r in rows if r["container_no"] == number(OTHER_SEAL))
    assert "seal ZZ999 found, not on the manifest" in seal["differences"]
    data = pdf.read_bytes()
    text = text_of(data)
    assert text.startswith("Train PR-12 reconciliation")
    for label, n in (("Manifested", 40), ("Arrived", 37), ("Shortages", 3), ("Excesses", 1)):
        assert f"{label} {n} " in text, label
    assert re.search(r"Printed \d{4}-\d\d-\d\d \d\d:\d\d PKT by cli:", text)  # who ran it
    count = len(pages(data, 20))
    assert f"page {count} of {count}" in text


def test_train_report_without_files_prints_the_totals_and_the_lists(
    home: Path, station: Path
) -> None:
    result = run(home, "train", "report", "PR-12", db=station)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "manifested 40, arrived 37, shortages 3, excesses 1, with differences 8" in out
    shortages = out[out.index("Shortages:") : out.index("Excesses:")]
    assert [number(i) in shortages for i in (36, 37, 38, 39)] == [False, True, True, True]
    assert f"wagon 59999    {EXTRA}  entry " in out[out.index("Excesses:") :]
    differences = out[out.index("Differences:") :]
    assert differences.count("\n  wagon ") == 8
    assert "seal PK200005 on the manifest was not found; seal ZZ999 found" in differences


def test_an_unknown_train_and_bad_usage_exit_2_in_one_line(
    home: Path, station: Path, tmp_path: Path
) -> None:
    unknown = run(home, "train", "report", "PR-99", "--csv", tmp_path / "x.csv", db=station)
    line = assert_clean_error(unknown, 2)
    assert "No manifest and no rail crossing names train PR-99" in line
    assert not (tmp_path / "x.csv").exists()
    assert "say `train report TRAIN" in assert_clean_error(run(home, "train", db=station), 2)
    nowhere = run(home, "train", "report", "PR-12", "--pdf", tmp_path / "no" / "x.pdf", db=station)
    assert "does not exist" in assert_clean_error(nowhere, 2)
    missing = run(home, "train", "report", db=station)
    assert missing.returncode == 2 and "TRAIN" in missing.stderr
