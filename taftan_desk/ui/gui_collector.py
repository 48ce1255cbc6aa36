"""Python's cycle collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold is
reached. The desk runs Python on worker threads (`background.submit`, the weighbridge's
reader), so a collection there can drop the last reference to a window or dialog kept in a
cycle and destroy its widgets off the GUI thread, which crashes the desk (Qt widgets live and
die on the GUI thread only).

`GuiCollector.start()` switches automatic collection off and collects from a timer on the GUI
thread instead: the youngest generations every few hundred milliseconds when Python's own
thresholds say they are due, the oldest as Python would.
"""

import gc

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer

INTERVAL_MS = 250


class GuiCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self.collections = [0, 0, 0]  # by generation, for the desk's diagnostics and tests

    def start(self) -> None:
        """From the GUI thread (the timer fires on the thread that starts it)."""
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("the collector must be started on the GUI thread")
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Python's automatic collection back on."""
        self._timer.stop()
        gc.enable()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def collect_due(self) -> int:
        """Collect the oldest generation that is due, with every younger one (as Python
        itself would); return how many unreachable objects were found."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                self.collections[generation] += 1
                return gc.collect(generation)
        return 0


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
    """Back to Python's automatic collection, after collecting once on this thread (the GUI
    thread), so that nothing of Qt is left for another thread's collection to free."""
    if not installed():
        return
    _collector.stop()  # type: ignore[union-attr]
    gc.collect()
