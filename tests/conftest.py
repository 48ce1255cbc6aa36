"""Shared fixtures. Qt must see QT_QPA_PLATFORM before it is imported anywhere."""

import gc
import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from taftan_desk.core.roles import Role  # noqa: E402
from taftan_desk.db import migrate  # noqa: E402
from taftan_desk.db.engine import make_engine  # noqa: E402
from taftan_desk.services.container import Services  # noqa: E402
from taftan_desk.services.database import Actor  # noqa: E402
from tests import cups, postgres  # noqa: E402
from tests.support import PASSWORD, TEST_IDENTITY, Desk, FakeClock  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the station once (argon2 hashing is deliberately slow), copy it per test."""
    path = tmp_path_factory.mktemp("template") / "station.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine)
    services = Services.build(engine, FakeClock(), TEST_IDENTITY)
    setup = Actor(None, "test-setup", Role.ADMIN)
    services.keys.establish(setup)
    services.settings.initialise(setup, "TFT")
    # A fixed seed with rate 0 keeps random selection out of tests that do not ask for it.
    services.settings.update(setup, {"random_seed": "test-seed", "random_rate_bp": 0})
    services.accounts.add(setup, "admin", Role.ADMIN, PASSWORD, "Admin")
    admin = services.accounts.authenticate("admin", PASSWORD)
    services.accounts.add(admin, "ali", Role.OFFICER, PASSWORD, "Ali Khan")
    services.accounts.add(admin, "sara", Role.SUPERVISOR, PASSWORD, "Sara Baloch")
    services.accounts.add(admin, "omar", Role.SUPERVISOR, PASSWORD, "Omar Rind")
    engine.dispose()
    return path


@pytest.fixture
def desk(db_path: Path, station_template: Path) -> Iterator[Desk]:
    source = sqlite3.connect(station_template)
    target = sqlite3.connect(db_path)
    source.backup(target)
    source.close()
    target.close()
    engine = make_engine(str(db_path))
    clock = FakeClock()
    services = Services.build(engine, clock, TEST_IDENTITY)
    actors = {
        u.username: Actor(u.id, u.username, u.role, u.full_name) for u in services.accounts.list()
    }
    yield Desk(
        db_path, services, clock, actors["admin"], actors["ali"], actors["sara"], actors["omar"]
    )
    engine.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A real PostgreSQL server for this test session (see tests/postgres.py)."""
    with postgres.cluster() as url:
        if url is None:
            if os.environ.get("TAFTAN_REQUIRE_POSTGRES") == "1":
                pytest.fail("PostgreSQL is required here but pg_ctl was not found")
            pytest.skip("PostgreSQL is not installed")
        yield url


@pytest.fixture(scope="session")
def cups_server() -> Iterator[cups.Cups]:
    """A private CUPS scheduler for this test session (see tests/cups.py)."""
    with cups.scheduler() as server:
        if server is None:
            why = cups.missing()
            if os.environ.get("TAFTAN_REQUIRE_CUPS") == "1":
                pytest.fail(f"CUPS is required here: {why}")
            pytest.skip(f"no CUPS for tests: {why}")
        yield server


@pytest.fixture
def print_service(cups_server: cups.Cups, monkeypatch: pytest.MonkeyPatch) -> Iterator[cups.Cups]:
    """The private scheduler, as this test's print service (CUPS_SERVER names its socket)."""
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    yield cups_server


@pytest.fixture(scope="session", autouse=True)
def _desk_settings_in_a_temp_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Windows remember their layout in QSettings; keep the tests' out of the user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _qt_garbage_freed_between_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """No collection of Python's reference cycles while a test runs Qt: on a worker thread
    it would destroy widgets there, and on the GUI thread it frees a dialog that `exec()`
    handed to Python whenever it happens to, from inside whatever event is being delivered.
    The test's windows, closed and given to deleteLater by pytest-qt, are deleted when it
    ends, and only then is their Python side collected (the desk itself collects on its GUI
    thread's timer: taftan_desk/ui/gui_collector.py, tests/ui/test_gui_collector.py)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        gc.enable()
        yield
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    request.getfixturevalue("qapp")
    gc.disable()
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
