"""An administrator gives an account another role."""

from PySide6.QtWidgets import QWidget

from taftan_desk.core.roles import Role
from taftan_desk.services.accounts import UserView
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_role_dialog import Ui_RoleDialog
from taftan_desk.ui.models.accounts_table_model import role_label


def fill_roles(combo, selected: Role) -> None:  # type: ignore[no-untyped-def]
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(combo.findData(selected.value))


class RoleDialog(ServiceDialog):
    FIELD_WIDGETS = {"role": "role_combo"}

    def __init__(
        self, services: Services, actor: Actor, user: UserView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RoleDialog()
        self.ui.setupUi(self)
        self._services, self._actor, self._user = services, actor, user
        self.result_view: UserView | None = None
        self.ui.intro_label.setText(
            self.tr(
                "The new role of {name} ({username}) applies at once: a window they have open "
                "must sign in again."
            ).format(name=user.full_name or user.username, username=user.username)
        )
        fill_roles(self.ui.role_combo, user.role)
        self.setup_form(420)
        self.ui.role_combo.setFocus()

    def submit(self) -> None:
        self.result_view = self._services.accounts.set_role(
            self._actor, self._user.username, str(self.ui.role_combo.currentData())
        )
