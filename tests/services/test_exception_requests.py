"""Exceptions decided at another desk: the officer asks, a supervisor at any desk of the station
answers with a reason, the officer's action uses the approval once. Nobody decides their own
request; a refused, waiting, stale, reused or forged approval lets nothing through."""

import sqlite3
from collections.abc import Iterator
from datetime import timedelta

import pytest

from taftan_desk.core.errors import PermissionDenied
from taftan_desk.core.lifecycle import Status
from taftan_desk.db.engine import make_engine
from taftan_desk.services.approvals import ApprovedRequest, Permit
from taftan_desk.services.container import Services
from taftan_desk.services.exception_requests import APPROVED, REFUSED, USED, WAITING
from tests.support import TEST_IDENTITY, Desk, road_form, run_sql

WHY = "Papers produced at the gate"


@pytest.fixture
def other_desk(desk: Desk) -> Iterator[Services]:
    """A second desk of the same station: its own engine on the same database file."""
    engine = make_engine(str(desk.path))
    yield Services.build(engine, desk.clock, TEST_IDENTITY)
    engine.dispose()


def _held(desk: Desk) -> int:
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.hold(desk.officer, crossing.id, "GD not produced")
    return crossing.id


def _ask(desk: Desk, crossing_id: int):  # type: ignore[no-untyped-def]
    permit = Permit.release(crossing_id, desk.officer, ["held"])
    what = f"Release crossing {crossing_id} from its hold"
    return desk.services.exceptions.request(desk.officer, permit, what, WHY, crossing_id)


def test_a_request_is_answered_at_another_desk_and_used_once(
    desk: Desk, other_desk: Services
) -> None:
    crossing_id = _held(desk)
    seen = other_desk.changes.head()
    asked = _ask(desk, crossing_id)
    assert asked.state == WAITING
    assert crossing_id in other_desk.changes.since(seen).crossings  # the feed brings it
    [waiting] = other_desk.exceptions.waiting()
    assert (waiting.id, waiting.requested_by, waiting.reason) == (asked.id, "ali", WHY)
    answered = other_desk.exceptions.decide(desk.supervisor, asked.id, True, "GD seen by phone")
    assert (answered.state, answered.decided_by) == (APPROVED, "sara")
    assert other_desk.exceptions.waiting() == []
    mine = desk.services.exceptions.of_officer(desk.officer)[0]
    assert mine.state == APPROVED and mine.answer == "GD seen by phone"
    released = desk.services.crossings.release(desk.officer, crossing_id, mine.grant)
    assert released.status is Status.RELEASED
    assert desk.services.exceptions.get(asked.id).state == USED
    history = desk.services.crossings.detail(crossing_id).history
    assert [h.action for h in history][-3:] == [
        "exception_requested",
        "exception_approved",
        "crossing_released",
    ]
    assert (history[-1].approver, history[-1].reason) == ("sara", "GD seen by phone")
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_nobody_decides_their_own_request(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.supervisor, road_form()).crossing
    desk.services.crossings.hold(desk.supervisor, crossing.id, "GD not produced")
    permit = Permit.release(crossing.id, desk.supervisor, ["held"])
    asked = desk.services.exceptions.request(
        desk.supervisor, permit, "Release from hold", WHY, crossing.id
    )
    with pytest.raises(PermissionDenied, match="Nobody decides their own request"):
        desk.services.exceptions.decide(desk.supervisor, asked.id, True, "Looks fine to me")
    assert desk.services.exceptions.get(asked.id).state == WAITING


def test_an_officer_cannot_answer_or_ask_for_another(desk: Desk) -> None:
    asked = _ask(desk, _held(desk))
    with pytest.raises(PermissionDenied):
        desk.services.exceptions.decide(desk.officer, asked.id, True, "I approve it")
    other = Permit.release(asked.crossing_id, desk.supervisor2, ["held"])  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied, match="their own actions"):
        desk.services.exceptions.request(desk.officer, other, "x", WHY, asked.crossing_id)


def test_a_waiting_or_refused_request_releases_nothing(desk: Desk) -> None:
    crossing_id = _held(desk)
    asked = _ask(desk, crossing_id)
    early = ApprovedRequest(asked.id, asked.permit)
    with pytest.raises(PermissionDenied, match="has not been approved"):
        desk.services.crossings.release(desk.officer, crossing_id, early)
    refused = desk.services.exceptions.decide(desk.supervisor, asked.id, False, "Papers unclear")
    assert refused.state == REFUSED and refused.grant is None
    with pytest.raises(PermissionDenied, match="has not been approved"):
        desk.services.crossings.release(desk.officer, crossing_id, early)
    history = desk.services.crossings.detail(crossing_id).history
    assert (history[-1].action, history[-1].approver) == ("exception_refused", "sara")


def test_an_approval_is_used_once_for_its_crossing_only_and_soon(desk: Desk) -> None:
    first, second = _held(desk), _held(desk)
    asked = _ask(desk, first)
    answer = desk.services.exceptions.decide(desk.supervisor, asked.id, True, "GD seen at gate")
    grant = answer.grant
    with pytest.raises(PermissionDenied, match="another action, record or officer"):
        desk.services.crossings.release(desk.officer, second, grant)
    desk.clock.now += timedelta(minutes=31)
    with pytest.raises(PermissionDenied, match="has expired"):
        desk.services.crossings.release(desk.officer, first, grant)
    desk.clock.now -= timedelta(minutes=30)
    desk.services.crossings.release(desk.officer, first, grant)
    again = _ask(desk, second)
    reused = ApprovedRequest(asked.id, again.permit)  # the old, used grant for a new crossing
    with pytest.raises(PermissionDenied):
        desk.services.crossings.release(desk.officer, second, reused)
    assert desk.services.crossings.detail(second).crossing.status is Status.HELD


def test_a_decision_written_in_the_database_approves_nothing(desk: Desk) -> None:
    crossing_id = _held(desk)
    asked = _ask(desk, crossing_id)
    run_sql(
        desk.path,
        "INSERT INTO exception_decisions (request_id, approved, supervisor_id, reason, "
        f"decided_at) VALUES ({asked.id}, 1, {desk.supervisor.user_id}, 'ok', "
        "'2026-11-27 09:00:00.000000')",
    )
    assert desk.services.exceptions.get(asked.id).state == APPROVED  # as the row claims
    with pytest.raises(PermissionDenied, match="changed outside the desk"):
        desk.services.crossings.release(
            desk.officer, crossing_id, ApprovedRequest(asked.id, asked.permit)
        )
    assert not desk.services.health.check().ok


def test_requests_and_answers_cannot_be_changed_in_the_database(desk: Desk) -> None:
    asked = _ask(desk, _held(desk))
    desk.services.exceptions.decide(desk.supervisor, asked.id, False, "Papers unclear")
    for statement in (
        f"UPDATE exception_requests SET overrides = '' WHERE id = {asked.id}",
        "DELETE FROM exception_requests",
        "UPDATE exception_decisions SET approved = 1",
        "DELETE FROM exception_decisions",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            run_sql(desk.path, statement)


def test_an_approval_not_used_in_time_expires_and_is_offered_no_more(desk: Desk) -> None:
    crossing_id = _held(desk)
    asked = _ask(desk, crossing_id)
    desk.services.exceptions.decide(desk.supervisor, asked.id, True, "GD seen by phone")
    assert desk.services.exceptions.approved_for(asked.permit) is not None
    desk.clock.now += timedelta(minutes=31)
    assert desk.services.exceptions.approved_for(asked.permit) is None  # a new one may be asked
    assert desk.services.exceptions.get(asked.id).state == "expired"


def test_a_request_is_about_the_crossing_its_permit_names(desk: Desk) -> None:
    first, second = _held(desk), _held(desk)
    permit = Permit.release(first, desk.officer, ["held"])
    asked = desk.services.exceptions.request(desk.officer, permit, "Release", WHY, second)
    assert asked.crossing_id == first
