"""A supervisor answers what officers at any desk of the station ask for: each waiting
request with who asked, when and why; a written reason; Approve or Refuse."""

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.services.container import Services
from taftan_desk.services.exception_requests import RequestView
from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.forms.ui_requests_dialog import Ui_RequestsDialog
from taftan_desk.ui.session import DeskSession


class RequestsDialog(QDialog):
    def __init__(
        self,
        services: Services,
        session: DeskSession,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RequestsDialog()
        self.ui.setupUi(self)
        self._services, self._session, self._zone = services, session, zone
        self.answered: list[RequestView] = []
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.error_label.hide()
        self.ui.requests_list.currentItemChanged.connect(self._show_chosen)
        # Methods, not lambdas: a lambda holding the dialog, kept by its own button's
        # connection, would keep the closed dialog alive as long as the window.
        self.ui.approve_button.clicked.connect(self._approve)
        self.ui.refuse_button.clicked.connect(self._refuse)
        self.ui.close_button.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        """The requests waiting now (another supervisor may have answered some)."""
        chosen = self._chosen()
        try:
            waiting = self._services.exceptions.waiting()
        except DeskError as exc:
            return self._problem(str(exc))
        lists = self.ui.requests_list
        lists.clear()
        for request in waiting:
            item = QListWidgetItem(self._line(request))
            item.setData(Qt.ItemDataRole.UserRole, request)
            lists.addItem(item)
            if chosen is not None and request.id == chosen.id:
                lists.setCurrentItem(item)
        if lists.currentItem() is None and lists.count():
            lists.setCurrentRow(0)
        self._show_chosen()
        return None

    def _line(self, request: RequestView) -> str:
        at = request.requested_at.astimezone(self._zone).strftime("%H:%M")
        return self.tr("{n} · {at} · {who}: {what}").format(
            n=request.id, at=at, who=request.requested_by, what=request.what
        )

    def _chosen(self) -> RequestView | None:
        item = self.ui.requests_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_chosen(self, *_args: object) -> None:
        request = self._chosen()
        has = request is not None
        for button in (self.ui.approve_button, self.ui.refuse_button):
            button.setEnabled(has)
        if request is None:
            self.ui.details_label.setText(self.tr("No request is waiting."))
            return
        self.ui.details_label.setText(
            self.tr("Request {n} from {who}: {what}\nWhy: “{why}”").format(
                n=request.id, who=request.requested_by, what=request.what, why=request.reason
            )
        )

    def _approve(self) -> None:
        self._decide(True)

    def _refuse(self) -> None:
        self._decide(False)

    def _decide(self, approve: bool) -> None:
        request = self._chosen()
        if request is None:
            return
        self.ui.error_label.hide()
        try:
            answered = self._services.exceptions.decide(
                self._session.actor, request.id, approve, self.ui.reason_edit.text()
            )
        except DeskError as exc:  # one's own request, no reason, answered elsewhere meanwhile
            self._problem(str(exc))
            self.refresh()
            return
        self.answered.append(answered)
        self.ui.reason_edit.clear()
        self.refresh()

    def _problem(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
