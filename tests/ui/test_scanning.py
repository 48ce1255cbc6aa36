"""Scanning at the desk, through the real window: key streams stamped as the window system
stamps them (Shift around every capital, as a wedge sends them), delivered to whichever
widget has focus."""

import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from taftan_desk.core.registration import SealInput
from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.inspection_dialog import InspectionDialog
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.models.queue_table_model import COL_ENTRY
from tests.support import Desk, road_form, show_and_activate
from tests.ui import wedge
from tests.ui.test_desk_flow import answer, press

CONTAINERS = ("CSQU3054383", "MSKU3881107", "TCLU3839727", "TGHU1234567")


def _register(desk: Desk) -> list[CrossingView]:
    """Four unweighed crossings, red (a broken seal) so each can be inspected."""
    return [
        desk.services.crossings.register(
            desk.officer,
            road_form(
                weighed=False,
                container_no=number,
                truck_plate=f"QAA-{i}",
                seals=(SealInput("AB1", "broken"),),
            ),
        ).crossing
        for i, number in enumerate(CONTAINERS)
    ]


@pytest.fixture
def queue(desk: Desk, open_window) -> tuple[MainWindow, list[CrossingView]]:  # type: ignore[no-untyped-def]
    """The window over four crossings, the first selected, focus in the queue."""
    crossings = _register(desk)
    window = open_window()
    view = window.ui.queue_view
    view.setFocus()
    view.setCurrentIndex(window.model.index(window.model.row_of(crossings[0].id), COL_ENTRY))
    assert window.current.id == crossings[0].id
    return window, crossings


def _rows_shown(window: MainWindow) -> list[int]:
    shown: list[int] = []
    window.ui.queue_view.selectionModel().currentRowChanged.connect(
        lambda current, _previous: shown.append(current.row())
    )
    return shown


def _errors_shown(window: MainWindow) -> bool:
    return any(label.isVisible() for label in window.registration._errors.values())


# -- the queue -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["container", "entry number"])
def test_a_shift_per_capital_scan_in_the_queue_selects_its_crossing_and_no_other(
    queue, code: str
) -> None:  # type: ignore[no-untyped-def]
    window, crossings = queue
    target = crossings[2]
    shown = _rows_shown(window)
    wedge.send(wedge.scanner(target.container_no if code == "container" else target.entry_no))
    assert window.current.id == target.id
    assert shown == [window.model.row_of(target.id)]  # never passed through another row
    assert window.focusWidget() is window.ui.queue_view


def test_an_unknown_scan_in_the_queue_changes_nothing_and_says_so(queue) -> None:  # type: ignore[no-untyped-def]
    window, crossings = queue
    shown = _rows_shown(window)
    history = window.detail.ui.history_label.text()
    wedge.send(wedge.scanner("TXAB-99-QZ"))
    assert shown == [] and window.current.id == crossings[0].id
    assert window.detail.ui.history_label.text() == history
    assert "neither an entry number nor a container number" in (
        window.ui.status_bar.currentMessage()
    )


def test_a_valid_container_that_never_crossed_changes_nothing(queue) -> None:  # type: ignore[no-untyped-def]
    window, crossings = queue
    shown = _rows_shown(window)
    wedge.send(wedge.scanner("TCNU1111112"))
    assert shown == [] and window.current.id == crossings[0].id
    assert "TCNU1111112 has not crossed here" in window.ui.status_bar.currentMessage()


# -- the registration form ------------------------------------------------------------------


@pytest.mark.parametrize("terminator", ["\r", "\t", "\r\n"])
def test_a_container_scan_is_the_forms_and_moves_on_once(
    desk: Desk, open_window, terminator: str
) -> None:  # type: ignore[no-untyped-def]
    _register(desk)
    window = open_window()
    panel = window.registration
    assert window.focusWidget() is panel.ui.container_edit
    wedge.send(wedge.scanner("TCLU3839727", terminator))  # it crossed before: still the form's
    assert panel.ui.container_edit.text() == "TCLU3839727"
    assert window.focusWidget() is panel.ui.truck_plate_edit  # on to the vehicle, no further
    assert window.current is None  # the queue behind is left alone
    assert not _errors_shown(window)  # a stray LF did not save the form


@pytest.mark.parametrize("terminator", ["\r", "\t", "\r\n"])
def test_a_wrong_check_digit_keeps_focus_with_the_suggestion(window, terminator: str) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    wedge.send(wedge.scanner("CSQU3054384", terminator))
    assert window.focusWidget() is panel.ui.container_edit
    assert "Press F2 for CSQU3054383" in panel.ui.container_hint_label.text()
    assert not _errors_shown(window)


def test_f2_takes_the_suggestion_from_another_field_after_a_scan(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    wedge.send(wedge.scanner("CSQU3054384"))
    panel.ui.truck_plate_edit.setFocus()
    qtbot.keyClick(panel.ui.truck_plate_edit, Qt.Key.Key_F2)
    assert panel.ui.container_edit.text() == "CSQU3054383"
    assert "Valid" in panel.ui.container_hint_label.text()
    assert window.focusWidget() is panel.ui.truck_plate_edit  # the officer stays put
    qtbot.keyClick(panel.ui.truck_plate_edit, Qt.Key.Key_F2)
    assert "no suggested number to take" in panel.ui.container_hint_label.text()
    assert panel.ui.container_edit.text() == "CSQU3054383"


def test_a_slip_scanned_into_the_container_field_shows_its_crossing(
    desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    crossings = _register(desk)
    window = open_window()
    panel = window.registration
    wedge.send(wedge.scanner(crossings[1].entry_no))
    assert window.current.id == crossings[1].id
    assert panel.ui.container_edit.text() == ""
    assert window.focusWidget() is panel.ui.container_edit
    assert "A container number has 11" not in panel.ui.container_hint_label.text()


@pytest.mark.parametrize("terminator", ["\r", "\t", "\r\n"])
def test_a_slip_scanned_into_a_field_shows_its_crossing_and_keeps_what_was_typed(
    desk: Desk, open_window, terminator: str
) -> None:  # type: ignore[no-untyped-def]
    crossings = _register(desk)
    window = open_window()
    description = window.registration.ui.description_edit
    description.setFocus()
    wedge.send(wedge.typist("steel coils ", 150, terminator=""))
    wedge.send(wedge.scanner(crossings[1].entry_no, terminator))
    assert window.current.id == crossings[1].id
    assert description.text() == "steel coils "  # only the scan's own characters are gone
    assert window.focusWidget() is description  # a Tab terminator did not move on
    assert not _errors_shown(window)  # nor did Enter, or the LF, save the form


def test_an_unknown_scan_into_a_field_stays_as_typed(desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    _register(desk)
    window = open_window()
    field = window.registration.ui.description_edit
    field.setFocus()
    wedge.send(wedge.typist("AB1, ", 150, terminator=""))
    wedge.send(wedge.scanner("TFT900133"))
    assert field.text() == "AB1, TFT900133"
    assert window.current is None and not _errors_shown(window)
    assert "Scanned 'TFT900133' is neither" in window.ui.status_bar.currentMessage()


# -- people typing -------------------------------------------------------------------------


@pytest.mark.parametrize("gap_ms", [60, 200])
def test_a_typist_is_never_a_scan(desk: Desk, open_window, gap_ms: int) -> None:  # type: ignore[no-untyped-def]
    _register(desk)
    window = open_window()
    description = window.registration.ui.description_edit
    description.setFocus()
    wedge.send(wedge.typist("MSKU3881107", gap_ms))  # a container that did cross
    assert window.scan_filter.last_scan is None
    assert description.text() == "MSKU3881107"
    assert window.current is None
    assert _errors_shown(window)  # the officer's Enter saved (and the form said what is missing)


def test_typing_queued_behind_a_busy_desk_is_never_a_scan(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    _register(desk)
    window = open_window()
    description = window.registration.ui.description_edit
    description.setFocus()
    scans: list[object] = []
    window.scan_filter.scanned.connect(scans.append)

    def busy() -> None:  # the officer types on while the desk is stuck for 300 ms
        wedge.post(wedge.typist("MSKU3881107", 60))
        time.sleep(0.3)

    QTimer.singleShot(0, busy)
    qtbot.waitUntil(lambda: _errors_shown(window))  # the typed Enter: a save was tried
    assert scans == [] and description.text() == "MSKU3881107"
    assert window.current is None


def test_weights_typed_behind_a_busy_dialog_stay_typed(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    """The tester's case: a gross weight typed at 60 ms right after F6, while the dialog was
    still opening; the officer's Tab and Enter must act as typed."""
    crossings = _register(desk)
    window = open_window()
    window.select(crossings[0].id)

    def fill(dialog: QDialog) -> None:
        QTimer.singleShot(3000, dialog.reject)  # if the keys go astray, fail, not hang
        show_and_activate(qtbot, dialog)
        assert QApplication.focusWidget() is dialog.weighing.ui.bridge_edit
        wedge.post(
            wedge.typist("0038300", 60, terminator="\t")
            + wedge.typist("14000", 60, terminator="\t")
            + wedge.typist("2300", 60, terminator="\t")
            + wedge.typist("Scale down", 60)
        )
        time.sleep(0.3)

    seen = answer(qtbot, WeighDialog, fill)
    status = window.ui.status_bar.currentMessage()
    press(qtbot, window, Qt.Key.Key_F6)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert window.current.gross_kg == 24_300 and window.current.tare_kg == 2300
    assert "Scanned" not in status + window.ui.status_bar.currentMessage()


# -- dialogs ---------------------------------------------------------------------------------


def test_a_scan_in_a_dialog_stays_there_as_typed(qtbot, queue) -> None:  # type: ignore[no-untyped-def]
    window, crossings = queue
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        show_and_activate(qtbot, dialog)
        dialog.ui.new_seal_edit.setFocus()
        seen["focus"] = QApplication.focusWidget() is dialog.ui.new_seal_edit
        wedge.send(wedge.scanner(crossings[3].entry_no))  # a slip that is in the queue
        seen["open"] = dialog.isVisible()
        seen["seal"] = dialog.ui.new_seal_edit.text()
        seen["error"] = dialog.ui.error_label.isVisible()
        seen["current"] = window.current.id
        dialog.reject()

    answer(qtbot, InspectionDialog, fill)
    status = window.ui.status_bar.currentMessage()
    press(qtbot, window, Qt.Key.Key_F7)
    assert seen == {
        "focus": True,
        "open": True,  # Enter did not press OK
        "seal": crossings[3].entry_no,
        "error": False,
        "current": crossings[0].id,  # nothing behind the dialog moved
    }
    assert window.current.id == crossings[0].id
    assert window.ui.status_bar.currentMessage() == status
    assert QApplication.activeModalWidget() is None
