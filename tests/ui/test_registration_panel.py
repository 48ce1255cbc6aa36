"""Registering at the desk with the keyboard only, over a real temporary database."""

import json

from PySide6.QtCore import Qt
from sqlalchemy import text

from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.models.queue_table_model import COL_CONTAINER, COL_ENTRY
from tests.support import TEST_IDENTITY, Desk, road_form


class KeyCounter:
    """Sends keys like an officer and counts them: the data typed, and the keys that only
    move between fields or save (a scanner's keys are not counted)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.data = 0
        self.moves = 0

    def type(self, widget, text: str) -> None:  # type: ignore[no-untyped-def]
        self.qtbot.keyClicks(widget, text)
        self.data += len(text)

    def key(self, widget, key: Qt.Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
        for _ in range(times):
            self.qtbot.keyClick(widget, key)
        self.moves += times


def test_a_whole_registration_without_the_mouse(qtbot, desk: Desk, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """At a desk whose weighbridge is down: the reading typed, with the reason; the truck's
    tare remembered from its empty weighing."""
    desk.services.weighings.weigh_empty(
        desk.officer, "road", "QAA-1234", 14_000, reason="Tare from the truck's papers"
    )
    panel = window.registration
    weighing = panel.weighing.ui
    keys = KeyCounter(qtbot)
    assert window.focusWidget() is panel.ui.container_edit
    qtbot.keyClicks(panel.ui.container_edit, "CSQU3054383")  # the scanner's keys
    qtbot.keyClick(panel.ui.container_edit, Qt.Key.Key_Return)
    assert window.focusWidget() is panel.ui.truck_plate_edit  # size/type is optional

    keys.type(panel.ui.truck_plate_edit, "QAA-1234")
    keys.key(window.focusWidget(), Qt.Key.Key_Tab)  # rail fields are skipped on the road
    assert window.focusWidget() is panel.ui.cargo_category_combo
    keys.type(panel.ui.cargo_category_combo, "s")
    keys.key(window.focusWidget(), Qt.Key.Key_Tab)
    keys.type(panel.ui.hs_code_edit, "720839")
    keys.key(window.focusWidget(), Qt.Key.Key_Tab, 2)
    keys.type(panel.ui.declared_net_edit, "21000")
    keys.key(window.focusWidget(), Qt.Key.Key_Tab, 4)
    assert window.focusWidget() is panel.ui.seals_edit
    keys.type(panel.ui.seals_edit, "AB12345 H")
    keys.key(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is weighing.bridge_edit
    keys.type(weighing.bridge_edit, "37300")
    keys.key(window.focusWidget(), Qt.Key.Key_Tab)
    assert weighing.vehicle_tare_edit.text() == "14000"  # remembered for the plate
    keys.key(window.focusWidget(), Qt.Key.Key_Tab)
    keys.type(weighing.tare_edit, "2300")
    assert "Container gross 37,300 − 14,000 = 23,300 kg" in panel.ui.net_label.text()
    assert "21,000 kg" in panel.ui.net_label.text()
    assert "Reading TYPED" in weighing.source_label.text()
    keys.key(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is weighing.reason_edit
    keys.type(weighing.reason_edit, "Scale down")
    keys.key(weighing.reason_edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.index(0, COL_CONTAINER).data() == "CSQU3054383"
    entry = window.model.index(0, COL_ENTRY).data()
    assert window.focusWidget() is panel.ui.container_edit  # ready for the next truck
    assert panel.ui.container_edit.text() == ""
    with desk.services.db.read() as session:
        row = session.execute(
            text(
                "SELECT cargo_category, truck_plate, net_kg, registered_by "
                "FROM crossings WHERE entry_no = :e"
            ),
            {"e": entry},
        ).one()
        event = session.execute(
            text(
                "SELECT actor_id, data_json FROM audit_events WHERE action = 'crossing_registered'"
            )
        ).one()
    assert tuple(row) == ("steel", "QAA-1234", 21_000, desk.officer.user_id)
    assert event.actor_id == desk.officer.user_id
    seal, weighed = json.loads(event.data_json)["also"]
    assert seal["after"]["number"] == "AB12345"
    assert weighed["entity"] == "weighing"
    assert (weighed["after"]["bridge_kg"], weighed["after"]["bridge_source"]) == (37_300, "typed")
    # Remembered, but typed at its empty weighing (from the papers): typed here too.
    assert weighed["after"]["tare_source"] == "typed" and weighed["after"]["vehicle_tare_id"]
    assert weighed["after"]["reason"] == (  # the truck's tare was typed too, from its papers
        "Scale down · Vehicle tare typed at its empty weighing W26-000001: "
        "Tare from the truck's papers"
    )
    print(f"keystrokes after the scan: {keys.data} of data, {keys.moves} to move and save")
    # Typed weights cost the reading, its reason and two moves more than a scale's F6.
    assert (keys.data, keys.moves) == (48, 13)


def test_a_mistyped_container_is_corrected_with_one_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    qtbot.keyClicks(panel.ui.container_edit, "CSQU3054384", delay=1)
    assert "Press F2 for CSQU3054383" in panel.ui.container_hint_label.text()
    qtbot.keyClick(panel.ui.container_edit, Qt.Key.Key_F2)
    assert panel.ui.container_edit.text() == "CSQU3054383"
    assert "Valid" in panel.ui.container_hint_label.text()


def test_problems_show_under_their_fields_and_nothing_is_saved(
    qtbot, desk: Desk, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    qtbot.keyClicks(panel.ui.container_edit, "CSQU3054384")
    qtbot.keyClicks(panel.ui.declared_net_edit, "21.5")
    qtbot.keyClick(panel.ui.declared_net_edit, Qt.Key.Key_Return)
    errors = {
        label.objectName(): label.text() for label in panel._errors.values() if label.isVisible()
    }
    assert "should be 3" in errors["container_error_label"]
    assert "Enter the truck plate" in errors["truck_plate_error_label"]
    assert "whole kilograms" in errors["declared_net_error_label"]
    assert "Choose the cargo category" in errors["cargo_error_label"]  # no silent default
    assert len(errors) == 4
    assert window.focusWidget() is panel.ui.container_edit
    assert window.model.rowCount() == 0
    assert not desk.services.queries.has_crossings()


def test_escape_clears_the_form(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    qtbot.keyClicks(panel.ui.container_edit, "CSQU3054383")
    qtbot.keyClick(panel.ui.container_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(window.focusWidget(), "22G1")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert panel.ui.container_edit.text() == "" and panel.ui.size_type_edit.text() == ""
    assert window.focusWidget() is panel.ui.container_edit


def test_full_storage_is_said_plainly_and_the_form_is_kept(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services

    saved_before = desk.services.crossings.register(
        desk.officer,
        road_form(
            weighed=False,
            container_no="MSKU3881107",
            truck_plate="QAA-9",
            hs_code="",
            declared_net_kg="",
        ),
    ).crossing
    engine = make_engine(str(desk.path))

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    full = Services.build(engine, desk.clock, TEST_IDENTITY)
    window = MainWindow(full, desk.officer)
    qtbot.addWidget(window)
    panel = window.registration
    for i in range(60):  # until the capped file runs out of pages
        panel.ui.container_edit.setText("CSQU3054383")
        panel.ui.truck_plate_edit.setText(f"QAA-{i}")
        panel.ui.cargo_category_combo.setCurrentIndex(3)
        panel.ui.description_edit.setText("x" * 300)
        if panel.save() is None:
            break
    assert "Storage is full" in panel.ui.error_label.text()
    assert panel.ui.container_edit.text() == "CSQU3054383"  # nothing typed is lost
    assert desk.services.queries.get(saved_before.id).entry_no == saved_before.entry_no
    assert desk.services.health.check().ok
    window.close()
    engine.dispose()


def test_a_problem_goes_as_soon_as_it_is_fixed_and_no_new_one_shows_early(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    qtbot.keyClicks(panel.ui.declared_net_edit, "21.5")
    qtbot.keyClick(panel.ui.declared_net_edit, Qt.Key.Key_Return)  # save: problems shown

    def shown() -> dict[str, str]:
        return {lbl.objectName(): lbl.text() for lbl in panel._errors.values() if lbl.isVisible()}

    assert "declared_net_error_label" in shown() and "truck_plate_error_label" in shown()
    qtbot.keyClick(panel.ui.declared_net_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.ui.declared_net_edit, Qt.Key.Key_Backspace)  # "21": fixed
    assert "declared_net_error_label" not in shown()
    assert "truck_plate_error_label" in shown()  # the others stay until fixed
    qtbot.keyClicks(panel.ui.truck_plate_edit, "QAA-1")
    assert "truck_plate_error_label" not in shown()
    qtbot.keyClicks(panel.weighing.ui.bridge_edit, "abc")  # a new mistake waits for the save
    assert "weights_error_label" not in shown()


def test_the_description_counts_its_characters_and_is_never_cut_silently(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    qtbot.keyClicks(panel.ui.description_edit, "Hot-rolled coils")
    assert panel.ui.description_count_label.text() == "16/300"
    panel.ui.description_edit.setText("x" * 310)  # pasted: nothing is cut off
    assert panel.ui.description_edit.text() == "x" * 310
    assert panel.ui.description_count_label.text() == "310/300"
    qtbot.keyClick(panel.ui.description_edit, Qt.Key.Key_Return)
    errors = [lbl.text() for lbl in panel._errors.values() if lbl.isVisible()]
    assert any("longer than 300 characters (310)" in e for e in errors)


def test_the_weights_say_which_they_are_and_an_assumed_plate_says_so(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    ui, weighing = window.registration.ui, window.registration.weighing.ui
    assert "the vehicle with the container" in weighing.bridge_edit.toolTip()
    assert "tractor and trailer" in weighing.vehicle_tare_edit.toolTip()
    assert "door" in weighing.tare_edit.toolTip()
    assert "door" in weighing.tare_edit.placeholderText()
    assert ui.max_gross_edit.placeholderText() == "30,480 kg assumed (station default)"
    qtbot.keyClicks(weighing.bridge_edit, "47300")
    qtbot.keyClicks(weighing.vehicle_tare_edit, "14000")  # 33,300 kg: over the plate
    qtbot.keyClicks(weighing.tare_edit, "2300")
    said = ui.net_label.text()
    assert "Container gross 47,300 − 14,000 = 33,300 kg." in said
    assert "2,820 kg over the maximum; plate maximum not recorded, 30,480 kg assumed" in said
    qtbot.keyClicks(ui.max_gross_edit, "34000")
    assert "within the container rating of 34,000 kg from the plate" in ui.net_label.text()


def test_the_assumed_plate_names_the_size_type_as_it_is_typed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ui = window.registration.ui
    qtbot.keyClicks(ui.size_type_edit, "22")  # not a code yet: nothing to name
    assert ui.max_gross_edit.placeholderText() == "30,480 kg assumed (station default)"
    qtbot.keyClicks(ui.size_type_edit, "g1")
    assert ui.max_gross_edit.placeholderText() == "30,480 kg assumed for 22G1 (station default)"
    ui.size_type_edit.clear()
    assert ui.max_gross_edit.placeholderText() == "30,480 kg assumed (station default)"
    qtbot.keyClicks(ui.size_type_edit, "45G1")
    window.registration.clear()  # Esc: an empty form names no box
    assert ui.max_gross_edit.placeholderText() == "30,480 kg assumed (station default)"


def test_the_live_weights_line_names_the_box_an_assumed_plate_is_for(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    ui, weighing = window.registration.ui, window.registration.weighing.ui
    qtbot.keyClicks(weighing.bridge_edit, "38300")
    qtbot.keyClicks(weighing.vehicle_tare_edit, "14000")
    qtbot.keyClicks(weighing.tare_edit, "2300")
    assert "22G1" not in ui.net_label.text()
    qtbot.keyClicks(ui.size_type_edit, "22G1")  # typed after the weights: the line follows
    assert "assumed for 22G1" in ui.net_label.text()


def test_enter_after_the_container_goes_to_the_vehicle_of_the_mode(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    panel = window.registration
    panel.ui.mode_combo.setCurrentIndex(1)  # rail
    panel.ui.container_edit.setFocus()
    qtbot.keyClicks(panel.ui.container_edit, "CSQU3054383")
    qtbot.keyClick(panel.ui.container_edit, Qt.Key.Key_Return)
    assert window.focusWidget() is panel.ui.train_no_edit
