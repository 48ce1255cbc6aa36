"""Python's cycle collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold is
reached. The desk runs Python on worker threads (`background.submit`, the weighbridge's
reader), so a collection there can drop the last reference to a window or dialog kept in a
cycle and destroy its widgets off the GUI thread, which crashes the desk (Qt widgets live and
die on the GUI thread only).

`GuiCollector.start()` switches automatic collection off and collects from a timer on the GUI
thread instead: the young generations when Python's own thresholds say they are due, every
few hundred milliseconds at most, and the whole heap at most once a minute (a full
collection holds the window for as long as it takes: benchmarks/bench_collector.py). What the
desk builds at its start is frozen out of collections (`freeze_startup`), so they stay short.
"""

import gc
import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 250
FULL_EVERY_S = 60.0


class GuiCollector(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        full_every_s: float = FULL_EVERY_S,
    ) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._full_every_s = full_every_s
        self._last_full = time.monotonic()
        self._was_enabled = gc.isenabled()
        self.collections = [0, 0, 0]  # by generation, for the desk's diagnostics and tests

    def start(self) -> None:
        """On the application's (GUI) thread: the timer fires on the thread that starts it."""
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("the collector must be started on the GUI thread")
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collection as it was before `start`."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def collect_due(self) -> int:
        """Collect what is due, with every younger generation; return how many unreachable
        objects were found. The oldest generation is collected as its threshold says, but
        not more often than once every `full_every_s` (Python 3.14's incremental collector
        has no third threshold: there, once every `full_every_s` when anything was made)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        now = time.monotonic()
        full_due = counts[2] > thresholds[2] if thresholds[2] else True
        if full_due and now - self._last_full >= self._full_every_s:
            generation = 2
            self._last_full = now
        elif counts[1] > thresholds[1]:
            generation = 1
        else:
            generation = 0
        self.collections[generation] += 1
        return gc.collect(generation)


_collector: GuiCollector | None = None


def install(app: QObject) -> GuiCollector:
    """Collect on the GUI thread for as long as `app` lives (again after `uninstall`)."""
    global _collector
    if _collector is None or not shiboken6.isValid(_collector):
        _collector = GuiCollector(app)
        app.destroyed.connect(lambda *_: gc.enable())
    if not _collector.running:
        _collector.start()
    return _collector


def installed() -> bool:
    return _collector is not None and shiboken6.isValid(_collector) and _collector.running


def uninstall() -> None:
    """Collection as it was before `install`, after collecting once on the GUI thread, so that
    nothing of Qt is left for another thread's collection to free."""
    if not installed():
        return
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("the collector must be stopped on the GUI thread")
    _collector.stop()  # type: ignore[union-attr]
    gc.collect()


def freeze_startup() -> None:
    """What exists now (modules, the main window, the station's settings) lives as long as
    the desk: collected once, then left out of every later collection (gc.freeze)."""
    gc.collect()
    gc.freeze()
