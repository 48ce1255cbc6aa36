"""Shared fixtures. Qt must see QT_QPA_PLATFORM before it is imported anywhere."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from taftan_desk.core.roles import Role  # noqa: E402
from taftan_desk.db import migrate  # noqa: E402
from taftan_desk.db.engine import make_engine  # noqa: E402
from taftan_desk.services.container import Services  # noqa: E402
from taftan_desk.services.database import Actor  # noqa: E402

PASSWORD = "correct horse battery"


class FakeClock:
    """A clock tests move by hand; aware UTC like the real one."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Desk:
    """A migrated, initialised station on a real temporary SQLite file, with three users."""

    path: Path
    services: Services
    clock: FakeClock
    admin: Actor
    officer: Actor
    supervisor: Actor
    supervisor2: Actor


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def desk(db_path: Path) -> Iterator[Desk]:
    engine = make_engine(str(db_path))
    migrate.upgrade(engine)
    clock = FakeClock()
    services = Services.build(engine, clock)
    setup = Actor(None, "test-setup", Role.ADMIN)
    services.settings.initialise(setup, "TFT")
    # A fixed seed with rate 0 keeps random selection out of tests that do not ask for it.
    services.settings.update(setup, {"random_seed": "test-seed", "random_rate_bp": 0})
    services.accounts.add(setup, "admin", Role.ADMIN, PASSWORD, "Admin")
    admin = services.accounts.authenticate("admin", PASSWORD)
    services.accounts.add(admin, "ali", Role.OFFICER, PASSWORD, "Ali Khan")
    services.accounts.add(admin, "sara", Role.SUPERVISOR, PASSWORD, "Sara Baloch")
    services.accounts.add(admin, "omar", Role.SUPERVISOR, PASSWORD, "Omar Rind")
    yield Desk(db_path, services, clock, admin,
               services.accounts.authenticate("ali", PASSWORD),
               services.accounts.authenticate("sara", PASSWORD),
               services.accounts.authenticate("omar", PASSWORD))
    engine.dispose()
