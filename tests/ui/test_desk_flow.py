"""An officer's whole flow in the real window: register, weigh, inspect, release; and the
supervisor override at the desk for an overweight container."""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from sqlalchemy import text

from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import SealInput
from taftan_desk.ui.dialogs.inspection_dialog import InspectionDialog
from taftan_desk.ui.dialogs.supervisor_dialog import SupervisorDialog
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from taftan_desk.ui.main_window import MainWindow
from tests.support import PASSWORD, Desk, road_form, show_and_activate, textiles_out_form
from tests.ui import wedge


def answer(qtbot, kind: type[QDialog], fill: Callable[[QDialog], None]) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Fill the next modal dialog with keys once it is open (exec() blocks the test)."""
    seen: list[QDialog] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, handle)
            return
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, handle)
    return seen


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    """A shortcut on the main window; the offscreen platform does not give activation back
    after a modal dialog closes, as a desktop does, so take it back first."""
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, key)


def _register(window: MainWindow, qtbot, **changes: str) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    values = {
        "container_edit": "CSQU3054383",
        "truck_plate_edit": "QAA-1234",
        "hs_code_edit": "720839",
        "declared_net_edit": "22000",
        "seals_edit": "AB1 H",
    }
    values.update(changes)
    for name, value in values.items():
        qtbot.keyClicks(getattr(panel.ui, name), value)
    qtbot.keyClicks(panel.ui.cargo_category_combo, "s")  # Steel
    qtbot.keyClick(panel.ui.declared_net_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current is not None)


VEHICLE_KG = 14_000  # the tractor and trailer of the tests' trucks


def type_weights(qtbot, fields, gross: str, tare: str = "2300") -> None:  # type: ignore[no-untyped-def]
    """A weighing typed, as at a desk whose weighbridge is down: the reading (the container's
    gross on a 14,000 kg vehicle), the vehicle's tare, the container's and the reason."""
    qtbot.keyClicks(fields.bridge_edit, str(int(gross) + VEHICLE_KG))
    qtbot.keyClicks(fields.vehicle_tare_edit, str(VEHICLE_KG))
    qtbot.keyClicks(fields.tare_edit, tare)
    qtbot.keyClicks(fields.reason_edit, "Scale down")


def _weigh(window: MainWindow, qtbot, gross: str) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: QDialog) -> None:
        type_weights(qtbot, dialog.weighing.ui, gross)
        qtbot.keyClick(dialog.weighing.ui.reason_edit, Qt.Key.Key_Return)

    seen = answer(qtbot, WeighDialog, fill)
    press(qtbot, window, Qt.Key.Key_F6)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted


def test_register_weigh_inspect_release(qtbot, desk: Desk, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _register(window, qtbot, seals_edit="AB1 H broken")
    assert window.current.status is Status.AWAITING_INSPECTION  # a broken seal: red
    assert "Seal AB1 is broken" in window.detail.ui.channel_label.text()
    assert not window.ui.release_action.isEnabled()
    _weigh(window, qtbot, "24300")

    def inspect(dialog: QDialog) -> None:
        assert dialog.ui.kind_combo.currentText() == "Physical"  # red starts at physical
        qtbot.keyClicks(dialog.ui.new_seal_edit, "TFT9001")
        qtbot.keyClick(dialog.ui.new_seal_edit, Qt.Key.Key_Return)

    answer(qtbot, InspectionDialog, inspect)
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.current.status is Status.INSPECTED
    assert window.ui.release_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current.status is Status.RELEASED
    assert "released by ali" in window.detail.ui.history_label.text()
    with desk.services.db.read() as session:
        actions = session.execute(
            text(
                "SELECT action, actor_id FROM audit_events WHERE entity IN ('crossing', "
                "'inspection') ORDER BY id"
            )
        ).all()
    assert [a for a, _ in actions] == [
        "crossing_registered",
        "crossing_weighed",
        "inspection_recorded",
        "crossing_inspected",
        "crossing_released",
    ]
    assert {actor for _, actor in actions} == {desk.officer.user_id}
    assert desk.services.health.check().ok


def test_22000_kg_releases_without_a_supervisor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _register(window, qtbot)
    _weigh(window, qtbot, "24300")
    assert window.current.net_kg == 22_000
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current.status is Status.RELEASED


def test_one_kg_over_needs_a_supervisor_at_the_desk(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    form = road_form(declared_net_kg="22000", gross_kg="24301", seals=(SealInput("AB1"),))
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    desk.services.inspections.record(
        desk.officer,
        crossing.id,
        InspectionInput("documentary", "Ali", "no_discrepancy", "release"),
    )
    window = open_window()
    window.select(crossing.id)

    def wrong_password(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.ui.username_edit, "sara")
        qtbot.keyClicks(dialog.ui.password_edit, "not it")
        qtbot.keyClicks(dialog.ui.reason_edit, "Scale tolerance")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)
        assert "Wrong user name or password" in dialog.ui.error_label.text()
        assert dialog.isVisible()
        cancel = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    answer(qtbot, SupervisorDialog, wrong_password)
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current.status is Status.INSPECTED  # cancelled: nothing released

    def sign(dialog: QDialog) -> None:
        assert "1 kg over" in dialog.ui.intro_label.text()
        qtbot.keyClicks(dialog.ui.username_edit, "sara")
        qtbot.keyClicks(dialog.ui.password_edit, PASSWORD)
        qtbot.keyClicks(dialog.ui.reason_edit, "Scale tolerance")
        qtbot.keyClick(dialog.ui.reason_edit, Qt.Key.Key_Return)

    answer(qtbot, SupervisorDialog, sign)
    press(qtbot, window, Qt.Key.Key_F8)
    assert window.current.status is Status.RELEASED
    with desk.services.db.read() as session:
        supervisor, requested_by = session.execute(
            text("SELECT supervisor_id, requested_by FROM approvals")
        ).one()
    assert (supervisor, requested_by) == (desk.supervisor.user_id, desk.officer.user_id)
    # The history says who released it and whose approval it used, and why.
    history = window.detail.ui.history_label.text()
    assert "released by ali, approved by sara: “Scale tolerance”" in history


def test_scanning_a_slip_anywhere_opens_its_crossing(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    form = textiles_out_form(weighed=False)
    first = desk.services.crossings.register(desk.officer, form).crossing
    second = desk.services.crossings.register(desk.officer, form).crossing
    window = open_window()
    window.ui.queue_view.setFocus()
    wedge.send(wedge.scanner(second.entry_no))
    assert window.current is not None and window.current.entry_no == second.entry_no
    # A container scanned into another field shows its latest crossing and leaves the field.
    window.select(first.id)
    panel = window.registration
    panel.ui.description_edit.setFocus()
    wedge.send(wedge.scanner("MSKU3881107"))
    assert window.current.entry_no == second.entry_no
    assert panel.ui.description_edit.text() == ""
    assert not any(label.isVisible() for label in panel._errors.values())  # no save tried
    assert "2 crossing(s)" in window.ui.status_bar.currentMessage()
