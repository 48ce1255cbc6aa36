"""The desk and its weighbridge, end to end through a simulated indicator on a pseudo-terminal:
F6 takes the stable weight (waiting for it when pressed early), a pulled cable takes nothing
and is said, the scale coming back is read again by itself, a typed reading asks its reason,
an empty vehicle's weighing is remembered, and the desk's own key takes the weight."""

import os
import sqlite3
import threading
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog

from taftan_desk.ui.dialogs.empty_vehicle_dialog import EmptyVehicleDialog
from taftan_desk.ui.dialogs.scale_dialog import ScaleDialog
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.weighbridge_desk import ScaleChoice, ScalePreferences
from tests.support import Desk, road_form, show_and_activate
from tests.ui.scale_desk import SCALE_NAME, point_desk_at, simulated_scale
from tests.ui.test_desk_flow import answer, press

TRUCK_KG = 14_000


def _weighings(desk: Desk) -> list[sqlite3.Row]:
    with sqlite3.connect(desk.path) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM weighings ORDER BY id").fetchall()


def _fill_truck(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A road registration typed up to its seals; the weights are left to the test."""
    ui = window.registration.ui
    qtbot.keyClicks(ui.container_edit, "CSQU3054383")
    qtbot.keyClick(ui.container_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(ui.truck_plate_edit, "QAA-1234")
    qtbot.keyClicks(ui.cargo_category_combo, "s")
    qtbot.keyClicks(ui.declared_net_edit, "21000")
    qtbot.keyClicks(ui.seals_edit, "AB12345")


def _remember_truck(desk: Desk) -> None:
    from taftan_desk.services.demo_train import taken

    desk.services.weighings.weigh_empty(
        desk.officer, "road", "QAA-1234", TRUCK_KG, taken(TRUCK_KG, 20)
    )


def test_f6_pressed_in_motion_waits_and_takes_the_weight_once_stable(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    _remember_truck(desk)
    window = open_window()
    fields = window.registration.weighing.ui
    with simulated_scale("xk3190", TRUCK_KG + 23_300, settle_ms=1_500) as (simulator, _):
        point_desk_at(window, simulator)
        _fill_truck(window, qtbot)
        # The XK3190 has no motion flag: its climbing weight is "settling" by the rules.
        qtbot.waitUntil(lambda: "settling" in fields.scale_label.text(), timeout=5_000)
        press(qtbot, window, Qt.Key.Key_F6)
        assert fields.bridge_edit.text() == ""  # nothing taken before stable
        assert "Waiting to take it when stable" in fields.scale_label.text()
        qtbot.waitUntil(lambda: fields.bridge_edit.text() == "37300", timeout=15_000)
        assert "stable" in fields.scale_label.text() and "Waiting" not in fields.scale_label.text()
        assert window.focusWidget() is fields.tare_edit
        qtbot.keyClicks(fields.tare_edit, "2300")
        qtbot.keyClick(fields.tare_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    (empty, loaded) = _weighings(desk)
    assert (loaded["bridge_kg"], loaded["bridge_source"], loaded["protocol"]) == (
        37_300,
        "scale",
        "xk3190",
    )
    assert (loaded["vehicle_tare_id"], loaded["tare_source"]) == (empty["id"], "remembered")
    assert loaded["container_gross_kg"] == 23_300 and loaded["scale_id"] == SCALE_NAME
    assert loaded["frames"].count("<STX>+037300") >= 6  # the window the weight was judged on
    assert window.current is not None and window.current.net_kg == 21_000


def test_a_cable_pulled_mid_reading_takes_nothing_says_so_and_the_desk_works_on(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    _remember_truck(desk)
    window = open_window()
    fields = window.registration.weighing.ui
    with simulated_scale("toledo", TRUCK_KG + 23_300, settle_ms=60_000) as (simulator, pulled):
        point_desk_at(window, simulator)
        _fill_truck(window, qtbot)
        press(qtbot, window, Qt.Key.Key_F6)  # armed: the truck is still rolling on
        qtbot.waitUntil(lambda: "in motion" in fields.scale_label.text(), timeout=5_000)
        pulled.set()  # the cable comes out mid-reading
        qtbot.waitUntil(lambda: "no data" in fields.scale_label.text(), timeout=10_000)
        assert fields.bridge_edit.text() == ""  # never a half-read weight
        assert "Is the indicator on and its cable in?" in fields.scale_label.text()
        # The officer goes on by hand: the reading typed, which asks its reason.
        qtbot.keyClicks(fields.bridge_edit, "37300")
        assert fields.reason_edit.isVisible() and "Reading TYPED" in fields.source_label.text()
        qtbot.keyClicks(fields.tare_edit, "2300")
        qtbot.keyClick(fields.tare_edit, Qt.Key.Key_Return)  # no reason yet: refused
        errors = [lbl.text() for lbl in window.registration._errors.values() if lbl.isVisible()]
        assert any("Say why the weight was typed" in e for e in errors), errors
        assert window.model.rowCount() == 0 and window.focusWidget() is fields.reason_edit
        qtbot.keyClicks(fields.reason_edit, "Indicator cable pulled out")
        qtbot.keyClick(fields.reason_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    (_, loaded) = _weighings(desk)
    assert (loaded["bridge_source"], loaded["reason"]) == ("typed", "Indicator cable pulled out")
    assert loaded["frames"] == "" and loaded["scale_id"] == ""  # no scale stands behind it
    assert "TYPED: Indicator cable pulled out" in window.detail.ui.facts_label.text()


def test_the_scale_coming_back_on_its_port_is_read_again_by_itself(
    qtbot, desk: Desk, open_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    fields = window.registration.weighing.ui
    port = tmp_path / "ttyUSB0"  # the adapter's name, as the desk was told it
    with simulated_scale("st-gs", 30_000) as (first, pulled):
        os.symlink(first.port, port)
        window.weighbridge.apply(ScaleChoice(str(port), "st-gs", 9_600, "", "F6"))
        qtbot.waitUntil(lambda: "30,000 kg, stable" in fields.scale_label.text(), timeout=10_000)
        assert f"Reading from the scale ({port})" not in fields.source_label.text()
        pulled.set()
        first.close()
        port.unlink()  # the adapter unplugged: its device goes
        qtbot.waitUntil(
            lambda: "no data" in fields.scale_label.text() or "port" in fields.scale_label.text(),
            timeout=10_000,
        )
        with simulated_scale("st-gs", 31_020) as (second, _):
            os.symlink(second.port, port)  # plugged back in
            qtbot.waitUntil(
                lambda: "31,020 kg, stable" in fields.scale_label.text(), timeout=15_000
            )


def test_f6_with_an_empty_form_weighs_the_selected_crossing_from_the_scale(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    _remember_truck(desk)
    form = road_form(weighed=False, truck_plate="QAA-1234")
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    window = open_window()
    window.select(crossing.id)
    with simulated_scale("st-gs", TRUCK_KG + 23_300) as (simulator, _):
        point_desk_at(window, simulator)
        fields = window.registration.weighing.ui
        qtbot.waitUntil(lambda: "stable" in fields.scale_label.text(), timeout=10_000)

        def confirm(dialog: QDialog) -> None:
            weighing = dialog.weighing.ui
            assert weighing.bridge_edit.text() == "37300"  # taken as the dialog opened
            assert weighing.vehicle_tare_edit.text() == str(TRUCK_KG)
            qtbot.keyClicks(weighing.tare_edit, "2300")
            assert "Container gross 37,300 − 14,000 = 23,300 kg" in dialog.ui.net_label.text()
            qtbot.keyClick(weighing.tare_edit, Qt.Key.Key_Return)

        seen = answer(qtbot, WeighDialog, confirm)
        press(qtbot, window, Qt.Key.Key_F6)
        assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert window.current.gross_kg == 23_300 and window.current.net_kg == 21_000
    assert window.current.weighing.bridge_source == "scale"
    assert "from the scale Bazarcha bridge 1" in window.detail.ui.facts_label.text()
    assert "TYPED" not in window.detail.ui.facts_label.text()


def test_the_desks_own_key_takes_the_weight_and_f6_then_does_not(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    fields = window.registration.weighing.ui
    with simulated_scale("st-gs", 37_300) as (simulator, _):
        point_desk_at(window, simulator, key="F11")  # a foot pedal sending F11
        _fill_truck(window, qtbot)
        qtbot.waitUntil(lambda: "stable" in fields.scale_label.text(), timeout=10_000)
        press(qtbot, window, Qt.Key.Key_F6)
        assert fields.bridge_edit.text() == ""
        press(qtbot, window, Qt.Key.Key_F11)
        assert fields.bridge_edit.text() == "37300"


def test_an_empty_vehicle_weighed_at_the_desk_is_remembered_for_its_next_crossing(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    with simulated_scale("toledo", 14_220) as (simulator, _):
        point_desk_at(window, simulator)

        def weigh(dialog: QDialog) -> None:
            qtbot.keyClicks(dialog.ui.vehicle_edit, " qaa-1234")  # as typed in a hurry
            qtbot.keyClick(dialog.ui.vehicle_edit, Qt.Key.Key_Return)  # takes the weight
            fields = dialog.weighing.ui
            (
                qtbot.waitUntil(
                    lambda: fields.bridge_edit.text() == "14220",
                    timeout=10_000,
                ),
                fields.scale_label.text(),
            )
            assert not fields.reason_edit.isVisible()  # read, not typed
            assert not fields.vehicle_tare_edit.isVisible()  # the vehicle is what is weighed
            qtbot.keyClick(fields.bridge_edit, Qt.Key.Key_Return)

        seen = answer(qtbot, EmptyVehicleDialog, weigh)
        show_and_activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ControlModifier)
        assert seen and seen[0].result() == QDialog.DialogCode.Accepted
        assert "QAA-1234 weighed empty: 14,220 kg" in window.ui.status_bar.currentMessage()
        _fill_truck(window, qtbot)
        fields = window.registration.weighing.ui  # looked up once typing the plate pauses
        qtbot.waitUntil(lambda: fields.vehicle_tare_edit.text() == "14220", timeout=2_000)
    (empty,) = _weighings(desk)
    assert (empty["purpose"], empty["vehicle_kind"], empty["vehicle_no"]) == (
        "empty",
        "truck",
        "QAA-1234",
    )
    assert (empty["bridge_kg"], empty["bridge_source"], empty["protocol"]) == (
        14_220,
        "scale",
        "toledo",
    )


def test_a_typed_empty_weighing_needs_its_reason(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = EmptyVehicleDialog(desk.services, desk.officer)
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    ui, fields = dialog.ui, dialog.weighing.ui
    assert "No weighbridge is set up at this desk" in fields.scale_label.text()
    ui.mode_combo.setCurrentIndex(1)  # a wagon
    qtbot.keyClicks(ui.vehicle_edit, "PR-61010")
    qtbot.keyClicks(fields.bridge_edit, "21480")
    assert fields.reason_edit.isVisible()
    qtbot.keyClick(fields.bridge_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Say why the weight was typed" in ui.error_label.text()
    assert dialog.focusWidget() is fields.reason_edit and _weighings(desk) == []
    qtbot.keyClicks(fields.reason_edit, "Tare stencilled on the wagon")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(fields.reason_edit, Qt.Key.Key_Return)
    (empty,) = _weighings(desk)
    assert (empty["vehicle_kind"], empty["bridge_source"]) == ("wagon", "typed")
    assert empty["reason"] == "Tare stencilled on the wagon"


def test_the_weighbridge_chosen_for_the_desk_is_remembered_and_read(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    fields = window.registration.weighing.ui
    assert "No weighbridge is set up at this desk" in fields.scale_label.text()
    with simulated_scale("xk3190", 25_000) as (simulator, _):

        def choose(dialog: QDialog) -> None:
            ui = dialog.ui
            ui.port_combo.setEditText(simulator.port)
            ui.protocol_combo.setCurrentIndex(ui.protocol_combo.findData("xk3190"))
            qtbot.keyClicks(ui.name_combo.lineEdit(), "  Bridge   2 ")
            ui.button_box.accepted.emit()

        answer(qtbot, ScaleDialog, choose)
        window.ui.scale_setup_action.trigger()
        qtbot.waitUntil(lambda: "25,000 kg, stable" in fields.scale_label.text(), timeout=10_000)
    assert ScalePreferences().load() == ScaleChoice(
        simulator.port, "xk3190", 9_600, "Bridge 2", "F6"
    )
    assert QSettings().value("scale/protocol") == "xk3190"


def test_at_a_station_that_names_its_weighbridges_the_desk_chooses_one_and_its_protocol(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    """The station says which weighbridges there are and what each sends: the desk picks one
    (its protocol follows, not the desk's to change) and reads it in that protocol."""
    desk.services.settings.update(
        desk.admin, {"scales": "Bazarcha bridge 1=st-gs; Rail bridge=xk3190"}
    )
    window = open_window()
    fields = window.registration.weighing.ui
    shown: list[tuple[list[str], bool, str]] = []
    with simulated_scale("xk3190", 41_200) as (simulator, _):

        def choose(dialog: QDialog) -> None:
            ui = dialog.ui
            names = [ui.name_combo.itemText(i) for i in range(ui.name_combo.count())]
            ui.port_combo.setEditText(simulator.port)
            ui.name_combo.setFocus()
            qtbot.keyClick(ui.name_combo, Qt.Key.Key_Down)  # the rail bridge
            shown.append(
                (names, ui.protocol_combo.isEnabled(), str(ui.protocol_combo.currentData()))
            )
            ui.button_box.accepted.emit()

        answer(qtbot, ScaleDialog, choose)
        window.ui.scale_setup_action.trigger()
        qtbot.waitUntil(lambda: "41,200 kg, stable" in fields.scale_label.text(), timeout=10_000)
    assert shown == [(["Bazarcha bridge 1", "Rail bridge"], False, "xk3190")]
    assert window.weighbridge.choice.scale_id == "Rail bridge"
    assert "Weighbridge: Rail bridge on " in window.ui.status_bar.currentMessage()


def test_a_desk_set_to_a_scale_the_station_does_not_name_reads_nothing_and_says_why(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    """A desk's own choice (remembered from before the station named its weighbridges, or
    set by hand) is not read; one the station names is read in the station's protocol,
    whatever the desk remembered."""
    desk.services.settings.update(desk.admin, {"scales": "Rail bridge=st-gs"})
    with simulated_scale("st-gs", 33_000) as (simulator, _):
        ScalePreferences().save(ScaleChoice(simulator.port, "st-gs", 9_600, "My bridge", "F6"))
        window = open_window()
        fields = window.registration.weighing.ui
        assert window.weighbridge.watch is None
        assert "This desk's weighbridge 'My bridge' is not one of the station's (Rail bridge)" in (
            window.ui.status_bar.currentMessage()
        )
        assert "No weighbridge is set up at this desk" in fields.scale_label.text()
        window.weighbridge.apply(ScaleChoice(simulator.port, "toledo", 9_600, "Rail bridge", "F6"))
        assert window.weighbridge.scale()[1:] == ("Rail bridge", "st-gs")
        qtbot.waitUntil(lambda: "33,000 kg, stable" in fields.scale_label.text(), timeout=10_000)


def test_faults_the_indicator_reports_are_said_and_never_taken(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    """Overload (st-gs OL) and garbage on the line: said, and F6 takes nothing."""
    window = open_window()
    fields = window.registration.weighing.ui
    master, slave = os.openpty()
    import tty

    tty.setraw(slave)
    stop = threading.Event()

    def talk() -> None:
        while not stop.is_set():
            os.write(master, b"\x00\xff garbage\r\n" + b"OL,GS,+0099999kg\r\n")
            time.sleep(0.1)

    talker = threading.Thread(target=talk, daemon=True)
    talker.start()
    try:
        window.weighbridge.apply(ScaleChoice(os.ttyname(slave), "st-gs", 9_600, "", "F6"))
        qtbot.waitUntil(lambda: "overload" in fields.scale_label.text(), timeout=10_000)
        _fill_truck(window, qtbot)
        press(qtbot, window, Qt.Key.Key_F6)
        assert fields.bridge_edit.text() == ""
    finally:
        stop.set()
        talker.join(5)
        window.weighbridge.apply(ScaleChoice("", "st-gs", 9_600, "", "F6"))
        os.close(master)
        os.close(slave)


def test_f6_after_a_save_never_weighs_the_truck_just_saved_again(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    """The saved truck stays selected and the form is empty: F6 must not open a weighing of
    it with the next truck's weight on the bridge."""
    _remember_truck(desk)
    window = open_window()
    fields = window.registration.weighing.ui
    with simulated_scale("st-gs", TRUCK_KG + 23_300) as (simulator, _):
        point_desk_at(window, simulator)
        _fill_truck(window, qtbot)
        qtbot.waitUntil(lambda: "stable" in fields.scale_label.text(), timeout=10_000)
        press(qtbot, window, Qt.Key.Key_F6)
        qtbot.keyClicks(fields.tare_edit, "2300")
        qtbot.keyClick(fields.tare_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        assert window.current is not None and window.current.gross_kg == 23_300
        opened = answer(qtbot, WeighDialog, lambda dialog: dialog.reject())
        press(qtbot, window, Qt.Key.Key_F6)  # the next truck rolls on; the form is empty
        qtbot.wait(100)
    assert opened == []
    assert "is weighed already (W26-000002)" in window.ui.status_bar.currentMessage()
    assert len(_weighings(desk)) == 2  # the empty weighing and the truck's: no third


def test_a_weight_taken_for_one_vehicle_is_dropped_when_the_vehicle_changes(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    ui, fields = window.registration.ui, window.registration.weighing.ui
    with simulated_scale("st-gs", 37_300) as (simulator, _):
        point_desk_at(window, simulator)
        _fill_truck(window, qtbot)
        qtbot.waitUntil(lambda: "stable" in fields.scale_label.text(), timeout=10_000)
        press(qtbot, window, Qt.Key.Key_F6)
        assert fields.bridge_edit.text() == "37300"
        qtbot.keyClick(ui.truck_plate_edit, Qt.Key.Key_Backspace)  # another truck: QAA-123
        assert fields.bridge_edit.text() == ""
        assert "The weight taken was for another container or vehicle" in (
            fields.scale_label.text()
        )


def test_f6_waits_for_a_stable_weight_a_minute_at_most(
    qtbot, desk: Desk, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from taftan_desk.ui.widgets import weighing_fields

    monkeypatch.setattr(weighing_fields, "WAIT_MS", 400)
    window = open_window()
    fields = window.registration.weighing.ui
    with simulated_scale("st-gs", 37_300, settle_ms=60_000) as (simulator, _):  # never still
        point_desk_at(window, simulator)
        _fill_truck(window, qtbot)
        press(qtbot, window, Qt.Key.Key_F6)
        assert "Waiting to take it when stable" in fields.scale_label.text()
        qtbot.waitUntil(lambda: "No stable weight came in 0 s" in fields.scale_label.text())
        assert fields.bridge_edit.text() == ""


def test_a_quiet_scale_says_how_long_it_has_been_quiet_and_counts_on(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    """A frozen display that still says "connected" is the commonest complaint: the line
    says how old the last frame is, and keeps counting."""
    import re

    window = open_window()
    fields = window.registration.weighing.ui
    with simulated_scale("st-gs", 30_000) as (simulator, pulled):
        point_desk_at(window, simulator)
        qtbot.waitUntil(lambda: "stable" in fields.scale_label.text(), timeout=10_000)
        pulled.set()  # the indicator stops talking; its port stays

        def quiet_for() -> int:
            found = re.search(r"no data for (\d+) s", fields.scale_label.text())
            return int(found.group(1)) if found else -1

        qtbot.waitUntil(lambda: quiet_for() >= 2, timeout=10_000)
        first = quiet_for()
        qtbot.waitUntil(lambda: quiet_for() >= first + 2, timeout=5_000)
