"""Key streams as the window system delivers them: each press and release stamped with the
time it happened (ms), a Shift press and release around every capital as a keyboard-wedge
scanner (or a person) sends them, and a terminator: "\\r" Return, "\\t" Tab, "\\r\\n" Return
then the keypad Enter a CR-LF wedge sends for its LF.

`send` delivers each event to whichever widget has focus at that moment, as Qt routes real
keys; `post` queues them at the focused window behind whatever the GUI thread is doing.
"""

import itertools

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
PRESS, RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease

# One timeline for the whole test session, so no two streams overlap in time.
_clock = itertools.count(10_000_000, 60_000)

_TERMINATORS = {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, "\n": Qt.Key.Key_Enter}


def _event(kind: QEvent.Type, key: int, mods, text: str, at: int, repeat: bool = False):  # type: ignore[no-untyped-def]
    event = QKeyEvent(kind, key, mods, text, repeat)
    event.setTimestamp(at)
    return event


def stream(
    text: str,
    gap_ms: int,
    terminator: str = "\r",
    *,
    hold_ms: int = 1,
    start: int | None = None,
) -> list[QKeyEvent]:
    """Press and release each character `gap_ms` after the previous one, Shift around
    capitals; then the terminator's keys, each `gap_ms` after the last."""
    at = next(_clock) if start is None else start
    events: list[QKeyEvent] = []
    for ch in text:
        key = ord(ch.upper()) if ch.isascii() else 0
        if ch.isupper():
            events.append(_event(PRESS, Qt.Key.Key_Shift, NONE, "", at))
            events.append(_event(PRESS, key, SHIFT, ch, at + hold_ms))
            events.append(_event(RELEASE, key, SHIFT, ch, at + 2 * hold_ms))
            events.append(_event(RELEASE, Qt.Key.Key_Shift, SHIFT, "", at + 3 * hold_ms))
        else:
            events.append(_event(PRESS, key, NONE, ch, at + hold_ms))
            events.append(_event(RELEASE, key, NONE, ch, at + 2 * hold_ms))
        at += gap_ms
    for ch in terminator:
        key = _TERMINATORS[ch]
        sent = "\r" if key != Qt.Key.Key_Tab else "\t"
        events.append(_event(PRESS, key, NONE, sent, at + hold_ms))
        events.append(_event(RELEASE, key, NONE, sent, at + 2 * hold_ms))
        at += gap_ms
    return events


def scanner(text: str, terminator: str = "\r") -> list[QKeyEvent]:
    """A wedge scanner: 8 ms a character (a Shift per capital), 2 ms key holds."""
    return stream(text, 8, terminator, hold_ms=2)


def typist(text: str, gap_ms: int, terminator: str = "\r") -> list[QKeyEvent]:
    """A person: `gap_ms` between keys, each held 30 ms (or less when faster)."""
    return stream(text, gap_ms, terminator, hold_ms=min(30, gap_ms // 4))


def held(char: str, times: int, terminator: str = "\r") -> list[QKeyEvent]:
    """A key held down: X repeats it every 30 ms (flagged as auto-repeat), then Enter."""
    at = next(_clock)
    key = ord(char.upper())
    events = [_event(PRESS, key, NONE, char, at + 30 * i, repeat=i > 0) for i in range(times)]
    events.append(_event(RELEASE, key, NONE, char, at + 30 * times))
    return events + stream("", 30, terminator, start=at + 30 * (times - 1) + 20)


def send(events: list[QKeyEvent]) -> None:
    for event in events:
        QApplication.sendEvent(QApplication.focusWidget(), event)


def post(events: list[QKeyEvent]) -> None:
    """Queue the keys at the focused window, which hands each to its focus widget only when
    the GUI thread gets to it (a Tab among them moves where the next keys go)."""
    receiver = QApplication.focusWindow()
    for event in events:
        QApplication.postEvent(receiver, event)
