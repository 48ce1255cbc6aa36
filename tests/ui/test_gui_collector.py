"""Python's reference cycles are collected on the GUI thread only: a collection on a worker
thread would destroy a window kept in a cycle there, and the desk would crash."""

import gc
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from taftan_desk.core.errors import StorageError
from taftan_desk.ui import background, gui_collector
from taftan_desk.ui import desk as desk_module
from taftan_desk.ui.dialogs.login_dialog import LoginDialog


class _Witness:
    """Garbage in a cycle that says on which thread it was freed."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self  # the cycle: only the collector frees it
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def _churn() -> int:
    """Work on a worker thread that allocates well past every collection threshold."""
    kept = 0
    for _ in range(300_000):
        pair: list[object] = []
        pair.append(pair)  # cycles, so the collector's counts keep rising
        kept += 1
    return kept


@pytest.fixture
def collector(qtbot) -> Iterator[gui_collector.GuiCollector]:  # type: ignore[no-untyped-def]
    """Collecting on the GUI thread, as the desk does from its start (where Python's own
    collection is on: the suite turns it off around tests that run Qt)."""
    gc.enable()
    yield gui_collector.install(QApplication.instance())
    gui_collector.uninstall()
    gc.disable()


def test_garbage_made_on_the_gui_thread_is_freed_there_however_much_workers_allocate(  # type: ignore[no-untyped-def]
    qtbot, collector: gui_collector.GuiCollector
) -> None:
    assert not gc.isenabled()
    freed_on: list[str] = []
    _Witness(freed_on)  # garbage at once, freed by no reference count
    task = background.submit(_churn)  # no event loop turned between the two lines
    assert background.wait(task) == 300_000
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
    assert freed_on == [threading.main_thread().name]


def test_the_collector_collects_what_python_would_as_its_thresholds_are_reached(  # type: ignore[no-untyped-def]
    qtbot, collector: gui_collector.GuiCollector
) -> None:
    before = list(collector.collections)
    freed_on: list[str] = []
    for _ in range(gc.get_threshold()[0] * 3):
        _Witness(freed_on)
    assert freed_on == []  # nothing collects by itself while the collector runs
    qtbot.waitUntil(lambda: len(freed_on) == gc.get_threshold()[0] * 3, timeout=5_000)
    assert collector.collections[0] > before[0]
    assert set(freed_on) == {threading.main_thread().name}


def _made_garbage(collector: gui_collector.GuiCollector, rounds: int) -> None:
    """Garbage past the youngest threshold, then the collector's timer's work, `rounds` times."""
    for _ in range(rounds):
        for _ in range(gc.get_threshold()[0] + 1):
            _Witness([])
        collector.collect_due()


def test_the_whole_heap_is_collected_as_due_but_at_most_once_a_period(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A full collection holds the window still: it happens when Python's third threshold
    says so, and never twice within the period however much garbage comes."""
    eager = gui_collector.GuiCollector(full_every_s=0, interval_ms=3_600_000)
    _made_garbage(eager, 150)
    assert eager.collections[2] >= 1 and eager.collections[0] > eager.collections[2]
    held = gui_collector.GuiCollector(full_every_s=3_600, interval_ms=3_600_000)
    _made_garbage(held, 150)
    assert held.collections[2] == 0 and held.collections[1] >= 1


def test_uninstalled_python_collects_by_itself_again(qtbot, collector) -> None:  # type: ignore[no-untyped-def]
    gui_collector.uninstall()
    assert gc.isenabled() and not collector.running
    freed_on: list[str] = []
    for _ in range(gc.get_threshold()[0] * 3):
        _Witness(freed_on)
    assert freed_on  # collected by Python itself, no event loop turned


def test_starting_the_collector_off_the_gui_thread_is_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    collector = gui_collector.GuiCollector()
    refused: list[str] = []

    def start() -> None:
        try:
            collector.start()
        except RuntimeError as exc:
            refused.append(str(exc))

    worker = threading.Thread(target=start)
    worker.start()
    worker.join()
    assert refused == ["the collector must be started on the GUI thread"]


def test_the_desk_collects_on_the_gui_thread_from_its_start(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    names = app.organizationName(), app.applicationName(), app.applicationVersion()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the desk's
    gc.enable()  # as at a desk's start
    seen_at_start: list[bool] = []

    def load():  # type: ignore[no-untyped-def]
        seen_at_start.append(gc.isenabled())  # on the worker that opens the database
        raise StorageError("The station database cannot be opened.")

    def close_once_it_says_why() -> None:
        login = QApplication.activeModalWidget()
        if isinstance(login, LoginDialog) and "cannot be opened" in login.ui.error_label.text():
            login.reject()
        else:
            QTimer.singleShot(10, close_once_it_says_why)

    QTimer.singleShot(0, close_once_it_says_why)
    try:
        assert desk_module.run(load) == 1  # the sign-in said why, and was closed
    finally:
        running = gui_collector.installed()
        gui_collector.uninstall()
        app.setOrganizationName(names[0])
        app.setApplicationName(names[1])
        app.setApplicationVersion(names[2])
    assert seen_at_start == [False] and running
