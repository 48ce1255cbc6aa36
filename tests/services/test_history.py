"""A crossing's history names who did each thing, whose approval it used and why."""

from taftan_desk.services.approvals import Permit
from tests.support import PASSWORD, Desk, kept, road_form


def test_history_keeps_reasons_approvers_and_documents(desk: Desk) -> None:
    services, officer = desk.services, desk.officer
    crossing = services.crossings.register(officer, road_form()).crossing
    services.crossings.hold(officer, crossing.id, "GD not produced")
    permit = Permit.release(crossing.id, officer, ["held"])
    approval = services.accounts.approve("omar", PASSWORD, "GD produced at the desk", permit)
    services.crossings.release(officer, crossing.id, approval)
    services.documents.issue(officer, crossing.id, "clearance", "80mm", kept)
    lines = services.crossings.detail(crossing.id).history
    assert [(h.action, h.actor) for h in lines] == [
        ("crossing_registered", "ali"),
        ("crossing_held", "ali"),
        ("crossing_released", "ali"),
        ("document_printed", "ali"),
        ("document_sent", "ali"),
    ]
    held, released, printed, sent = lines[1], lines[2], lines[3], lines[4]
    assert (held.reason, held.approver) == ("GD not produced", None)
    assert (released.approver, released.reason) == ("omar", "GD produced at the desk")
    assert (printed.document, printed.copy_no) == ("clearance", 1)
    assert sent.sent_to  # where the copy went: the queue or the file
