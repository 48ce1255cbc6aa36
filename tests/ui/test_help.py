"""Help: every key the desk takes (F1), and About with what an administrator asks for."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from taftan_desk import __version__
from taftan_desk.ui.dialogs.about_dialog import AboutDialog
from taftan_desk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from taftan_desk.ui.main_window import MainWindow
from tests.support import Desk
from tests.ui.test_desk_flow import answer, press


def _rows(dialog: ShortcutsDialog) -> list[tuple[str, str, str]]:
    table = dialog.ui.keys_table
    return [
        tuple(table.item(row, column).text() for column in range(3))  # type: ignore[misc]
        for row in range(table.rowCount())
    ]


def test_f1_lists_every_key_of_the_window_and_the_form(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    seen: list[list[tuple[str, str, str]]] = []

    def read(dialog: QDialog) -> None:
        seen.append(_rows(dialog))
        close = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Close)
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    answer(qtbot, ShortcutsDialog, read)
    press(qtbot, window, Qt.Key.Key_F1)
    assert seen, "F1 opened no list of keys"
    keys = {key for key, _, _ in seen[0]}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.SequenceFormat.NativeText) in keys, action.text()
    assert {"F2", "Enter", "Esc", "F6", "F8", "Ctrl+P", "F5"} <= keys


def test_about_names_the_version_station_database_and_libraries(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(desk.services)
    qtbot.addWidget(dialog)
    text = dialog.ui.about_label.text()
    assert __version__ in text and "(TFT)" in text and str(desk.path) in text
    libraries = dialog.ui.licences_text.toPlainText()
    assert "PySide6" in libraries and "reportlab" in libraries.lower()
    assert "LGPL" in libraries or "GNU Lesser" in libraries  # Qt for Python's licence is named
