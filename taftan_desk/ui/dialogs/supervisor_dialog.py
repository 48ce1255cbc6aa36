"""A supervisor signs an exception at this desk: user name, password and a written reason."""

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from taftan_desk.services.approvals import Permit, SupervisorApproval
from taftan_desk.services.container import Services
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_supervisor_dialog import Ui_SupervisorDialog


class SupervisorDialog(ServiceDialog):
    FIELD_WIDGETS = {"approval_reason": "reason_edit", "username": "username_edit"}

    def __init__(
        self,
        services: Services,
        intro: str,
        permit: Permit,
        parent: QWidget | None = None,
        *,
        can_ask: bool = False,
    ) -> None:
        """`can_ask`: no supervisor at this desk? The officer may ask at another desk instead
        (the dialog then closes with `asked` set)."""
        super().__init__(parent)
        self.ui = Ui_SupervisorDialog()
        self.ui.setupUi(self)
        self._services = services
        self._permit = permit  # the one action on one record this approval will allow
        self.approval: SupervisorApproval | None = None
        self.ui.intro_label.setText(intro)  # what the supervisor is asked to approve
        self.asked = False
        if can_ask:
            button = self.ui.button_box.addButton(
                self.tr("Ask at another desk…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            button.setToolTip(
                self.tr(
                    "Send the request to every supervisor of the station; the answer "
                    "shows on this desk"
                )
            )
            button.clicked.connect(self._ask_elsewhere)
        self.setup_form(500)
        self.ui.username_edit.setFocus()

    def _ask_elsewhere(self) -> None:
        self.asked = True
        self.reject()

    def submit(self) -> None:
        try:
            self.approval = self._services.accounts.approve(
                self.ui.username_edit.text(),
                self.ui.password_edit.text(),
                self.ui.reason_edit.text(),
                self._permit,
            )
        finally:
            self.ui.password_edit.clear()
