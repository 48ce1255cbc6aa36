"""The change feed: what a desk learns from the audit log about other desks' writes."""

import socket

import pytest

from taftan_desk.core.errors import StorageError
from taftan_desk.db.engine import make_engine
from taftan_desk.services import changes
from taftan_desk.services.container import Services
from tests.support import TEST_IDENTITY, Desk, FakeClock, road_form, textiles_out_form


def test_the_feed_names_the_crossings_written_since_a_look(desk: Desk) -> None:
    feed = desk.services.changes
    start = feed.head()
    assert not feed.since(start).any
    first = desk.services.crossings.register(desk.officer, road_form()).crossing
    second = desk.services.crossings.register(desk.officer, textiles_out_form()).crossing
    seen = feed.since(start)
    assert seen.crossings == {first.id, second.id} and seen.last == feed.head()
    desk.services.crossings.release(desk.officer, first.id)
    later = feed.since(seen.last)
    assert later.crossings == {first.id}  # only what changed after the last look
    assert not feed.since(later.last).any


def test_other_records_are_named_by_kind(desk: Desk) -> None:
    feed = desk.services.changes
    start = feed.head()
    desk.services.accounts.disable(desk.admin, "omar")
    seen = feed.since(start)
    assert seen.crossings == set() and "user" in seen.other


def test_too_much_at_once_asks_for_a_reload(desk: Desk) -> None:
    feed = desk.services.changes
    start = feed.head()
    desk.services.crossings.register(desk.officer, road_form())
    desk.services.crossings.register(desk.officer, textiles_out_form())
    assert feed.since(start, limit=1).overflow
    assert not feed.since(start, limit=changes.MAX_EVENTS).overflow


def test_a_read_that_cannot_reach_the_database_does_not_speak_of_saving() -> None:
    with socket.socket() as probe:  # a port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    engine = make_engine(f"postgresql+psycopg://desk@127.0.0.1:{port}/station")
    services = Services.build(engine, FakeClock(), TEST_IDENTITY)
    with pytest.raises(StorageError) as refused:
        services.changes.since(0)
    assert "cannot be reached" in str(refused.value)
    assert "saved" not in str(refused.value)
    engine.dispose()
