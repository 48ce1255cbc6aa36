"""The background helper keeps its threading contract: work off the GUI thread, answers on it."""

import threading

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

from taftan_desk.core.errors import StorageError
from taftan_desk.ui import background


def test_work_runs_on_a_worker_and_the_answer_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = threading.current_thread()
    answers: list[tuple[str, threading.Thread]] = []
    task = background.submit(
        lambda: threading.current_thread().name,
        lambda name: answers.append((name, threading.current_thread())),
    )
    assert answers == []  # never answered from inside submit()
    assert background.wait(task) != gui.name
    assert answers == [(task.result, gui)]


def test_a_failure_reaches_on_error_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[tuple[BaseException, threading.Thread]] = []

    def fail() -> None:
        raise StorageError("The station database is full.")

    task = background.submit(
        fail, None, lambda exc: errors.append((exc, threading.current_thread()))
    )
    with pytest.raises(StorageError, match="full"):
        background.wait(task)
    assert [(str(e), t) for e, t in errors] == [
        ("The station database is full.", threading.current_thread())
    ]


def test_nothing_is_delivered_to_a_window_that_is_gone(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    answers: list[object] = []
    window = QWidget()
    background.submit(lambda: release.wait(5), answers.append, context=window)
    shiboken6.delete(window)
    release.set()
    probe = background.submit(lambda: "after")  # queued behind the first on the pool
    assert background.wait(probe) == "after"
    qtbot.wait(50)
    assert answers == []


def test_wait_returns_for_work_that_ended_before_it_was_called(qtbot) -> None:  # type: ignore[no-untyped-def]
    task = background.submit(lambda: "early")
    QThreadPool.globalInstance().waitForDone()  # the worker has emitted: its answer is queued
    # Were wait() to miss that answer it would wait forever: this wakes it with another.
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: task.succeeded.emit("woken by the watchdog"))
    watchdog.start(5_000)
    try:
        assert background.wait(task) == "early"
    finally:
        watchdog.stop()
