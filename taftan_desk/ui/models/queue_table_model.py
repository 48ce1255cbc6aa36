"""The desk's queue as a table model that reads its rows from SQL a page at a time.

Rows arrive through `fetch(after, limit)` (keyset pages: the last row's registration
instant and id), so the first paint needs one page whatever the size of the day, and the
view asks for more through canFetchMore()/fetchMore() as the officer scrolls.
"""

import functools
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import DeskError
from taftan_desk.services.queries import QueueKey, QueueRow, QueueSort, sort_key

PAGE_ROWS = 200
Fetch = Callable[[QueueKey | None, int, QueueSort], list[QueueRow]]

# What an officer decides on comes first, so that it stays in view on a 1024-pixel screen
# beside the registration form; the rest follows to the right.
(
    COL_ENTRY,
    COL_CONTAINER,
    COL_NET,
    COL_CHANNEL,
    COL_STATUS,
    COL_TIME,
    COL_DIRECTION,
    COL_VEHICLE,
    COL_CARGO,
) = range(9)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1

#: What clicking a column's header sorts by (services.queries.SORT_KEYS), in SQL.
SORT_BY = {
    COL_ENTRY: "entry",
    COL_CONTAINER: "container",
    COL_NET: "net",
    COL_CHANNEL: "channel",
    COL_STATUS: "status",
    COL_TIME: "time",
    COL_DIRECTION: "direction",
    COL_VEHICLE: "vehicle",
    COL_CARGO: "cargo",
}


@functools.cache
def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


# Typical widest contents of each column, for sizing columns without measuring every row.
ICON_COLUMNS = frozenset({COL_NET})  # cells that may carry an icon beside their text

COLUMN_SAMPLES = {
    COL_ENTRY: "2600000000",
    COL_CONTAINER: "CSQU3054383",
    COL_NET: "22,600 over",
    COL_CHANNEL: "Yellow",
    COL_STATUS: "Awaiting inspection",
    COL_TIME: "00:00",
    COL_DIRECTION: "Out",
    COL_VEHICLE: "PICT-AST-5 / PR-12345",
    COL_CARGO: "Industrial",
}

_CHANNEL_COLOURS = {Channel.GREEN: "#1b7f3b", Channel.YELLOW: "#9a6b00", Channel.RED: "#b3261e"}
# Built once: data() runs for every visible cell on every repaint.
_CHANNEL_BRUSHES: dict[Channel, QBrush] = {}


def _channel_brush(channel: Channel) -> QBrush:
    if not _CHANNEL_BRUSHES:
        _CHANNEL_BRUSHES.update({c: QBrush(QColor(v)) for c, v in _CHANNEL_COLOURS.items()})
    return _CHANNEL_BRUSHES[channel]


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex


class QueueTableModel(QAbstractTableModel):
    load_failed = Signal(str)  # a sort could not read the queue: why

    def __init__(self, zone, parent=None, limit_kg: int = 22_000) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._zone = zone
        self._limit_kg = limit_kg  # the station's cargo limit: a net above it is marked "over"
        self._rows: list[QueueRow] = []
        self._index: dict[int, int] = {}
        self._fetch: Fetch | None = None
        self._complete = True
        self.order = QueueSort()
        self.page_rows = PAGE_ROWS
        headers = {
            COL_ENTRY: self.tr("Entry"),
            COL_CONTAINER: self.tr("Container"),
            COL_NET: self.tr("Net kg"),
            COL_CHANNEL: self.tr("Channel"),
            COL_STATUS: self.tr("Status"),
            COL_TIME: self.tr("Time"),
            COL_DIRECTION: self.tr("Dir."),
            COL_VEHICLE: self.tr("Vehicle"),
            COL_CARGO: self.tr("Cargo"),
        }
        self._headers = [headers[column] for column in range(len(headers))]

    def load(self, fetch: Fetch) -> None:
        """Read the queue afresh, as many rows as were shown before (at least a page), so a
        refresh keeps the officer's scroll position."""
        wanted = max(self.page_rows, len(self._rows))
        # Read before the reset: a failure leaves the model as it was.
        rows = fetch(None, wanted, self.order)
        self.beginResetModel()
        self._fetch = fetch
        self._rows = rows
        self._index = {r.id: i for i, r in enumerate(rows)}
        self._complete = len(rows) < wanted
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete or self._fetch is None:
            return
        rows = self._fetch(sort_key(self._rows[-1], self.order), self.page_rows, self.order)
        self._complete = len(rows) < self.page_rows
        if rows:
            at = len(self._rows)
            self.beginInsertRows(QModelIndex(), at, at + len(rows) - 1)
            self._rows.extend(rows)
            self._index.update({r.id: at + i for i, r in enumerate(rows)})
            self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, crossing_id: int) -> int | None:
        return self._index.get(crossing_id)

    def replace_rows(self, rows: list[QueueRow]) -> list[QueueRow]:
        """Lines written elsewhere (or just now), changed in place: rows never move under the
        officer. Returns those not in the list yet."""
        absent = []
        for row in rows:
            at = self._index.get(row.id)
            if at is None:
                absent.append(row)
                continue
            self._rows[at] = row
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self._headers) - 1))
        return absent

    def insert_row(self, row: QueueRow) -> bool:
        """A crossing new to the list takes its place in queue order, if that place is in
        the part already read (otherwise it arrives with a later page). True if inserted."""
        if row.id in self._index:
            return False
        at = self._place_of(row)
        if at == len(self._rows) and not self._complete:
            return False
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, row)
        self._index = {r.id: i for i, r in enumerate(self._rows)}
        self.endInsertRows()
        return True

    def _place_of(self, row: QueueRow) -> int:
        """Where a row belongs in the list's order (the same order SQL gives)."""
        key = sort_key(row, self.order)
        for at, other in enumerate(self._rows):
            theirs = sort_key(other, self.order)
            if (key > theirs) if self.order.descending else (key < theirs):  # type: ignore[operator]
                return at
        return len(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column's header: read the queue again in that order, from SQL."""
        wanted = QueueSort(SORT_BY[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == self.order:
            return
        previous, self.order = self.order, wanted
        if self._fetch is None:
            return
        try:
            self.load(self._fetch)
        except DeskError as exc:
            self.order = previous  # the list stays as it was, in the order it is shown
            self.load_failed.emit(str(exc))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_CHANNEL:
            return _channel_brush(row.channel)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NET:
            return _RIGHT
        if column == COL_NET:
            return self._net_data(row, role)
        return None

    def _over_by(self, row: QueueRow) -> int:
        kg = row.shown_net_kg
        return 0 if kg is None else max(0, kg - self._limit_kg)

    def _net_data(self, row: QueueRow, role: int) -> object:
        """Over the limit is said in a word and an icon, not by colour alone."""
        over = self._over_by(row)
        if role == Qt.ItemDataRole.DecorationRole and over:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and over:
            return _channel_brush(Channel.RED)
        if role == Qt.ItemDataRole.FontRole and row.net_kg is None:
            return _italic()  # not weighed yet: the declared figure
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [] if row.net_kg is not None else [self.tr("Declared net; not weighed yet")]
            if over:
                lines.append(
                    self.tr("Over the {limit:,} kg limit by {over:,} kg").format(
                        limit=self._limit_kg, over=over
                    )
                )
            return "\n".join(lines) or None
        return None

    def _display(self, row: QueueRow, column: int) -> str:
        if column == COL_ENTRY:
            return row.entry_no
        if column == COL_TIME:
            return row.registered_at.astimezone(self._zone).strftime("%H:%M")
        if column == COL_DIRECTION:
            return self.tr("In") if row.direction == "in" else self.tr("Out")
        if column == COL_VEHICLE:
            return row.vehicle
        if column == COL_CONTAINER:
            return row.container_no
        if column == COL_CARGO:
            return row.cargo_category.capitalize()
        if column == COL_NET:
            kg = row.shown_net_kg
            if kg is None:
                return ""
            return self.tr("{kg} over").format(kg=f"{kg:,}") if self._over_by(row) else f"{kg:,}"
        if column == COL_CHANNEL:
            return row.channel.value.capitalize()
        return row.status.label
