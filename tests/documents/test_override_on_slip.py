"""A gate pass released over a blocker names the supervisor who allowed it, and why."""

import io

from taftan_desk.documents import render_issued
from tests.documents.samples import text_of
from tests.support import Desk, kept, released_over_a_hold, road_form


def _slip_text(desk: Desk, crossing_id: int) -> str:
    issued = desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    out = io.BytesIO()
    render_issued(issued, out)
    return " ".join(text_of(out.getvalue()).split())


def test_an_override_is_on_the_gate_pass_with_its_supervisor_and_reason(desk: Desk) -> None:
    text = _slip_text(desk, released_over_a_hold(desk))
    assert "Override approved by Omar Rind: “GD produced at the desk”" in text


def test_a_plain_release_names_no_override(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    assert "Override" not in _slip_text(desk, crossing.id)


def test_a_gate_pass_says_until_when_it_lets_the_truck_out_and_the_gate_holds_to_it(
    desk: Desk,
) -> None:
    from datetime import timedelta

    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    released = desk.services.crossings.release(desk.officer, crossing.id)
    issued = desk.services.documents.issue(desk.officer, crossing.id, "clearance", "80mm", kept)
    out = io.BytesIO()
    render_issued(issued, out)
    until = released.closed_at + timedelta(hours=24)  # the station's default
    local = until.astimezone(desk.services.settings.current().zone)
    assert f"Valid for exit until {local:%Y-%m-%d %H:%M}" in " ".join(
        text_of(out.getvalue()).split()
    )
    documents, code = desk.services.documents, issued.qr_text
    desk.clock.now = until - timedelta(minutes=1)
    assert documents.check(code).accepted
    desk.clock.now = until + timedelta(minutes=1)
    late = documents.check(code)
    assert not late.accepted and late.problem.startswith("EXPIRED")
    desk.services.settings.update(desk.admin, {"exit_validity_hours": 48})
    assert documents.check(code).accepted  # the station's own rule, read at the gate
