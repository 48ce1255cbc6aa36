"""`taftan-desk manifest import|list|withdraw` over real files: exit 0 imported, 1 refused
with every row's reasons (nothing imported), 2 unreadable."""

import csv
import io
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import home, run  # noqa: F401 (fixture)
from tests.manifest_files import URDU, csv_bytes, number, train_rows, xlsx_bytes


@pytest.fixture
def station(home: Path, tmp_path: Path) -> Path:  # noqa: F811
    db = tmp_path / "station.db"
    assert run(home, "init", "--station", "TFT", db=db).returncode == 0
    return db


def _expected(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM expected_containers").fetchone()[0])


def test_import_a_train_then_list_it_as_csv(home: Path, station: Path, tmp_path: Path) -> None:  # noqa: F811
    rows = train_rows(40)
    rows[3][9] = URDU
    sheet = tmp_path / "PR-12.xlsx"
    sheet.write_bytes(xlsx_bytes(rows))
    dry = run(home, "manifest", "import", sheet, "--dry-run", db=station)
    assert dry.returncode == 0, dry.stderr
    assert "all 40 rows are right (train PR-12); nothing imported" in dry.stdout
    assert _expected(station) == 0
    done = run(home, "manifest", "import", sheet, db=station)
    assert done.returncode == 0, done.stderr
    assert "Imported PR-12.xlsx as manifest 1: 40 expected container(s) (train PR-12)" in (
        done.stdout
    )
    listed = run(home, "manifest", "list", "--train", "PR-12", "--format", "csv", db=station)
    assert listed.returncode == 0, listed.stderr
    table = list(csv.DictReader(io.StringIO(listed.stdout)))
    assert len(table) == 40 and {r["state"] for r in table} == {"expected"}
    assert table[0]["container_no"] == number(0) and table[0]["wagon_no"] == "50000"
    again = run(home, "manifest", "import", sheet, db=station)
    assert again.returncode == 1
    assert "row 2, container_no: " + number(0) + " is already expected" in again.stderr
    withdrawn = run(home, "manifest", "withdraw", "1", "--reason", "Train cancelled", db=station)
    assert withdrawn.returncode == 0, withdrawn.stderr
    text = run(home, "manifest", "list", db=station)
    assert text.stdout.count("withdrawn") == 40 and "40 expected container(s)." in text.stdout


def test_one_bad_check_digit_refuses_the_file_with_the_row_named(
    home: Path,  # noqa: F811
    station: Path,
    tmp_path: Path,
) -> None:
    rows = train_rows(40)
    good = str(rows[16][1])
    rows[16][1] = good[:-1] + str((int(good[-1]) + 1) % 10)  # row 18 of the file
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows, sep=";", bom=True))
    result = run(home, "manifest", "import", path, db=station)
    assert result.returncode == 1
    assert "bad.csv refused: 1 problem(s); nothing was imported" in result.stderr
    assert "row 18, container_no: Check digit is" in result.stderr
    assert "Traceback" not in result.stderr
    assert _expected(station) == 0


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("latin1.csv", "direction;container_no\nin;\xe9\n".encode("latin-1"), "not UTF-8"),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "not a workbook"),
        ("empty.csv", b"", "empty"),
    ],
)
def test_a_file_that_is_no_table_exits_2(
    home: Path,  # noqa: F811
    station: Path,
    tmp_path: Path,
    name: str,
    data: bytes,
    words: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run(home, "manifest", "import", path, db=station)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    missing = run(home, "manifest", "import", tmp_path / "nowhere.csv", db=station)
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_a_wrong_header_is_refused_in_words(home: Path, station: Path, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "header.csv"
    path.write_bytes(b"direction,box,cargo_category,declared_net_kg\nin,X,steel,1\n")
    result = run(home, "manifest", "import", path, db=station)
    assert result.returncode == 1
    assert "the header lacks container_no" in result.stderr
