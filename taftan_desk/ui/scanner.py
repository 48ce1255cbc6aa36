"""Telling a handheld scanner from a person typing.

A scanner is a keyboard wedge: it types the barcode's characters a few milliseconds apart
and ends with Enter. A person types 80-300 ms apart. The burst classifier is plain Python
with an injectable clock; ScanFilter feeds it from an application-wide event filter,
counting each key press once (a filter sees it at the window, the widget and its parents).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

MAX_GAP_MS = 35.0  # slower than any wedge scanner, faster than any typist
MIN_LENGTH = 6  # shorter bursts are key chords or a fast "ok", not barcodes

Clock = Callable[[], float]  # seconds, monotonic


@dataclass
class BurstClassifier:
    clock: Clock = time.monotonic
    max_gap_ms: float = MAX_GAP_MS
    min_length: int = MIN_LENGTH
    _chars: list[str] = field(default_factory=list)
    _last: float | None = None

    def key(self, text: str) -> None:
        """A printable character arrived."""
        now = self.clock()
        if self._last is not None and (now - self._last) * 1000 > self.max_gap_ms:
            self._chars.clear()  # a pause: whatever came before was typed
        self._chars.append(text)
        self._last = now

    def enter(self) -> str | None:
        """Enter arrived: the scanned text if the burst was a scan, else None."""
        now = self.clock()
        fast_end = self._last is not None and (now - self._last) * 1000 <= self.max_gap_ms
        text = "".join(self._chars) if fast_end and len(self._chars) >= self.min_length else None
        self.reset()
        return text

    def reset(self) -> None:
        self._chars.clear()
        self._last = None


class ScanFilter(QObject):
    """Emits `scanned(text, widget)` when a burst ending in Enter came from a scanner.

    The scan's Enter is swallowed unless `keeps_enter(widget)` says the widget wants it
    (a scan field that moves on with Enter); elsewhere it would press a default button.
    """

    scanned = Signal(str, QObject)

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Clock = time.monotonic,
        keeps_enter: Callable[[QObject], bool] = lambda _widget: True,
    ) -> None:
        super().__init__(parent)
        self.classifier = BurstClassifier(clock)
        self.keeps_enter = keeps_enter
        self.last_scan: str | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or watched is not QApplication.focusWidget():
            return False
        if isinstance(watched, QLineEdit) and watched.echoMode() != QLineEdit.EchoMode.Normal:
            # A password is never a barcode: typed fast (or by a password manager) it must
            # keep its Enter and never be handed on, or shown, as a scan.
            self.classifier.reset()
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.classifier.enter()
            self.last_scan = text
            if text is not None and isinstance(watched, QWidget):
                self.scanned.emit(text, watched)
                return not self.keeps_enter(watched)
        elif key_event.text() and key_event.text().isprintable():
            self.classifier.key(key_event.text())
        else:
            self.classifier.reset()
        return False
