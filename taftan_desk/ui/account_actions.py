"""The window's account actions: File › Change my password… for anyone signed in, and
Station › Accounts… for administrators only (the menu is hidden from everyone else)."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from taftan_desk.core.roles import GRANTS, Permission
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.accounts_dialog import AccountsDialog
from taftan_desk.ui.dialogs.password_dialog import own_password_dialog
from taftan_desk.ui.session import DeskSession


class AccountActions(QObject):
    message = Signal(str)

    def __init__(self, services: Services, session: DeskSession, ui, window: QWidget) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self._services, self._session, self._ui, self._window = services, session, ui, window
        ui.change_password_action.triggered.connect(self.change_my_password)
        ui.accounts_action.triggered.connect(self.accounts)
        session.changed.connect(self.show_for)
        self.show_for(session.actor)

    def show_for(self, actor: Actor) -> None:
        """The Station menu is there for administrators only: shown or hidden for whoever
        signed in."""
        manages = Permission.MANAGE_USERS in GRANTS[actor.role]
        self._ui.station_menu.menuAction().setVisible(manages)
        self._ui.accounts_action.setEnabled(manages)

    @property
    def _actor(self) -> Actor:
        """Whoever is signed in now (see DeskSession): never the user this was built with."""
        return self._session.actor

    def change_my_password(self) -> None:
        dialog = own_password_dialog(self._services.accounts, self._actor, self._window)
        if dialog.exec():
            self.message.emit(self.tr("Your password is changed: use it at your next sign-in."))

    def accounts(self) -> None:
        AccountsDialog(self._services, self._actor, self._window).exec()
