"""The same code on a station's PostgreSQL server: migrations, services, audit, concurrency."""

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from tests.support import TEST_IDENTITY, WEIGHED_ROAD, FakeClock, new_station

FORM = WEIGHED_ROAD


@pytest.fixture(scope="module")
def pg_engine(pg_url: str) -> Engine:
    engine = make_engine(pg_url)
    migrate.upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def station(pg_engine: Engine) -> tuple[Services, Actor]:
    services, signed = new_station(pg_engine, ali=Role.OFFICER)
    return services, signed["ali"]


def test_migrations_produce_exactly_the_models_on_postgres(pg_engine: Engine) -> None:
    with pg_engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    assert diff == []


def test_services_and_audit_on_postgres(station: tuple[Services, Actor]) -> None:
    services, officer = station
    c = services.crossings.register(officer, FORM).crossing
    assert len(c.entry_no) == 10 and c.registered_at.tzinfo is not None
    released = services.crossings.release(officer, c.id)
    assert released.status is Status.RELEASED
    report = services.health.check()
    assert report.ok, report.render()


def test_closed_rows_and_audit_log_are_guarded_on_postgres(
    station: tuple[Services, Actor], pg_engine: Engine
) -> None:
    services, officer = station
    c = services.crossings.register(officer, FORM).crossing
    services.crossings.release(officer, c.id)
    with pytest.raises(DBAPIError, match="refused"), pg_engine.begin() as conn:
        conn.execute(text("UPDATE crossings SET net_kg = 1 WHERE id = :id"), {"id": c.id})
    with pytest.raises(DBAPIError, match="refused"), pg_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))


def test_desks_registering_at_once_get_distinct_numbers_and_one_chain(
    station: tuple[Services, Actor], pg_url: str
) -> None:
    """Four desks (own engines, own connections) on one server."""
    _, officer = station
    issued: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def desk() -> None:
        services = Services.build(make_engine(pg_url), FakeClock(), TEST_IDENTITY)
        try:
            for _ in range(15):
                number = services.crossings.register(officer, FORM).crossing.entry_no
                with lock:
                    issued.append(number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            services.db.engine.dispose()

    threads = [threading.Thread(target=desk) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(issued) == 60 and len(set(issued)) == 60
    services, _ = station
    assert services.health.check().ok
