"""The administrator's accounts: who may sign in at this station, in which role, and the
buttons that change that. Every change goes through AccountService (audited there); what it
refuses is said under the list, in words."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.services.accounts import UserView
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.ui.dialogs.add_account_dialog import AddAccountDialog
from taftan_desk.ui.dialogs.base import ERROR_STYLE
from taftan_desk.ui.dialogs.password_dialog import PasswordDialog
from taftan_desk.ui.dialogs.role_dialog import RoleDialog
from taftan_desk.ui.forms.ui_accounts_dialog import Ui_AccountsDialog
from taftan_desk.ui.models.accounts_table_model import COL_STATE, AccountsTableModel, role_label


class AccountsDialog(QDialog):
    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountsDialog()
        self.ui.setupUi(self)
        self._services, self._actor = services, actor
        self.model = AccountsTableModel(self)
        self.ui.accounts_view.setModel(self.model)
        header = self.ui.accounts_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few dozen rows
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.Stretch)
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.error_label.hide()
        self.ui.message_label.hide()
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.add_button.clicked.connect(self._add)
        self.ui.active_button.clicked.connect(self._toggle_active)
        self.ui.unlock_button.clicked.connect(self._unlock)
        self.ui.role_button.clicked.connect(self._change_role)
        self.ui.reset_password_button.clicked.connect(self._reset_password)
        self.ui.accounts_view.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.setMinimumSize(720, 380)
        self.reload()
        self.ui.accounts_view.setFocus()

    # -- the list ----------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        keep = select or (self.selected.username if self.selected else None)
        try:
            self.model.set_rows(self._services.accounts.list())
        except DeskError as exc:
            self._problem(str(exc))
            return
        row = self.model.row_of(keep) if keep else None
        self.select_row(row if row is not None else 0)
        self._selection_changed(self.ui.accounts_view.currentIndex(), QModelIndex())

    def select_row(self, row: int) -> None:
        # Not QTableView.selectRow: right to left, before the view is laid out, it finds no
        # column at the viewport's edge and selects nothing.
        self.ui.accounts_view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    @property
    def selected(self) -> UserView | None:
        index = self.ui.accounts_view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selection_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        user = self.model.row_at(current.row()) if current.isValid() else None
        for button in (self.ui.active_button, self.ui.role_button, self.ui.reset_password_button):
            button.setEnabled(user is not None)
        self.ui.unlock_button.setEnabled(user is not None and user.locked)
        self.ui.active_button.setText(
            self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable")
        )

    # -- the buttons -------------------------------------------------------------------------
    def _toggle_active(self) -> None:
        user = self.selected
        if user is None:
            return
        accounts = self._services.accounts
        if user.active:
            self._change(
                lambda: accounts.disable(self._actor, user.username),
                self.tr(
                    "{name} is disabled: they cannot sign in, and a window they have open "
                    "can no longer save."
                ),
            )
        else:
            self._change(
                lambda: accounts.enable(self._actor, user.username),
                self.tr("{name} is enabled and can sign in again."),
            )

    def _unlock(self) -> None:
        user = self.selected
        if user is not None:
            self._change(
                lambda: self._services.accounts.unlock(self._actor, user.username),
                self.tr("{name} is unlocked and can sign in again."),
            )

    def _change(self, act: Callable[[], UserView], done: str) -> None:
        try:
            view = act()
        except DeskError as exc:
            self._problem(str(exc))
            return
        self.reload(view.username)
        self._say(done.format(name=view.full_name or view.username))

    def _add(self) -> None:
        dialog = AddAccountDialog(self._services, self._actor, self)
        if dialog.exec() and dialog.result_view is not None:
            view = dialog.result_view
            self.reload(view.username)
            self._say(
                self.tr(
                    "Added {role} {username}: they choose their own password at the first sign-in."
                ).format(role=role_label(view.role).lower(), username=view.username)
            )

    def _change_role(self) -> None:
        user = self.selected
        if user is None:
            return
        dialog = RoleDialog(self._services, self._actor, user, self)
        if dialog.exec() and dialog.result_view is not None:
            view = dialog.result_view
            self.reload(view.username)
            self._say(
                self.tr("{name} is now {role}.").format(
                    name=view.full_name or view.username, role=role_label(view.role).lower()
                )
            )

    def _reset_password(self) -> None:
        user = self.selected
        if user is None:
            return
        name = user.full_name or user.username
        dialog = PasswordDialog(
            self.tr("Reset password — Taftan Desk"),
            self.tr(
                "A temporary password for {name} ({username}). Give it to them in person: "
                "they must choose their own when they next sign in."
            ).format(name=name, username=user.username),
            lambda _current, new: self._services.accounts.reset_password(
                self._actor, user.username, new
            ),
            ask_current=False,
            parent=self,
            temporary=True,
        )
        if dialog.exec():
            self.reload(user.username)
            self._say(
                self.tr("The password of {name} is reset; they change it at sign-in.").format(
                    name=name
                )
            )

    # -- what the administrator is told ------------------------------------------------------
    def _say(self, text: str) -> None:
        self.ui.error_label.hide()
        self.ui.message_label.setText(text)
        self.ui.message_label.show()

    def _problem(self, text: str) -> None:
        self.ui.message_label.hide()
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
        self.ui.accounts_view.setFocus()
