"""Sign-in at the desk: a problem shows beside the form, never as a box to click away.

The dialog can be on screen before the database is: until attach() it says it is opening
the station, and an OK pressed meanwhile signs in as soon as the database is open.

An account whose password an administrator set (a reset, a new account) must choose its own
before the desk opens: the sign-in is accepted only once the new password is saved.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from taftan_desk.core.errors import AuthenticationFailed, ValidationError
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_login_dialog import Ui_LoginDialog

if TYPE_CHECKING:
    from taftan_desk.services.accounts import AccountService
    from taftan_desk.services.database import Actor


class LoginDialog(ServiceDialog):
    FIELD_WIDGETS = {"username": "username_edit", "password": "password_edit"}

    def __init__(
        self,
        accounts: "AccountService | None" = None,
        station: StationSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._accounts: AccountService | None = None
        self.actor: Actor | None = None
        self._submit_when_open = False
        self.ui.station_label.setText(self.tr("Opening the station database…"))
        self.setup_form(360)
        self.ui.username_edit.setFocus()
        if accounts is not None and station is not None:
            self.attach(accounts, station)

    def attach(self, accounts: "AccountService", station: StationSettings) -> None:
        self._accounts = accounts
        self.ui.station_label.setText(
            self.tr("{name} ({code})").format(name=station.station_name, code=station.station_code)
        )
        if self._submit_when_open:
            self._submit_when_open = False
            self.ui.error_label.hide()
            self._submit()

    @property
    def is_attached(self) -> bool:
        return self._accounts is not None

    def _submit(self) -> None:
        if self._accounts is None:
            self._submit_when_open = True
            self.show_problem(
                self.tr("Opening the station database… you will be signed in once it is open."),
                None,
            )
            return
        super()._submit()

    def submit(self) -> None:
        assert self._accounts is not None  # _submit waits for attach()
        if not self.ui.username_edit.text().strip():
            raise ValidationError(self.tr("Enter your user name."), field="username")
        if not self.ui.password_edit.text():
            raise ValidationError(self.tr("Enter your password."), field="password")
        # argon2 takes about a tenth of a second on purpose; show that the desk is working.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.actor = self._accounts.authenticate(
                self.ui.username_edit.text(), self.ui.password_edit.text()
            )
        except AuthenticationFailed as exc:
            self.ui.password_edit.clear()
            raise ValidationError(str(exc), field="password") from exc
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.actor.must_change_password:
            self._choose_own_password(self.actor)

    def _choose_own_password(self, actor: "Actor") -> None:
        """Refuses the sign-in unless the user saves a password of their own."""
        from taftan_desk.ui.dialogs.password_dialog import own_password_dialog

        assert self._accounts is not None
        typed = self.ui.password_edit.text()
        self.ui.password_edit.clear()
        self.actor = None
        dialog = own_password_dialog(self._accounts, actor, self, current=typed)
        if dialog.exec() and dialog.result_value is not None:
            self.actor = dialog.result_value  # type: ignore[assignment]
            return
        raise ValidationError(
            self.tr(
                "The desk opens once you have chosen your own password: sign in again to choose it."
            ),
            field="password",
        )
