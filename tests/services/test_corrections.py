"""Corrections of a registration: an open crossing by its officer with a reason, a closed one
only by an amendment a supervisor approved; the channel never drops by itself, the original
stays readable, and nothing gets around it through the database."""

import json
import sqlite3

import pytest
from sqlmodel import select

from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import PermissionDenied, ValidationError
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import SealInput
from taftan_desk.db.models import Approval, AuditEvent, CrossingRevision, SealRecord
from taftan_desk.services.approvals import Permit
from tests.support import PASSWORD, Desk, road_form, run_sql

REASON = "Plate misread from the cab"


def _registered(desk: Desk, **overrides: object) -> int:
    return desk.services.crossings.register(desk.officer, road_form(**overrides)).crossing.id


def _released(desk: Desk) -> int:
    crossing_id = _registered(desk)
    desk.services.crossings.release(desk.officer, crossing_id)
    return crossing_id


def _approve(desk: Desk, crossing_id: int, form, who: str = "sara", officer=None):  # type: ignore[no-untyped-def]
    proposal = desk.services.corrections.propose(crossing_id, form)
    permit = Permit.amend(crossing_id, officer or desk.officer, proposal.digest)
    return desk.services.accounts.approve(who, PASSWORD, "Checked against the GD", permit)


def test_an_open_registration_is_corrected_with_a_reason_and_the_audit_keeps_both(
    desk: Desk,
) -> None:
    crossing_id = _registered(desk)
    fixed = road_form(truck_plate="QAB-1", gd_number="KAPE-HC-123")
    done = desk.services.corrections.correct(desk.officer, crossing_id, fixed, REASON)
    assert done.revision_no == 1
    assert done.crossing.truck_plate == "QAB-1" and done.crossing.gd_number == "KAPE-HC-123"
    assert [c.words() for c in done.changes] == [
        "Truck plate: QAA-1 → QAB-1",
        "GD number: — → KAPE-HC-123",
    ]
    with desk.services.db.read() as session:
        event = session.exec(
            select(AuditEvent).where(AuditEvent.action == "crossing_corrected")
        ).one()
    data = json.loads(event.data_json)
    assert data["reason"] == REASON and data["revision"] == 1
    assert [(c["before"], c["after"]) for c in data["changes"]] == [
        ("QAA-1", "QAB-1"),
        ("—", "KAPE-HC-123"),
    ]
    line = desk.services.crossings.detail(crossing_id).history[-1]
    assert line.action == "crossing_corrected" and line.actor == "ali"
    assert line.reason == REASON
    assert line.changes == ("Truck plate: QAA-1 → QAB-1", "GD number: — → KAPE-HC-123")
    original = desk.services.corrections.as_it_was(crossing_id, 0)
    assert original.truck_plate == "QAA-1" and original.gd_number is None
    report = desk.services.health.check()
    assert report.ok, report.render()


@pytest.mark.parametrize("reason", ["", "   ", "x"])
def test_a_correction_needs_a_reason(desk: Desk, reason: str) -> None:
    crossing_id = _registered(desk)
    with pytest.raises(ValidationError) as caught:
        desk.services.corrections.correct(
            desk.officer, crossing_id, road_form(truck_plate="QAB-1"), reason
        )
    assert caught.value.problems[0].field == "correction_reason"
    assert desk.services.crossings.detail(crossing_id).crossing.truck_plate == "QAA-1"


def test_a_correction_that_changes_nothing_is_refused_in_words(desk: Desk) -> None:
    crossing_id = _registered(desk)
    with pytest.raises(ValidationError, match="Nothing was changed"):
        desk.services.corrections.correct(desk.officer, crossing_id, road_form(), REASON)


def test_a_correction_is_checked_by_the_registrations_own_rules(desk: Desk) -> None:
    crossing_id = _registered(desk)
    with pytest.raises(ValidationError) as caught:
        desk.services.corrections.correct(
            desk.officer, crossing_id, road_form(container_no="CSQU3054384"), REASON
        )
    assert caught.value.problems[0].field == "container_no"
    assert "CSQU3054383" in str(caught.value)  # the suggestion, as at registration


def test_corrected_facts_raise_the_channel_and_send_the_truck_to_inspection(desk: Desk) -> None:
    crossing_id = _registered(desk)  # green, registered
    broken = road_form(seals=(SealInput("AB12345", "broken"),))
    done = desk.services.corrections.correct(desk.officer, crossing_id, broken, REASON)
    assert done.crossing.channel is Channel.RED
    assert done.crossing.status is Status.AWAITING_INSPECTION
    assert "seal_broken" in {r.code for r in done.crossing.reasons}
    assert any("raise the channel to RED" in w for w in done.warnings)
    assert [(s.number, s.state) for s in done.crossing.seals] == [("AB12345", "broken")]


def test_a_corrected_declaration_is_weighed_against_the_measured_net(desk: Desk) -> None:
    crossing_id = _registered(desk)  # 21,000 kg declared and measured
    done = desk.services.corrections.correct(
        desk.officer, crossing_id, road_form(declared_net_kg="15000"), REASON
    )
    assert "weight_mismatch" in {r.code for r in done.crossing.reasons}
    assert done.crossing.channel is Channel.RED


def test_a_correction_never_lowers_the_channel_by_itself(desk: Desk) -> None:
    crossing_id = _registered(desk, seals=(SealInput("AB12345", "broken"),))
    intact = road_form(seals=(SealInput("AB12345", "intact"),))
    done = desk.services.corrections.correct(desk.officer, crossing_id, intact, REASON)
    assert done.crossing.channel is Channel.RED
    assert "seal_broken" in {r.code for r in done.crossing.reasons}
    assert [(s.number, s.state) for s in done.crossing.seals] == [("AB12345", "intact")]


def test_corrected_seals_replace_the_registrations_and_the_seal_rows_stay(desk: Desk) -> None:
    crossing_id = _registered(desk, seals=(SealInput("AB12345"), SealInput("CD67890")))
    fixed = road_form(seals=(SealInput("AB12346"), SealInput("CD67890")))
    done = desk.services.corrections.correct(desk.officer, crossing_id, fixed, "Seal misread")
    assert [s.number for s in done.crossing.seals] == ["AB12346", "CD67890"]
    assert [c.words() for c in done.changes] == ["Seals: AB12345, CD67890 → AB12346, CD67890"]
    with desk.services.db.read() as session:
        rows = session.exec(select(SealRecord.number).order_by(SealRecord.id)).all()
    assert rows == ["AB12345", "CD67890"]  # evidence: never rewritten
    original = desk.services.corrections.as_it_was(crossing_id, 0)
    assert [s.number for s in original.seals] == ["AB12345", "CD67890"]
    again = desk.services.corrections.correct(
        desk.officer, crossing_id, road_form(seals=(SealInput("AB12346"),)), "One seal only"
    )
    assert again.revision_no == 2 and [s.number for s in again.crossing.seals] == ["AB12346"]
    assert [s.number for s in desk.services.corrections.as_it_was(crossing_id, 1).seals] == [
        "AB12346",
        "CD67890",
    ]


def test_a_closed_crossing_is_corrected_only_by_an_approved_amendment(desk: Desk) -> None:
    crossing_id = _released(desk)
    fixed = road_form(truck_plate="QAB-1")
    with pytest.raises(PermissionDenied, match="supervisor must approve"):
        desk.services.corrections.correct(desk.officer, crossing_id, fixed, REASON)
    approval = _approve(desk, crossing_id, fixed)
    done = desk.services.corrections.correct(desk.officer, crossing_id, fixed, REASON, approval)
    assert done.crossing.status is Status.RELEASED and done.crossing.truck_plate == "QAB-1"
    assert done.crossing.closed_at is not None
    [revision] = desk.services.corrections.revisions(crossing_id)
    assert (revision.revision_no, revision.closed, revision.by, revision.approver) == (
        1,
        True,
        "ali",
        "sara",
    )
    line = desk.services.crossings.detail(crossing_id).history[-1]
    assert (line.action, line.approver) == ("crossing_amended", "sara")
    original = desk.services.corrections.as_it_was(crossing_id, 0)
    assert original.truck_plate == "QAA-1" and original.status is Status.RELEASED
    back = road_form()
    desk.services.corrections.correct(
        desk.officer, crossing_id, back, "Back as it was", _approve(desk, crossing_id, back)
    )
    with pytest.raises(PermissionDenied, match="already been used"):  # the same change again
        desk.services.corrections.correct(desk.officer, crossing_id, fixed, REASON, approval)
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_an_amendment_approval_covers_only_the_changes_it_was_given_for(desk: Desk) -> None:
    crossing_id = _released(desk)
    approval = _approve(desk, crossing_id, road_form(truck_plate="QAB-1"))
    with pytest.raises(PermissionDenied, match="not the one the supervisor approved"):
        desk.services.corrections.correct(
            desk.officer, crossing_id, road_form(truck_plate="QAZ-9"), REASON, approval
        )
    other = _released(desk)
    with pytest.raises(PermissionDenied, match="another action, record or officer"):
        desk.services.corrections.correct(
            desk.officer, other, road_form(truck_plate="QAB-1"), REASON, approval
        )
    assert desk.services.crossings.detail(crossing_id).crossing.truck_plate == "QAA-1"


def test_a_supervisor_cannot_approve_their_own_amendment(desk: Desk) -> None:
    crossing_id = _released(desk)
    fixed = road_form(truck_plate="QAB-1")
    with pytest.raises(PermissionDenied, match="own action"):
        _approve(desk, crossing_id, fixed, who="sara", officer=desk.supervisor)


def test_an_amendment_leaves_the_decision_and_the_weights_as_they_were(desk: Desk) -> None:
    crossing_id = _released(desk)
    before = desk.services.crossings.detail(crossing_id).crossing
    fixed = road_form(truck_plate="QAB-1", gross_kg="30000", tare_kg="2000")
    done = desk.services.corrections.correct(
        desk.officer, crossing_id, fixed, REASON, _approve(desk, crossing_id, fixed)
    )
    after = done.crossing
    assert (after.gross_kg, after.tare_kg, after.net_kg) == (
        before.gross_kg,
        before.tare_kg,
        before.net_kg,
    )
    assert (after.closed_at, after.status) == (before.closed_at, before.status)


def test_a_closed_crossing_cannot_be_changed_in_the_database(desk: Desk) -> None:
    crossing_id = _released(desk)
    with pytest.raises(sqlite3.IntegrityError, match="only by amendment"):
        run_sql(desk.path, f"UPDATE crossings SET truck_plate = 'X' WHERE id = {crossing_id}")
    # A forged revision row lets the guard pass once, but the forgery is caught as evidence.
    run_sql(
        desk.path,
        "INSERT INTO crossing_revisions (crossing_id, revision_no, closed, reason, before_json,"
        f" after_json, at, by_user, approval_id) VALUES ({crossing_id}, 1, 1, 'x', '{{}}',"
        " '{\"seals\": []}', '2026-11-29 10:00:00.000000', NULL, NULL)",
    )
    with pytest.raises(sqlite3.IntegrityError, match="only by amendment"):  # no approval
        run_sql(
            desk.path,
            f"UPDATE crossings SET truck_plate = 'X', revision = 1 WHERE id = {crossing_id}",
        )


def test_a_forged_amendment_in_the_database_is_refused_or_caught(desk: Desk) -> None:
    from tests.support import released_over_a_hold

    crossing_id = released_over_a_hold(desk)  # has an approval: a release's, not an amendment's
    other = _released(desk)
    fixed = road_form(truck_plate="QAB-1")
    desk.services.corrections.correct(
        desk.officer, other, fixed, REASON, _approve(desk, other, fixed)
    )
    with desk.services.db.read() as session:
        amendment = session.exec(select(CrossingRevision)).one().approval_id
        release = session.exec(select(Approval.id).where(Approval.crossing_id == crossing_id)).one()

    def forge(approval_id: int) -> None:
        run_sql(
            desk.path,
            "INSERT INTO crossing_revisions (crossing_id, revision_no, closed, reason, "
            "before_json, after_json, at, by_user, approval_id) VALUES "
            f"({crossing_id}, 1, 1, 'x', '{{}}', '{{\"seals\": []}}', "
            f"'2026-11-29 10:00:00.000000', NULL, {approval_id})",
            f"UPDATE crossings SET truck_plate = 'FORGED', revision = 1 WHERE id = {crossing_id}",
        )

    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):  # another amendment's approval
        forge(amendment)
    with pytest.raises(sqlite3.IntegrityError, match="only by amendment"):  # a release's
        forge(release)
    # Even with a revision row in place, the decision and the weights never change.
    run_sql(
        desk.path,
        "INSERT INTO crossing_revisions (crossing_id, revision_no, closed, reason, before_json,"
        f" after_json, at, by_user, approval_id) VALUES ({crossing_id}, 1, 1, 'x', '{{}}',"
        f" '{{\"seals\": []}}', '2026-11-29 10:00:00.000000', NULL, {release})",
    )
    for change in ("gross_kg = 1", "status = 'held'", "registered_by = NULL", "shift_no = 9"):
        with pytest.raises(sqlite3.IntegrityError, match="only by amendment"):
            run_sql(
                desk.path, f"UPDATE crossings SET {change}, revision = 1 WHERE id = {crossing_id}"
            )
    assert not desk.services.health.check().ok  # the forged revision row itself is caught
    assert desk.services.crossings.detail(crossing_id).crossing.truck_plate == "QAA-1"


def test_an_amendment_on_postgres(pg_url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from taftan_desk.core.roles import Role
    from taftan_desk.db.engine import make_engine
    from tests.postgres import own_database
    from tests.support import new_station

    with own_database(pg_url, "amend") as url:
        engine = make_engine(url)
        services, signed = new_station(engine, ali=Role.OFFICER, sara=Role.SUPERVISOR)
        officer = signed["ali"]
        crossing = services.crossings.register(officer, road_form()).crossing
        services.crossings.release(officer, crossing.id)
        fixed = road_form(seals=(SealInput("PG12345"),))
        proposal = services.corrections.propose(crossing.id, fixed)
        permit = Permit.amend(crossing.id, officer, proposal.digest)
        approval = services.accounts.approve("sara", PASSWORD, "Seal on the GD", permit)
        done = services.corrections.correct(officer, crossing.id, fixed, REASON, approval)
        assert [s.number for s in done.crossing.seals] == ["PG12345"]
        assert done.crossing.status is Status.RELEASED
        with engine.connect() as conn, pytest.raises(DBAPIError, match="records are evidence"):
            conn.execute(
                text(
                    "UPDATE crossings SET truck_plate = 'X', revision = revision + 1 WHERE id = :i"
                ),
                {"i": crossing.id},
            )
        report = services.health.check()
        assert report.ok, report.render()
        engine.dispose()


def test_a_seal_type_changed_is_a_change_the_supervisor_sees(desk: Desk) -> None:
    crossing_id = _released(desk)
    shown = road_form(truck_plate="QAB-1")
    approval = _approve(desk, crossing_id, shown)
    sneaked = road_form(truck_plate="QAB-1", seals=(SealInput("AB12345", seal_type="bolt"),))
    with pytest.raises(PermissionDenied, match="not the one the supervisor approved"):
        desk.services.corrections.correct(desk.officer, crossing_id, sneaked, REASON, approval)
    words = [c.words() for c in desk.services.corrections.propose(crossing_id, sneaked).changes]
    assert "Seals: — → AB12345 bolt" in words


def test_a_crossing_of_a_signed_off_shift_is_corrected_only_by_an_amendment(
    desk: Desk, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    crossing_id = _registered(desk)  # 14:00 PKT: shift 2, left open
    desk.clock.now += timedelta(hours=9)
    view = desk.services.crossings.detail(crossing_id).crossing
    day = view.registered_at.astimezone(desk.services.settings.current().zone).date()
    desk.services.signoffs.sign_off(desk.supervisor, day, 2, accept_open=True, folder=tmp_path)
    fixed = road_form(truck_plate="QAB-1")
    with pytest.raises(PermissionDenied, match="shift already signed off"):
        desk.services.corrections.correct(desk.officer, crossing_id, fixed, REASON)
    assert desk.services.corrections.propose(crossing_id, fixed).needs_approval
    done = desk.services.corrections.correct(
        desk.officer, crossing_id, fixed, REASON, _approve(desk, crossing_id, fixed)
    )
    assert done.crossing.truck_plate == "QAB-1"


def test_a_correction_does_not_undo_a_supervisors_reroute(desk: Desk) -> None:
    from taftan_desk.core.channel import ChannelDecision, decision_digest

    crossing_id = _registered(desk, seals=(SealInput("AB12345", "broken"),))
    view = desk.services.crossings.detail(crossing_id).crossing
    facts = decision_digest(ChannelDecision(view.channel, view.reasons))
    permit = Permit.reroute(crossing_id, desk.officer, "green", facts)
    approval = desk.services.accounts.approve("sara", PASSWORD, "Seal photo checked", permit)
    desk.services.crossings.reroute(desk.officer, crossing_id, "green", approval)
    again = road_form(seals=(SealInput("AB12345", "broken"),), gd_number="KAPE-HC-1")
    done = desk.services.corrections.correct(desk.officer, crossing_id, again, "GD number added")
    assert done.crossing.channel is Channel.GREEN  # no new finding: the re-route stands


def test_a_corrected_container_already_open_elsewhere_is_warned(desk: Desk) -> None:
    _registered(desk, container_no="MSKU3881107", truck_plate="LES-1")
    crossing_id = _registered(desk)
    done = desk.services.corrections.correct(
        desk.officer, crossing_id, road_form(container_no="MSKU3881107"), "Number misread"
    )
    assert any("already has an open crossing" in w for w in done.warnings)
