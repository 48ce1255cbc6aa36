"""`taftan-desk init` makes the station's root key and enrols the desk in one step; `audit
anchor` writes the head outside the database and `check --anchor` holds the log to it."""

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_clean_error, run


@pytest.fixture
def station(tmp_path: Path) -> tuple[Path, Path]:
    home, db = tmp_path / "home", tmp_path / "station.db"
    home.mkdir()
    made = run(home, "init", "--station", "TFT", "--root-key", tmp_path / "usb" / "root", db=db)
    assert made.returncode == 0, made.stderr
    assert "Station root key" in made.stdout and str(tmp_path / "usb" / "root") in made.stdout
    added = run(home, "owner", "add", "KZT", "--company", "KTZ Express", db=db)
    assert added.returncode == 0, added.stderr
    return home, db


def test_init_makes_the_root_key_outside_and_enrols_this_desk(
    station: tuple[Path, Path], tmp_path: Path
) -> None:
    home, db = station
    root = tmp_path / "usb" / "root"
    assert root.stat().st_mode & 0o777 == 0o600
    data = home / "data" / "taftan-desk"
    assert (data / "desk-signing-key").exists() and (data / "trusted-station-roots").exists()
    stored = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))  # file and WAL
    assert root.read_text().strip().encode() not in stored  # never in the database
    again = run(home, "init", db=db)
    assert again.returncode == 0 and "Station root key" not in again.stdout
    shown = run(home, "desk", "show", db=db)
    assert shown.returncode == 0 and "Certified desk keys: " in shown.stdout


def test_an_anchor_holds_the_log_to_its_head(station: tuple[Path, Path], tmp_path: Path) -> None:
    home, db = station
    anchor = tmp_path / "anchor.json"
    taken = run(home, "audit", "anchor", "--out", anchor, db=db)
    assert taken.returncode == 0, taken.stderr
    position = json.loads(anchor.read_text())["position"]
    assert f"Anchored event {position} of station TFT" in taken.stdout
    held = run(home, "check", "--anchor", anchor, db=db)
    assert held.returncode == 0, held.stdout
    assert "OK    anchors: the log contains all 1 anchored head(s)" in held.stdout
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER audit_events_append_only_d")
    conn.execute("DROP TRIGGER audit_events_append_only_u")
    conn.execute("DELETE FROM audit_events WHERE id = ?", (position,))
    last = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    conn.execute("UPDATE audit_head SET last_event_id = ?, last_hash = ?", last)
    conn.commit()
    conn.close()
    cut = run(home, "check", "--anchor", anchor, db=db)
    assert cut.returncode == 1
    assert "events were removed from the end" in cut.stdout


def test_a_missing_or_foreign_anchor_file_is_one_clear_line(
    station: tuple[Path, Path], tmp_path: Path
) -> None:
    home, db = station
    missing = run(home, "check", "--anchor", tmp_path / "nowhere.json", db=db)
    assert "cannot read the anchor file" in assert_clean_error(missing, 2)
    junk = tmp_path / "junk.json"
    junk.write_text('{"format": "something else"}')
    foreign = run(home, "check", "--anchor", junk, db=db)
    assert "is not an anchor file" in assert_clean_error(foreign, 2)


def test_anchor_destinations_and_sources_that_are_not_files_are_refused_in_words(
    station: tuple[Path, Path], tmp_path: Path
) -> None:
    home, db = station
    folder = run(home, "audit", "anchor", "--out", tmp_path, db=db)
    assert "is a folder, not a file: name a JSON file" in assert_clean_error(folder, 2)
    nowhere = run(home, "audit", "anchor", "--out", tmp_path / "no" / "such" / "a.json", db=db)
    assert "does not exist" in assert_clean_error(nowhere, 2)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    hanging = run(home, "check", "--anchor", pipe, db=db)  # would wait for ever if read
    assert "is a pipe, not a file" in assert_clean_error(hanging, 2)
