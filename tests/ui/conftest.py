"""The desk's main window over the `desk` station, as the UI tests open it."""

from collections.abc import Callable

import pytest

from taftan_desk.ui.main_window import MainWindow
from tests.support import Desk, show_and_activate


@pytest.fixture(autouse=True)
def _fresh_desk_preferences() -> None:
    """Each test starts from a desk that never chose a printer or a weighbridge (the choices
    are remembered in QSettings, which the session shares)."""
    from PySide6.QtCore import QSettings

    QSettings().remove("printing")
    QSettings().remove("scale")


@pytest.fixture
def open_window(qtbot, desk: Desk) -> Callable[[], MainWindow]:  # type: ignore[no-untyped-def]
    """Opens the main window, signed in as the officer, shown and holding keyboard focus.

    A factory, so a test can register crossings or set print preferences first: the window
    reads the queue as it opens.
    """

    def open_() -> MainWindow:
        window = MainWindow(desk.services, desk.officer)
        qtbot.addWidget(window)
        show_and_activate(qtbot, window)
        return window

    return open_


@pytest.fixture
def window(open_window: Callable[[], MainWindow]) -> MainWindow:
    """The main window over the station as the `desk` fixture leaves it (no crossings yet)."""
    return open_window()
