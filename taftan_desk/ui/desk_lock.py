"""Locking the desk and signing in again: what a locked window hides and who gets it back.

The window's records and the lock panel are two pages of its central widget. Locking (Ctrl+L,
the idle lock) cancels an open dialog, turns every action off and shows the panel; signing
out also clears the form and the shown crossing. Whoever signs in becomes the DeskSession's
user: the same officer gets the desk back as it was, anyone else a clean one.
"""

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QStackedWidget

from taftan_desk.core.errors import DeskError
from taftan_desk.ui.session import IdleLock
from taftan_desk.ui.widgets.lock_panel import LockPanel

if TYPE_CHECKING:
    from taftan_desk.ui.main_window import MainWindow


class DeskLock(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        desk = window.takeCentralWidget()
        self._pages = QStackedWidget(window)
        self._pages.addWidget(desk)
        self.panel = LockPanel(self._pages)
        self._pages.addWidget(self.panel)
        window.setCentralWidget(self._pages)
        session = window.session
        self.panel.sign_in.connect(self.sign_in)
        session.locked_changed.connect(self._locked_changed)
        window.ui.lock_action.triggered.connect(session.lock)
        window.ui.sign_out_action.triggered.connect(self.sign_out)
        minutes = window.services.settings.current().idle_lock_minutes
        self.idle = IdleLock(session, minutes, window)
        self._locked_at: datetime | None = None
        self._signed_out = False
        self._enabled_before: dict = {}  # type: ignore[type-arg]

    def sign_out(self) -> None:
        """The officer leaves: the form and the shown crossing go, the desk waits locked."""
        self._signed_out = True
        self._window.forget_the_desk()
        self._window.session.lock()

    def sign_in(self, username: str, password: str) -> None:
        window = self._window
        try:
            actor = window.services.accounts.authenticate(username, password)
        except DeskError as exc:
            self.panel.show_problem(str(exc))
            return
        if actor.must_change_password:
            self.panel.show_problem(
                self.tr(
                    "{name} must choose a new password first: close the desk and sign in "
                    "again to choose it."
                ).format(name=actor.display)
            )
            return
        if actor.user_id != window.actor.user_id:
            window.forget_the_desk()  # another user: a clean desk
        window.session.sign_in(actor)

    def _locked_changed(self, locked: bool) -> None:
        window = self._window
        if locked:
            _close_dialogs(window)
            self._locked_at = window.now()
            self._enabled_before = {a: a.isEnabled() for a in window.actions()}
            for action in window.actions():
                action.setEnabled(False)
            window.menuBar().setEnabled(False)
            window.ui.status_bar.clearMessage()  # an outcome names a crossing
            self._pages.setCurrentWidget(self.panel)
            self._show_locked()
            return
        window.menuBar().setEnabled(True)
        for action, enabled in self._enabled_before.items():
            action.setEnabled(enabled)
        window.show_current_actions()
        self._pages.setCurrentIndex(0)
        self._signed_out = False
        window.registration.ui.container_edit.setFocus()

    def _show_locked(self) -> None:
        window = self._window
        actor = window.actor
        at = (self._locked_at or window.now()).strftime("%H:%M")
        if self._signed_out:
            intro = self.tr("{name} signed out at {at}. Sign in to use the desk.").format(
                name=actor.display, at=at
            )
            username = ""
        else:
            intro = self.tr(
                "Locked at {at} with {name} signed in. {name} gets the desk back as it was; "
                "anyone else signing in gets a clean one."
            ).format(name=actor.display, at=at)
            username = actor.username
        self.panel.show_locked(intro, username)
        window.show_who()


def _close_dialogs(window: QObject) -> None:
    """A locked desk shows nothing behind it: an open dialog is cancelled (what it was about
    to save is not saved)."""
    for _ in range(10):
        open_dialog = QApplication.activeModalWidget()
        if open_dialog is None or open_dialog is window:
            break
        if isinstance(open_dialog, QDialog):
            open_dialog.reject()
        else:
            open_dialog.close()
    # Windows beside the desk (the shift review, a print job) show records too.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and widget.parent() is window:
            widget.reject()
