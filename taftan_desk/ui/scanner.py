"""Telling a handheld scanner from a person typing.

A scanner is a keyboard wedge: it types the barcode's characters a few milliseconds apart,
pressing Shift around every capital, and ends with a terminator (Enter, Tab, or CR then LF).
A person types 60-300 ms apart. The burst is judged on the key events' own timestamps, set by
the window system when the key was pressed: keys that waited in the queue while the desk was
busy keep their real gaps, where a clock read on handling would see them arrive all at once.
An event without a timestamp (0) has no known timing and is never part of a scan.

The burst classifier is plain Python; ScanFilter feeds it from an application-wide event
filter, counting each key press once (a filter sees it at the window, the widget and its
parents).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget

MAX_GAP_MS = 40  # a wedge with a Shift per capital stays under it; a 60 ms typist does not
MIN_LENGTH = 6  # shorter bursts are key chords or a fast "ok", not barcodes

# Modifier presses neither end a burst nor count as characters: a wedge presses Shift around
# every capital (AltGr on some layouts); a chord ends the burst at its character instead.
_NEUTRAL_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_Meta,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Mode_switch,
    }
)
_TERMINATOR_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_TERMINATOR_TEXT = frozenset({"\r", "\n", "\t"})  # CR, LF (Ctrl+J), Tab
_CHORD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass
class BurstClassifier:
    """Characters and terminators with their timestamps (ms) in, scanned text out."""

    max_gap_ms: int = MAX_GAP_MS
    min_length: int = MIN_LENGTH
    _chars: list[str] = field(default_factory=list)
    _last: int | None = None
    _ended: int | None = None  # the last scan's terminator, for a CR-LF pair
    _spoiled: bool = False  # this burst went to two fields: it is nobody's barcode

    def _fast(self, at: int) -> bool:
        return bool(at) and self._last is not None and 0 <= at - self._last <= self.max_gap_ms

    def key(self, char: str, at: int) -> bool:
        """A printable character arrived; True if it continues a burst."""
        continues = self._fast(at)
        if not continues:
            self._chars.clear()  # a pause (or no timing): whatever came before was typed
            self._spoiled = False
        self._chars.append(char)
        self._last = at or None
        self._ended = None
        return continues

    def end(self, at: int) -> str | None:
        """A terminator arrived: the scanned text if the burst was a scan, else None."""
        text = "".join(self._chars)
        scan = (
            text if self._fast(at) and len(text) >= self.min_length and not self._spoiled else None
        )
        self.reset()
        self._ended = at if scan is not None else None
        return scan

    def trailing(self, at: int) -> bool:
        """A second terminator right after a scan's own (the LF of CR-LF) belongs to it."""
        stray = bool(at) and self._ended is not None and 0 <= at - self._ended <= self.max_gap_ms
        self._ended = None
        return stray

    def spoil(self) -> None:
        """Focus moved: the burst under way (until a pause) is no scan."""
        self._spoiled = True

    def reset(self) -> None:
        self._spoiled = False
        self._chars.clear()
        self._last = None
        self._ended = None


def _type_ahead(widget: QObject) -> bool:
    """Widgets where a printable key moves a selection rather than typing text."""
    return isinstance(widget, QAbstractItemView) or (
        isinstance(widget, QComboBox) and not widget.isEditable()
    )


@dataclass
class _Start:
    """The focus widget as it was before a burst's first character."""

    widget: QWidget
    text: str | None = None  # a line edit's text, and the range its selection covered
    span: tuple[int, int] = (0, 0)
    index: int | QPersistentModelIndex | None = None  # a combo's or view's current item

    @classmethod
    def of(cls, widget: QWidget) -> "_Start":
        start = cls(widget)
        if isinstance(widget, QLineEdit):
            start.text = widget.text()
            first = widget.selectionStart() if widget.hasSelectedText() else -1
            cursor = widget.cursorPosition()
            start.span = (
                (first, first + len(widget.selectedText())) if first >= 0 else (cursor,) * 2
            )
        elif isinstance(widget, QComboBox):
            start.index = widget.currentIndex()
        elif isinstance(widget, QAbstractItemView):
            start.index = QPersistentModelIndex(widget.currentIndex())
        return start

    def restore_selection(self) -> None:
        """Put back the item a combo's or a list's type-ahead moved to (none in a field)."""
        widget = self.widget
        if self.index is not None and widget.currentIndex() != self.index:  # type: ignore[attr-defined]
            widget.setCurrentIndex(self.index)  # type: ignore[attr-defined]

    def typed(self, chars: str) -> str | None:
        """The line edit's text once the burst's characters were typed into it."""
        if self.text is None:
            return None
        first, last = self.span
        return self.text[:first] + chars + self.text[last:]


@dataclass(frozen=True)
class Scan:
    """One scan: its text, the widget that had focus, and how to take its characters back."""

    text: str
    widget: QWidget
    _start: _Start | None = None
    _typed: str | None = None  # the field's text right after the scan, if it is a line edit

    def take_back(self) -> None:
        """Remove the scan's own characters from its field, and nothing the officer typed:
        only while the field still holds exactly what the burst made of it."""
        start, edit = self._start, self.widget
        if start is None or start.text is None or not isinstance(edit, QLineEdit):
            return
        if self._typed is not None and edit.text() == self._typed:
            edit.setText(start.text)
            edit.setCursorPosition(start.span[0])


class ScanFilter(QObject):
    """Emits `scanned(Scan)` when a burst ending in a terminator came from a scanner.

    The terminator is swallowed unless `keeps_enter(scan)` says the widget takes the scan
    itself (a scan field that moves on with Enter); elsewhere it would press a default button
    or move focus. There a Tab terminator arrives as Return, so the field decides alone.
    """

    scanned = Signal(object)  # Scan

    def __init__(
        self,
        parent: QObject | None = None,
        keeps_enter: Callable[[Scan], bool] = lambda _scan: True,
        max_gap_ms: int = MAX_GAP_MS,
    ) -> None:
        super().__init__(parent)
        self.classifier = BurstClassifier(max_gap_ms)
        self.keeps_enter = keeps_enter
        self.last_scan: str | None = None
        self._start: _Start | None = None
        self._forwarding = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() != QEvent.Type.KeyPress
            or watched is not QApplication.focusWidget()
            or self._forwarding
        ):
            return False
        if isinstance(watched, QLineEdit) and watched.echoMode() != QLineEdit.EchoMode.Normal:
            # A password is never a barcode: typed fast (or by a password manager) it must
            # keep its Enter and never be handed on, or shown, as a scan.
            return self._reset()
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.isAutoRepeat():
            return self._reset()  # a held key repeats fast, but no scanner holds a key
        if key_event.key() in _NEUTRAL_KEYS:
            return False
        text = key_event.text()
        if key_event.key() in _TERMINATOR_KEYS or text in _TERMINATOR_TEXT:
            return self._terminator(watched, key_event)  # type: ignore[arg-type]
        if text and text.isprintable() and not key_event.modifiers() & _CHORD:
            return self._char(watched, key_event)  # type: ignore[arg-type]
        return self._reset()

    def _reset(self) -> bool:
        self.classifier.reset()
        self._start = None
        return False

    def _char(self, widget: QWidget, event: QKeyEvent) -> bool:
        moved = self._start is None or self._start.widget is not widget
        if moved and self._start is not None:
            self.classifier.spoil()  # focus moved: a burst never spans two fields
        if not self.classifier.key(event.text(), event.timestamp()) or moved:
            self._start = _Start.of(widget)
            return False
        # Inside a burst a list or combo must not jump to each character's match.
        return _type_ahead(widget)

    def _terminator(self, widget: QWidget, event: QKeyEvent) -> bool:
        at = event.timestamp()
        if self.classifier.trailing(at):
            return True  # the LF after a scan's CR: already handled
        start, self._start = self._start, None
        if start is None or start.widget is not widget:
            self.classifier.reset()
        text = self.classifier.end(at)
        self.last_scan = text
        if text is None or start is None:
            return False
        start.restore_selection()
        scan = Scan(text, widget, start, start.typed(text))
        keeps = self.keeps_enter(scan)
        self.scanned.emit(scan)
        if not keeps:
            return True
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._forward_return(widget, at)
            return True
        return False

    def _forward_return(self, widget: QWidget, at: int) -> None:
        enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        enter.setTimestamp(at)
        self._forwarding = True
        try:
            QApplication.sendEvent(widget, enter)
        finally:
            self._forwarding = False


class _NoTypeAhead(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        text = key_event.text()
        return bool(text) and text.isprintable() and not key_event.modifiers() & _CHORD


def without_keyboard_search(view: QAbstractItemView) -> None:
    """Printable keys never move this view's selection: its keyboard search would jump from
    row to row as a scanner types a code into it. The scan filter still sees the keys."""
    view.installEventFilter(_NoTypeAhead(view))
