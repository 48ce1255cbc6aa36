"""An amended crossing prints as it is now, saying which revision and why; the record as it
was before stays printable, marked SUPERSEDED and never valid at the gate."""

import io
from pathlib import Path

from taftan_desk.documents import render_issued
from taftan_desk.services.approvals import Permit
from tests.documents.samples import text_of
from tests.support import PASSWORD, Desk, kept, road_form


def _text(issued) -> str:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    render_issued(issued, out)
    return " ".join(text_of(out.getvalue()).split())


def _amended(desk: Desk) -> int:
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    fixed = road_form(truck_plate="QAB-7")
    proposal = desk.services.corrections.propose(crossing.id, fixed)
    permit = Permit.amend(crossing.id, desk.officer, proposal.digest)
    approval = desk.services.accounts.approve("omar", PASSWORD, "Plate on the GD", permit)
    desk.services.corrections.correct(desk.officer, crossing.id, fixed, "Plate misread", approval)
    return crossing.id


def test_an_amended_gate_pass_names_its_revision_reason_and_approver(desk: Desk) -> None:
    crossing_id = _amended(desk)
    issued = desk.services.documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    text = _text(issued)
    assert "QAB-7" in text and "QAA-1" not in text
    assert "Revision 1: Plate misread (approved by omar)" in text
    assert "SUPERSEDED" not in text


def test_the_record_as_it_was_prints_superseded_and_is_never_a_gate_pass(
    desk: Desk, tmp_path: Path
) -> None:
    crossing_id = _amended(desk)
    documents = desk.services.documents
    original = documents.as_it_was(desk.officer, crossing_id, "clearance", "a4", 0)
    text = _text(original)
    assert "QAA-1" in text and "QAB-7" not in text
    assert "SUPERSEDED" in text and "as recorded before revision 1" in text
    assert original.qr_text is None and original.record.id == 0  # nothing a gate could honour
    assert documents.records(crossing_id) == []  # and nothing counted as a copy
    current = documents.as_it_was(desk.officer, crossing_id, "clearance", "a4", 1)
    assert "QAB-7" in _text(current) and "SUPERSEDED" not in _text(current)
    pdf = tmp_path / "original.pdf"
    out = io.BytesIO()
    render_issued(original, out)
    pdf.write_bytes(out.getvalue())  # looked at as an image when the layout changes
