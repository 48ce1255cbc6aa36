"""Hold or refuse a crossing: the officer writes why, and the service records it."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from taftan_desk.services.views import CrossingView
from taftan_desk.ui.dialogs.base import ServiceDialog
from taftan_desk.ui.forms.ui_reason_dialog import Ui_ReasonDialog


class ReasonDialog(ServiceDialog):
    FIELD_WIDGETS = {"reason": "reason_edit"}

    def __init__(
        self,
        title: str,
        intro: str,
        action: Callable[[str], CrossingView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.intro_label.setText(intro)
        self._action = action
        self.result_view: CrossingView | None = None
        self.setup_form(440)
        self.ui.reason_edit.setFocus()

    def submit(self) -> None:
        self.result_view = self._action(self.ui.reason_edit.text())
