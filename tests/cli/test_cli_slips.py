"""`taftan-desk slip`: documents to PDF from the command line, codes verified with the
station's database or offline with its key list."""

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from taftan_desk.core import slip_payload
from tests.cli.test_cli import assert_clean_error, backup_copy, run
from tests.documents import samples


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def station(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    # Two days: yesterday is a whole day whatever the hour (just after midnight at the
    # station, today holds only the first minutes, with nothing released yet).
    result = run(home, "demo", "--days", "2", "--per-day", "30", "--seed", "11", db=path)
    assert result.returncode == 0, result.stderr
    return path


def _entry_with(home: Path, db: Path, status: str) -> str:
    """The newest crossing in that status over the demo's two days: a gate pass of it is
    still within its validity (24 h after release) whatever the hour the tests run at."""
    today = datetime.now(ZoneInfo("Asia/Karachi")).date()
    rows = []
    for day in (today - timedelta(days=1), today):
        listing = run(home, "entries", "--date", day.isoformat(), "--format", "csv", db=db)
        rows += [r for r in csv.DictReader(io.StringIO(listing.stdout)) if r["status"] == status]
    assert rows, f"the demo days have no {status} crossing"
    return rows[-1]["entry_no"]


def test_a_gate_pass_prints_then_reprints_as_duplicate_and_verifies(
    home: Path, station: Path, tmp_path: Path
) -> None:
    db = backup_copy(station, tmp_path / "station.db")
    entry = _entry_with(home, db, "released")
    first = run(home, "slip", entry, "--kind", "clearance", "--out", tmp_path / "a.pdf", db=db)
    assert first.returncode == 0, first.stderr
    assert f"Clearance slip for entry {entry} (original, record " in first.stdout
    no_reason = run(home, "slip", entry, "--kind", "clearance", "--out", tmp_path / "b.pdf", db=db)
    assert no_reason.returncode != 0 and "printed again" in no_reason.stderr
    assert not (tmp_path / "b.pdf").exists()  # refused before anything was written
    again = run(
        home, "slip", entry, "--kind", "clearance", "--out", tmp_path / "b.pdf",
        "--reason", "Torn at the gate", db=db,
    )  # fmt: skip
    assert "(DUPLICATE 1, record" in again.stdout
    codes = samples.codes_of((tmp_path / "b.pdf").read_bytes())
    assert codes["Code128"] == entry
    verified = run(home, "slip", "verify", codes["QRCode"], db=db)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.stdout.startswith("GENUINE: signed by TFT station key")
    assert "DUPLICATE 1" in verified.stdout and entry in verified.stdout
    edited = codes["QRCode"].replace(entry, entry[:-1] + str((int(entry[-1]) + 1) % 10), 1)
    forged = run(home, "slip", "verify", edited, db=db)
    assert forged.returncode == 1
    assert forged.stdout.startswith("NOT VALID: forged"), forged.stdout


def test_a_checkpoint_verifies_offline_with_the_key_list(
    home: Path, station: Path, tmp_path: Path
) -> None:
    db = backup_copy(station, tmp_path / "station.db")
    entry = _entry_with(home, db, "released")
    run(home, "slip", entry, "--kind", "clearance", "--out", tmp_path / "a.pdf", db=db)
    keys = run(home, "slip", "keys", db=db)
    assert keys.returncode == 0 and keys.stdout.count("\n") == 1, keys.stdout
    (tmp_path / "keys.txt").write_text(keys.stdout)
    code = samples.codes_of((tmp_path / "a.pdf").read_bytes())["QRCode"]
    offline = run(home, "slip", "verify", code, "--keys", tmp_path / "keys.txt")
    assert offline.returncode == 0, offline.stdout + offline.stderr
    assert offline.stdout.startswith("GENUINE: signed by TFT station key")
    assert "original" in offline.stdout
    _, other = slip_payload.new_key_pair()  # another station's key
    (tmp_path / "other.txt").write_text(f"{slip_payload.key_id_of(other)} {other.hex()}\n")
    forged = tmp_path / "forged.txt"  # a key list whose id does not belong to its key
    forged.write_text(f"{slip_payload.key_id_of(other)} {'00' * 32}\n")
    mismatch = run(home, "slip", "verify", code, "--keys", forged)
    assert "line 1 is not `KEYID HEX`" in assert_clean_error(mismatch, 2)
    unknown = run(home, "slip", "verify", code, "--keys", tmp_path / "other.txt")
    assert unknown.returncode == 1 and "unknown station key" in unknown.stdout


def test_refusals_are_one_clear_line(home: Path, station: Path, tmp_path: Path) -> None:
    db = backup_copy(station, tmp_path / "station.db")
    released = _entry_with(home, db, "released")
    out = tmp_path / "x.pdf"
    line = assert_clean_error(run(home, "slip", released, "--kind", "hold", "--out", out, db=db), 2)
    assert "only for held or refused cargo" in line
    line = assert_clean_error(run(home, "slip", "2699999999", "--out", out, db=db), 2)
    assert "No crossing has entry number 2699999999" in line
    line = assert_clean_error(run(home, "slip", released, "--out", tmp_path / "no/x.pdf", db=db), 2)
    assert "does not exist" in line
    line = assert_clean_error(run(home, "slip", released, db=db), 2)
    assert "--out" in line
    line = assert_clean_error(run(home, "slip", "verify", "TD1*x", "--keys", tmp_path / "none"), 2)
    assert "cannot read the key list" in line
    assert not out.exists()


def test_a_new_desk_must_be_enrolled_with_the_root_key_before_it_records(
    home: Path, station: Path, tmp_path: Path
) -> None:
    """Another machine can read the station, but it writes and prints nothing until the
    administrator enrols it with the station root key from `init`."""
    fresh = tmp_path / "fresh-home"
    fresh.mkdir()
    db = backup_copy(station, tmp_path / "station.db")
    key_file = fresh / "data" / "taftan-desk" / "desk-signing-key"
    assert run(fresh, "entries", db=db).returncode == 0
    assert not key_file.exists()  # listing never touches the signing key
    untrusted = run(fresh, "check", db=db)
    assert untrusted.returncode == 1 and "trusts no station root key" in untrusted.stdout
    entry = _entry_with(fresh, db, "released")
    out = tmp_path / "a.pdf"
    refused = run(fresh, "slip", entry, "--kind", "clearance", "--out", out, db=db)
    assert "is not enrolled in the station" in assert_clean_error(refused, 2)
    assert not out.exists()
    root_key = home / "data" / "taftan-desk" / "station-root-key"
    enrolled = run(fresh, "desk", "enrol", "--root-key", root_key, db=db)
    assert enrolled.returncode == 0, enrolled.stderr
    assert "is enrolled in the station" in enrolled.stdout
    printed = run(fresh, "slip", entry, "--kind", "clearance", "--out", out, db=db)
    assert printed.returncode == 0, printed.stderr
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert run(fresh, "check", db=db).returncode == 0
    wrong = tmp_path / "not-the-root"
    wrong.write_text(key_file.read_text())
    other = run(home, "desk", "enrol", "--root-key", wrong, db=db)
    assert "not this station's root key" in assert_clean_error(other, 2)
