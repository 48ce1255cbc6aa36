"""A pre-announced container registered from its scan: the form filled from the manifest,
seals ticked as they are scanned, the weights typed; the keys counted. And the pre-arrivals
list beside the queue, with an import and its progress."""

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from taftan_desk.services.demo_train import taken
from taftan_desk.ui.main_window import MainWindow
from tests.manifest_files import URDU, csv_bytes, number, rail_form, train_rows
from tests.support import Desk
from tests.ui import wedge
from tests.ui.scale_desk import point_desk_at, simulated_scale
from tests.ui.test_desk_flow import answer, type_weights
from tests.ui.test_registration_panel import KeyCounter


def _announce(desk: Desk, wagons: int = 40, description: str | None = None) -> None:
    rows = train_rows(wagons)
    if description is not None:
        rows[0][9] = description
    result = desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(rows))
    assert result.ok, [p.words() for p in result.problems]


def _stored(desk: Desk, entry: str) -> sqlite3.Row:
    conn = sqlite3.connect(desk.path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT c.*, e.row_no FROM crossings c JOIN expected_containers e "
            "ON e.id = c.expected_id WHERE c.entry_no = ?",
            (entry,),
        ).fetchone()
    finally:
        conn.close()


def _seals(desk: Desk, crossing_id: int) -> dict[str, str]:
    with sqlite3.connect(desk.path) as conn:
        return dict(
            conn.execute("SELECT number, state FROM seals WHERE crossing_id = ?", (crossing_id,))
        )


def _registered(qtbot, window: MainWindow, count: int) -> str:  # type: ignore[no-untyped-def]
    from taftan_desk.ui.models.queue_table_model import COL_ENTRY

    qtbot.waitUntil(lambda: window.model.rowCount() == count)
    return str(window.model.index(count - 1, COL_ENTRY).data())


def test_a_pre_announced_container_is_registered_from_its_scan_in_a_few_keys(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    """The container, its seals and the weighbridge's reading are read, not typed: after
    the scans, F6 takes the stable weight (the wagon's tare remembered from its empty
    weighing), the container's tare from its door is typed, and Enter saves."""
    _announce(desk)
    wagon_kg = 21_500
    desk.services.weighings.weigh_empty(
        desk.officer, "rail", "50007", wagon_kg, taken(wagon_kg, 20)
    )
    window = open_window()
    panel = window.registration
    keys = KeyCounter(qtbot)
    with simulated_scale("st-gs", wagon_kg + 23_230, settle_ms=400) as (simulator, _):
        point_desk_at(window, simulator)
        assert window.focusWidget() is panel.ui.container_edit
        wedge.send(wedge.scanner(number(7)))  # the container's code: a scan, not counted
        ui, fields = panel.ui, panel.weighing.ui
        assert window.focusWidget() is ui.seals_edit  # the form holds what the manifest says
        assert (ui.train_no_edit.text(), ui.wagon_no_edit.text()) == ("PR-12", "50007")
        assert ui.mode_combo.currentText() == "Rail" and ui.cargo_category_combo.currentIndex() == 3
        assert (ui.hs_code_edit.text(), ui.declared_net_edit.text()) == ("720839", "20930")
        assert ui.gd_number_edit.text() == "KPPI-HC-00008" and ui.seals_edit.text() == ""
        assert "☐ PK100007 ☐ PK200007" in ui.manifest_label.text()
        assert fields.vehicle_tare_edit.text() == "21500"  # the wagon's, remembered
        wedge.send(wedge.scanner("PK200007"))  # each seal on the doors, scanned: not counted
        assert ui.seals_edit.text() == "PK200007" and "☑ PK200007" in ui.manifest_label.text()
        wedge.send(wedge.scanner("PK100007"))
        assert ui.seals_edit.text() == "PK200007, PK100007"
        assert "☑ PK100007 ☑ PK200007" in ui.manifest_label.text()
        assert window.focusWidget() is ui.seals_edit
        keys.key(ui.seals_edit, Qt.Key.Key_F6)  # the weight: taken when the scale is stable
        qtbot.waitUntil(lambda: fields.bridge_edit.text() == "44730", timeout=15_000)
        assert "Reading from the scale (Bazarcha bridge 1)" in fields.source_label.text()
        assert "Vehicle tare remembered" in fields.source_label.text()
        assert not fields.reason_edit.isVisible()  # nothing typed: no reason to give
        assert window.focusWidget() is fields.tare_edit  # what only the door can tell
        keys.type(fields.tare_edit, "2300")
        keys.key(fields.tare_edit, Qt.Key.Key_Return)  # saves
        entry = _registered(qtbot, window, 1)
    stored = _stored(desk, entry)
    assert stored["row_no"] == 9 and json.loads(stored["manifest_changes_json"]) == []
    assert (stored["channel"], stored["net_kg"], stored["train_no"]) == ("green", 20_930, "PR-12")
    assert stored["gross_kg"] == 23_230  # the reading less the wagon
    assert _seals(desk, stored["id"]) == {"PK100007": "intact", "PK200007": "intact"}
    with sqlite3.connect(desk.path) as conn:
        conn.row_factory = sqlite3.Row
        weighing = conn.execute(
            "SELECT * FROM weighings WHERE crossing_id = ?", (stored["id"],)
        ).fetchone()
    assert (weighing["bridge_kg"], weighing["bridge_source"]) == (44_730, "scale")
    assert (weighing["vehicle_tare_kg"], weighing["tare_source"]) == (21_500, "remembered")
    assert (weighing["scale_id"], weighing["protocol"]) == ("Bazarcha bridge 1", "st-gs")
    assert weighing["reason"] == "" and weighing["interval_kg"] == 20
    assert "ST,GS,+0044730kg<CR><LF>" in weighing["frames"]
    assert ui.manifest_label.isHidden() and window.focusWidget() is ui.container_edit
    print(
        f"keystrokes after the scans (container and seals): {keys.data} typed, "
        f"{keys.moves} to take, move and save; {keys.data + keys.moves} in all"
    )
    # Typed: 9 weight digits and 3 moves (12); the scale takes the reading's 5 digits and
    # its Enter: F6, the door's tare, Enter.
    assert (keys.data, keys.moves) == (4, 2)


def test_a_seal_not_on_the_manifest_and_a_changed_field_are_kept_and_raise_the_channel(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    _announce(desk, 3)
    window = open_window()
    ui = window.registration.ui
    wedge.send(wedge.scanner(number(1)))
    wedge.send(wedge.scanner("ZZ99887"))  # a seal the manifest does not list
    assert "Not on the manifest: ZZ99887. The channel will go red." in ui.manifest_label.text()
    ui.declared_net_edit.setText("20500")  # the officer corrects the manifest's figure
    ui.seals_edit.setFocus()
    qtbot.keyClick(ui.seals_edit, Qt.Key.Key_Return)
    fields = window.registration.weighing.ui
    assert window.focusWidget() is fields.bridge_edit
    type_weights(qtbot, fields, "22800")
    said: list[str] = []

    def reply(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def click(box) -> None:  # type: ignore[no-untyped-def]
            said.append(box.text())
            # Enter goes back to the seals: only a deliberate choice records a finding.
            assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
            box.button(button).click()

        return click

    answer(qtbot, QMessageBox, reply(QMessageBox.StandardButton.No))
    qtbot.keyClick(fields.reason_edit, Qt.Key.Key_Return)  # the listed seals were not scanned
    assert said and "PK100001, PK200001 that were not scanned" in said[0]
    assert window.focusWidget() is ui.seals_edit and window.model.rowCount() == 0
    answer(qtbot, QMessageBox, reply(QMessageBox.StandardButton.Yes))
    window.registration.save()  # "record them as missing"
    assert len(said) == 2
    stored = _stored(desk, _registered(qtbot, window, 1))
    assert stored["channel"] == "red"
    assert _seals(desk, stored["id"]) == {
        "ZZ99887": "different",
        "PK100001": "missing",
        "PK200001": "missing",
    }
    changed = {c["field"]: c for c in json.loads(stored["manifest_changes_json"])}
    assert changed["declared_net_kg"]["manifest"] == 20_990
    assert changed["declared_net_kg"]["registered"] == 20_500
    assert set(changed) == {"declared_net_kg", "seals"}


def test_an_urdu_description_is_shown_beside_the_form_and_never_typed_into_it(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    _announce(desk, 3, description=URDU)
    window = open_window()
    ui = window.registration.ui
    wedge.send(wedge.scanner(number(0)))
    assert ui.description_edit.text() == ""  # the slip cannot print it yet
    assert URDU in ui.manifest_label.text()
    window.registration.clear()
    assert ui.manifest_label.isHidden()


def test_the_list_beside_the_queue_fills_the_form_and_follows_arrivals(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    _announce(desk, 3)
    window = open_window()
    pre = window.pre_arrivals
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.queue_tabs.currentWidget() is pre
    qtbot.waitUntil(lambda: pre.model.rowCount() == 3)
    assert window.queue_tabs.tabText(1) == "E&xpected (3)"
    view = pre.ui.expected_view
    qtbot.waitUntil(lambda: view.hasFocus())
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    ui = window.registration.ui
    assert ui.container_edit.text() == number(1)
    assert window.focusWidget() is ui.seals_edit and window.queue_tabs.currentIndex() == 0
    answer(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.registration.save()  # its seals recorded as missing, as the officer agreed
    qtbot.waitUntil(lambda: pre.model.rowCount() == 2)
    assert [pre.model.item(r, 0).text() for r in range(2)] == [number(0), number(2)]


def test_an_import_shows_its_progress_and_a_refusal_names_the_rows(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
    tmp_path: Path,
) -> None:
    window = open_window()
    pre = window.pre_arrivals
    good = tmp_path / "PR-12.csv"
    good.write_bytes(csv_bytes(train_rows(1200)))
    seen: list[int] = []
    pre.import_progress.connect(lambda done, total: seen.append(done))
    task = pre.load(good)
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    assert len(seen) >= 2 and seen == sorted(seen) and seen[-1] == 1200  # it moved, forward
    assert task.error is None, task.error
    assert "Imported PR-12.csv: 1200 expected container(s) (train PR-12)." in (
        window.ui.status_bar.currentMessage()
    )
    qtbot.waitUntil(lambda: pre.model.rowCount() == 500)
    assert pre.choice() == "PR-12" and "the first 500 shown" in pre.ui.status_label.text()
    rows = train_rows(3, train="PR-13", start=5000)
    rows[1][3] = "twenty tonnes"
    bad = tmp_path / "PR-13.csv"
    bad.write_bytes(csv_bytes(rows))
    task = pre.load(bad)
    qtbot.waitUntil(lambda: task.done, timeout=30_000)
    qtbot.waitUntil(lambda: _message_box(window) is not None)
    box = _message_box(window)
    assert box is not None
    assert "1 row problem(s)" in box.text() and "row 3, declared_net_kg" in box.informativeText()
    box.close()
    assert desk.services.manifests.expected(train="PR-13") == []


def _message_box(window: MainWindow) -> QMessageBox | None:
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    return boxes[-1] if boxes else None


def test_a_container_scanned_anywhere_in_the_window_fills_the_form_when_expected(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    _announce(desk, 3)
    window = open_window()
    window.ui.queue_view.setFocus()
    qtbot.waitUntil(window.ui.queue_view.hasFocus)
    wedge.send(wedge.scanner(number(2)))
    ui = window.registration.ui
    assert ui.container_edit.text() == number(2) and ui.wagon_no_edit.text() == "50002"
    assert window.focusWidget() is ui.seals_edit
    qtbot.keyClicks(ui.description_edit, "x")  # the form now holds something of the officer's
    window.ui.queue_view.setFocus()
    qtbot.waitUntil(window.ui.queue_view.hasFocus)
    wedge.send(wedge.scanner(number(1)))
    assert ui.container_edit.text() == number(2)  # nothing typed is overwritten
    assert "save it, or clear it with Esc" in ui.error_label.text()


def test_the_train_report_shows_shortages_excesses_and_differences_and_saves_them(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
    tmp_path: Path,
) -> None:
    from taftan_desk.core.registration import RegistrationInput, SealInput

    _announce(desk, 5)
    for i in range(2):  # wagons 0 and 1 arrive; wagon 1 with a seal the manifest lacks
        seals = ("PK100000", "PK200000") if i == 0 else ("PK100001", "QQ55555")
        desk.services.crossings.register(
            desk.officer,
            RegistrationInput(
                direction="in",
                mode="rail",
                container_no=number(i),
                cargo_category="steel",
                train_no="PR-12",
                wagon_no=str(50_000 + i),
                hs_code="720839",
                declared_net_kg=str(21_000 - 10 * i),
                seals=tuple(SealInput(s) for s in seals),
            ),
        )
    desk.services.crossings.register(  # on the train, on no manifest: an excess
        desk.officer,
        RegistrationInput(
            direction="in",
            mode="rail",
            container_no=number(900),
            cargo_category="steel",
            train_no="PR-12",
            wagon_no="59999",
        ),
    )
    window = open_window()
    pre = window.pre_arrivals
    qtbot.keyClick(window, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: pre.ui.choice_combo.findData("PR-12") >= 0)
    pre.ui.choice_combo.setCurrentIndex(pre.ui.choice_combo.findData("PR-12"))
    qtbot.waitUntil(lambda: pre.ui.report_button.isEnabled())
    qtbot.mouseClick(pre.ui.report_button, Qt.MouseButton.LeftButton)
    dialog = pre.report_dialog
    qtbot.waitUntil(dialog.isVisible)
    summary = dialog.ui.summary_label.text()
    assert "manifested 5, arrived 2, shortages 3, excesses 1, with differences 1" in summary
    states = [dialog.model.item(r, 0).text() for r in range(dialog.model.rowCount())]
    assert sorted(states) == ["arrived"] * 2 + ["excess"] + ["shortage"] * 3
    differences = [dialog.model.item(r, 5).text() for r in range(dialog.model.rowCount())]
    assert any("seal QQ55555 found, not on the manifest" in d for d in differences)
    dialog.save_pdf(tmp_path / "train.pdf")
    dialog.save_csv(tmp_path / "train.csv")
    assert (tmp_path / "train.pdf").read_bytes().startswith(b"%PDF")
    lines = (tmp_path / "train.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 6 and "Train CSV saved to" in dialog.ui.status_label.text()


def test_a_slip_or_the_next_container_scanned_into_the_seals_is_no_seal(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    from tests.support import road_form

    shown = desk.services.crossings.register(desk.officer, road_form()).crossing
    _announce(desk, 3)
    window = open_window()
    ui = window.registration.ui
    wedge.send(wedge.scanner(number(0)))
    assert window.focusWidget() is ui.seals_edit
    wedge.send(wedge.scanner(shown.entry_no))  # a slip: that crossing is shown
    assert ui.seals_edit.text() == "" and window.current is not None
    assert window.current.id == shown.id
    ui.seals_edit.setFocus()
    wedge.send(wedge.scanner(number(1)))  # the next wagon's container: not a seal
    assert ui.seals_edit.text() == ""
    assert "save it, or clear it with Esc" in ui.error_label.text()
    wedge.send(wedge.scanner("AB#123456"))  # no seal number at all: said, not dropped silently
    assert "is not a seal number" in ui.error_label.text()


def test_a_typed_registration_of_an_announced_container_shows_its_manifest(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    _announce(desk, 3)
    window = open_window()
    ui = window.registration.ui
    qtbot.keyClick(ui.mode_combo, Qt.Key.Key_Down)  # rail, chosen before the container
    ui.train_no_edit.setText("PR-12")
    ui.container_edit.setFocus()
    qtbot.keyClicks(ui.container_edit, number(2))
    qtbot.keyClick(ui.container_edit, Qt.Key.Key_Return)
    assert ui.wagon_no_edit.text() == ""  # what was typed is kept, nothing filled
    assert "From manifest 1, row 4" in ui.manifest_label.text()  # the link is shown
    assert "☐ PK100002 ☐ PK200002" in ui.manifest_label.text()


def test_a_100000_row_manifest_imports_at_the_desk_with_its_progress_moving(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
    tmp_path: Path,
) -> None:
    """The size the issue names, through the desk's own import (its time and memory are
    measured by benchmarks/bench_manifest.py, not here)."""
    rows = [row for k in range(2_500) for row in train_rows(40, train=f"PR-{k:04d}", start=40 * k)]
    path = tmp_path / "corridor.csv"
    path.write_bytes(csv_bytes(rows, bom=True))
    window = open_window()
    pre = window.pre_arrivals
    seen: list[tuple[int, int]] = []
    pre.import_progress.connect(lambda done, total: seen.append((done, total)))
    task = pre.load(path)
    qtbot.waitUntil(lambda: task.done, timeout=120_000)
    assert task.error is None, task.error
    said = window.ui.status_bar.currentMessage()
    assert said == (
        "Imported corridor.csv: 100000 expected container(s) "
        "(train PR-0000, PR-0001, PR-0002 and 2497 more)."
    )
    qtbot.waitUntil(lambda: pre.ui.choice_combo.count() == 2 + 40)  # the soonest 40 trains
    done = [d for d, _ in seen]
    assert len(seen) >= 100 and done == sorted(done) and done[-1] == 100_000
    assert all(total >= 100_000 for _, total in seen)  # a share of the whole file
    with sqlite3.connect(desk.path) as conn:
        assert conn.execute("SELECT count(*) FROM expected_containers").fetchone() == (100_000,)


def test_another_desks_change_reads_the_list_again_only_when_it_can_matter(
    qtbot,  # type: ignore[no-untyped-def]
    desk: Desk,
    open_window,
) -> None:
    _announce(desk, 3)
    window = open_window()
    pre = window.pre_arrivals
    qtbot.waitUntil(lambda: pre.model.rowCount() == 3)
    reads: list[int] = []
    read = pre.reload
    pre.reload = lambda: (reads.append(1), read())  # type: ignore[method-assign]
    desk.services.settings.update(desk.admin, {"idle_lock_minutes": 7})  # no crossing, no list
    desk.services.crossings.register(desk.officer, rail_form(0))  # another desk's arrival
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5_000)
    assert reads == []  # behind the queue: read when it is shown
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert reads == [1]
    qtbot.waitUntil(lambda: pre.model.rowCount() == 2)
    desk.services.crossings.register(desk.officer, rail_form(1))  # seen: read at once
    qtbot.waitUntil(lambda: pre.model.rowCount() == 1, timeout=5_000)
    assert len(reads) == 2
