"""Keeps a desk up to date with what other desks write, without reloading its lists.

About once a second a background look at the station's change feed (the audit log, see
services.changes) reports which crossings were written since the last look; the window
updates just those. The look never runs on the GUI thread and never overlaps itself, so a
slow or unreachable database cannot freeze the desk: it is reported once, and again when
the database answers.
"""

from PySide6.QtCore import QObject, QTimer, Signal

from taftan_desk.core.errors import DeskError
from taftan_desk.services.changes import ChangeFeed, Changes
from taftan_desk.ui import background

INTERVAL_MS = 1_000


class ChangeWatcher(QObject):
    changed = Signal(object)  # Changes
    lost = Signal(str)  # the database cannot be read: why
    back = Signal()  # it can again

    def __init__(
        self, feed: ChangeFeed, interval_ms: int = INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._feed = feed
        self._last: int | None = None
        self._busy = False
        self._lost = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.look)

    def start(self, last_seen: int) -> None:
        """Report changes after event `last_seen` (what the window has just read)."""
        self._last = last_seen
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def seen(self, last_seen: int) -> None:
        """The window has read everything up to `last_seen` itself (a reload)."""
        if self._last is None or last_seen > self._last:
            self._last = last_seen

    def look(self) -> None:
        if self._busy or self._last is None:
            return
        self._busy = True
        feed, last = self._feed, self._last
        background.submit(lambda: feed.since(last), self._looked, self._failed, context=self)

    def _looked(self, changes: Changes) -> None:
        self._busy = False
        if self._lost:
            self._lost = False
            self.back.emit()
        if changes.any and self._last is not None and changes.since == self._last:
            self._last = changes.last
            self.changed.emit(changes)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if not isinstance(exc, DeskError):
            raise exc  # a defect: the excepthook logs it and tells the officer
        if not self._lost:
            self._lost = True
            self.lost.emit(str(exc))
