"""The desk queue sorted by any column, in SQL: pages of any size read the same rows in the
same order as one big page, ties broken by id, across the open-from-earlier-days part."""

from datetime import UTC, datetime, timedelta

import pytest

from taftan_desk.core import containers
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import SealInput
from taftan_desk.services.queries import SORT_KEYS, QueueSort, sort_key
from tests.support import Desk, road_form, textiles_out_form


def _container(n: int) -> str:
    body = f"MSKU{n:06d}"
    return body + str(containers.check_digit(body))


@pytest.fixture
def day_with_variety(desk: Desk):  # type: ignore[no-untyped-def]
    """Crossings from yesterday (one still open), and today's: in and out, weighed and not
    (net NULL), the same net twice, green and red, registered, held and released."""
    services, officer = desk.services, desk.officer
    desk.clock.now = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    services.crossings.register(officer, road_form(weighed=False, container_no=_container(1)))
    closed = services.crossings.register(officer, road_form(container_no=_container(2))).crossing
    services.crossings.release(officer, closed.id)
    desk.clock.now = datetime(2026, 11, 28, 5, 0, tzinfo=UTC)
    forms = [
        road_form(container_no=_container(3), truck_plate="ZZZ-9"),
        road_form(weighed=False, container_no=_container(4), declared_net_kg=""),
        textiles_out_form(container_no=_container(5)),
        road_form(container_no=_container(6), truck_plate="AAA-1"),  # same net as the first
        road_form(
            weighed=False, container_no=_container(7), seals=(SealInput("AB1", "broken"),)
        ),  # red
    ]
    ids = [services.crossings.register(officer, f).crossing.id for f in forms]
    services.crossings.hold(officer, ids[2], "Papers")
    services.crossings.release(officer, ids[3])
    return datetime(2026, 11, 28).date()


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("by", sorted(SORT_KEYS))
def test_sorted_pages_read_one_big_sorted_page(
    desk: Desk, day_with_variety, by: str, descending: bool
) -> None:  # type: ignore[no-untyped-def]
    queries, zone = desk.services.queries, desk.services.settings.current().zone
    sort = QueueSort(by, descending)
    whole = queries.desk_queue(day_with_variety, zone, limit=100, sort=sort)
    default = queries.desk_queue(day_with_variety, zone, limit=100)
    assert {r.id for r in whole} == {r.id for r in default}  # the same crossings
    assert len(whole) == 6  # yesterday's released one is not in today's queue
    keys = [sort_key(r, sort) for r in whole]
    assert keys == sorted(keys, reverse=descending)  # SQL's order is the rows' own order
    for size in (1, 2, 4):
        paged, after = [], None
        while page := queries.desk_queue(
            day_with_variety, zone, after=after, limit=size, sort=sort
        ):
            paged += page
            after = sort_key(page[-1], sort)
        assert [r.id for r in paged] == [r.id for r in whole], f"pages of {size}"


def test_status_and_channel_sort_by_meaning_not_spelling(desk: Desk, day_with_variety) -> None:  # type: ignore[no-untyped-def]
    queries, zone = desk.services.queries, desk.services.settings.current().zone
    by_status = queries.desk_queue(day_with_variety, zone, sort=QueueSort("status"))
    statuses = [r.status for r in by_status]
    assert statuses.index(Status.REGISTERED) < statuses.index(Status.HELD)
    assert statuses[-1] is Status.RELEASED  # the lifecycle's order, not the alphabet's
    by_channel = queries.desk_queue(day_with_variety, zone, sort=QueueSort("channel", True))
    assert by_channel[0].channel.value == "red"


def test_an_unknown_sort_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        QueueSort("password_hash")


def test_days_and_time_are_ordered_across_midnight(desk: Desk, day_with_variety) -> None:  # type: ignore[no-untyped-def]
    queries, zone = desk.services.queries, desk.services.settings.current().zone
    newest_first = queries.desk_queue(day_with_variety, zone, sort=QueueSort("time", True))
    assert newest_first[-1].registered_at < newest_first[0].registered_at - timedelta(hours=12)
