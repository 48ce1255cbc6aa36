"""The `taftan-desk` command line end to end: a real interpreter, a real SQLite file.

Every command runs as `python -m taftan_desk` in a child process whose HOME and XDG
directories point into a temporary directory, so nothing touches the user's real data.
"""

import csv
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from taftan_desk import __version__
from taftan_desk.core import containers
from taftan_desk.db.engine import make_engine
from taftan_desk.services import desk_key
from taftan_desk.services.container import Services
from taftan_desk.services.demo_train import TRAIN as DEMO_TRAIN
from taftan_desk.services.desk_key import DeskIdentity
from tests.support import TEST_IDENTITY

KARACHI = ZoneInfo("Asia/Karachi")
FIELDS = [
    "entry_no",
    "registered",
    "direction",
    "mode",
    "vehicle",
    "container_no",
    "cargo_category",
    "declared_net_kg",
    "net_kg",
    "channel",
    "status",
]
ENTRY_NO = re.compile(r"[0-9]{10}", re.ASCII)


# -- running the command line ----------------------------------------------------------------


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TAFTAN_DESK_DB"}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.update(extra)
    return env


def run(
    home: Path,
    *args: str | Path,
    db: Path | None = None,
    stdin: str = "",
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "taftan_desk"]
    if db is not None:
        argv += ["--db", str(db)]
    argv += [str(a) for a in args]
    return subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        text=True,
        cwd=home,
        env=env or _env(home),
        timeout=120,
    )


def identity_of(home: Path) -> DeskIdentity:
    """The desk keys and trusted roots the command line keeps under `home`."""
    return DeskIdentity.on_disk(home / "data" / "taftan-desk")


def trust_test_stations(home: Path) -> None:
    """Let the command line under `home` trust the roots of stations the tests built
    in-process (the `desk` fixture), as an enrolled checkpoint would."""
    trust = identity_of(home).trust
    for public in TEST_IDENTITY.trust.roots().values():
        trust.pin(public, "test station")


def as_test_desk(home: Path) -> None:
    """The command line under `home` is the desk the `desk` fixture's station enrolled."""
    trust_test_stations(home)
    key_file = home / "data" / "taftan-desk" / "desk-signing-key"
    if not key_file.exists():
        desk_key.write_private(key_file, TEST_IDENTITY.key.private)


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int) -> str:
    """Exit `code`, no traceback, and exactly one `taftan-desk: error:` line on stderr."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("taftan-desk: error: "), result.stderr
    return lines[0]


def backup_copy(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's online backup API (never a plain file copy)."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


# -- container check (no database needed) ----------------------------------------------------


def test_container_check_valid_numbers_exit_0(home: Path) -> None:
    result = run(home, "container", "check", "CSQU3054383", "TASU1170000")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["CSQU3054383: valid", "TASU1170000: valid"]


def test_container_check_wrong_check_digit_suggests_the_fix(home: Path) -> None:
    result = run(home, "container", "check", "CSQU3054384")
    assert result.returncode == 1
    assert "CSQU3054384: invalid" in result.stdout
    assert "should be 3" in result.stdout
    assert "Did you mean CSQU3054383" in result.stdout


def test_container_check_wrong_category_letter(home: Path) -> None:
    result = run(home, "container", "check", "CSQR3054381")
    assert result.returncode == 1
    assert "CSQR3054381: invalid" in result.stdout
    assert "must be U, J or Z" in result.stdout


def test_container_check_one_bad_number_fails_the_whole_run(home: Path) -> None:
    result = run(home, "container", "check", "CSQU3054383", "CSQU3054384")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "CSQU3054383: valid"


JUNK = [
    "",
    "   ",
    "!!!",
    "CSQU",
    "CSQU30543830000",
    "CSQU३०५४३८३",  # Devanagari digits must not pass as 3054383
    "CSQU３０５４３８３",  # full-width digits
    "ÆØÅ",
    "'; DROP TABLE crossings; --",
    "\t\n",
    "null",
    "-1",
    "X" * 10_000,
    "\U0001f69b",
]


def test_container_check_junk_exits_1_without_traceback(home: Path) -> None:
    # "--" so that junk starting with '-' is a number to check, not an option.
    result = run(home, "container", "check", "--", *JUNK)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(JUNK), result.stdout
    assert all(": invalid." in line for line in lines), result.stdout
    assert "valid\n" not in result.stdout


def test_container_without_an_action_is_a_usage_error(home: Path) -> None:
    result = run(home, "container")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)


def test_console_script_is_installed(home: Path) -> None:
    script = Path(sys.executable).with_name("taftan-desk")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, env=_env(home), timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"taftan-desk {__version__}"


# -- init and the database ---------------------------------------------------------------------


def test_entries_before_init_is_one_clear_line(home: Path, tmp_path: Path) -> None:
    result = run(home, "entries", db=tmp_path / "new.db")
    line = assert_clean_error(result, 2)
    assert "taftan-desk init" in line
    assert result.stdout == ""


def test_init_is_idempotent(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    first = run(home, "init", "--station", "TFT", db=db)
    assert first.returncode == 0, first.stderr
    assert "Station TFT" in first.stdout
    assert ": created." in first.stdout
    second = run(home, "init", "--station", "TFT", db=db)
    assert second.returncode == 0, second.stderr
    assert "already set up" in second.stdout
    assert "created" not in second.stdout
    assert run(home, "entries", db=db).returncode == 0


def test_database_from_environment_variable_and_db_beats_it(home: Path, tmp_path: Path) -> None:
    from_env = tmp_path / "from-env.db"
    env = _env(home, TAFTAN_DESK_DB=str(from_env))
    result = run(home, "init", "--station", "TFT", env=env)
    assert result.returncode == 0, result.stderr
    assert str(from_env) in result.stdout
    assert from_env.exists()
    listed = run(home, "entries", env=env)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip() == "No crossings."
    # --db wins over the variable: this file was never initialised.
    other = run(home, "entries", db=tmp_path / "other.db", env=env)
    assert_clean_error(other, 2)


@pytest.mark.parametrize("kind", ["not-a-database", "directory"])
def test_unusable_database_is_one_clear_line(home: Path, tmp_path: Path, kind: str) -> None:
    if kind == "directory":
        target = tmp_path / "a-directory"
        target.mkdir()
    else:
        target = tmp_path / "notes.db"
        target.write_bytes(b"these are not the pages of an SQLite database\n" * 100)
    result = run(home, "check", db=target)
    assert_clean_error(result, 1)


# -- user accounts -----------------------------------------------------------------------------


def test_user_accounts(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "users.db"
    assert run(home, "init", "--station", "TFT", db=db).returncode == 0

    not_admin = run(home, "user", "add", "bilal", "--role", "officer", db=db, stdin="secret-pw-1\n")
    assert "must be an administrator" in assert_clean_error(not_admin, 2)

    admin = run(home, "user", "add", "root", "--role", "admin", db=db, stdin="admin-pw-123\n")
    assert admin.returncode == 0, admin.stderr
    assert admin.stdout.strip() == "Added admin root."

    officer = run(
        home,
        "user", "add", "Bilal", "--role", "officer", "--full-name", "Bilal Ahmed",
        db=db,
        stdin="officer-pw-1\n",
    )  # fmt: skip
    assert officer.returncode == 0, officer.stderr
    assert officer.stdout.strip() == "Added officer bilal."

    duplicate = run(home, "user", "add", "bilal", "--role", "officer", db=db, stdin="x-pw-12345\n")
    assert "already a user called bilal" in assert_clean_error(duplicate, 2)

    short = run(home, "user", "add", "chand", "--role", "officer", db=db, stdin="short\n")
    assert "at least 8 characters" in assert_clean_error(short, 2)

    no_password = run(home, "user", "add", "dost", "--role", "officer", db=db, stdin="")
    assert_clean_error(no_password, 2)

    listed = run(home, "user", "list", db=db)
    assert listed.returncode == 0, listed.stderr
    rows = [line.split(None, 3) for line in listed.stdout.splitlines()]
    assert rows == [
        ["bilal", "officer", "active", "Bilal Ahmed"],
        ["root", "admin", "active"],
    ]

    # The piped password is the one stored (and the refused ones were not).
    engine = make_engine(str(db))
    try:
        services = Services.build(engine, identity=identity_of(home))
        actor = services.accounts.authenticate("bilal", "officer-pw-1")
        assert (actor.username, actor.role.value) == ("bilal", "officer")
    finally:
        engine.dispose()


# -- demo, check, entries ----------------------------------------------------------------------


@dataclass(frozen=True)
class Demo:
    path: Path
    stdout: str
    today: date
    yesterday: date


@pytest.fixture(scope="module")
def demo(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """One demo station per module (~3 s); tests that change it work on a backup copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run(home, "demo", "--days", "2", "--per-day", "40", "--seed", "7", db=path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    today = datetime.now(KARACHI).date()
    return Demo(path, result.stdout, today, today - timedelta(days=1))


def _demo_accounts(stdout: str) -> dict[str, tuple[str, str]]:
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Demo accounts"))
    accounts = {}
    for line in lines[start + 1 :]:
        parts = line.split()
        accounts[parts[0]] = (parts[1], parts[-1])
    return accounts


def test_demo_reports_traffic_and_prints_accounts_with_passwords(
    home: Path, demo: Demo, tmp_path: Path
) -> None:
    assert "Wrote 80 crossings over 2 day(s)" in demo.stdout
    accounts = _demo_accounts(demo.stdout)
    assert {name: role for name, (role, _) in accounts.items()} == {
        "admin": "admin",
        "officer1": "officer",
        "officer2": "officer",
        "supervisor1": "supervisor",
        "supervisor2": "supervisor",
    }
    passwords = [password for _, password in accounts.values()]
    assert all(len(p) >= 8 for p in passwords)
    assert len(set(passwords)) == len(passwords)
    # The printed password signs in (on a copy: a login writes an audit event).
    copy = backup_copy(demo.path, tmp_path / "login.db")
    engine = make_engine(str(copy))
    try:
        services = Services.build(engine, identity=identity_of(home))
        actor = services.accounts.authenticate("officer1", accounts["officer1"][1])
        assert actor.username == "officer1"
    finally:
        engine.dispose()


def test_check_passes_on_the_demo_station(home: Path, demo: Demo) -> None:
    result = run(home, "check", db=demo.path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "All checks passed."
    names = [line.split(":")[0].split(None, 1)[1] for line in lines[:-1]]
    assert names == [
        "storage",
        "schema",
        "guards",
        "entry numbers",
        "weighbridge tickets",
        "station keys",
        "audit chain",
        "records vs audit",
        "manifest rows",
    ]
    assert all(line.startswith("OK") for line in lines[:-1])


def _csv_rows(home: Path, demo: Demo, day: date) -> list[dict[str, str]]:
    result = run(home, "entries", "--format", "csv", "--date", day.isoformat(), db=demo.path)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert reader.fieldnames == FIELDS
    return list(reader)


@pytest.fixture(scope="module")
def demo_rows(home: Path, demo: Demo) -> dict[date, list[dict[str, str]]]:
    return {day: _csv_rows(home, demo, day) for day in (demo.yesterday, demo.today)}


def _traffic(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The demo's traffic: its pre-announced train's arrivals come on top (and around
    midnight, on either day)."""
    return [r for r in rows if not r["vehicle"].startswith(DEMO_TRAIN)]


def test_entries_csv_lists_both_demo_days(demo: Demo, demo_rows) -> None:
    traffic = [len(_traffic(demo_rows[demo.yesterday])), len(_traffic(demo_rows[demo.today]))]
    assert traffic == [40, 40]
    train = [r for rows in demo_rows.values() for r in rows if r not in _traffic(rows)]
    assert len(train) == 11  # ten wagons as announced and one no manifest names
    numbers = []
    for day, rows in demo_rows.items():
        for row in rows:
            assert ENTRY_NO.fullmatch(row["entry_no"]), row
            assert containers.is_valid(row["container_no"]), row
            assert row["registered"].startswith(day.isoformat()), row
            numbers.append(row["entry_no"])
    assert len(set(numbers)) == 91
    # Rows come in registration order, which is entry-number order within the demo.
    assert numbers == sorted(numbers)


def test_entries_json_matches_csv(home: Path, demo: Demo, demo_rows) -> None:
    result = run(home, "entries", "--format", "json", "--date", str(demo.today), db=demo.path)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [list(r) for r in records] == [FIELDS] * len(records)
    assert [r["entry_no"] for r in records] == [r["entry_no"] for r in demo_rows[demo.today]]
    assert all(isinstance(r["declared_net_kg"], int) for r in records)


def test_entries_table_counts_the_day(home: Path, demo: Demo) -> None:
    result = run(home, "entries", "--date", str(demo.yesterday), db=demo.path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == FIELDS
    train = sum(DEMO_TRAIN in line for line in lines[1:-1])
    assert lines[-1] == f"{40 + train} crossing(s)."


def test_entries_of_a_container(home: Path, demo: Demo, demo_rows) -> None:
    all_rows = [row for rows in demo_rows.values() for row in rows]
    counts: dict[str, int] = {}
    for row in all_rows:
        counts[row["container_no"]] = counts.get(row["container_no"], 0) + 1
    number = max(counts, key=lambda n: (counts[n], n))
    expected = {row["entry_no"] for row in all_rows if row["container_no"] == number}
    # Typed the way people type it: lower case, with a space and a hyphen.
    typed = f"{number[:4].lower()} {number[4:10]}-{number[10]}"
    result = run(home, "entries", "--container", typed, "--format", "json", db=demo.path)
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert {r["container_no"] for r in records} == {number}
    assert {r["entry_no"] for r in records} == expected
    registered = [r["registered"] for r in records]
    assert registered == sorted(registered, reverse=True)  # newest first


# -- check detects tampering -------------------------------------------------------------------


def _check_lines(home: Path, db: Path) -> dict[str, str]:
    result = run(home, "check", db=db)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "Some checks FAILED: see above."
    status = {}
    for line in lines[:-1]:
        state, rest = line.split(None, 1)
        name, detail = rest.split(": ", 1)
        status[name] = f"{state} {detail}"
    return status


def test_check_fails_when_a_released_crossing_is_edited(home: Path, demo: Demo, tmp_path) -> None:
    db = backup_copy(demo.path, tmp_path / "a.db")
    with closing(sqlite3.connect(db)) as conn:
        (crossing_id,) = conn.execute(
            "SELECT id FROM crossings WHERE status = 'released' AND net_kg IS NOT NULL "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        with pytest.raises(sqlite3.DatabaseError, match="closed crossings"):
            conn.execute("UPDATE crossings SET net_kg = net_kg + 500 WHERE id = ?", (crossing_id,))
        conn.rollback()
        conn.execute("DROP TRIGGER crossings_closed_u")
        conn.execute("UPDATE crossings SET net_kg = net_kg + 500 WHERE id = ?", (crossing_id,))
        conn.commit()
    status = _check_lines(home, db)
    assert status["records vs audit"] == (
        f"FAIL crossing {crossing_id} differs from its last audited state"
    )
    assert status["audit chain"].startswith("OK ")
    assert status["storage"].startswith("OK ")


def test_check_fails_when_an_audit_event_is_edited(home: Path, demo: Demo, tmp_path) -> None:
    db = backup_copy(demo.path, tmp_path / "b.db")
    with closing(sqlite3.connect(db)) as conn:
        (last,) = conn.execute("SELECT max(id) FROM audit_events").fetchone()
        event_id, entity_id, data_json = conn.execute(
            "SELECT id, entity_id, data_json FROM audit_events "
            "WHERE action = 'crossing_registered' AND id >= ? ORDER BY id LIMIT 1",
            (last // 2,),
        ).fetchone()
        data = json.loads(data_json)
        data["after"]["declared_net_kg"] -= 1_000
        forged = json.dumps(data, sort_keys=True, separators=(",", ":"))
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit_events SET data_json = ? WHERE id = ?", (forged, event_id))
        conn.rollback()
        conn.execute("DROP TRIGGER audit_events_append_only_u")
        conn.execute("UPDATE audit_events SET data_json = ? WHERE id = ?", (forged, event_id))
        conn.commit()
    status = _check_lines(home, db)
    assert status["audit chain"].startswith("FAIL "), status
    assert (
        f"Event {event_id} (crossing_registered crossing {entity_id}) was altered"
        in status["audit chain"]
    )


def test_check_fails_when_the_end_of_the_log_is_deleted(home: Path, demo: Demo, tmp_path) -> None:
    db = backup_copy(demo.path, tmp_path / "c.db")
    with closing(sqlite3.connect(db)) as conn:
        (last,) = conn.execute("SELECT max(id) FROM audit_events").fetchone()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit_events WHERE id > ?", (last - 3,))
        conn.rollback()
        conn.execute("DROP TRIGGER audit_events_append_only_d")
        conn.execute("DELETE FROM audit_events WHERE id > ?", (last - 3,))
        conn.commit()
    status = _check_lines(home, db)
    assert status["audit chain"].startswith("FAIL "), status
    assert (
        f"The log ends at event {last - 3} but its head records event {last}"
        in status["audit chain"]
    )


@pytest.mark.parametrize(
    "sql",
    [
        # An audit event whose data is no longer JSON at all.
        "DROP TRIGGER audit_events_append_only_u; "
        "UPDATE audit_events SET data_json = 'not json' WHERE id = 50",
        # A crossing whose timestamp is no longer a timestamp.
        "DROP TRIGGER crossings_closed_u; "
        "UPDATE crossings SET registered_at = 'yesterday' WHERE id = 5",
    ],
    ids=["audit-data-not-json", "crossing-time-not-a-time"],
)
def test_check_reports_garbled_rows_instead_of_crashing(
    home: Path, demo: Demo, tmp_path: Path, sql: str
) -> None:
    db = backup_copy(demo.path, tmp_path / "garbled.db")
    with closing(sqlite3.connect(db)) as conn:
        conn.executescript(sql)
    result = run(home, "check", db=db)
    assert "Traceback" not in result.stderr, result.stderr[-2_000:]
    assert result.returncode == 1
    assert "FAIL" in result.stdout


# -- bad usage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["entries", "--date", "2026-13-01"], "'2026-13-01' is not a date"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["demo", "--days", "0"], "must be 1 or more"),
    ],
)
def test_bad_usage_exits_2(home: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = run(home, *args, db=tmp_path / "unused.db")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert result.stdout == ""


# -- station settings and owner codes ------------------------------------------------------


def test_settings_show_and_set_are_audited(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "settings.db"
    assert run(home, "init", db=db).returncode == 0
    shown = run(home, "settings", "show", db=db)
    assert "cargo_limit_kg                 22000" in shown.stdout
    assert "random_seed" not in shown.stdout  # the draw's secret is never printed
    changed = run(home, "settings", "set", "cargo_limit_kg", "20,000", db=db)
    assert changed.returncode == 0 and changed.stdout.strip() == "cargo_limit_kg = 20000"
    assert_clean_error(run(home, "settings", "set", "cargo_limit_kg", "0", db=db), 2)
    assert_clean_error(run(home, "settings", "set", "no_such_key", "1", db=db), 2)
    with closing(sqlite3.connect(db)) as conn:
        (data,) = conn.execute(
            "SELECT data_json FROM audit_events WHERE action = 'settings_changed'"
        ).fetchone()
    assert json.loads(data)["changes"]["cargo_limit_kg"] == {"from": 22000, "to": 20000}
    assert run(home, "check", db=db).returncode == 0


def test_owner_codes_can_be_added_and_listed(home: Path, tmp_path: Path) -> None:
    db = tmp_path / "owners.db"
    assert run(home, "init", db=db).returncode == 0
    assert "CSQ  COSCO Shipping" in run(home, "owner", "list", db=db).stdout
    assert run(home, "owner", "add", "kzt", "--company", "KTZ Express", db=db).returncode == 0
    assert "KZT  KTZ Express" in run(home, "owner", "list", db=db).stdout
    assert_clean_error(run(home, "owner", "add", "K1", db=db), 2)
