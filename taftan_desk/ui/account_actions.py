"""The window's account actions: File › Change my password… for anyone signed in, and
Station › Accounts… for administrators only (the menu is hidden from everyone else)."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from taftan_desk.core.roles import GRANTS, Permission
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.accounts_dialog import AccountsDialog
from taftan_desk.ui.dialogs.password_dialog import own_password_dialog


class AccountActions(QObject):
    message = Signal(str)

    def __init__(self, services: Services, actor: Actor, ui, window: QWidget) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self._services, self._actor, self._window = services, actor, window
        ui.change_password_action.triggered.connect(self.change_my_password)
        ui.accounts_action.triggered.connect(self.accounts)
        manages = Permission.MANAGE_USERS in GRANTS[actor.role]
        ui.station_menu.menuAction().setVisible(manages)
        ui.accounts_action.setEnabled(manages)

    def change_my_password(self) -> None:
        dialog = own_password_dialog(self._services.accounts, self._actor, self._window)
        if dialog.exec():
            self.message.emit(self.tr("Your password is changed: use it at your next sign-in."))

    def accounts(self) -> None:
        AccountsDialog(self._services, self._actor, self._window).exec()
