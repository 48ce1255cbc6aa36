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


def _counting(stop: threading.Event, emit) -> None:  # type: ignore[no-untyped-def]
    n = 0
    while not stop.wait(0.01):
        emit((n, threading.current_thread().name))
        n += 1


def test_a_stream_delivers_its_events_in_order_on_the_gui_thread_until_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = threading.current_thread()
    seen: list[tuple[int, str, threading.Thread]] = []
    ended: list[object] = []
    handle = background.stream(
        _counting,
        lambda e: seen.append((e[0], e[1], threading.current_thread())),
        ended.append,
        name="counter",
    )
    qtbot.waitUntil(lambda: len(seen) >= 5)
    assert [s[0] for s in seen] == list(range(len(seen)))  # in order, none lost
    assert {s[1] for s in seen} == {"counter"} and {s[2] for s in seen} == {gui}
    assert QThreadPool.globalInstance().activeThreadCount() == 0  # no pool thread held
    handle.cancel()
    assert handle.join(2)
    qtbot.waitUntil(lambda: ended == [None])
    count = len(seen)
    qtbot.wait(50)
    assert len(seen) == count  # nothing after it ended


def test_a_stream_whose_window_is_gone_stops_and_delivers_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    window = QWidget()
    handle = background.stream(_counting, seen.append, context=window)
    qtbot.waitUntil(lambda: len(seen) >= 2)
    stop = handle.stop
    shiboken6.delete(window)  # the stream goes with it
    assert stop.is_set()
    count = len(seen)
    qtbot.wait(50)
    assert len(seen) == count


def test_a_stream_that_fails_says_so_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    def fail(stop: threading.Event, emit) -> None:  # type: ignore[no-untyped-def]
        emit("first")
        raise StorageError("The port is gone.")

    seen: list[object] = []
    ended: list[object] = []
    background.stream(fail, seen.append, ended.append)
    qtbot.waitUntil(lambda: len(ended) == 1)
    assert seen == ["first"] and str(ended[0]) == "The port is gone."
