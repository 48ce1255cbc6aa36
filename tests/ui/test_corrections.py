"""Correcting a registration at the desk, by keys: Ctrl+E on the shown crossing, the form
filled as it stands, a reason, Enter. A closed crossing asks a supervisor first; the record
as it was stays printable."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit

from taftan_desk.core.channel import Channel
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import SealInput
from taftan_desk.ui.dialogs.correction_dialog import CorrectionDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.main_window import MainWindow
from tests.support import PASSWORD, Desk, road_form, show_and_activate
from tests.ui.test_desk_flow import answer


def _open(qtbot, desk: Desk, open_window, *, released: bool = False, **form):  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form(**form)).crossing
    if released:
        desk.services.crossings.release(desk.officer, crossing.id)
    window = open_window()
    window.show_crossing(crossing.id)
    return window, crossing.id


def _retype(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def _correct(qtbot, window: MainWindow, fill) -> list[QDialog]:  # type: ignore[no-untyped-def]
    seen = answer(qtbot, CorrectionDialog, fill)
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    return seen


def test_ctrl_e_corrects_an_open_registration_with_a_reason(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    window, crossing_id = _open(qtbot, desk, open_window)

    def fill(dialog: CorrectionDialog) -> None:
        form = dialog.form.ui
        assert form.container_edit.text() == "CSQU3054383"  # filled as registered
        assert form.truck_plate_edit.text() == "QAA-1"
        assert not dialog.form.weighing.isVisible()  # weights are weighed again, not corrected
        _retype(qtbot, form.truck_plate_edit, "QAB-1")
        qtbot.waitUntil(lambda: "Truck plate: QAA-1 → QAB-1" in dialog.ui.changes_label.text())
        qtbot.keyClicks(dialog.ui.reason_edit, "Plate misread from the cab")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    [dialog] = _correct(qtbot, window, fill)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert window.current.truck_plate == "QAB-1" and window.current.revision == 1
    assert "revision 1" in window.detail.ui.heading_label.text()
    history = window.detail.ui.history_label.text()
    assert "registration corrected by ali: “Plate misread from the cab”" in history
    assert "Truck plate: QAA-1 → QAB-1" in history
    row = window.model.row_of(crossing_id)
    assert window.model.row_at(row).vehicle == "QAB-1"
    assert "corrected (revision 1)" in window.ui.status_bar.currentMessage()
    assert window.ui.print_original_action.isEnabled()


def test_a_correction_without_a_reason_stays_open_with_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    window, crossing_id = _open(qtbot, desk, open_window)
    shown: list[str] = []

    def fill(dialog: CorrectionDialog) -> None:
        _retype(qtbot, dialog.form.ui.truck_plate_edit, "QAB-1")
        qtbot.keyClick(dialog.form.ui.truck_plate_edit, Qt.Key.Key_Return)  # Enter saves
        shown.append(dialog.ui.error_label.text())
        assert dialog.isVisible() and dialog.focusWidget() is dialog.ui.reason_edit
        assert dialog.form.ui.truck_plate_edit.text() == "QAB-1"
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()

    _correct(qtbot, window, fill)
    assert shown and "Write why the registration is corrected" in shown[0]
    assert desk.services.crossings.detail(crossing_id).crossing.truck_plate == "QAA-1"


def test_a_wrong_container_number_is_said_under_its_field(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    window, crossing_id = _open(qtbot, desk, open_window)
    shown: list[str] = []

    def fill(dialog: CorrectionDialog) -> None:
        _retype(qtbot, dialog.form.ui.container_edit, "CSQU3054384")
        qtbot.keyClicks(dialog.ui.reason_edit, "Number misread")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
        label = dialog.form.findChild(type(dialog.ui.error_label), "container_error_label")
        shown.append(label.text() if label and label.isVisible() else "")
        dialog.reject()

    _correct(qtbot, window, fill)
    assert "CSQU3054383" in shown[0]  # the check digit's suggestion, under the field
    assert desk.services.crossings.detail(crossing_id).crossing.revision == 0


def test_a_corrected_broken_seal_sends_the_truck_red(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    window, _ = _open(qtbot, desk, open_window, seals=(SealInput("AB12345"),))

    def fill(dialog: CorrectionDialog) -> None:
        _retype(qtbot, dialog.form.ui.seals_edit, "AB12345 broken")
        qtbot.keyClicks(dialog.ui.reason_edit, "Seal state misread")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    _correct(qtbot, window, fill)
    assert window.current.channel is Channel.RED
    assert window.current.status is Status.AWAITING_INSPECTION
    assert "raise the channel to RED" in window.ui.status_bar.currentMessage()


def test_a_released_crossing_is_amended_with_a_supervisors_approval(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window
) -> None:
    window, crossing_id = _open(qtbot, desk, open_window, released=True)
    intros: list[str] = []

    def approve(dialog: SupervisorDialog) -> None:
        intros.append(dialog.ui.intro_label.text())
        qtbot.keyClicks(dialog.ui.username_edit, "sara")
        qtbot.keyClicks(dialog.ui.password_edit, PASSWORD)
        qtbot.keyClicks(dialog.ui.reason_edit, "Plate checked on the GD")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    def fill(dialog: CorrectionDialog) -> None:
        save = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        assert save.text() == "Ask a supervisor…"
        _retype(qtbot, dialog.form.ui.truck_plate_edit, "QAB-1")
        qtbot.keyClicks(dialog.ui.reason_edit, "Plate misread")
        answer(qtbot, SupervisorDialog, approve)
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    [dialog] = _correct(qtbot, window, fill)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert intros and "Truck plate: QAA-1 → QAB-1" in intros[0]
    assert window.current.status is Status.RELEASED and window.current.truck_plate == "QAB-1"
    assert "amended after closing by ali, approved by sara" in (
        window.detail.ui.history_label.text()
    )
    [revision] = desk.services.corrections.revisions(crossing_id)
    assert (revision.closed, revision.approver) == (True, "sara")


def test_ctrl_e_with_nothing_shown_says_why(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert "no crossing is selected" in window.ui.status_bar.currentMessage()
