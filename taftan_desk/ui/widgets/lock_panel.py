"""What a locked desk shows instead of its records: who locked it and a sign-in.

The same officer signing in gets the desk back as it was (a half-typed registration
included); anyone else gets a clean one.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.forms.ui_lock_panel import Ui_LockPanel


class LockPanel(QWidget):
    sign_in = Signal(str, str)  # user name, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LockPanel()
        self.ui.setupUi(self)
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.error_label.hide()
        self.ui.unlock_button.clicked.connect(self._submit)
        self.ui.username_edit.returnPressed.connect(self.ui.password_edit.setFocus)
        self.ui.password_edit.returnPressed.connect(self._submit)

    def show_locked(self, intro: str, username: str) -> None:
        self.ui.intro_label.setText(intro)
        self.ui.username_edit.setText(username)
        self.ui.password_edit.clear()
        self.ui.error_label.hide()
        (self.ui.password_edit if username else self.ui.username_edit).setFocus()

    def show_problem(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self.ui.password_edit.clear()
        self.ui.password_edit.setFocus()

    def _submit(self) -> None:
        password = self.ui.password_edit.text()
        self.ui.password_edit.clear()  # never kept on screen longer than the attempt
        self.sign_in.emit(self.ui.username_edit.text().strip(), password)
