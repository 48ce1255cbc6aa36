"""The paged table model over a real station file: pages are read as the view scrolls and only
then, every column sorts in SQL with no row lost or repeated across page boundaries, filters
change the count, and nothing is read on the GUI thread."""

import threading
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from taftan_desk.core.errors import StorageError
from taftan_desk.services.crossing_lines import CrossingLine
from taftan_desk.services.crossing_list import CROSSING_LIST
from taftan_desk.services.paging import Opened, Page, PagedReader, Request
from taftan_desk.ui.models.crossing_list_model import crossing_columns, crossing_list_model
from taftan_desk.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from tests.paging_support import ORACLE, SHIFT_END, SHIFT_START, register_variety
from tests.support import Desk

PAGE = 5
CACHED = 3


class SpyReader(PagedReader[CrossingLine]):
    """The real reader, noting every read and the thread it ran on."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.reads: list[tuple[str, Request, int, dict[str, Any]]] = []
        self.threads: set[int] = set()
        self.fail_next_open: str | None = None

    def open(self, request: Request, limit: int) -> Opened[CrossingLine]:
        self.threads.add(threading.get_ident())
        self.reads.append(("open", request, limit, {}))
        if self.fail_next_open:
            why, self.fail_next_open = self.fail_next_open, None
            raise StorageError(why)
        return super().open(request, limit)

    def page(self, request: Request, limit: int, **where: Any) -> Page[CrossingLine]:
        self.threads.add(threading.get_ident())
        self.reads.append(("page", request, limit, where))
        return super().page(request, limit, **where)


@pytest.fixture
def listed(qtbot, desk: Desk):  # type: ignore[no-untyped-def]
    """36 crossings of a shift in a table showing about six rows, pages of five."""
    ids = register_variety(desk.services, desk.clock, [desk.officer, desk.supervisor])
    reader = SpyReader(desk.services.db, CROSSING_LIST)
    shift = CROSSING_LIST.request(registered_from=SHIFT_START, registered_before=SHIFT_END)
    zone = desk.services.settings.current().zone
    view = QTableView()
    qtbot.addWidget(view)
    # Owned by the view, as a window owns its models: destroyed with it, not by Python's
    # garbage collector at some later moment.
    model = crossing_list_model(
        reader, zone, shift, page_rows=PAGE, cached_pages=CACHED, parent=view
    )
    view.setModel(model)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.resize(1200, view.horizontalHeader().sizeHint().height() + 6 * 24 + 4)
    with qtbot.waitSignal(model.loaded):
        model.reload()
    view.show()
    qtbot.waitExposed(view)
    return view, model, reader, ids


def _sql_order(reader: PagedReader[CrossingLine], request: Request) -> list[int]:
    """The oracle's order of the request's rows (read whole: tests only)."""
    rows = PagedReader(reader.db, reader.table).page(request, 1_000).rows  # not noted
    oracle = ORACLE[request.sort.by]
    ordered = sorted(rows, key=lambda r: (oracle(r), r.id), reverse=request.sort.descending)
    return [r.id for r in ordered]


def _read_every_row(qtbot, model: PagedTableModel) -> list[int]:  # type: ignore[no-untyped-def]
    """Walk the rows top to bottom as a view would, waiting for each page to arrive."""
    ids = []
    for row in range(model.rowCount()):
        if model.index(row, 0).data() is None:  # asks for the row's page
            qtbot.waitUntil(lambda row=row: model.row_at(row) is not None, timeout=3_000)
        ids.append(model.row_at(row).id)
        assert model.held_rows <= CACHED * PAGE
    return ids


def _visible_rows(view: QTableView) -> range:
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    return range(top, (bottom if bottom >= 0 else view.model().rowCount() - 1) + 1)


def test_pages_are_read_as_the_view_scrolls_and_only_then(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    view, model, reader, ids = listed
    assert model.rowCount() == len(ids)  # the count at once: the scroll bar is true
    shown = _visible_rows(view)
    assert len(shown) < 10
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in shown))
    assert model.row_at(20) is None  # nothing below the view has been read
    assert all(limit == PAGE for _, _, limit, _ in reader.reads)
    assert threading.get_ident() not in reader.threads  # never on the GUI thread

    view.scrollToBottom()
    shown = _visible_rows(view)
    assert shown[-1] == len(ids) - 1
    qtbot.waitUntil(lambda: all(model.row_at(r) is not None for r in shown))
    assert model.row_at(12) is None  # the jump read the bottom, not the middle
    jumps = [where for kind, _, _, where in reader.reads if "offset" in where]
    assert jumps and all(w["offset"] % PAGE == 0 and w["offset"] >= 25 for w in jumps)

    seen: dict[int, int] = {}
    jumped = len(reader.reads)
    for row in range(len(ids) - 1, -1, -1):  # back up to the top, a row at a time
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        qtbot.waitUntil(lambda row=row: model.row_at(row) is not None)
        seen[row] = model.row_at(row).id
        assert model.held_rows <= CACHED * PAGE  # never the whole list
    assert [seen[r] for r in range(len(ids))] == _sql_order(reader, model.request)
    # Scrolling back up read each page next to one read already: keyset, never an offset.
    back = [where for *_, where in reader.reads[jumped:]]
    assert back and all("offset" not in w for w in back)
    assert any("before" in w for w in back)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_every_column_sorts_in_sql_and_pages_meet_without_gaps(qtbot, listed, descending) -> None:  # type: ignore[no-untyped-def]
    _, model, reader, ids = listed
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    for column in range(model.columnCount()):
        with qtbot.waitSignal(model.loaded):
            model.sort(column, order)
        request = model.shown_request
        assert request.sort.by == crossing_columns(None)[column].sort
        assert request.sort.descending is descending
        start = len(reader.reads)
        shown = _read_every_row(qtbot, model)
        assert len(shown) == len(set(shown)) == len(ids), f"column {column}: rows repeat or miss"
        assert shown == _sql_order(reader, request), f"column {column}"
        # Sorted by the database, page by page: every read carried the sort, none was whole.
        later = reader.reads[start:]
        assert later and all(r[1] == request and r[2] == PAGE for r in later)
        assert all("offset" not in where for *_, where in later)  # walking down: keyset


def test_a_header_click_sorts_and_enabling_sorting_reads_nothing(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    view, model, reader, _ = listed
    column, order = model.sort_column()
    assert model.request.sort.by == "time" and column == 1
    view.horizontalHeader().setSortIndicator(column, order)
    opens = sum(kind == "open" for kind, *_ in reader.reads)
    view.setSortingEnabled(True)
    assert sum(kind == "open" for kind, *_ in reader.reads) == opens
    header = view.horizontalHeader()
    cargo = 6
    point = QPoint(header.sectionViewportPosition(cargo) + 5, header.height() // 2)
    with qtbot.waitSignal(model.loaded):
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert model.shown_request.sort.by == "cargo"


def test_a_filter_changes_the_count_and_the_rows(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    _, model, reader, ids = listed
    lines = reader.page(model.request, 1_000).rows
    with qtbot.waitSignal(model.loaded) as loaded:
        model.set_filter("direction", "in")
    inbound = [r.id for r in lines if r.direction == "in"]
    assert loaded.args == [len(inbound)] and model.rowCount() == len(inbound) < len(ids)
    assert set(_read_every_row(qtbot, model)) == set(inbound)
    with qtbot.waitSignal(model.loaded):
        model.set_filter("text", "MSKU00001")
    assert model.rowCount() == sum(
        r.direction == "in" and "MSKU00001" in r.container_no for r in lines
    )
    with qtbot.waitSignal(model.loaded):
        model.set_filter("text", "nothing like it")
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.loaded):
        model.set_filter("text", None)
        model.set_filter("direction", None)  # asked before the first answer: only the last counts
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == len(ids) and model.shown_request == model.request


def test_a_failed_read_keeps_the_rows_and_says_why(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    _, model, reader, ids = listed
    first = model.index(0, 0).data()
    reader.fail_next_open = "The database is busy with another desk."
    with qtbot.waitSignal(model.load_failed) as failed:
        model.set_filter("direction", "out")
    assert failed.args == ["The database is busy with another desk."]
    assert model.rowCount() == len(ids) and model.index(0, 0).data() == first
    with qtbot.waitSignal(model.loaded):
        model.reload()  # the same request, asked again
    assert model.rowCount() < len(ids)


def test_cells_and_the_model_contract(qtbot, listed, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _, model, _, _ = listed
    qtbot.waitUntil(lambda: model.row_at(0) is not None)
    row = model.index(0, 0).data(ROW_ROLE)
    assert isinstance(row, CrossingLine)
    assert model.index(0, 0).data() == row.entry_no
    assert model.index(0, 8).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(8, Qt.Orientation.Horizontal) == "Net kg"
    assert model.row_of(row.id) == 0
    qtmodeltester.check(model)
