"""Sign-in at the desk: a problem shows beside the form, never as a box to click away."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from taftan_desk.core.errors import AuthenticationFailed, StorageError
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.services.accounts import AccountService
from taftan_desk.services.database import Actor
from taftan_desk.ui.forms.ui_login_dialog import Ui_LoginDialog


class LoginDialog(QDialog):
    def __init__(
        self, accounts: AccountService, station: StationSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._accounts = accounts
        self.actor: Actor | None = None
        self.ui.station_label.setText(
            self.tr("{name} ({code})").format(name=station.station_name, code=station.station_code)
        )
        self.ui.error_label.hide()
        self.setMinimumWidth(360)
        self.adjustSize()  # the form's own height, not the Designer canvas's
        self.ui.button_box.accepted.connect(self._sign_in)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.username_edit.setFocus()

    def _sign_in(self) -> None:
        username = self.ui.username_edit.text().strip()
        password = self.ui.password_edit.text()
        if not username:
            return self._problem(self.tr("Enter your user name."), self.ui.username_edit)
        if not password:
            return self._problem(self.tr("Enter your password."), self.ui.password_edit)
        # argon2 takes about a tenth of a second on purpose; show that the desk is working.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.actor = self._accounts.authenticate(username, password)
        except (AuthenticationFailed, StorageError) as exc:
            self.ui.password_edit.clear()
            return self._problem(str(exc), self.ui.password_edit)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()

    def _problem(self, text: str, field: QWidget) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        field.setFocus()
