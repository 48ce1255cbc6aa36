"""Printed documents: recorded, numbered, signed and audited; reprints are duplicates; voids
need a supervisor; slips are checked against the station's keys and records."""

import dataclasses
import sqlite3
import stat

import pytest
from sqlalchemy import text

from taftan_desk.core import slip_payload
from taftan_desk.core.errors import PermissionDenied, ValidationError
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.services import desk_key
from taftan_desk.services.approvals import Permit
from tests.support import PASSWORD, WEIGHED_ROAD, Desk, kept

FORM = WEIGHED_ROAD


def _released(desk: Desk) -> int:
    crossing = desk.services.crossings.register(desk.officer, FORM).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    return crossing.id


def _actions(desk: Desk) -> list[str]:
    with desk.services.db.read() as session:
        return [a for (a,) in session.execute(text("SELECT action FROM audit_events"))]


def test_a_clearance_slip_is_recorded_signed_and_audited(desk: Desk) -> None:
    crossing_id = _released(desk)
    issued = desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    assert (issued.record.kind, issued.record.copy_no, issued.record.size) == (
        "clearance",
        1,
        "80mm",
    )
    assert issued.record.printed_by == desk.officer.display
    assert issued.record.payload_hash == slip_payload.payload_hash(issued.qr_text)
    assert issued.context.officer == desk.officer.display
    assert issued.context.cargo_limit_kg == 22_000
    claim = slip_payload.verify(
        issued.qr_text, {desk.services.documents.key.key_id: desk.services.documents.key.public}
    ).claim
    assert claim is not None
    assert (claim.entry_no, claim.container_no, claim.net_kg, claim.decision) == (
        issued.crossing.entry_no,
        "CSQU3054383",
        21_000,
        "released",
    )
    assert claim.issued_at == issued.record.printed_at
    assert _actions(desk)[-3:] == ["crossing_released", "document_printed", "document_sent"]
    assert "station_root_created" in _actions(desk)  # the desk's key was enrolled at setup
    with desk.services.db.read() as session:
        printed = session.execute(
            text("SELECT hash FROM audit_events WHERE action = 'document_printed'")
        ).scalar_one()
    audit_head = issued.context.audit_head or ""  # the slip names its own print event
    assert printed.startswith(audit_head) and len(audit_head) == 12
    assert issued.record.sent_to == f"test/{issued.record.id:06d}.pdf"
    check = desk.services.documents.check(issued.qr_text)
    assert check.verdict.genuine and check.record == issued.record
    assert "original" in check.summary
    assert desk.services.health.check().ok


def test_a_reprint_is_a_numbered_duplicate(desk: Desk) -> None:
    crossing_id = _released(desk)
    documents = desk.services.documents
    first = documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    with pytest.raises(ValidationError, match="printed again") as refused:
        documents.issue(desk.officer, crossing_id, "clearance", "a5", kept)  # no reason
    assert refused.value.problems[0].field == "reprint_reason"
    second = documents.issue(desk.officer, crossing_id, "clearance", "a5", kept, reason="Torn slip")
    third = documents.issue(
        desk.supervisor, crossing_id, "clearance", "80mm", kept, reason="Rain-soaked at the gate"
    )
    assert third.context.reprint_reason == "Rain-soaked at the gate"  # printed on the copy
    assert third.context.officer == desk.supervisor.display  # who printed this copy...
    assert third.context.decided_by == desk.officer.display  # ...is not who released the truck
    entry = documents.issue(desk.officer, crossing_id, "entry", "a5", kept)
    assert [d.record.copy_no for d in (first, second, third, entry)] == [1, 2, 3, 1]
    assert second.record.duplicate_no == 1 and first.qr_text != second.qr_text
    assert _actions(desk).count("document_reprinted") == 2
    assert [r.copy_no for r in documents.records(crossing_id)] == [1, 2, 3, 1]
    assert "DUPLICATE 2" in documents.check(third.qr_text).summary
    assert "3 cop(ies)" in documents.check(third.qr_text).summary
    assert _actions(desk).count("station_root_created") == 1  # keys enrolled once, at setup


def test_no_clearance_slip_before_release_and_no_hold_notice_for_released_cargo(
    desk: Desk,
) -> None:
    crossing = desk.services.crossings.register(desk.officer, FORM).crossing
    documents = desk.services.documents
    with pytest.raises(ValidationError, match="only after release.*registered"):
        documents.issue(desk.officer, crossing.id, "clearance", "80mm", kept)
    with pytest.raises(ValidationError, match="no examination recorded"):
        documents.issue(desk.officer, crossing.id, "exam", "a4", kept)
    with pytest.raises(ValidationError, match="Paper 'legal'"):
        documents.issue(desk.officer, crossing.id, "entry", "legal", kept)
    assert documents.records(crossing.id) == []
    desk.services.crossings.release(desk.officer, crossing.id)
    with pytest.raises(ValidationError, match="held or refused"):
        documents.issue(desk.officer, crossing.id, "hold", "a5", kept)


def test_a_hold_notice_and_an_examination_report_carry_their_decisions(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, FORM).crossing
    desk.services.inspections.record(
        desk.officer,
        crossing.id,
        InspectionInput("physical", "Ali", "discrepancy", "hold", remarks="Extra pallets"),
    )
    documents = desk.services.documents
    hold = documents.issue(desk.officer, crossing.id, "hold", "a5", kept)
    exam = documents.issue(desk.officer, crossing.id, "exam", "a4", kept)
    assert documents.check(hold.qr_text).verdict.claim.decision == "held"  # type: ignore[union-attr]
    assert documents.check(exam.qr_text).verdict.claim.decision == "hold"  # type: ignore[union-attr]
    assert exam.crossing.inspections[-1].examiner == "Ali"  # the report's examiner


def test_voiding_needs_another_supervisor_and_shows_at_the_gate(desk: Desk) -> None:
    crossing_id = _released(desk)
    documents = desk.services.documents
    slip = documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    with pytest.raises(PermissionDenied, match="own action"):
        desk.services.accounts.approve(
            "sara",
            PASSWORD,
            "Printer jammed, slip torn",
            Permit.void(slip.record.id, desk.supervisor),
        )
    permit = Permit.void(slip.record.id, desk.officer)
    approval = desk.services.accounts.approve("sara", PASSWORD, "Printer jammed, slip torn", permit)
    voided = documents.void(desk.officer, slip.record.id, approval)
    assert voided.voided_at is not None and voided.void_reason == "Printer jammed, slip torn"
    check = documents.check(slip.qr_text)
    assert check.verdict.genuine and check.summary.startswith("VOID since")
    again = desk.services.accounts.approve("sara", PASSWORD, "Printer jammed, slip torn", permit)
    with pytest.raises(ValidationError, match="already void"):
        documents.void(desk.officer, slip.record.id, again)
    with desk.services.db.read() as session:
        kind = session.execute(text("SELECT kind FROM approvals")).scalar_one()
    assert kind == "void:clearance"
    assert _actions(desk).count("document_voided") == 1
    assert desk.services.health.check().ok


def test_an_edited_or_foreign_slip_code_is_not_valid(desk: Desk) -> None:
    slip = desk.services.documents.issue(desk.officer, _released(desk), "clearance", "80mm", kept)
    net = slip.qr_text.split("*")[7]
    edited = slip.qr_text.replace(f"*{net}*", f"*{int(net) - 1}*")
    assert edited != slip.qr_text
    assert desk.services.documents.check(edited).summary.startswith("NOT VALID: forged")
    claim = desk.services.documents.check(slip.qr_text).verdict.claim
    private, public = slip_payload.new_key_pair()
    other = dataclasses.replace(claim, key_id=slip_payload.key_id_of(public))  # type: ignore[type-var]
    foreign = slip_payload.sign(other, private)  # a look-alike made with some other key
    assert desk.services.documents.check(foreign).summary.startswith("NOT VALID")


def test_print_records_refuse_casual_edits_and_tampering_is_found(desk: Desk) -> None:
    crossing_id = _released(desk)
    desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    conn = sqlite3.connect(desk.path)
    for statement in (
        "UPDATE printed_documents SET copy_no = 1",
        "DELETE FROM printed_documents",
        "DELETE FROM station_keys",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(statement)
    conn.execute("DROP TRIGGER printed_documents_append_only_d")
    conn.execute("DELETE FROM printed_documents")
    conn.commit()
    conn.close()
    assert "printed_document 1 was deleted" in desk.services.health.check().render()


def test_the_desk_key_file_is_private_and_stable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys" / "desk-signing-key"
    first = desk_key.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert desk_key.load_or_create(path).key_id == first.key_id
    path.write_text("not hex\n")
    from taftan_desk.core.errors import StorageError

    with pytest.raises(StorageError, match="cannot be read"):
        desk_key.load_or_create(path)


def test_a_draft_shows_the_next_copy_without_recording_or_signing_it(desk: Desk) -> None:
    crossing_id = _released(desk)
    documents = desk.services.documents
    documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    events = len(_actions(desk))
    draft = documents.draft(desk.supervisor, crossing_id, "clearance", "a5")
    assert (draft.record.id, draft.record.copy_no, draft.record.size) == (0, 2, "a5")
    assert draft.qr_text is None and draft.context.audit_head is None
    assert draft.context.record_no is None  # printed as PREVIEW
    assert draft.context.officer == desk.supervisor.display
    assert draft.context.decided_by == desk.officer.display
    assert draft.context.registered_by == desk.officer.display
    assert len(documents.records(crossing_id)) == 1 and len(_actions(desk)) == events
    with pytest.raises(ValidationError, match="held or refused"):
        documents.draft(desk.officer, crossing_id, "hold", "a4")
