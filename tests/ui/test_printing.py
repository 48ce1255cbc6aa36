"""Printing from the desk: the print dialog with its preview, PDFs saved where the desk has
no printer, reprints marked DUPLICATE, and the gate pass printed on release."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from taftan_desk.ui import background
from taftan_desk.ui.dialogs.print_dialog import PrintDialog
from taftan_desk.ui.printing import SAVE_AS_PDF, PrintPreferences
from tests.documents import samples
from tests.support import WEIGHED_ROAD, Desk, kept
from tests.ui.test_desk_flow import answer, press

WEIGHED = WEIGHED_ROAD


@pytest.fixture(autouse=True)
def _documents_work_ends_with_the_test() -> Iterator[None]:
    yield
    background.documents_pool().waitForDone()


def _pdf_facts(path: Path) -> tuple[dict[str, str], str]:
    background.documents_pool().waitForDone()  # pdfium: one thread at a time
    data = path.read_bytes()
    return samples.codes_of(data), samples.text_of(data)


def test_print_a_gate_pass_then_a_duplicate_to_pdf(
    qtbot, desk: Desk, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    PrintPreferences().folder = tmp_path
    crossing = desk.services.crossings.register(desk.officer, WEIGHED).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    window = open_window()
    window.select(crossing.id)
    assert window.ui.print_action.isEnabled()

    def print_original(dialog: QDialog) -> None:
        assert dialog.kind == "clearance" and dialog.size == "80mm"  # a released truck's needs
        assert dialog.ui.printer_combo.currentData() == SAVE_AS_PDF  # no printer on this desk
        assert "the original" in dialog.ui.copies_label.text()
        qtbot.waitUntil(lambda: not dialog.ui.preview_label.pixmap().isNull())
        qtbot.keyClick(dialog.ui.kind_combo, Qt.Key.Key_Return)

    answer(qtbot, PrintDialog, print_original)
    press(qtbot, window, Qt.Key.Key_P)  # without Ctrl: nothing
    assert not list(tmp_path.glob("*.pdf"))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    original = tmp_path / f"{crossing.entry_no}-clearance.pdf"
    qtbot.waitUntil(original.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "saved to" in window.ui.status_bar.currentMessage())
    codes, text = _pdf_facts(original)
    assert codes["Code128"] == crossing.entry_no
    assert desk.services.documents.check(codes["QRCode"]).verdict.genuine
    assert "CSQU 305438 3" in text and "DUPLICATE" not in text

    def print_again(dialog: QDialog) -> None:
        assert "DUPLICATE 1" in dialog.ui.copies_label.text()
        qtbot.keyClick(dialog.ui.kind_combo, Qt.Key.Key_Return)  # no reason: refused, kept open
        assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.reprint_reason_edit
        qtbot.keyClicks(dialog.ui.reprint_reason_edit, "The first copy jammed")
        qtbot.keyClick(dialog.ui.reprint_reason_edit, Qt.Key.Key_Return)

    answer(qtbot, PrintDialog, print_again)
    window.ui.print_action.trigger()
    duplicate = tmp_path / f"{crossing.entry_no}-clearance-duplicate-1.pdf"
    qtbot.waitUntil(duplicate.exists, timeout=10_000)
    assert "DUPLICATE 1" in _pdf_facts(duplicate)[1]
    assert "Printed again because: The first copy jammed" in " ".join(
        _pdf_facts(duplicate)[1].split()
    )
    assert [r.copy_no for r in desk.services.documents.records(crossing.id)] == [1, 2]


def test_a_crossing_not_released_offers_no_gate_pass(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, WEIGHED).crossing
    dialog = PrintDialog(desk.services, desk.officer, crossing)
    qtbot.addWidget(dialog)
    kinds = [dialog.ui.kind_combo.itemData(i) for i in range(dialog.ui.kind_combo.count())]
    assert kinds == ["entry"]


def test_the_gate_pass_prints_itself_on_release(
    qtbot, desk: Desk, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    preferences = PrintPreferences()
    preferences.folder = tmp_path / "slips"
    preferences.auto_release = True
    crossing = desk.services.crossings.register(desk.officer, WEIGHED).crossing
    window = open_window()
    window.select(crossing.id)
    press(qtbot, window, Qt.Key.Key_F8)
    slip = tmp_path / "slips" / f"{crossing.entry_no}-clearance.pdf"
    qtbot.waitUntil(slip.exists, timeout=10_000)
    assert _pdf_facts(slip)[0]["Code128"] == crossing.entry_no


def test_an_unwritable_folder_is_said_plainly(
    qtbot, desk: Desk, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    PrintPreferences().folder = blocker / "slips"
    crossing = desk.services.crossings.register(desk.officer, WEIGHED).crossing
    window = open_window()
    window.select(crossing.id)
    window.printing.printer.print_document(crossing.id, "entry")
    qtbot.waitUntil(lambda: "Not printed" in window.ui.status_bar.currentMessage())
    assert "choose another folder" in window.ui.status_bar.currentMessage()
    assert desk.services.documents.records(crossing.id) == []  # nothing counted as printed


def test_the_detail_pane_shows_the_slip_barcode_and_it_scans(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    crossing = desk.services.crossings.register(desk.officer, WEIGHED).crossing
    window = open_window()
    assert not window.detail.barcode.isVisible()
    window.select(crossing.id)
    barcode = window.detail.barcode
    assert barcode.isVisible() and barcode.text == crossing.entry_no
    shot = barcode.grab().toImage().convertToFormat(barcode.grab().toImage().Format.Format_RGB888)
    pixels = Image.frombuffer(
        "RGB",
        (shot.width(), shot.height()),
        bytes(shot.constBits()),
        "raw",
        "RGB",
        shot.bytesPerLine(),
    )
    assert [c.text for c in samples.decode(pixels)] == [crossing.entry_no]


def test_a_spoilt_gate_pass_is_voided_with_a_supervisor(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
    from tests.support import PASSWORD

    crossing = desk.services.crossings.register(desk.officer, WEIGHED).crossing
    desk.services.crossings.release(desk.officer, crossing.id)
    slip = desk.services.documents.issue(desk.officer, crossing.id, "clearance", "80mm", kept)
    window = open_window()
    window.select(crossing.id)

    def sign(dialog: QDialog) -> None:
        assert "refused at every gate" in dialog.ui.intro_label.text()
        qtbot.keyClicks(dialog.ui.username_edit, "sara")
        qtbot.keyClicks(dialog.ui.password_edit, PASSWORD)
        qtbot.keyClicks(dialog.ui.reason_edit, "Paper jammed in the printer")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    def choose(dialog: QDialog) -> None:
        assert "Clearance slip (gate pass), record 000001, original" in dialog.textValue()
        answer(qtbot, SupervisorDialog, sign)
        dialog.accept()

    answer(qtbot, QInputDialog, choose)
    window.ui.void_action.trigger()
    assert "is void" in window.ui.status_bar.currentMessage()
    assert desk.services.documents.check(slip.qr_text).summary.startswith("VOID since")
    (record,) = desk.services.documents.records(crossing.id)
    assert record.void_reason == "Paper jammed in the printer"


def test_a_printer_gets_the_pdf_itself_through_lp_with_its_paper(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """CUPS is stood in for by an `lp` script that keeps what it was sent."""
    from taftan_desk.devices.cups import PrintRefused
    from taftan_desk.services.printed_documents import Delivery
    from taftan_desk.ui.printing import Destination, deliver

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(
        '#!/bin/sh\nif [ "$2" = "jammed" ]; then echo "lp: printer jammed" >&2; exit 1; fi\n'
        'if [ "$2" = "mute" ]; then exit 0; fi\n'
        f'echo "$@" > {tmp_path}/argv\ncat > {tmp_path}/job.pdf\n'
        'echo "request id is $2-7 (0 file(s))"\n'
    )
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    pdf = b"%PDF-1.4 /MediaBox [ 0 0 226.7717 425.1969 ] a gate pass"
    sent = deliver(pdf, "2600000001-clearance.pdf", Destination("gate-slips", tmp_path), "80mm")
    assert sent == Delivery("gate-slips", 7)
    assert (tmp_path / "job.pdf").read_bytes() == pdf
    assert (tmp_path / "argv").read_text().split() == [
        "-d", "gate-slips", "-t", "2600000001-clearance.pdf", "-o", "media=Custom.80.0x150.0mm",
        "-o", "print-scaling=none", "-o", "fit-to-page=false", "-",
    ]  # fmt: skip
    deliver(pdf, "x.pdf", Destination("gate-slips", tmp_path), "a4")
    assert "media=A4" in (tmp_path / "argv").read_text()
    with pytest.raises(PrintRefused, match="jammed did not take the job.*printer jammed"):
        deliver(pdf, "x.pdf", Destination("jammed", tmp_path), "a5")
    with pytest.raises(PrintRefused, match="mute did not take the job"):  # no job number
        deliver(pdf, "x.pdf", Destination("mute", tmp_path), "a5")
