"""Who is signed in at this desk: one object owns it and announces every change.

Widgets never keep the user they were built with: they ask `session.actor` when they act,
so after a lock and another officer's sign-in, every save, print and approval is that
officer's. `changed` tells the widgets that show the user (the status bar, the menus an
administrator sees) to show the new one.

Idle lock: any key, click or wheel in the application restarts the idle clock; after the
station's idle_lock_minutes without one, the desk locks (the window hides every record
until someone signs in).
"""

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from taftan_desk.services.database import Actor

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class DeskSession(QObject):
    changed = Signal(object)  # Actor: someone (else, or the same) is signed in now
    locked_changed = Signal(bool)  # True: the desk is locked, records hidden

    def __init__(self, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        self._locked = False

    @property
    def actor(self) -> Actor:
        """The user every action is done as, read at the moment of acting."""
        return self._actor

    @property
    def locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        if not self._locked:
            self._locked = True
            self.locked_changed.emit(True)

    def sign_in(self, actor: Actor) -> bool:
        """Unlock as `actor`; True if it is the user who was signed in before."""
        same = actor.user_id == self._actor.user_id
        self._actor = actor
        self._locked = False
        self.changed.emit(actor)
        self.locked_changed.emit(False)
        return same


class IdleLock(QObject):
    """Locks `session` after `minutes` without a key, click or wheel anywhere in the desk."""

    def __init__(self, session: DeskSession, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, minutes) * 60_000)
        self._timer.timeout.connect(session.lock)
        session.locked_changed.connect(self._locked_changed)
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval_ms(self, ms: int) -> None:
        """For tests and demos: lock sooner than the station's minutes."""
        self._timer.setInterval(ms)
        if self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and not self._session.locked:
            self._timer.start()  # restarts the idle clock
        return False

    def _locked_changed(self, locked: bool) -> None:
        if locked:
            self._timer.stop()
        else:
            self._timer.start()
