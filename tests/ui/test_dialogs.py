"""The setup and sign-in dialogs, driven with keys as a person would."""

from pathlib import Path

from PySide6.QtCore import Qt

from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services
from taftan_desk.ui.dialogs.login_dialog import LoginDialog
from taftan_desk.ui.dialogs.setup_dialog import SetupDialog
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from tests.support import PASSWORD, TEST_IDENTITY, Desk, FakeClock, road_form, show_and_activate


def _login(qtbot, desk: Desk) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(desk.services.accounts, desk.services.settings.current())
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    return dialog


def test_sign_in_with_the_keyboard(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, desk)
    assert "TFT" in dialog.ui.station_label.text()
    qtbot.keyClicks(dialog.ui.username_edit, "ali")
    qtbot.keyClick(dialog.ui.username_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.actor is not None and dialog.actor.username == "ali"


def test_wrong_password_says_so_beside_the_form(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, desk)
    qtbot.keyClicks(dialog.ui.username_edit, "ali")
    qtbot.keyClicks(dialog.ui.password_edit, "not the password")
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.ui.error_label.text() == "Wrong user name or password."
    assert dialog.ui.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.ui.password_edit


def test_empty_user_name_is_asked_for(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = _login(qtbot, desk)
    qtbot.keyClick(dialog.ui.username_edit, Qt.Key.Key_Return)
    assert dialog.ui.error_label.text() == "Enter your user name."


def test_enter_pressed_while_the_database_opens_signs_in_once_it_is_open(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    assert "Opening" in dialog.ui.station_label.text()
    qtbot.keyClicks(dialog.ui.username_edit, "ali")
    qtbot.keyClicks(dialog.ui.password_edit, PASSWORD)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None
    assert "signed in once it is open" in dialog.ui.error_label.text()
    with qtbot.waitSignal(dialog.accepted):
        dialog.attach(desk.services.accounts, desk.services.settings.current())
    assert dialog.actor is not None and dialog.actor.username == "ali"


def test_first_launch_sets_up_the_station(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(str(tmp_path / "new.db"))
    migrate.upgrade(engine)
    services = Services.build(engine, FakeClock(), TEST_IDENTITY)
    dialog = SetupDialog(services)
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    assert dialog.ui.timezone_edit.text() == "Asia/Karachi"
    qtbot.keyClicks(dialog.ui.admin_username_edit, "boss")
    qtbot.keyClicks(dialog.ui.admin_full_name_edit, "Station Admin")
    qtbot.keyClicks(dialog.ui.admin_password_edit, PASSWORD)
    qtbot.keyClicks(dialog.ui.admin_password_again_edit, "typo" + PASSWORD)
    qtbot.keyClick(dialog.ui.admin_password_again_edit, Qt.Key.Key_Return)
    assert "differ" in dialog.ui.error_label.text()
    assert services.accounts.count() == 0
    qtbot.keyClicks(dialog.ui.admin_password_again_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.ui.admin_password_again_edit, Qt.Key.Key_Return)
    assert services.settings.current().station_code == "TFT"
    assert services.accounts.authenticate("boss", PASSWORD).role.value == "admin"
    assert services.health.check().ok
    engine.dispose()


def test_setup_points_at_the_field_in_error(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(str(tmp_path / "new.db"))
    migrate.upgrade(engine)
    dialog = SetupDialog(Services.build(engine, FakeClock(), TEST_IDENTITY))
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    dialog.ui.station_code_edit.setText("T1")
    qtbot.keyClicks(dialog.ui.admin_username_edit, "boss")
    qtbot.keyClick(dialog.ui.admin_username_edit, Qt.Key.Key_Return)
    assert "station code" in dialog.ui.error_label.text()
    assert dialog.focusWidget() is dialog.ui.station_code_edit
    engine.dispose()


def test_inspection_mistakes_are_said_beside_the_form_and_nothing_is_lost(
    qtbot, desk: Desk
) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.core.lifecycle import Status
    from taftan_desk.ui.dialogs.inspection_dialog import InspectionDialog

    form = road_form(declared_net_kg="", gross_kg="24300")
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    dialog = InspectionDialog(desk.services, desk.officer, crossing)
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    ui = dialog.ui
    ui.examiner_edit.clear()
    qtbot.keyClicks(ui.reweigh_edit, "24,3OO")  # a letter O for a zero
    qtbot.keyClicks(ui.findings_combo, "p")  # Prohibited goods
    qtbot.keyClick(ui.reweigh_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result_view is None
    assert ui.error_label.text().splitlines() == [
        "Enter the examiner's name.",
        "Re-weighed gross must be whole kilograms using digits 0-9 (e.g. 24620), not '24,3OO'.",
    ]
    assert dialog.focusWidget() is ui.examiner_edit
    qtbot.keyClicks(ui.examiner_edit, "Ali Raza")
    qtbot.keyClick(ui.examiner_edit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is ui.reweigh_edit
    assert ui.error_label.text().startswith("Re-weighed gross must be whole kilograms")
    ui.reweigh_edit.clear()
    qtbot.keyClicks(ui.reweigh_edit, "24300")
    qtbot.keyClick(ui.reweigh_edit, Qt.Key.Key_Return)
    assert ui.error_label.text().splitlines() == [
        "Prohibited goods cannot be released: choose hold or refuse.",
        "Describe the discrepancy in the remarks.",
    ]
    assert dialog.focusWidget() is ui.decision_combo
    assert ui.examiner_edit.text() == "Ali Raza" and ui.reweigh_edit.text() == "24300"
    assert desk.services.queries.get(crossing.id).inspections == ()  # nothing half-written
    qtbot.keyClicks(ui.decision_combo, "h")  # Hold
    qtbot.keyClicks(ui.remarks_edit, "Undeclared cartridges in the third pallet.")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(ui.reweigh_edit, Qt.Key.Key_Return)
    stored = desk.services.queries.get(crossing.id)
    assert stored.status is Status.HELD  # the examiner's hold takes effect at once
    (inspection,) = stored.inspections
    assert (inspection.examiner, inspection.findings, inspection.decision) == (
        "Ali Raza",
        "prohibited",
        "hold",
    )
    assert inspection.reweigh_gross_kg == 24300


def test_the_weigh_dialog_says_each_mistake_once(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    dialog = WeighDialog(desk.services, desk.officer, crossing)
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    fields = dialog.weighing.ui
    qtbot.keyClicks(fields.bridge_edit, "38.5")
    qtbot.keyClicks(fields.vehicle_tare_edit, "14000")
    qtbot.keyClicks(fields.tare_edit, "2300")
    assert "whole kilograms" in dialog.ui.net_label.text()  # said live while typing
    qtbot.keyClicks(fields.reason_edit, "Scale down")
    qtbot.keyClick(fields.tare_edit, Qt.Key.Key_Return)
    said = [dialog.ui.net_label.text(), dialog.ui.error_label.text()]
    assert dialog.ui.error_label.isVisible() and dialog.isVisible()  # refused, still open
    assert sum("whole kilograms" in text for text in said) == 1, said
    assert fields.bridge_edit.text() == "38.5"  # kept for the officer to fix
    assert dialog.focusWidget() is fields.bridge_edit


def test_the_weigh_dialog_names_the_box_an_assumed_plate_is_for(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    form = road_form(weighed=False, size_type="42G1")
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    dialog = WeighDialog(desk.services, desk.officer, crossing)
    qtbot.addWidget(dialog)
    fields = dialog.weighing.ui
    qtbot.keyClicks(fields.bridge_edit, "45500")
    qtbot.keyClicks(fields.vehicle_tare_edit, "14000")
    qtbot.keyClicks(fields.tare_edit, "9500")
    said = dialog.ui.net_label.text()
    assert "1,020 kg over the maximum; plate maximum not recorded, " in said
    assert "30,480 kg assumed for 42G1 (station default)" in said
    qtbot.keyClicks(dialog.ui.max_gross_edit, "32500")
    assert "within the container rating of 32,500 kg from the plate" in dialog.ui.net_label.text()
