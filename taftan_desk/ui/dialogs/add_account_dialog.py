"""An administrator adds an account; its first password is the administrator's, so the user
must choose their own at the first sign-in."""

from PySide6.QtWidgets import QWidget

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.services.accounts import UserView
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.dialogs.role_dialog import fill_roles
from taftan_desk.ui.forms.ui_add_account_dialog import Ui_AddAccountDialog


class AddAccountDialog(ServiceDialog):
    FIELD_WIDGETS = {
        "username": "username_edit",
        "role": "role_combo",
        "password": "password_edit",
        "repeat_password": "repeat_password_edit",
    }

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AddAccountDialog()
        self.ui.setupUi(self)
        self._services, self._actor = services, actor
        self.result_view: UserView | None = None
        fill_roles(self.ui.role_combo, Role.OFFICER)
        self.setup_form(460)
        self.ui.username_edit.setFocus()

    def submit(self) -> None:
        ui = self.ui
        password = ui.password_edit.text()
        if ui.repeat_password_edit.text() != password:
            ui.repeat_password_edit.clear()
            raise ValidationError(
                self.tr("The two passwords differ: type the password again."),
                field="repeat_password",
            )
        self.result_view = self._services.accounts.add(
            self._actor,
            ui.username_edit.text(),
            str(ui.role_combo.currentData()),
            password,
            ui.full_name_edit.text(),
            must_change_password=True,
        )
