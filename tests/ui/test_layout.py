"""The desk fits the screens it runs on: at 1024×768 the form, the queue's deciding columns
and the action buttons are in view without scrolling sideways."""

from PySide6.QtCore import QPoint, QRect

from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.models.queue_table_model import (
    COL_CHANNEL,
    COL_CONTAINER,
    COL_ENTRY,
    COL_NET,
    COL_STATUS,
)
from tests.support import Desk, road_form


def _in_window(window: MainWindow, widget) -> bool:  # type: ignore[no-untyped-def]
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_at_1024_by_768_the_deciding_columns_and_actions_are_in_view(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    window = open_window()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    window.select(crossing.id)
    view = window.ui.queue_view
    visible = view.viewport().width()
    for column in (COL_ENTRY, COL_CONTAINER, COL_NET, COL_CHANNEL, COL_STATUS):
        right = view.columnViewportPosition(column) + view.columnWidth(column)
        assert right <= visible, window.model.headerData(column, 1)
    for button in (window.detail.ui.release_button, window.registration.ui.save_button):
        assert button.isVisible() and _in_window(window, button), button.objectName()
    assert _in_window(window, window.registration.weighing.ui.tare_edit)
    assert _in_window(window, window.registration.weighing.ui.scale_label)


def test_an_overweight_crossing_is_marked_by_word_and_icon(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    over = desk.services.crossings.register(
        desk.officer, road_form(gross_kg="24400", declared_net_kg="22100")
    ).crossing  # 22,100 kg net: 100 kg over the 22,000 kg limit
    at = desk.services.crossings.register(
        desk.officer, road_form(gross_kg="24300", container_no="MSKU3881107")
    ).crossing  # exactly 22,000 kg: not over
    window = open_window()
    model = window.model
    cell = model.index(model.row_of(over.id), COL_NET)
    assert cell.data() == "22,100 over"
    assert not cell.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "by 100 kg" in cell.data(Qt.ItemDataRole.ToolTipRole)
    exact = model.index(model.row_of(at.id), COL_NET)
    assert exact.data() == "22,000" and exact.data(Qt.ItemDataRole.DecorationRole) is None


def test_the_first_start_fits_the_screen(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from tests.support import show_and_activate

    QSettings().remove("main_window")  # nothing remembered: a desk's first start
    window = MainWindow(desk.services, desk.officer)
    qtbot.addWidget(window)
    show_and_activate(qtbot, window)
    room = window.screen().availableGeometry()  # the test screen is 800×800
    least = window.minimumSizeHint()
    assert least.width() <= 1024 and least.height() <= 768  # a 1024×768 desk screen holds it
    assert window.width() <= max(room.width(), least.width())
    assert window.height() <= max(room.height(), least.height())
