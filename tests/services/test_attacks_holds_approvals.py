"""Attacks on the release rules: lifting a hold without a supervisor, and stretching one
supervisor's approval over other trucks, other officers, a second use or a lost role."""

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from taftan_desk.core.errors import PermissionDenied, StorageError
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.lifecycle import Status
from taftan_desk.db.models import Approval, CrossingHold
from taftan_desk.services import approvals
from taftan_desk.services.approvals import Permit
from tests.support import PASSWORD, WEIGHED_ROAD, Desk, kept, run_sql, typed_weighing


def _inspect(desk: Desk, crossing_id: int, decision: str, kind: str = "documentary") -> Status:
    form = InspectionInput(kind, "Ali Khan", "no_discrepancy", decision, remarks="checked")
    return desk.services.inspections.record(desk.officer, crossing_id, form).status


def _held(desk: Desk) -> int:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    assert desk.services.crossings.hold(desk.officer, c.id, "Papers missing").status is (
        Status.HELD
    )
    return c.id


def _approve(desk: Desk, crossing_id: int, who: str = "sara", officer=None):  # type: ignore[no-untyped-def]
    permit = Permit.release(crossing_id, officer or desk.officer, ["held"])
    return desk.services.accounts.approve(who, PASSWORD, "Papers produced at the desk", permit)


def test_a_hold_survives_referral_and_a_second_inspection(desk: Desk) -> None:
    crossing_id = _held(desk)
    assert _inspect(desk, crossing_id, "refer") is Status.AWAITING_INSPECTION
    assert _inspect(desk, crossing_id, "release") is Status.INSPECTED
    with pytest.raises(PermissionDenied, match="on hold"):
        desk.services.crossings.release(desk.officer, crossing_id)
    released = desk.services.crossings.release(
        desk.officer, crossing_id, _approve(desk, crossing_id)
    )
    assert released.status is Status.RELEASED
    with desk.services.db.read() as session:
        facts = session.exec(select(CrossingHold).order_by(CrossingHold.id)).all()
    assert [(f.action, f.crossing_id) for f in facts] == [
        ("placed", crossing_id),
        ("lifted", crossing_id),
    ]
    assert facts[1].approval_id is not None and facts[1].by_user == desk.officer.user_id
    assert desk.services.health.check().ok


def test_a_hold_survives_send_to_inspection(desk: Desk) -> None:
    crossing_id = _held(desk)
    sent = desk.services.crossings.send_to_inspection(desk.officer, crossing_id, "Re-examine it")
    assert sent.status is Status.AWAITING_INSPECTION
    assert _inspect(desk, crossing_id, "release", kind="physical") is Status.INSPECTED
    blockers = desk.services.crossings.blockers(crossing_id)
    assert [b.code for b in blockers] == ["held"]
    with pytest.raises(PermissionDenied, match="on hold"):
        desk.services.crossings.release(desk.officer, crossing_id)


def test_a_hold_decided_at_inspection_is_a_hold_too(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    assert _inspect(desk, c.id, "hold") is Status.HELD
    desk.services.crossings.send_to_inspection(desk.officer, c.id, "Second look")
    assert _inspect(desk, c.id, "release", kind="physical") is Status.INSPECTED
    with pytest.raises(PermissionDenied, match="on hold"):
        desk.services.crossings.release(desk.officer, c.id)
    assert desk.services.health.check().ok


def test_a_lifted_hold_stays_lifted_and_a_new_hold_needs_a_new_approval(desk: Desk) -> None:
    """The hold is a fact: held again after a lift, it blocks again."""
    crossing_id = _held(desk)
    desk.services.crossings.send_to_inspection(desk.officer, crossing_id, "Re-examine it")
    _inspect(desk, crossing_id, "hold")
    desk.services.crossings.send_to_inspection(desk.officer, crossing_id, "Third look")
    _inspect(desk, crossing_id, "release")
    with pytest.raises(PermissionDenied, match="on hold"):
        desk.services.crossings.release(desk.officer, crossing_id)


def test_an_approval_releases_only_the_crossing_it_names(desk: Desk) -> None:
    first, second = (_held(desk) for _ in range(2))
    for_first = _approve(desk, first)
    with pytest.raises(PermissionDenied, match="another action, record or officer"):
        desk.services.crossings.release(desk.officer, second, for_first)
    assert desk.services.crossings.release(desk.officer, first, for_first).status is (
        Status.RELEASED
    )


def test_an_approval_is_for_the_officer_it_was_given_to(desk: Desk) -> None:
    crossing_id = _held(desk)
    for_ali = _approve(desk, crossing_id)
    with pytest.raises(PermissionDenied, match="another action, record or officer"):
        desk.services.crossings.release(desk.supervisor2, crossing_id, for_ali)


def test_an_approval_for_a_release_cannot_void_a_document(desk: Desk) -> None:
    c = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    desk.services.crossings.release(desk.officer, c.id)
    slip = desk.services.documents.issue(desk.officer, c.id, "clearance", "80mm", kept)
    release_grant = _approve(desk, c.id)
    with pytest.raises(PermissionDenied, match="another action"):
        desk.services.documents.void(desk.officer, slip.record.id, release_grant)


def test_a_grant_is_used_once(desk: Desk) -> None:
    crossing_id = _held(desk)
    grant = _approve(desk, crossing_id)
    permit = Permit.release(crossing_id, desk.officer, ["held"])
    key = desk.services.db.approval_key
    with desk.services.db.write(desk.officer) as unit:
        approvals.consume(unit, grant, permit, key, crossing_id=crossing_id, kind="test")
        unit.audit("test_consumed", "crossing", crossing_id, {})
    with pytest.raises(PermissionDenied, match="already been used"):
        desk.services.crossings.release(desk.officer, crossing_id, grant)
    with (
        pytest.raises(IntegrityError),
        desk.services.db.writer_engine.begin() as conn,
    ):  # and the index stops a second use that raced past the check
        row = conn.execute(select(Approval).where(Approval.grant_id == grant.grant_id)).one()
        values = {k: v for k, v in row._mapping.items() if k != "id"}
        conn.execute(Approval.__table__.insert(), values)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "statement",
    ["UPDATE users SET active = 0 WHERE username = 'sara'",
     "UPDATE users SET role = 'officer' WHERE username = 'sara'"],
)  # fmt: skip
def test_an_approval_dies_with_the_supervisors_role(desk: Desk, statement: str) -> None:
    crossing_id = _held(desk)
    grant = _approve(desk, crossing_id)
    run_sql(desk.path, statement)
    with pytest.raises(PermissionDenied, match="no longer an active supervisor"):
        desk.services.crossings.release(desk.officer, crossing_id, grant)
    assert desk.services.crossings.detail(crossing_id).crossing.status is Status.HELD


def test_a_supervisor_cannot_approve_for_themselves(desk: Desk) -> None:
    crossing_id = _held(desk)
    with pytest.raises(PermissionDenied, match="own action"):
        _approve(desk, crossing_id, who="sara", officer=desk.supervisor)
    grant = _approve(desk, crossing_id, who="omar", officer=desk.supervisor)
    released = desk.services.crossings.release(desk.supervisor, crossing_id, grant)
    assert released.status is Status.RELEASED


def test_a_crossing_changed_behind_the_desk_is_not_carried_into_the_next_event(
    desk: Desk,
) -> None:
    """Someone with the file lowers a held truck's declared net and its status; the next
    action at the desk would have signed that state as if the desk had made it."""
    crossing_id = _held(desk)
    run_sql(
        desk.path,
        "UPDATE crossings SET status = 'inspected', declared_net_kg = 15000 "
        f"WHERE id = {crossing_id}",
    )
    with pytest.raises(StorageError, match="not as the desk last recorded it"):
        desk.services.crossings.release(desk.officer, crossing_id)
    with pytest.raises(StorageError, match="changed outside the desk"):
        desk.services.crossings.record_weighing(
            desk.officer, crossing_id, typed_weighing(20_000, 2_300)
        )
    assert "crossing 1 differs from its last audited state" in (
        desk.services.health.check().render()
    )
