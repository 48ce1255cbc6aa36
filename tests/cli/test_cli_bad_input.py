"""Bad input never crashes the command line: one `taftan-desk: error:` line that says what is
wrong and how to fix it, exit 2 (1 for storage), no traceback, and nothing written that
should not be (no audit event, no printed-document record, no file, no backup)."""

import errno
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from taftan_desk.core import inspection, registration, seals, weights
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import StorageError, ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import DatabaseLocationError, make_engine, url_from
from taftan_desk.db.models import Crossing, Inspection, KnownOwner, SealRecord, User
from taftan_desk.paths import AppPaths, NotAFile, write_atomically
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from tests.cli.test_cli import _env, assert_clean_error, backup_copy, run
from tests.support import PASSWORD, TEST_IDENTITY, FakeClock

UNDECODABLE = os.fsdecode(b"\xff")  # how Python hands a non-UTF-8 argument to the program
NEWER = (
    "made by a newer version of Taftan Desk (schema 9999; this desk knows up to "
    f"{migrate.HEAD_REVISION}): use the newer version"
)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def station(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("station") / "station.db"
    result = run(home, "demo", "--days", "1", "--per-day", "6", "--seed", "5", db=path)
    assert result.returncode == 0, result.stderr
    return path


def _entry_no(db: Path) -> str:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT entry_no FROM crossings ORDER BY id LIMIT 1").fetchone()[0]


def _records(db: Path) -> tuple[int, int]:
    """Audit events and printed documents: every change the services make adds to these."""
    with closing(sqlite3.connect(db)) as conn:
        events = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        prints = conn.execute("SELECT count(*) FROM printed_documents").fetchone()[0]
    return events, prints


def _files(*folders: Path) -> set[Path]:
    """Every file under the folders, but SQLite's own -wal/-shm companions of an open file."""
    return {
        p
        for folder in folders
        if folder.exists()
        for p in folder.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    }


def _newer_station(station: Path, target: Path) -> Path:
    db = backup_copy(station, target)
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    return db


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.pdf"
    os.mkfifo(path)
    return path


def _link_to_fifo(folder: Path) -> Path:
    link = folder / "link.pdf"
    link.symlink_to(_fifo(folder))
    return link


def _device(folder: Path) -> Path:
    """/dev/full itself only where it cannot be replaced; as root, a twin in a temp folder."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    twin = folder / "full"
    os.mknod(twin, stat.S_IFCHR | 0o600, os.makedev(1, 7))
    return twin


@dataclass(frozen=True)
class Case:
    args: Callable[[Path, Path, str], list[str | Path]]  # (db, tmp, entry) -> arguments
    code: int
    says: str  # a phrase the error line must hold
    db: str = "station"  # station | newer | missing | none
    stdin: str = ""


CASES = {
    # 1. numbers: a flood of digits, digits of another script
    "cargo-limit-5000-digits": Case(
        lambda db, tmp, e: ["settings", "set", "cargo_limit_kg", "9" * 5000],
        2,
        "cargo_limit_kg must be between 1,000 and 60,000; got a number of 5,000 digits",
    ),
    "cargo-limit-urdu-digits": Case(
        lambda db, tmp, e: ["settings", "set", "cargo_limit_kg", "۲۲۰۰۰"],
        2,
        "must be typed with the digits 0-9",
    ),
    # 2. a time zone long enough to break the file system's name limit
    "timezone-300-chars": Case(
        lambda db, tmp, e: ["settings", "set", "timezone", "A" * 300],
        2,
        "is not a known time zone: use a name like Asia/Karachi",
    ),
    "timezone-a-path": Case(
        lambda db, tmp, e: ["settings", "set", "timezone", "../../../etc/passwd"],
        2,
        "is not a known time zone",
    ),
    # 3. arguments whose bytes are not UTF-8, refused once at the edge, by name
    "undecodable-container": Case(
        lambda db, tmp, e: ["entries", "--container", "CSQU" + UNDECODABLE],
        2,
        "the value of --container ('CSQU\\xff') holds bytes that are not UTF-8 text",
    ),
    "undecodable-slip-entry": Case(
        lambda db, tmp, e: ["slip", UNDECODABLE, "--out", tmp / "x.pdf"],
        2,
        "argument 4 ('\\xff') holds bytes that are not UTF-8 text",
    ),
    "undecodable-full-name": Case(
        lambda db, tmp, e: (
            ["user", "add", "bilal", "--role", "officer"] + ["--full-name", "A" + UNDECODABLE]
        ),
        2,
        "the value of --full-name ('A\\xff') holds bytes that are not UTF-8 text",
        stdin="officer-pw-1\n",
    ),
    "undecodable-full-name-equals": Case(
        lambda db, tmp, e: (
            ["user", "add", "bilal", "--role", "officer"] + [f"--full-name=Bilal{UNDECODABLE}"]
        ),
        2,
        "the value of --full-name ('Bilal\\xff')",
        stdin="officer-pw-1\n",
    ),
    "undecodable-setting": Case(
        lambda db, tmp, e: ["settings", "set", "station_name", "Taftan" + UNDECODABLE],
        2,
        "holds bytes that are not UTF-8 text: retype it",
    ),
    # 4. a key list that is not text, or not a file
    "binary-key-list": Case(
        lambda db, tmp, e: ["slip", "verify", "TD1*X", "--keys", _binary(tmp)],
        2,
        "is not text (byte 1 is not UTF-8): give the file written by `taftan-desk slip keys`",
        db="none",
    ),
    "key-list-a-pipe": Case(
        lambda db, tmp, e: ["slip", "verify", "TD1*X", "--keys", _fifo(tmp)],
        2,
        "is a pipe, not a file",
        db="none",
    ),
    # 5. a PDF destination that is no file: refused before the print is recorded
    "slip-out-a-folder": Case(
        lambda db, tmp, e: ["slip", e, "--kind", "entry", "--out", tmp],
        2,
        "is a folder, not a file: name a PDF file, e.g.",
    ),
    "slip-out-a-device": Case(
        lambda db, tmp, e: ["slip", e, "--kind", "entry", "--out", _device(tmp)],
        2,
        "is a device, not a file",
    ),
    "slip-out-a-pipe": Case(
        lambda db, tmp, e: ["slip", e, "--kind", "entry", "--out", _fifo(tmp)],
        2,
        "is a pipe, not a file",
    ),
    "slip-out-a-link-to-a-pipe": Case(
        lambda db, tmp, e: ["slip", e, "--kind", "entry", "--out", _link_to_fifo(tmp)],
        2,
        "is a pipe, not a file",
    ),
    "slip-out-name-too-long": Case(
        lambda db, tmp, e: ["slip", e, "--kind", "entry", "--out", tmp / ("a" * 300 + ".pdf")],
        2,
        "File name too long",
    ),
    # 6. --db values no database can be at
    "db-under-a-file": Case(
        lambda db, tmp, e: ["--db", "/etc/passwd/x.db", "init"],
        2,
        "A database cannot be kept under /etc/passwd: it is a file, not a folder",
        db="none",
    ),
    "db-300-char-name": Case(
        lambda db, tmp, e: ["--db", tmp / ("d" * 300) / "x.db", "init"],
        2,
        "The database path has a name of 300 characters",
        db="none",
    ),
    "db-bad-port": Case(
        lambda db, tmp, e: ["--db", "postgresql+psycopg://u@localhost:99999/x", "init"],
        2,
        "99999 is not a port number (1 to 65535)",
        db="none",
    ),
    "db-port-not-a-number": Case(
        lambda db, tmp, e: ["--db", "postgresql+psycopg://u@localhost:abc/x", "entries"],
        2,
        "is not a database URL: give a file path, or postgresql+psycopg://",
        db="none",
    ),
    "db-unknown-dialect": Case(
        lambda db, tmp, e: ["--db", "mysql://u@localhost/x", "entries"],
        2,
        "'mysql' databases are not supported",
        db="none",
    ),
    "db-control-character": Case(
        lambda db, tmp, e: ["--db", tmp / "a\x01b.db", "init"],
        2,
        "contains the invisible control character U+0001",
        db="none",
    ),
    # 7. a database a newer version has upgraded: refused before any backup is made
    "init-on-newer-schema": Case(lambda db, tmp, e: ["init"], 1, NEWER, db="newer"),
    "entries-on-newer-schema": Case(lambda db, tmp, e: ["entries"], 1, NEWER, db="newer"),
    "demo-on-newer-schema": Case(lambda db, tmp, e: ["demo", "--days", "1"], 1, NEWER, db="newer"),
    # 8. reading commands on a path never initialised create nothing there
    **{
        f"{'-'.join(command)}-on-no-database": Case(
            lambda db, tmp, e, command=command: list(command),
            2,
            "No Taftan Desk database at {db}: run `taftan-desk init` first",
            db="missing",
        )
        for command in (
            ("entries",),
            ("check",),
            ("settings", "show"),
            ("user", "list"),
            ("slip", "keys"),
            ("slip", "verify", "TD1*X"),
            ("owner", "list"),
            ("owner", "add", "KZT"),
            ("settings", "set", "cargo_limit_kg", "20000"),
        )
    },
    # 9. names: too long for the column, or disguised with invisible characters
    "full-name-too-long": Case(
        lambda db, tmp, e: (
            ["user", "add", "bilal", "--role", "officer"] + ["--full-name", "B" * 100_000]
        ),
        2,
        "The full name is longer than 120 characters (100,000): shorten it.",
        stdin="officer-pw-1\n",
    ),
    "full-name-bidi-override": Case(
        lambda db, tmp, e: (
            ["user", "add", "bilal", "--role", "officer"] + ["--full-name", "Bilal \u202eKHAN"]
        ),
        2,
        "The full name contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE, "
        "which can hide or disguise text",
        stdin="officer-pw-1\n",
    ),
    "station-name-control-character": Case(
        lambda db, tmp, e: ["settings", "set", "station_name", "Taftan\x1b[31m"],
        2,
        "The station name contains the invisible control character U+001B",
    ),
    "company-isolate": Case(
        lambda db, tmp, e: ["owner", "add", "KZT", "--company", "KTZ \u2066Express"],
        2,
        "The company name contains the invisible character U+2066 LEFT-TO-RIGHT ISOLATE",
    ),
    "company-too-long": Case(
        lambda db, tmp, e: ["owner", "add", "KZT", "--company", "K" * 121],
        2,
        "The company name is longer than 120 characters (121): shorten it.",
    ),
}


def _binary(folder: Path) -> Path:
    path = folder / "keys.bin"
    path.write_bytes(bytes(range(255, -1, -1)) * 4)
    return path


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_is_one_clear_line_and_writes_nothing(
    home: Path, station: Path, tmp_path: Path, case: Case
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    db: Path | None = None
    if case.db == "station":
        db = backup_copy(station, tmp_path / "station.db")
    elif case.db == "newer":
        db = _newer_station(station, tmp_path / "newer.db")
    elif case.db == "missing":
        db = tmp_path / "never.db"
    args = case.args(db or tmp_path, work, _entry_no(station))
    before_records = _records(db) if db is not None and db.exists() else None
    backups = home / "data" / "taftan-desk" / "backups"
    before_files = _files(tmp_path, backups)

    result = run(home, *args, db=db, stdin=case.stdin)

    line = assert_clean_error(result, case.code)
    assert case.says.format(db=db) in line, line
    assert result.stdout == ""
    assert _files(tmp_path, backups) == before_files  # no PDF, no database, no backup
    if before_records is not None:
        assert _records(db) == before_records  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args",
    [["user", "add", "zed", "--role", "officer"], ["slip", "verify", "-"]],
    ids=["password", "slip-code"],
)
def test_stdin_that_is_not_utf8_is_one_clear_line(
    home: Path, station: Path, tmp_path: Path, args: list[str]
) -> None:
    db = backup_copy(station, tmp_path / "station.db")
    before = _records(db)
    result = subprocess.run(
        [sys.executable, "-m", "taftan_desk", "--db", str(db), *args],
        input=b"\xff\xfesecret-pw-1\n",
        capture_output=True,
        cwd=home,
        env=_env(home),
        timeout=120,
    )
    done = subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )
    line = assert_clean_error(done, 2)
    assert "standard input is not UTF-8 text" in line
    assert _records(db) == before


def test_check_on_a_newer_schema_says_so_instead_of_advising_init(
    home: Path, station: Path, tmp_path: Path
) -> None:
    db = _newer_station(station, tmp_path / "newer.db")
    result = run(home, "check", db=db)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert f"FAIL  schema: {NEWER}" in result.stdout.splitlines()
    assert "taftan-desk init" not in result.stdout


def test_the_desk_window_refuses_a_newer_schema_in_the_same_words(
    station: Path, tmp_path: Path
) -> None:
    from taftan_desk.app import load_desk

    db = _newer_station(station, tmp_path / "newer.db")
    paths = AppPaths(tmp_path / "data", tmp_path / "logs", tmp_path / "backups")
    with pytest.raises(migrate.SchemaTooNew) as refused:
        load_desk(str(db), paths)
    assert str(refused.value) == f"The database was {NEWER}."
    assert not paths.backup_dir.exists()


def test_known_revisions_are_alembics() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    walked = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    assert migrate.known_revisions() == walked
    assert not migrate.is_newer(migrate.HEAD_REVISION) and migrate.is_newer("9999")


def test_a_pdf_that_cannot_be_written_leaves_no_record(
    home: Path, station: Path, tmp_path: Path
) -> None:
    """Storage fails while the PDF is written: the copy is not counted (the next print is
    still the original), and the officer is told nothing was printed."""
    db = backup_copy(station, tmp_path / "station.db")
    events, prints = _records(db)
    out = tmp_path / "slip.pdf"
    argv = ["--db", str(db), "slip", _entry_no(station), "--kind", "entry", "--out", str(out)]
    script = (
        "import errno, sys\n"
        "from taftan_desk import cli_slips\n"
        "def disk_full(path, data):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
        "cli_slips.write_atomically = disk_full\n"
        "from taftan_desk.cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=home,
        env=_env(home),
        timeout=120,
    )
    line = assert_clean_error(result, 1)
    assert "Nothing was printed or recorded" in line
    assert "No space left on device" in line
    assert _records(db) == (events, prints)
    assert not out.exists()


# -- the rules underneath, without a process ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("9" * 5000, "has 5,000 digits; a weight has at most 7"),
        ("12345678", "has 8 digits"),
        (10**5000, "has more than 7 digits"),
        ("२४६२०", "must be typed with the digits 0-9"),  # Devanagari
        ("２４６２０", "must be typed with the digits 0-9"),  # full-width
    ],
    ids=["5000-digits", "8-digits", "huge-int", "devanagari", "full-width"],
)
def test_parse_kg_refuses_floods_and_other_scripts_in_words(text: str | int, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        weights.parse_kg(text, "gross_kg", "gross")


def test_parse_kg_reads_seven_digits() -> None:
    assert weights.parse_kg("0024620", "gross_kg", "gross") == 24_620
    with pytest.raises(ValidationError, match="not plausible"):
        weights.parse_kg("1,234,567 kg", "gross_kg", "gross")


def test_weight_fields_in_the_window_take_a_bounded_length(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from taftan_desk.ui.forms.ui_inspection_dialog import Ui_InspectionDialog
    from taftan_desk.ui.forms.ui_registration_panel import Ui_RegistrationPanel
    from taftan_desk.ui.forms.ui_weigh_dialog import Ui_WeighDialog
    from taftan_desk.ui.forms.ui_weighing_fields import Ui_WeighingFields

    for form, names in (
        (Ui_RegistrationPanel, ("max_gross_edit", "declared_net_edit")),
        (Ui_WeighingFields, ("bridge_edit", "vehicle_tare_edit", "tare_edit")),
        (Ui_WeighDialog, ("max_gross_edit",)),
        (Ui_InspectionDialog, ("reweigh_edit",)),
    ):
        widget = QWidget()
        qtbot.addWidget(widget)
        ui = form()
        ui.setupUi(widget)
        for name in names:
            # "1,234,567 kg" fits: more than 7 digits is refused by parse_kg, in words.
            assert getattr(ui, name).maxLength() == len("1,234,567 kg"), (form, name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Bilal   Ahmed ", "Bilal Ahmed"),
        ("Zoë  Müller", "Zoë Müller"),  # Latin accents print
        ("", ""),
    ],
)
def test_clean_text_keeps_what_people_type(text: str, expected: str) -> None:
    assert free_text.clean(text, "full_name", "the full name", 120) == expected


@pytest.mark.parametrize(
    "bad", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200f", "\ufeff", "\x07", "\x00"]
)
def test_clean_text_refuses_characters_that_disguise_text(bad: str) -> None:
    with pytest.raises(ValidationError, match="which can hide or disguise text") as refused:
        free_text.clean(f"Ali{bad}Khan", "full_name", "the full name", 120)
    assert refused.value.problems[0].field == "full_name"
    assert f"U+{ord(bad):04X}" in str(refused.value)


def test_multiline_text_keeps_line_breaks_only() -> None:
    assert free_text.clean("a\r\nb\tc ", "remarks", "the remarks", 50, multiline=True) == (
        "a\nb\tc"
    )
    with pytest.raises(ValidationError):
        free_text.clean("a\x1bb", "remarks", "the remarks", 50, multiline=True)


def _length(model: type, column: str) -> int:
    return model.__table__.c[column].type.length  # type: ignore[attr-defined]


def test_core_text_limits_equal_the_database_columns() -> None:
    """The form and the table cannot drift: PostgreSQL would refuse what core let through."""
    for name, limit in registration.MAX_LENGTHS.items():
        assert limit == _length(Crossing, name), name
    for name, limit in inspection.MAX_LENGTHS.items():
        assert limit == _length(Inspection, name), name
    assert _length(SealRecord, "number") == seals.MAX_SEAL_LENGTH
    assert _length(User, "full_name") == free_text.PERSON_NAME_LENGTH
    assert _length(KnownOwner, "company") == free_text.COMPANY_NAME_LENGTH


def test_db_url_refuses_a_nul_character() -> None:
    with pytest.raises(DatabaseLocationError, match="U\\+0000"):
        url_from("/tmp/a\x00b.db")


def test_postgresql_without_a_driver_means_the_installed_one() -> None:
    assert url_from("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize(
    "make",
    [lambda tmp: tmp, _fifo, _link_to_fifo, lambda tmp: _device(tmp)],
    ids=["folder", "fifo", "link-to-fifo", "device"],
)
def test_write_atomically_replaces_only_regular_files(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    target = make(tmp_path)
    mode = os.stat(target).st_mode
    with pytest.raises(NotAFile, match="not a file") as refused:
        write_atomically(target, b"%PDF-1.4")
    assert refused.value.errno in (errno.EISDIR, errno.EEXIST)
    assert os.stat(target).st_mode == mode
    assert not list(tmp_path.glob(".*.partial"))


# -- the same message on SQLite and PostgreSQL ---------------------------------------------


def _services(engine: Engine) -> Services:
    migrate.upgrade(engine)
    services = Services.build(engine, FakeClock(), TEST_IDENTITY)
    setup = Actor(None, "test-setup", Role.ADMIN)
    services.keys.establish(setup)
    services.settings.initialise(setup, "TFT")
    return services


def _name_refusals(services: Services) -> list[str]:
    setup = Actor(None, "test-setup", Role.ADMIN)
    messages = []
    for full_name in ("N" * 121, "Nadia \u202eKhan"):
        with pytest.raises(ValidationError) as refused:
            services.accounts.add(setup, "nadia", Role.ADMIN, PASSWORD, full_name)
        messages.append(str(refused.value))
    with pytest.raises(ValidationError) as refused:
        services.settings.add_known_owner(setup, "KZT", "K" * 121)
    messages.append(str(refused.value))
    return messages


def test_name_limits_say_the_same_on_sqlite_and_postgresql(tmp_path: Path, pg_url: str) -> None:
    lite = make_engine(str(tmp_path / "names.db"))
    server = make_engine(pg_url)
    try:
        on_sqlite = _name_refusals(_services(lite))
        on_postgres = _name_refusals(_services(server))
    finally:
        lite.dispose()
        server.dispose()
    assert on_sqlite == on_postgres
    assert on_sqlite[0] == "The full name is longer than 120 characters (121): shorten it."


def test_a_value_too_long_for_postgresql_is_not_called_an_unreadable_file(pg_url: str) -> None:
    """The last line of defence, behind the services' own checks."""
    engine = make_engine(pg_url)
    try:
        services = _services(engine)
        with (
            pytest.raises(StorageError) as refused,
            services.db.write(Actor(None, "test", Role.ADMIN)) as unit,
        ):
            unit.session.add(KnownOwner(code="ZZQ", company="Z" * 121))
    finally:
        engine.dispose()
    message = str(refused.value)
    assert message.startswith("A value is longer than the database allows (")
    assert "Nothing was saved: shorten it and save again." in message
    assert "cannot be read" not in message


def test_a_number_too_large_for_sqlite_is_said_in_words(desk) -> None:  # type: ignore[no-untyped-def]
    """SQLite's driver raises OverflowError before any SQL runs: still a storage message."""
    from sqlalchemy import text

    with (
        pytest.raises(StorageError, match="A number is too large for the database"),
        desk.services.db.write(desk.admin) as unit,
    ):
        unit.conn.execute(text("SELECT :x"), {"x": 10**20})


@pytest.mark.parametrize("text", ["فاطمہ\u200cرند", "Ali خان", "Łukasz"])
def test_text_the_documents_cannot_print_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValidationError, match="cannot show yet") as refused:
        free_text.clean(text, "full_name", "the full name", 120)
    assert refused.value.problems[0].field == "full_name"
