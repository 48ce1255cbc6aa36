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
    window._select(crossing.id)
    view = window.ui.queue_view
    visible = view.viewport().width()
    for column in (COL_ENTRY, COL_CONTAINER, COL_NET, COL_CHANNEL, COL_STATUS):
        right = view.columnViewportPosition(column) + view.columnWidth(column)
        assert right <= visible, window.model.headerData(column, 1)
    for button in (window.detail.ui.release_button, window.registration.ui.save_button):
        assert button.isVisible() and _in_window(window, button), button.objectName()
    assert _in_window(window, window.registration.ui.tare_edit)
