"""A crossing's history names who did each thing, whose approval it used and why."""

from tests.support import Desk, kept, released_over_a_hold, typed_weighing


def test_history_keeps_reasons_approvers_and_documents(desk: Desk) -> None:
    services, officer = desk.services, desk.officer
    crossing_id = released_over_a_hold(desk)
    services.documents.issue(officer, crossing_id, "clearance", "80mm", kept)
    lines = services.crossings.detail(crossing_id).history
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


def test_each_weighing_says_what_it_changed_before_and_after(desk: Desk) -> None:
    from tests.support import road_form

    services, officer = desk.services, desk.officer
    crossing = services.crossings.register(officer, road_form(weighed=False)).crossing
    services.crossings.record_weighing(officer, crossing.id, typed_weighing("23300", "2300"))
    services.crossings.record_weighing(
        officer, crossing.id, typed_weighing("24400", "2300")
    )  # 22,100 net
    registered, first, second = services.crossings.detail(crossing.id).history
    assert registered.changes == ()  # nothing before it to compare with
    assert first.changes == ("Gross: — → 23,300", "Tare: — → 2,300", "Net: — → 21,000")
    assert second.changes == (
        "Gross: 23,300 → 24,400",
        "Net: 21,000 → 22,100",
        "Channel: green → red",  # over the limit, and 1,100 kg over the declaration
    )
