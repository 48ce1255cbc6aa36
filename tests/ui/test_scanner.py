"""Scan or typing, told apart on the key events' own timestamps."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QVBoxLayout, QWidget

from taftan_desk.ui.scanner import BurstClassifier, Scan, ScanFilter
from tests.support import show_and_activate
from tests.ui import wedge


def _feed(classifier: BurstClassifier, text: str, gap_ms: int, at: int = 1000) -> str | None:
    for ch in text:
        classifier.key(ch, at)
        at += gap_ms
    return classifier.end(at)


def test_fast_burst_is_a_scan() -> None:
    assert _feed(BurstClassifier(), "CSQU3054383", 4) == "CSQU3054383"


@pytest.mark.parametrize("gap_ms", [60, 200])
def test_typing_is_not_a_scan(gap_ms: int) -> None:
    assert _feed(BurstClassifier(), "CSQU3054383", gap_ms) is None


def test_keys_without_a_timestamp_are_never_a_scan() -> None:
    """0 means the time is unknown (a synthetic event): nothing proves a scanner sent it."""
    assert _feed(BurstClassifier(), "CSQU3054383", 0, at=0) is None


def test_a_pause_then_a_fast_tail_is_not_taken_for_the_whole_text() -> None:
    classifier = BurstClassifier()
    classifier.key("x", 1000)
    assert _feed(classifier, "2600000123", 4, at=3000) == "2600000123"


def test_short_fast_bursts_are_not_barcodes() -> None:
    assert _feed(BurstClassifier(), "ok", 4) is None


def test_a_slow_terminator_ends_typing_not_a_scan() -> None:
    classifier = BurstClassifier()
    for i, ch in enumerate("2600000123"):
        classifier.key(ch, 1000 + 4 * i)
    assert classifier.end(1000 + 4 * 9 + 300) is None


def test_only_the_stray_lf_right_after_a_scan_belongs_to_it() -> None:
    classifier = BurstClassifier()
    assert _feed(classifier, "2600000123", 4) == "2600000123"
    assert classifier.trailing(1000 + 40 + 8)
    assert not classifier.trailing(1000 + 40 + 16)  # one stray only
    assert _feed(classifier, "2600000123", 4, at=5000) == "2600000123"
    assert not classifier.trailing(5000 + 40 + 500)  # a later Enter is the officer's


@pytest.fixture
def field(qtbot) -> Iterator[tuple[QLineEdit, ScanFilter, list[Scan]]]:  # type: ignore[no-untyped-def]
    """A lone field with focus, under a scan filter that keeps every scan's Enter."""
    edit = QLineEdit()
    edit.setAccessibleName("Container number")
    qtbot.addWidget(edit)
    show_and_activate(qtbot, edit)
    edit.setFocus()
    scan_filter = ScanFilter()
    scans: list[Scan] = []
    scan_filter.scanned.connect(scans.append)
    QApplication.instance().installEventFilter(scan_filter)
    yield edit, scan_filter, scans
    QApplication.instance().removeEventFilter(scan_filter)


def test_a_wedge_with_shift_per_capital_is_one_scan(field) -> None:  # type: ignore[no-untyped-def]
    edit, _, scans = field
    wedge.send(wedge.scanner("CSQU3054383"))
    assert [(s.text, s.widget) for s in scans] == [("CSQU3054383", edit)]  # each key once
    assert edit.text() == "CSQU3054383"


@pytest.mark.parametrize("gap_ms", [60, 200])
def test_a_typist_is_never_a_scan(field, gap_ms: int) -> None:  # type: ignore[no-untyped-def]
    edit, scan_filter, scans = field
    wedge.send(wedge.typist("CSQU3054383", gap_ms))
    assert scans == [] and scan_filter.last_scan is None
    assert edit.text() == "CSQU3054383"


def test_keys_a_test_robot_sends_without_timestamps_are_typing(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    edit, scan_filter, scans = field
    qtbot.keyClicks(edit, "CSQU3054383")  # QTest stamps no time on its keys
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert scans == [] and scan_filter.last_scan is None


def test_taking_a_scan_back_leaves_a_field_changed_since(field) -> None:  # type: ignore[no-untyped-def]
    edit, _, scans = field
    wedge.send(wedge.typist("ab", 150, terminator=""))
    wedge.send(wedge.scanner("CSQU3054383"))
    scans[0].take_back()
    assert edit.text() == "ab"  # only the scan's characters go
    wedge.send(wedge.scanner("MSKU3881107"))
    edit.insert("x")  # the field moved on before the scan was handled
    scans[1].take_back()
    assert edit.text() == "abMSKU3881107x"


def test_a_held_key_is_never_a_scan(field) -> None:  # type: ignore[no-untyped-def]
    """X repeats a held key every 25-40 ms: 9999999 then Enter must stay typing."""
    edit, _, scans = field
    wedge.send(wedge.held("9", 8))
    assert scans == [] and edit.text() == "99999999"


def test_a_password_is_never_a_scan(field) -> None:  # type: ignore[no-untyped-def]
    edit, scan_filter, scans = field
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    returned: list[bool] = []
    edit.returnPressed.connect(lambda: returned.append(True))
    wedge.send(wedge.scanner("Secret-Pass-1"))
    assert scans == [] and scan_filter.last_scan is None
    assert returned == [True]  # its Enter still signs in


def test_a_burst_across_two_fields_is_not_a_scan(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Keys queued while focus moved (a dialog opening) are not one barcode."""
    host = QWidget()
    layout = QVBoxLayout(host)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(host)
    show_and_activate(qtbot, host)
    scan_filter = ScanFilter()
    QApplication.instance().installEventFilter(scan_filter)
    try:
        first.setFocus()
        keys = wedge.scanner("CSQU3054383")
        half = len(keys) // 2
        wedge.send(keys[:half])
        second.setFocus()
        wedge.send(keys[half:])
        assert scan_filter.last_scan is None
    finally:
        QApplication.instance().removeEventFilter(scan_filter)


class SearchingList(QListView):
    """A list that records what its keyboard search was asked to find."""

    def __init__(self) -> None:
        super().__init__()
        self.searched: list[str] = []

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        self.searched.append(search)
        super().keyboardSearch(search)


def test_a_scan_does_not_drive_a_lists_keyboard_search(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SearchingList()
    model = QStringListModel(["2600000001", "2600000002", "2600000003"])
    view.setModel(model)
    qtbot.addWidget(view)
    show_and_activate(qtbot, view)
    view.setFocus()
    view.setCurrentIndex(model.index(2, 0))
    scan_filter = ScanFilter(keeps_enter=lambda _scan: False)
    QApplication.instance().installEventFilter(scan_filter)
    try:
        wedge.send(wedge.scanner("2600000001"))
    finally:
        QApplication.instance().removeEventFilter(scan_filter)
    assert scan_filter.last_scan == "2600000001"
    assert view.searched == ["2"]  # only the first key, before anything told it was a scan
    assert view.currentIndex().row() == 2  # and what that key moved is put back
