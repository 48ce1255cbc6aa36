"""Any paged list (services.paging) as a table: sorted and filtered in SQL, read a page at a
time off the GUI thread, never whole.

The view is told the list's count at once, so its scroll bar is the list's true length, and
it asks data() only for the rows it shows. A row not read yet is empty while the background
helper (ui.background) reads its page; dataChanged then fills it. A page is read next to one
already read (keyset: as cheap at row 900,000 as at row 0), or at its offset when the officer
jumps where no neighbour was read. At most `cached_pages` pages are held; the keys bounding
every page read stay, so scrolling back to a page let go still reads by keyset.

A header click (sort()) or a filter makes a new Request: the rows shown stay until its count
and first page arrive together, and stay for good if the read fails (load_failed says why).
Results of a request overtaken by a newer one are dropped.

Give the model a parent (the window that shows it): pages arrive through background tasks
that are its children, and an unparented model left to Python's garbage collector crashed
the test process once while such tasks were being delivered.
"""

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from taftan_desk.core.errors import DeskError
from taftan_desk.services.paging import Key, Opened, Page, PagedReader, Request
from taftan_desk.ui import background

R = TypeVar("R")
PAGE_ROWS = 200  # a screenful and more: one read fills a tall window
CACHED_PAGES = 20  # 4,000 rows at most in memory, whatever the list's size
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's read object (None until read)

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex
#: Runs `work` off the GUI thread and calls back on it: ui.background.submit's signature.
Runner = Callable[..., Any]


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column: its header (already translated), its text from a row, the table sort a
    header click asks for (None: not sortable), and whether it holds figures."""

    header: str
    text: Callable[[R], str]
    sort: str | None = None
    figures: bool = False  # right-aligned, as numbers are
    tooltip: Callable[[R], str | None] | None = None


class PagedTableModel(QAbstractTableModel):
    loaded = Signal(int)  # a request's count and first page are shown: the count
    page_loaded = Signal(int)  # a page's rows are shown: its number
    load_failed = Signal(str)  # the database could not be read: why (rows shown stay)

    def __init__(
        self,
        reader: PagedReader[Any],
        columns: Sequence[Column[Any]],
        request: Request | None = None,
        *,
        page_rows: int = PAGE_ROWS,
        cached_pages: int = CACHED_PAGES,
        run: Runner = background.submit,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if page_rows < 1 or cached_pages < 3:
            raise ValueError("a page holds a row or more, and three pages at least are kept")
        self._reader = reader
        self._columns = list(columns)
        self._run = run
        self.page_rows = page_rows
        self.cached_pages = cached_pages
        self._asked = reader.table.checked(request or reader.table.request())
        self._shown: Request | None = None  # the request the rows belong to
        self._total = 0
        self._pages: OrderedDict[int, Page[Any]] = OrderedDict()
        self._bounds: dict[int, tuple[Key, Key]] = {}  # first and last key of pages read
        self._reading: set[int] = set()
        self._refused: set[int] = set()  # pages whose read failed: not retried until reload
        self._opening = 0  # the newest open asked for; older answers are dropped
        self._epoch = 0  # bumped with every reset: pages read before it are dropped

    # -- what is asked ----------------------------------------------------------------------
    @property
    def request(self) -> Request:
        """The request asked for last (its rows may still be on their way)."""
        return self._asked

    @property
    def shown_request(self) -> Request | None:
        return self._shown

    def set_request(self, request: Request) -> None:
        self._asked = self._reader.table.checked(request)
        self.reload()

    def set_filter(self, name: str, value: Any) -> None:
        """Filter `name` set to `value` (None: no longer filtered by it), read again."""
        self.set_request(self._asked.filtered(name, value))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column's header: read the list again in that order, from SQL."""
        by = self._columns[column].sort if 0 <= column < len(self._columns) else None
        if by is None:
            return
        wanted = self._asked.sorted_by(by, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._asked:
            self.set_request(wanted)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order of the request's sort, for the header's indicator (-1: a
        sort no column shows). Set it before setSortingEnabled(True), which sorts at once."""
        sort = self._asked.sort
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        for at, column in enumerate(self._columns):
            if column.sort == sort.by:
                return at, order
        return -1, order

    def reload(self) -> None:
        """Read the asked request's count and first page (again) in the background."""
        self._opening += 1
        opening, request = self._opening, self._asked
        reader, limit = self._reader, self.page_rows
        self._start(
            lambda: reader.open(request, limit),
            lambda opened: self._opened(opening, request, opened),
            lambda exc: self._failed(opening == self._opening, exc),
        )

    @property
    def loading(self) -> bool:
        return self._shown != self._asked or bool(self._reading)

    # -- rows -------------------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        """The row's read object, or None while its page is not read."""
        page, at = self._page_of(row)
        if page is None:
            return None
        return page.rows[at] if at < len(page.rows) else None

    def row_of(self, key: Any) -> int | None:
        """The row number of the row with this key (the id), if its page is held."""
        for number, page in self._pages.items():
            for at, (_, row_key) in enumerate(page.keys):
                if row_key == key:
                    return number * self.page_rows + at
        return None

    @property
    def held_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def _page_of(self, row: int) -> tuple[Page[Any] | None, int]:
        number, at = divmod(row, self.page_rows)
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
        return page, at

    # -- reading ----------------------------------------------------------------------------
    def _start(self, work: Callable[[], Any], done: Callable[[Any], None], failed: Any) -> None:
        task = self._run(work, done, failed, context=self)
        if isinstance(task, QObject):
            task.ended.connect(task.deleteLater)  # type: ignore[attr-defined]

    def _opened(self, opening: int, request: Request, opened: Opened[Any]) -> None:
        if opening != self._opening:
            return  # a newer request was asked meanwhile
        self.beginResetModel()
        self._epoch += 1
        self._shown, self._total = request, opened.total
        self._pages.clear()
        self._bounds.clear()
        self._reading.clear()
        self._refused.clear()
        self._keep(0, opened.page)
        self.endResetModel()
        self.loaded.emit(self._total)

    def _want(self, number: int) -> None:
        if (
            self._shown is None
            or number < 0
            or number * self.page_rows >= self._total
            or number in self._pages
            or number in self._reading
            or number in self._refused
        ):
            return
        self._reading.add(number)
        epoch, request, reader, limit = self._epoch, self._shown, self._reader, self.page_rows
        where = self._where(number)
        self._start(
            lambda: reader.page(request, limit, **where),
            lambda page: self._arrived(epoch, number, page),
            lambda exc: self._page_failed(epoch, number, exc),
        )

    def _where(self, number: int) -> dict[str, Any]:
        """Next to a page read (keyset) if there is one, else at the page's offset."""
        if number - 1 in self._bounds:
            return {"after": self._bounds[number - 1][1]}
        if number + 1 in self._bounds:
            return {"before": self._bounds[number + 1][0]}
        return {"offset": number * self.page_rows}

    def _arrived(self, epoch: int, number: int, page: Page[Any]) -> None:
        if epoch != self._epoch:
            return
        self._reading.discard(number)
        self._keep(number, page)
        first = number * self.page_rows
        last = min(first + len(page), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.page_loaded.emit(number)

    def _keep(self, number: int, page: Page[Any]) -> None:
        self._pages[number] = page
        self._pages.move_to_end(number)
        if page.first is not None and page.last is not None:
            self._bounds[number] = (page.first, page.last)
        while len(self._pages) > self.cached_pages:
            self._pages.popitem(last=False)

    def _page_failed(self, epoch: int, number: int, exc: BaseException) -> None:
        if epoch != self._epoch:
            return
        self._reading.discard(number)
        self._refused.add(number)
        self._failed(True, exc)

    def _failed(self, current: bool, exc: BaseException) -> None:
        if not isinstance(exc, DeskError):
            raise exc  # a defect: the excepthook logs it and tells the officer
        if current:
            self.load_failed.emit(str(exc))

    # -- the model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        page, at = self._page_of(index.row())
        number = index.row() // self.page_rows
        if page is None:
            self._want(number)
            return None
        self._read_ahead(number, at)
        if at >= len(page.rows):
            return None  # the count moved since: another desk wrote meanwhile
        row, column = page.rows[at], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.figures else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    def _read_ahead(self, number: int, at: int) -> None:
        """Near a page's end, its neighbour is asked for before the officer reaches it."""
        margin = max(1, self.page_rows // 4)
        if at >= self.page_rows - margin:
            self._want(number + 1)
        elif at < margin:
            self._want(number - 1)
