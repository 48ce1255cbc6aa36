"""Printing to a real CUPS scheduler started by the tests (tests/cups.py): a copy counts only
when the spooler took it, the page keeps its size, the dialog shows the queue's state, and a
job that waits says so and can be cancelled (which voids the copy only if it never started)."""

from collections.abc import Iterator
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtWidgets import QApplication

from taftan_desk.core.errors import ValidationError
from taftan_desk.devices import cups as spooler
from taftan_desk.ui import background
from taftan_desk.ui.dialogs.print_dialog import PrintDialog
from taftan_desk.ui.dialogs.print_job_dialog import PrintJobDialog
from taftan_desk.ui.printing import SAVE_AS_PDF, Destination, PrintPreferences, deliver
from tests.cups import Cups, wait_for
from tests.documents import samples
from tests.support import WEIGHED_ROAD, Desk

TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def _documents_work_ends_with_the_test() -> Iterator[None]:
    yield
    background.documents_pool().waitForDone()


def _released(desk: Desk) -> int:
    crossing = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    return crossing.id


def _said(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every sentence the printing actions sent to the status bar, in order."""
    said: list[str] = []
    window.printing.message.connect(said.append)
    return said


def _heard(qtbot, said: list[str], words: str) -> str:  # type: ignore[no-untyped-def]
    try:
        qtbot.waitUntil(lambda: any(words in s for s in said), timeout=TIMEOUT_MS)
    except Exception as exc:  # say what was heard instead: a slow machine's story
        raise AssertionError(f"never heard {words!r}; heard {said!r}") from exc
    return next(s for s in said if words in s)


def _job_dialog(qtbot) -> PrintJobDialog:  # type: ignore[no-untyped-def]
    def find() -> PrintJobDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintJobDialog)]
        return found[-1] if found and found[-1].isVisible() else None

    qtbot.waitUntil(lambda: find() is not None, timeout=TIMEOUT_MS)
    dialog = find()
    assert dialog is not None
    return dialog


def _a_pdf() -> bytes:
    """A small real PDF (the filters refuse a broken one and the job would end at once)."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(226.77, 425.2))
    page.drawString(20, 200, "someone else's slip")
    page.save()
    return buffer.getvalue()


def _pdfs(out: Path) -> list[Path]:
    return sorted(out.glob("*.pdf"))


def test_a_gate_pass_prints_on_the_queue_at_80_mm_and_its_code_scans(
    qtbot, desk: Desk, open_window, print_service: Cups
) -> None:  # type: ignore[no-untyped-def]
    queue, out = print_service.pdf_queue()
    PrintPreferences().printer = queue
    crossing_id = _released(desk)
    window = open_window()
    said = _said(window)
    window.printing.printer.print_document(crossing_id, "clearance")
    printed = _heard(qtbot, said, "printed on")
    assert f"printed on {queue} (job {queue}-" in printed and "original" in printed
    wait_for(lambda: len(_pdfs(out)) == 1, what="cups-pdf's file")
    background.documents_pool().waitForDone()  # pdfium: one thread at a time
    data = _pdfs(out)[0].read_bytes()
    width, height = pypdfium2.PdfDocument(data)[0].get_size()
    assert abs(width * 25.4 / 72 - 80) < 0.5, "the roll's own width, not A4"
    assert height * 25.4 / 72 < 250  # not an A4 page (297 mm) with the slip in the middle
    codes = samples.codes_of(data)
    check = desk.services.documents.check(codes["QRCode"])
    assert check.accepted, check.summary
    (record,) = desk.services.documents.records(crossing_id)
    assert record.sent_to == queue and record.job_id is not None
    assert record.job == printed.split("(job ")[1].rstrip(")")


def test_a_stopped_queue_is_refused_before_anything_is_recorded(
    qtbot, desk: Desk, open_window, print_service: Cups
) -> None:  # type: ignore[no-untyped-def]
    queue, out = print_service.pdf_queue()
    print_service.run("cupsdisable", "-r", "Paper roll empty", queue)
    PrintPreferences().printer = queue
    crossing_id = _released(desk)
    window = open_window()
    crossing = desk.services.queries.get(crossing_id)
    dialog = PrintDialog(desk.services, desk.officer, crossing, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.queue is not None, timeout=TIMEOUT_MS)
    shown = dialog.ui.queue_state_label.text()
    assert f"The printer {queue} is stopped (Paper roll empty)" in shown
    with pytest.raises(ValidationError, match="cannot print now"):
        dialog.submit()
    said = _said(window)
    window.printing.printer.print_document(crossing_id, "clearance")
    refused = _heard(qtbot, said, "Not printed")
    assert "is stopped (Paper roll empty)" in refused and "Fix the printer" in refused
    assert desk.services.documents.records(crossing_id) == []
    assert not _pdfs(out)


def test_a_queue_that_refuses_the_job_leaves_no_copy_and_the_next_print_is_the_original(
    qtbot, desk: Desk, open_window, print_service: Cups, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    queue, out = print_service.pdf_queue()
    print_service.run("cupsreject", "-r", "Out of order", queue)
    crossing_id = _released(desk)
    documents = desk.services.documents

    def send(issued):  # type: ignore[no-untyped-def]  # past the dialog: `lp` itself refuses
        pdf = b"%PDF-1.4 /MediaBox [0 0 226.77 425.2]"
        return deliver(pdf, "x.pdf", Destination(queue, tmp_path), "80mm")

    with pytest.raises(spooler.PrintRefused, match="not accepting jobs"):
        documents.issue(desk.officer, crossing_id, "clearance", "80mm", send)
    assert documents.records(crossing_id) == []
    PrintPreferences().printer = queue
    window = open_window()
    said = _said(window)
    window.printing.printer.print_document(crossing_id, "clearance")
    assert "is not accepting jobs (Out of order)" in _heard(qtbot, said, "Not printed")
    assert documents.records(crossing_id) == []
    print_service.run("cupsaccept", queue)
    window.printing.printer.print_document(crossing_id, "clearance")
    assert "(original) printed on" in _heard(qtbot, said, "printed on")
    assert [r.copy_no for r in documents.records(crossing_id)] == [1]


def test_a_job_waiting_on_a_stopped_printer_says_so_and_cancelling_it_voids_the_copy(
    qtbot, desk: Desk, open_window, print_service: Cups
) -> None:  # type: ignore[no-untyped-def]
    queue = print_service.stalled_queue()
    blocker = spooler.send(_a_pdf(), "someone else's job", queue, "A4")
    wait_for(lambda: spooler.queue_state(queue).state == "printing")  # it will never finish
    PrintPreferences().printer = queue
    crossing_id = _released(desk)
    window = open_window()
    said = _said(window)
    window.printing.printer.print_document(crossing_id, "clearance")
    assert f"sent to {queue}, job {queue}-" in _heard(qtbot, said, "sent to")
    _heard(qtbot, said, "waiting: 1 job(s) ahead of it")
    # The printer stops. Stopping the job it was printing clears the scheduler's message, so
    # the reason is given once that job is back in the queue, as a technician would.
    print_service.run("cupsdisable", queue)
    wait_for(lambda: spooler.job_state(queue, blocker.job_id).state != "processing")
    print_service.run("cupsdisable", "-r", "Paper jam", queue)
    dialog = _job_dialog(qtbot)

    def reason_shown() -> bool:
        if "printer stopped (Paper jam)" in dialog.state_label.text():
            return True
        # The scheduler now and then drops the message of a queue stopped while its job was
        # being put back: the technician says it again (its timing, not the desk's).
        if spooler.queue_state(queue).message != "Paper jam":
            print_service.run("cupsdisable", "-r", "Paper jam", queue)
        return False

    try:
        qtbot.waitUntil(reason_shown, timeout=TIMEOUT_MS)
    except Exception as exc:
        raise AssertionError(
            f"{dialog.state_label.text()!r}; {spooler.queue_state(queue)!r}; "
            f"{spooler.job_state(queue, dialog._follow.issued.record.job_id or 0)!r}"
        ) from exc
    assert "waiting: printer stopped (Paper jam)" in _heard(qtbot, said, "stopped (Paper jam)")
    issued = dialog._follow.issued
    dialog.cancel_button.click()
    cancelled = _heard(qtbot, said, "cancelled before it printed")
    assert f"Record {issued.record.id:06d} (original) is void" in cancelled
    (record,) = desk.services.documents.records(crossing_id)
    assert record.cancelled and record.voided_at is not None
    assert desk.services.documents.check(issued.qr_text).summary.startswith("VOID since")
    crossing = desk.services.queries.get(crossing_id)
    again = PrintDialog(desk.services, desk.officer, crossing, window)
    qtbot.addWidget(again)
    shown = again.ui.copies_label.text()  # numbers are never reused, and it says why
    assert "1 copy(ies) recorded before, 1 of them cancelled" in shown and "DUPLICATE 1" in shown


def test_cancelling_cannot_void_a_copy_whose_job_started_or_printed(
    qtbot, desk: Desk, print_service: Cups, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """An officer must not be able to void paper that may exist without a supervisor."""
    from taftan_desk.core.roles import Role
    from taftan_desk.services.database import Actor
    from taftan_desk.services.printed_documents import Delivery
    from tests.support import PASSWORD

    documents = desk.services.documents
    stalled = print_service.stalled_queue()
    job = spooler.send(_a_pdf(), "slip", stalled, "A4")  # being printed: paper may be out
    wait_for(lambda: spooler.job_state(stalled, job.job_id).state == "processing")
    started = documents.issue(
        desk.officer, _released(desk), "clearance", "80mm", lambda i: Delivery(stalled, job.job_id)
    )
    desk.services.accounts.add(desk.admin, "bilal", Role.OFFICER, PASSWORD, "Bilal Shah")
    other = next(
        Actor(u.id, u.username, u.role, u.full_name)
        for u in desk.services.accounts.list()
        if u.username == "bilal"
    )
    with pytest.raises(ValidationError, match="Only who printed"):
        documents.cancel_job(other, started.record.id)
    outcome = documents.cancel_job(desk.officer, started.record.id)
    assert outcome.job.state == "cancelled" and outcome.job.started
    assert not outcome.record.cancelled and outcome.record.voided_at is None
    assert documents.check(started.qr_text).accepted  # still valid: a supervisor voids it
    queue, out = print_service.pdf_queue()
    done = spooler.send(_a_pdf(), "slip", queue, "A4")
    wait_for(lambda: spooler.job_state(queue, done.job_id).finished)
    printed = documents.issue(
        desk.officer, _released(desk), "clearance", "80mm", lambda i: Delivery(queue, done.job_id)
    )
    assert not documents.cancel_job(desk.officer, printed.record.id).record.cancelled
    to_file = documents.issue(
        desk.officer, _released(desk), "clearance", "80mm", lambda i: Delivery(str(tmp_path))
    )
    with pytest.raises(ValidationError, match="no job to cancel"):
        documents.cancel_job(desk.officer, to_file.record.id)


def test_a_dead_printer_is_reported_waiting_not_printed(
    qtbot, desk: Desk, open_window, print_service: Cups
) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # nothing listens there once closed
    queue = f"taftan-dead-{port}"
    print_service.run("lpadmin", "-p", queue, "-v", f"socket://127.0.0.1:{port}", "-P",
                      "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", "-E")  # fmt: skip
    PrintPreferences().printer = queue
    crossing_id = _released(desk)
    window = open_window()
    said = _said(window)
    window.printing.printer.print_document(crossing_id, "clearance")
    waiting = _heard(qtbot, said, "waiting")
    assert f"sent to {queue}, job {queue}-" in waiting
    dialog = _job_dialog(qtbot)
    assert dialog.cancel_button.isEnabled()
    assert not any("printed on" in s for s in said)


def test_with_cups_down_nothing_is_saved_instead_and_the_printer_is_kept(
    qtbot, desk: Desk, open_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))
    preferences = PrintPreferences()
    preferences.printer = "gate-slips"
    preferences.folder = tmp_path / "pdfs"
    crossing_id = _released(desk)
    window = open_window()
    crossing = desk.services.queries.get(crossing_id)
    dialog = PrintDialog(desk.services, desk.officer, crossing, window)
    qtbot.addWidget(dialog)
    assert dialog.printer == "gate-slips"  # never swapped for Save as PDF
    qtbot.waitUntil(lambda: dialog.queue is not None, timeout=TIMEOUT_MS)
    assert "(CUPS) is not running" in dialog.ui.queue_state_label.text()
    with pytest.raises(ValidationError, match="gate-slips cannot print now"):
        dialog.submit()
    said = _said(window)
    window.printing.printer.print_document(crossing_id, "clearance")
    assert "(CUPS) is not running" in _heard(qtbot, said, "Not printed")
    assert PrintPreferences().printer == "gate-slips"
    assert not (tmp_path / "pdfs").exists() or not list((tmp_path / "pdfs").iterdir())
    assert desk.services.documents.records(crossing_id) == []
    dialog.ui.printer_combo.setCurrentIndex(dialog.ui.printer_combo.findData(SAVE_AS_PDF))
    dialog.submit()  # the officer's own choice: now the file is where prints go
    assert PrintPreferences().printer == SAVE_AS_PDF


def test_a_remembered_printer_that_is_gone_is_shown_and_refused(
    qtbot, desk: Desk, open_window, print_service: Cups
) -> None:  # type: ignore[no-untyped-def]
    kept_queue, _ = print_service.pdf_queue()
    PrintPreferences().printer = "removed-printer"
    crossing = desk.services.queries.get(_released(desk))
    dialog = PrintDialog(desk.services, desk.officer, crossing)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.queue is not None, timeout=TIMEOUT_MS)
    combo = dialog.ui.printer_combo
    assert combo.currentText() == "removed-printer (not found)"
    assert "is not set up on this computer" in dialog.ui.queue_state_label.text()
    with pytest.raises(ValidationError, match="Choose another printer"):
        dialog.submit()
    assert PrintPreferences().printer == "removed-printer"
    qtbot.waitUntil(lambda: combo.findData(kept_queue) >= 0, timeout=TIMEOUT_MS)


def test_the_gate_pass_on_release_says_plainly_when_it_could_not_print(
    qtbot, desk: Desk, open_window, print_service: Cups
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from tests.ui.test_desk_flow import press

    queue, out = print_service.pdf_queue()
    print_service.run("cupsdisable", "-r", "Cover open", queue)
    preferences = PrintPreferences()
    preferences.printer = queue
    preferences.auto_release = True
    crossing = desk.services.crossings.register(desk.officer, WEIGHED_ROAD).crossing
    window = open_window()
    said = _said(window)
    window.select(crossing.id)
    press(qtbot, window, Qt.Key.Key_F8)
    refused = _heard(qtbot, said, "Not printed")
    assert "Clearance slip (gate pass)" in refused and "stopped (Cover open)" in refused
    assert desk.services.documents.records(crossing.id) == []
    assert not _pdfs(out)


def test_a_duplicate_cancelled_before_it_printed_leaves_the_original_honoured(
    desk: Desk, print_service: Cups
) -> None:
    from taftan_desk.services.printed_documents import Delivery
    from tests.support import kept

    documents = desk.services.documents
    crossing_id = _released(desk)
    original = documents.issue(desk.officer, crossing_id, "clearance", "80mm", kept)
    queue = print_service.stalled_queue()
    spooler.send(_a_pdf(), "ahead", queue, "A4")
    waiting = spooler.send(_a_pdf(), "duplicate", queue, "A4")
    duplicate = documents.issue(
        desk.officer,
        crossing_id,
        "clearance",
        "80mm",
        lambda i: Delivery(queue, waiting.job_id),
        reason="The first copy jammed",
    )
    assert documents.check(original.qr_text).summary.startswith("NOT VALID: REPLACED")
    outcome = documents.cancel_job(desk.officer, duplicate.record.id)
    assert outcome.record.cancelled and not outcome.job.started
    assert documents.check(original.qr_text).accepted  # no paper replaced it
    assert documents.check(duplicate.qr_text).summary.startswith("VOID since")
    with pytest.raises(ValidationError, match="already void"):
        documents.cancel_job(desk.officer, duplicate.record.id)
    assert desk.services.health.check().ok
