import dataclasses
import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import (
    AuthenticationFailed,
    LifecycleError,
    PermissionDenied,
    ValidationError,
)
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import RegistrationInput, SealInput
from taftan_desk.db.models import Approval, AuditEvent, Crossing
from taftan_desk.services.approvals import Permit
from tests.support import PASSWORD, TYPED, Desk, road_form, typed_weighing


def _form(**changes: object) -> RegistrationInput:
    base = {
        "truck_plate": "QAA-123",
        "declared_net_kg": "22000",
        "seals": (SealInput("AB12345", "intact", "H", "bolt"),),
    }
    return road_form(weighed=False, **{**base, **changes})


def _events(desk: Desk) -> list[AuditEvent]:
    with desk.services.db.read() as session:
        return list(session.exec(select(AuditEvent).order_by(AuditEvent.id)).all())


def test_register_writes_row_seals_and_one_audit_event(desk: Desk) -> None:
    before = len(_events(desk))
    result = desk.services.crossings.register(desk.officer, _form())
    c = result.crossing
    assert c.entry_no == "2600000001"
    assert (c.status, c.channel) == (Status.REGISTERED, Channel.GREEN)
    assert c.registered_at == desk.clock.now and c.registered_at.tzinfo is not None
    assert c.seals[0].number == "AB12345" and c.seals[0].seal_class == "H"
    events = _events(desk)
    assert len(events) == before + 1
    event = events[-1]
    assert (event.action, event.actor_id, event.entity_id) == (
        "crossing_registered",
        desk.officer.user_id,
        str(c.id),
    )
    assert json.loads(event.data_json)["after"]["container_no"] == "CSQU3054383"


def test_entry_numbers_are_ten_digits_and_sequential(desk: Desk) -> None:
    numbers = [
        desk.services.crossings.register(desk.officer, _form()).crossing.entry_no for _ in range(3)
    ]
    assert numbers == ["2600000001", "2600000002", "2600000003"]


def test_entry_year_follows_station_time_not_utc(desk: Desk) -> None:
    # 20:00 UTC on 31 December is already 01:00 on 1 January in Karachi.
    desk.clock.now = datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    assert desk.services.crossings.register(desk.officer, _form()).crossing.entry_no == "2700000001"


def test_invalid_registration_saves_nothing(desk: Desk) -> None:
    before = len(_events(desk))
    with pytest.raises(ValidationError) as caught:
        desk.services.crossings.register(desk.officer, _form(container_no="CSQU3054384"))
    assert "CSQU3054383" in str(caught.value)
    assert len(_events(desk)) == before
    ok = desk.services.crossings.register(desk.officer, _form()).crossing
    assert ok.entry_no == "2600000001"  # a failed registration issues no number


def test_broken_seal_goes_red_and_awaits_inspection(desk: Desk) -> None:
    c = desk.services.crossings.register(
        desk.officer, _form(seals=(SealInput("AB1", "broken"),))
    ).crossing
    assert (c.channel, c.status) == (Channel.RED, Status.AWAITING_INSPECTION)
    assert c.reasons[0].text == "Seal AB1 is broken"


def test_warnings_include_an_open_duplicate(desk: Desk) -> None:
    first = desk.services.crossings.register(desk.officer, _form()).crossing
    second = desk.services.crossings.register(desk.officer, _form())
    assert any(first.entry_no in w for w in second.warnings)


def _weighed(desk: Desk, gross: int, tare: int = 2_300, **form: object):  # type: ignore[no-untyped-def]
    c = desk.services.crossings.register(desk.officer, _form(**form)).crossing
    return desk.services.crossings.record_weighing(desk.officer, c.id, typed_weighing(gross, tare))


def test_exactly_22000_kg_net_releases(desk: Desk) -> None:
    c, weighing = _weighed(desk, 24_300)
    assert weighing.net_kg == 22_000 and not weighing.failed()
    released = desk.services.crossings.release(desk.officer, c.id)
    assert released.status is Status.RELEASED and released.closed_at is not None


def test_22001_kg_needs_a_supervisor(desk: Desk) -> None:
    c, weighing = _weighed(desk, 24_301)
    assert weighing.net_kg == 22_001 and c.channel is Channel.YELLOW
    desk.services.inspections.record(
        desk.officer, c.id, InspectionInput("documentary", "Ali Khan", "no_discrepancy", "release")
    )
    with pytest.raises(PermissionDenied, match="1 kg over"):
        desk.services.crossings.release(desk.officer, c.id)
    released = desk.services.crossings.release(
        desk.officer,
        c.id,
        desk.services.accounts.approve(
            "sara",
            PASSWORD,
            "Within scale tolerance",
            Permit.release(c.id, desk.officer, ["weight_r1"]),
        ),
    )
    assert released.status is Status.RELEASED
    with desk.services.db.read() as session:
        approval = session.exec(select(Approval)).one()
    assert (approval.supervisor_id, approval.requested_by) == (
        desk.supervisor.user_id,
        desk.officer.user_id,
    )
    data = json.loads(_events(desk)[-1].data_json)
    assert data["approval"]["supervisor"] == "sara" and data["approval"]["officer"] == "ali"


def test_only_another_signed_in_supervisor_can_approve(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_301)
    accounts = desk.services.accounts
    permit = Permit.release(c.id, desk.supervisor, ["weight_r1"])
    desk.services.inspections.record(
        desk.supervisor, c.id, InspectionInput("documentary", "Sara", "no_discrepancy", "release")
    )
    with pytest.raises(PermissionDenied, match="Only a supervisor"):
        accounts.approve("ali", PASSWORD, "I say so", permit)
    with pytest.raises(AuthenticationFailed):
        accounts.approve("sara", "not her password", "Within tolerance", permit)
    with pytest.raises(ValidationError, match="reason"):
        accounts.approve("sara", PASSWORD, "", permit)
    with pytest.raises(PermissionDenied, match="own"):
        accounts.approve("sara", PASSWORD, "I say so", permit)
    ok = desk.services.crossings.release(
        desk.supervisor, c.id, accounts.approve("omar", PASSWORD, "Agreed on site", permit)
    )
    assert ok.status is Status.RELEASED


def test_a_hand_made_or_stale_approval_is_refused(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_301)
    desk.services.inspections.record(
        desk.officer, c.id, InspectionInput("documentary", "Ali", "no_discrepancy", "release")
    )
    real = desk.services.accounts.approve(
        "sara", PASSWORD, "Within tolerance", Permit.release(c.id, desk.officer, ["weight_r1"])
    )
    forged = dataclasses.replace(real, signature="0" * 64)
    with pytest.raises(PermissionDenied, match="not signed at this desk"):
        desk.services.crossings.release(desk.officer, c.id, forged)
    edited = dataclasses.replace(real, reason="Something else")
    with pytest.raises(PermissionDenied, match="not signed"):
        desk.services.crossings.release(desk.officer, c.id, edited)
    desk.clock.now += timedelta(minutes=6)
    with pytest.raises(PermissionDenied, match="expired"):
        desk.services.crossings.release(desk.officer, c.id, real)


def test_reweighing_does_not_lift_an_overweight_finding(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_800)  # 22,500 net
    desk.services.inspections.record(
        desk.officer, c.id, InspectionInput("documentary", "Ali", "no_discrepancy", "release")
    )
    c, weighing = desk.services.crossings.record_weighing(
        desk.officer, c.id, typed_weighing(24_300, 2_300), max_gross_kg=40_000
    )
    assert not weighing.failed()
    with pytest.raises(PermissionDenied, match="22,500 kg"):
        desk.services.crossings.release(desk.officer, c.id)


def test_a_release_decision_does_not_lift_a_hold(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_000)
    held = desk.services.crossings.hold(desk.officer, c.id, "Papers missing")
    assert held.status is Status.HELD
    after = desk.services.inspections.record(
        desk.officer, c.id, InspectionInput("documentary", "Ali", "no_discrepancy", "release")
    )
    assert after.status is Status.HELD
    with pytest.raises(PermissionDenied, match="on hold"):
        desk.services.crossings.release(desk.officer, c.id)
    released = desk.services.crossings.release(
        desk.officer,
        c.id,
        desk.services.accounts.approve(
            "sara", PASSWORD, "Papers produced", Permit.release(c.id, desk.officer, ["held"])
        ),
    )
    assert released.status is Status.RELEASED


def test_referral_sends_the_crossing_back_to_await_an_exam(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_000, seals=(SealInput("S9", "broken"),))
    assert c.status is Status.AWAITING_INSPECTION
    referred = desk.services.inspections.record(
        desk.officer,
        c.id,
        InspectionInput(
            "scanner", "Ali", "discrepancy", "refer", remarks="Dense mass in the scan image"
        ),
    )
    assert referred.status is Status.AWAITING_INSPECTION
    assert len(referred.inspections) == 1


def test_a_disabled_account_cannot_go_on_writing(desk: Desk) -> None:
    conn = sqlite3.connect(desk.path)
    conn.execute("UPDATE users SET active = 0 WHERE username = 'ali'")
    conn.commit()
    conn.close()
    with pytest.raises(AuthenticationFailed, match="disabled"):
        desk.services.crossings.register(desk.officer, _form())


def test_red_needs_a_physical_exam_before_release(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_000, seals=(SealInput("S1", "missing"),))
    assert c.channel is Channel.RED
    c = desk.services.inspections.record(
        desk.officer, c.id, InspectionInput("documentary", "Ali", "no_discrepancy", "release")
    )
    with pytest.raises(ValidationError, match="physical or scanner"):
        desk.services.crossings.release(desk.officer, c.id)
    c = desk.services.inspections.record(
        desk.officer,
        c.id,
        InspectionInput(
            "physical",
            "Ali",
            "no_discrepancy",
            "release",
            seal_check="discrepancy",
            new_seal_no="TFT0001",
        ),
    )
    assert any(s.number == "TFT0001" and s.applied_at_exam for s in c.seals)
    assert desk.services.crossings.release(desk.officer, c.id).status is Status.RELEASED


def test_unweighed_cannot_be_released(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, _form()).crossing
    with pytest.raises(ValidationError, match="Weigh"):
        desk.services.crossings.release(desk.officer, c.id)


def test_mismatch_escalates_to_red_and_reweigh_does_not_lower_it(desk: Desk) -> None:
    c, _ = _weighed(desk, 18_300)  # 16,000 net against 22,000 declared
    assert c.channel is Channel.RED and c.status is Status.AWAITING_INSPECTION
    c, _ = desk.services.crossings.record_weighing(
        desk.officer, c.id, typed_weighing(24_300, 2_300)
    )
    assert c.channel is Channel.RED
    assert any("mismatch" in r.text for r in c.reasons)


def test_inspection_decisions_move_the_lifecycle(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_000, seals=(SealInput("S1", "broken"),))
    held = desk.services.inspections.record(
        desk.officer,
        c.id,
        InspectionInput("physical", "Ali", "discrepancy", "hold", remarks="Extra pallets found"),
    )
    assert held.status is Status.HELD
    with pytest.raises(PermissionDenied, match="hold"):
        desk.services.crossings.release(desk.officer, c.id)
    refused = desk.services.crossings.refuse(desk.officer, c.id, "Undeclared goods")
    assert refused.status is Status.REFUSED


def test_closed_crossings_refuse_further_actions(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_000)
    desk.services.crossings.release(desk.officer, c.id)
    with pytest.raises(LifecycleError, match="closed"):
        desk.services.crossings.hold(desk.officer, c.id, "Second thoughts")
    with pytest.raises(LifecycleError):
        desk.services.crossings.record_weighing(desk.officer, c.id, typed_weighing(24_000, 2_300))


def test_closed_rows_are_guarded_in_the_database_too(desk: Desk) -> None:
    c, _ = _weighed(desk, 24_000)
    desk.services.crossings.release(desk.officer, c.id)
    conn = sqlite3.connect(desk.path)
    with pytest.raises(sqlite3.IntegrityError, match="amendment"):
        conn.execute("UPDATE crossings SET net_kg = 1 WHERE id = ?", (c.id,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_events")
    conn.close()


def test_roles_are_enforced(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        desk.services.crossings.register(desk.admin, _form())
    with pytest.raises(PermissionDenied):
        desk.services.settings.update(desk.officer, {"cargo_limit_kg": 20_000})


def test_limit_setting_applies_to_the_next_weighing(desk: Desk) -> None:
    desk.services.settings.update(desk.admin, {"cargo_limit_kg": 20_000})
    c, weighing = _weighed(desk, 22_301, declared_net_kg="20000")
    assert [ch.rule.value for ch in weighing.failed()] == ["R1"]
    assert "20,000 kg limit" in weighing.failed()[0].reason


def test_hold_needs_a_reason(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, _form()).crossing
    with pytest.raises(ValidationError, match="reason"):
        desk.services.crossings.hold(desk.officer, c.id, " ")


def test_random_selection_is_recorded_with_its_draw(desk: Desk) -> None:
    desk.services.settings.update(desk.admin, {"random_rate_bp": 10_000})
    c = desk.services.crossings.register(desk.officer, _form()).crossing
    assert c.channel is Channel.RED and c.random_rate_bp == 10_000
    assert f"draw {c.random_draw_bp:04d}" in c.reasons[-1].text


def test_queries_day_and_history_use_station_days(desk: Desk) -> None:
    desk.clock.now = datetime(2026, 11, 27, 18, 30, tzinfo=UTC)  # 23:30 PKT on the 27th
    a = desk.services.crossings.register(desk.officer, _form()).crossing
    desk.clock.now += timedelta(hours=1)  # 00:30 PKT on the 28th
    b = desk.services.crossings.register(desk.officer, _form()).crossing
    zone = desk.services.settings.current().zone
    day27 = desk.services.queries.day(datetime(2026, 11, 27).date(), zone)
    day28 = desk.services.queries.day(datetime(2026, 11, 28).date(), zone)
    assert [r.entry_no for r in day27] == [a.entry_no]
    assert [r.entry_no for r in day28] == [b.entry_no]
    history = desk.services.queries.container_history("csqu 3054383")
    assert [r.entry_no for r in history] == [b.entry_no, a.entry_no]
    assert desk.services.queries.by_entry_no(a.entry_no).id == a.id


def test_stored_instants_are_utc_on_disk(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, _form()).crossing
    conn = sqlite3.connect(desk.path)
    (stored,) = conn.execute("SELECT registered_at FROM crossings WHERE id=?", (c.id,)).fetchone()
    conn.close()
    assert stored.startswith("2026-11-27 09:00:00")
    with desk.services.db.read() as session:
        row = session.get(Crossing, c.id)
        assert row.registered_at == datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_desk_queue_pages_read_the_same_rows_as_one_big_page(desk: Desk) -> None:
    """Keyset pages of any size, across the open-from-earlier part and the day's part, with
    several crossings registered in the same instant, give the same rows in the same order."""
    desk.clock.now = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    earlier_open = [desk.services.crossings.register(desk.officer, _form()).crossing.id]
    weighed = _form(gross_kg="20000", tare_kg="2300", declared_net_kg="17700", weight_reason=TYPED)
    closed = desk.services.crossings.register(desk.officer, weighed).crossing
    desk.services.crossings.release(desk.officer, closed.id)
    earlier_open.append(desk.services.crossings.register(desk.officer, _form()).crossing.id)
    desk.clock.now = datetime(2026, 11, 28, 5, 0, tzinfo=UTC)
    todays = [desk.services.crossings.register(desk.officer, _form()).crossing.id for _ in range(4)]
    desk.clock.now += timedelta(minutes=1)
    todays.append(desk.services.crossings.register(desk.officer, _form()).crossing.id)
    queries, zone = desk.services.queries, desk.services.settings.current().zone
    day = datetime(2026, 11, 28).date()
    whole = [r.id for r in queries.desk_queue(day, zone, limit=100)]
    assert whole == earlier_open + todays
    for size in (1, 2, 3):
        paged: list[int] = []
        after = None
        while page := queries.desk_queue(day, zone, after=after, limit=size):
            paged += [r.id for r in page]
            after = (page[-1].registered_at, page[-1].id)
        assert paged == whole, f"pages of {size}"
    counts = queries.desk_queue_counts(day, zone)
    assert (counts.total, counts.carried) == (len(whole), len(earlier_open))
