"""Re-routing a channel: only with a supervisor's approval of exactly that channel, never on a
closed crossing, and never a way around an overweight finding or an examination record."""

import pytest

from taftan_desk.core.channel import Channel, ChannelDecision, decision_digest
from taftan_desk.core.errors import PermissionDenied, ValidationError
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import SealInput
from taftan_desk.services.approvals import Permit
from tests.support import PASSWORD, Desk, road_form

WHY = "Seal photo checked: number misread at the gate"


def _red(desk: Desk, **form: object) -> int:
    seals = (SealInput("AB12345", "broken"),)
    return desk.services.crossings.register(
        desk.officer, road_form(seals=seals, **form)
    ).crossing.id


def _facts(desk: Desk, crossing_id: int) -> str:
    view = desk.services.crossings.detail(crossing_id).crossing
    return decision_digest(ChannelDecision(view.channel, view.reasons))


def _approve(desk: Desk, crossing_id: int, to: str, who: str = "sara"):  # type: ignore[no-untyped-def]
    permit = Permit.reroute(crossing_id, desk.officer, to, _facts(desk, crossing_id))
    return desk.services.accounts.approve(who, PASSWORD, WHY, permit)


def test_a_supervisor_reroutes_red_to_green_and_the_truck_may_go(desk: Desk) -> None:
    crossing_id = _red(desk)
    assert desk.services.crossings.detail(crossing_id).crossing.status is Status.AWAITING_INSPECTION
    view = desk.services.crossings.reroute(
        desk.officer, crossing_id, "green", _approve(desk, crossing_id, "green")
    )
    assert view.channel is Channel.GREEN and view.status is Status.REGISTERED
    assert {r.code for r in view.reasons} >= {"seal_broken", "rerouted"}  # all kept
    assert desk.services.crossings.blockers(crossing_id) == []
    line = desk.services.crossings.detail(crossing_id).history[-1]
    assert (line.action, line.approver, line.reason) == ("crossing_rerouted", "sara", WHY)
    assert "Channel: red → green" in line.changes
    assert desk.services.crossings.release(desk.officer, crossing_id).status is Status.RELEASED
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_a_reroute_needs_an_approval_for_exactly_that_channel(desk: Desk) -> None:
    crossing_id = _red(desk)
    with pytest.raises(PermissionDenied, match="must approve"):
        desk.services.crossings.reroute(desk.officer, crossing_id, "green", None)
    yellow = _approve(desk, crossing_id, "yellow")
    with pytest.raises(PermissionDenied):
        desk.services.crossings.reroute(desk.officer, crossing_id, "green", yellow)
    assert desk.services.crossings.detail(crossing_id).crossing.channel is Channel.RED


def test_rerouting_does_not_lift_an_overweight_finding(desk: Desk) -> None:
    crossing_id = _red(desk, gross_kg="24400", declared_net_kg="22100")  # 22,100 kg net
    desk.services.crossings.reroute(
        desk.officer, crossing_id, "green", _approve(desk, crossing_id, "green")
    )
    codes = [b.code for b in desk.services.crossings.blockers(crossing_id)]
    assert codes == ["weight_r1"]  # still a supervisor's release
    with pytest.raises(PermissionDenied):
        desk.services.crossings.release(desk.officer, crossing_id)


def test_a_closed_crossing_is_not_rerouted(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    with pytest.raises(ValidationError, match="closed"):
        desk.services.crossings.reroute(
            desk.officer, crossing.id, "red", _approve(desk, crossing.id, "red")
        )


def test_a_reroute_may_be_approved_at_another_desk(desk: Desk) -> None:
    crossing_id = _red(desk)
    permit = Permit.reroute(crossing_id, desk.officer, "yellow", _facts(desk, crossing_id))
    asked = desk.services.exceptions.request(
        desk.officer, permit, "Re-route to yellow", "Seal number misread", crossing_id
    )
    grant = desk.services.exceptions.decide(desk.supervisor, asked.id, True, WHY).grant
    view = desk.services.crossings.reroute(desk.officer, crossing_id, "yellow", grant)
    assert view.channel is Channel.YELLOW and view.status is Status.AWAITING_INSPECTION


def test_a_reroute_approval_dies_with_a_new_finding(desk: Desk) -> None:
    crossing_id = _red(desk)
    green = _approve(desk, crossing_id, "green")
    desk.services.corrections.correct(
        desk.officer,
        crossing_id,
        road_form(seals=(SealInput("AB12345", "broken"), SealInput("CD67890", "missing"))),
        "Second seal found missing",
    )
    with pytest.raises(PermissionDenied):
        desk.services.crossings.reroute(desk.officer, crossing_id, "green", green)
    assert desk.services.crossings.detail(crossing_id).crossing.channel is Channel.RED
