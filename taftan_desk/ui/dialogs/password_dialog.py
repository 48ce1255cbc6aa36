"""A new password, typed twice: for "Change my password", for the change the desk asks for
after a sign-in with a temporary password, and for an administrator's reset.

The dialog only gathers the words; `action(current, new)` is the service call, and whatever
it refuses shows under the form.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from taftan_desk.core.errors import ValidationError
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_password_dialog import Ui_PasswordDialog

if TYPE_CHECKING:  # the sign-in dialog uses this before the services are loaded
    from taftan_desk.services.accounts import AccountService
    from taftan_desk.services.database import Actor


class PasswordDialog(ServiceDialog):
    FIELD_WIDGETS = {
        "current_password": "current_password_edit",
        "new_password": "new_password_edit",
        "password": "new_password_edit",
        "repeat_password": "repeat_password_edit",
    }

    def __init__(
        self,
        title: str,
        intro: str,
        action: Callable[[str, str], object],
        ask_current: bool = True,
        parent: QWidget | None = None,
        *,
        temporary: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.intro_label.setText(intro)
        self._action = action
        self._ask_current = ask_current
        self.result_value: object = None
        self.ui.form_layout.setRowVisible(self.ui.current_password_edit, ask_current)
        if temporary:  # an administrator's reset: the user replaces it at sign-in
            self.ui.new_password_label.setText(self.tr("&Temporary password"))
            self.ui.new_password_edit.setAccessibleName(self.tr("Temporary password"))
            self.ui.repeat_password_label.setText(self.tr("&Repeat temporary password"))
            self.ui.repeat_password_edit.setAccessibleName(self.tr("Repeat temporary password"))
        self.setup_form(460)
        first = self.ui.current_password_edit if ask_current else self.ui.new_password_edit
        first.setFocus()

    def submit(self) -> None:
        ui = self.ui
        current, new = ui.current_password_edit.text(), ui.new_password_edit.text()
        if self._ask_current and not current:
            raise ValidationError(self.tr("Enter your current password."), field="current_password")
        if not new:
            raise ValidationError(self.tr("Enter the new password."), field="new_password")
        if ui.repeat_password_edit.text() != new:
            ui.repeat_password_edit.clear()
            raise ValidationError(
                self.tr("The two passwords differ: type the new password again."),
                field="repeat_password",
            )
        try:
            self.result_value = self._action(current, new)
        except ValidationError as exc:
            if any(p.field == "current_password" for p in exc.problems):
                ui.current_password_edit.clear()
            raise


def own_password_dialog(
    accounts: "AccountService",
    actor: "Actor",
    parent: QWidget | None,
    current: str | None = None,
) -> PasswordDialog:
    """The user's own new password; with `current` given (just typed at sign-in, with a
    temporary password) the dialog does not ask for it again."""
    if current is None:
        intro = QCoreApplication.translate(
            "AccountActions", "Type your current password, then the new one twice."
        )
    else:
        intro = QCoreApplication.translate(
            "AccountActions",
            "{name}, your password was set by an administrator: choose your own before the "
            "desk opens.",
        ).format(name=actor.display)
    return PasswordDialog(
        QCoreApplication.translate("AccountActions", "Change my password — Taftan Desk"),
        intro,
        lambda typed, new: accounts.change_password(
            actor, typed if current is None else current, new
        ),
        ask_current=current is None,
        parent=parent,
    )
