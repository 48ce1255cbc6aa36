"""Scan or typing, told apart by key timing with an injected clock."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from taftan_desk.ui.scanner import BurstClassifier, ScanFilter
from tests.support import show_and_activate


class StepClock:
    """Each reading advances by `step` seconds: the gap between two keys."""

    def __init__(self, step: float) -> None:
        self.now = 100.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def _feed(classifier: BurstClassifier, text: str) -> str | None:
    for ch in text:
        classifier.key(ch)
    return classifier.enter()


def test_fast_burst_is_a_scan() -> None:
    assert _feed(BurstClassifier(StepClock(0.004)), "CSQU3054383") == "CSQU3054383"


def test_typing_is_not_a_scan() -> None:
    assert _feed(BurstClassifier(StepClock(0.080)), "CSQU3054383") is None


def test_a_pause_then_a_fast_tail_is_not_taken_for_the_whole_text() -> None:
    clock = StepClock(0.004)
    classifier = BurstClassifier(clock)
    classifier.key("x")
    clock.now += 2.0  # the officer paused, then a scanner fired
    assert _feed(classifier, "2600000123") == "2600000123"


def test_short_fast_bursts_are_not_barcodes() -> None:
    assert _feed(BurstClassifier(StepClock(0.004)), "ok") is None


def _field(qtbot, clock: StepClock):  # type: ignore[no-untyped-def]
    field = QLineEdit()
    field.setAccessibleName("Container number")
    qtbot.addWidget(field)
    show_and_activate(qtbot, field)
    field.setFocus()
    scan_filter = ScanFilter(clock=clock)
    QApplication.instance().installEventFilter(scan_filter)
    return field, scan_filter


def test_scanner_keys_into_a_field_are_one_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter = _field(qtbot, StepClock(0.003))
    try:
        with qtbot.waitSignal(scan_filter.scanned) as signal:
            qtbot.keyClicks(field, "CSQU3054383")
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert signal.args[0] == "CSQU3054383"  # each key counted once, not 2-3 times
        assert signal.args[1] is field
        assert field.text() == "CSQU3054383"
    finally:
        QApplication.instance().removeEventFilter(scan_filter)


def test_typed_entry_is_not_mistaken_for_a_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    field, scan_filter = _field(qtbot, StepClock(0.090))
    try:
        with qtbot.assertNotEmitted(scan_filter.scanned):
            qtbot.keyClicks(field, "CSQU3054383")
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert scan_filter.last_scan is None and field.text() == "CSQU3054383"
    finally:
        QApplication.instance().removeEventFilter(scan_filter)
