"""The station's accounts as a table: a few dozen rows, so they are held in memory."""

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from taftan_desk.core.roles import Role
from taftan_desk.services.accounts import AccountState, UserView

COL_USERNAME, COL_FULL_NAME, COL_ROLE, COL_STATE = range(4)
USER_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def role_label(role: Role) -> str:
    words = {
        Role.OFFICER: QCoreApplication.translate("accounts", "Officer"),
        Role.SUPERVISOR: QCoreApplication.translate("accounts", "Supervisor"),
        Role.ADMIN: QCoreApplication.translate("accounts", "Administrator"),
    }
    return words[role]


def state_label(user: UserView) -> str:
    words = {
        AccountState.ACTIVE: QCoreApplication.translate("accounts", "Active"),
        AccountState.DISABLED: QCoreApplication.translate("accounts", "Disabled"),
        AccountState.LOCKED: QCoreApplication.translate("accounts", "Locked"),
        AccountState.MUST_CHANGE_PASSWORD: QCoreApplication.translate(
            "accounts", "Must change password"
        ),
    }
    return QCoreApplication.translate("accounts", ", ").join(words[s] for s in user.states)


_ATTENTION = {AccountState.DISABLED: "#6b6b6b", AccountState.LOCKED: "#b3261e"}


class AccountsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[UserView] = []
        self._headers = [
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("State"),
        ]

    def set_rows(self, rows: list[UserView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> UserView:
        return self._rows[row]

    def row_of(self, username: str) -> int | None:
        return next((i for i, u in enumerate(self._rows) if u.username == username), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        user = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(user, index.column())
        if role == USER_ROLE:
            return user
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_STATE:
            colour = next((_ATTENTION[s] for s in user.states if s in _ATTENTION), None)
            return QBrush(QColor(colour)) if colour else None
        return None

    def _text(self, user: UserView, column: int) -> str:
        if column == COL_USERNAME:
            return user.username
        if column == COL_FULL_NAME:
            return user.full_name
        if column == COL_ROLE:
            return role_label(user.role)
        return state_label(user)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
