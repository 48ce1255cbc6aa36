"""Help › Keyboard shortcuts (F1): every key the desk takes.

The window's own shortcuts are read from its actions, so the list cannot fall behind them;
the keys that belong to fields (Enter, Esc, F2) are listed here beside them.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from taftan_desk.ui.forms.ui_shortcuts_dialog import Ui_ShortcutsDialog


def field_keys() -> list[tuple[str, str, str]]:
    """(key, where, what) for the keys fields and dialogs take themselves."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ShortcutsDialog", text)

    form = tr("Registration form")
    return [
        ("Enter", form, tr("In the container field: check the number and move on to the vehicle")),
        ("Enter", form, tr("In any later field: save the registration")),
        ("F2", form, tr("Take the suggested container number (a wrong check digit)")),
        ("Esc", form, tr("Clear the form")),
        ("Esc", tr("Weighing"), tr("Stop waiting for a stable weight (after F6)")),
        ("F6", tr("Weighing dialogs"), tr("Take the weighbridge's stable weight")),
        ("Tab / Shift+Tab", tr("Everywhere"), tr("Next / previous field")),
        ("Up / Down", tr("Queue"), tr("Select the crossing above / below")),
        ("Enter", tr("Dialogs"), tr("OK: do what the dialog is for")),
        ("Esc", tr("Dialogs"), tr("Cancel: close without saving")),
        (tr("A scan"), tr("Anywhere"), tr("An entry number or container number opens it")),
    ]


def window_keys(actions: list[QAction]) -> list[tuple[str, str, str]]:
    where = QCoreApplication.translate("ShortcutsDialog", "Anywhere in the window")
    keys = []
    for action in actions:
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            keys.append((text, where, action.text().replace("&", "").rstrip("…")))
    return keys


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ShortcutsDialog()
        self.ui.setupUi(self)
        rows = window_keys(actions) + field_keys()
        table = self.ui.keys_table
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.button_box.rejected.connect(self.reject)
        table.setFocus()
