"""The desk's one way to run slow work off the GUI thread.

Threading contract:
- `work` runs on a worker thread of Qt's global pool. It must not touch any widget or other
  QObject; it may call services, which open a unit of work (their own pooled connection) per
  call, so two threads never share a database connection at once.
- `on_done(result)` or `on_error(exc)` then runs on the GUI thread, through the event loop,
  never from inside `submit()`. `on_error` receives every exception `work` raised; without an
  `on_error`, a DeskError is logged and anything else reaches the application's excepthook.
- A task whose `context` widget has been destroyed delivers nothing.
- Results are plain values (frozen dataclasses, bytes, paths), never live ORM rows.
- Work that draws or reads PDFs goes to `documents_pool()`, one thread: pdfium is not
  thread-safe (two previews rasterised at once crashed the process), and one queue keeps
  prints in the order the officer asked for them.

Long-running work (`stream`, e.g. reading a weighbridge):
- `work(stop, emit)` runs on a thread of its own, never a pool's (it would hold a pool thread
  for as long as the desk runs). It calls `emit(value)` for each event and must return soon
  after `stop` is set (within a fraction of a second: wait on it, or read with a timeout).
- Each emitted value reaches `on_event` on the GUI thread, in order. When `work` returns,
  `on_finished(None)` runs there, or `on_finished(exc)` with what it raised.
- `Stream.cancel()` sets `stop`; destroying the `context` cancels it too and delivers nothing
  more. Neither waits for the thread: `Stream.join(seconds)` does, for tests and shutdown.
"""

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QThreadPool, Signal

from taftan_desk.core.errors import DeskError

log = logging.getLogger(__name__)


class Task(QObject):
    """One piece of background work; its signals arrive on the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()  # after succeeded's or failed's other slots ran (see wait())

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.done, self.result, self.error = True, result, error


_documents_pool: QThreadPool | None = None


def documents_pool() -> QThreadPool:
    global _documents_pool
    if _documents_pool is None:
        _documents_pool = QThreadPool()
        _documents_pool.setMaxThreadCount(1)
    return _documents_pool


def submit(
    work: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    context: QObject | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    task = Task(context)  # parented: destroyed with its context, and its signals with it
    relay = _the_relay()
    number = next(_numbers)
    _running[number] = task  # only the GUI thread holds tasks: workers know their number
    task.succeeded.connect(lambda result: task._finish(result, None))
    task.failed.connect(lambda exc: task._finish(None, exc))
    if on_done is not None:
        task.succeeded.connect(on_done)
    task.failed.connect(on_error or _report)
    # Connected last, before the work starts: the worker's emit queues `ended` behind the
    # callbacks, so wait() can listen to it however early the work ends.
    task.succeeded.connect(task.ended)
    task.failed.connect(task.ended)

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # every failure must reach the GUI thread's handler
            _post(relay.delivered, number, None, exc)
        else:
            _post(relay.delivered, number, result, None)

    (pool or QThreadPool.globalInstance()).start(run)
    return task


def wait(task: Task) -> Any:
    """Keep the event loop turning until the task ends, then return its result or raise.

    For the desk's start only, where nothing else can happen until the database is open;
    windows stay responsive meanwhile."""
    if not task.done:
        loop = QEventLoop()
        # Not succeeded/failed: a queued emit reaches only the slots connected when it was
        # made, so work that ended before this line would never stop the loop.
        task.ended.connect(loop.quit)
        loop.exec()
    if task.error is not None:
        raise task.error
    return task.result


class Stream(QObject):
    """Long-running work (see the module's contract); its signals arrive on the GUI thread."""

    event = Signal(object)
    finished = Signal(object)  # None, or the exception the work raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def cancel(self) -> None:
        self.stop.set()

    def join(self, seconds: float) -> bool:
        """Wait for the work to return; True if it did."""
        if self.thread is not None:
            self.thread.join(seconds)
            return not self.thread.is_alive()
        return True


def stream(
    work: Callable[[threading.Event, Callable[[object], None]], None],
    on_event: Callable[[Any], None],
    on_finished: Callable[[BaseException | None], None] | None = None,
    context: QObject | None = None,
    name: str = "stream",
) -> Stream:
    handle = Stream(context)
    relay = _the_relay()
    number = next(_numbers)
    _streams[number] = handle
    handle.event.connect(on_event)
    if on_finished is not None:
        handle.finished.connect(on_finished)
    stop = handle.stop  # the thread holds the event, never the QObject
    if context is not None:
        context.destroyed.connect(stop.set)

    def run() -> None:
        error: BaseException | None = None
        try:
            work(stop, lambda value: _post(relay.streamed, number, value))
        except BaseException as exc:  # every failure must reach the GUI thread
            error = exc
        _post(relay.stream_ended, number, error)

    handle.thread = threading.Thread(target=run, name=name, daemon=True)
    handle.thread.start()
    return handle


class _Relay(QObject):
    """Made on the GUI thread and kept for the whole run: a worker emits its result here,
    never on its task, which the GUI thread may be deleting with its window meanwhile."""

    delivered = Signal(int, object, object)  # task number, result, exception
    streamed = Signal(int, object)  # stream number, event
    stream_ended = Signal(int, object)  # stream number, exception or None


_relay: _Relay | None = None
_running: dict[int, Task] = {}
_streams: dict[int, Stream] = {}
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.delivered.connect(_deliver)  # queued: the relay lives on the GUI thread
        _relay.streamed.connect(_stream_event)
        _relay.stream_ended.connect(_stream_ended)
    return _relay


def _stream_event(number: int, value: object) -> None:
    handle = _streams.get(number)
    if handle is not None and shiboken6.isValid(handle) and not handle.stop.is_set():
        handle.event.emit(value)


def _stream_ended(number: int, error: BaseException | None) -> None:
    handle = _streams.pop(number, None)
    if handle is not None and shiboken6.isValid(handle):
        handle.finished.emit(error)
    elif error is not None:
        _report(error)


def _deliver(number: int, result: object, error: BaseException | None) -> None:
    task = _running.pop(number, None)
    if task is None or not shiboken6.isValid(task):
        log.debug("background result dropped: its window is gone")
        return
    if error is None:
        task.succeeded.emit(result)
    else:
        task.failed.emit(error)


def _post(signal: Any, *values: object) -> None:
    """To the GUI thread; once the application has ended (the relay with it), to nobody."""
    try:
        signal.emit(*values)
    except RuntimeError:
        log.debug("background result dropped: the application has ended")


def _report(exc: BaseException) -> None:
    if isinstance(exc, DeskError):
        log.warning("background work refused: %s", exc)
        return
    sys.excepthook(type(exc), exc, exc.__traceback__)
