"""Ctrl+Q with a half-typed registration asks first; the safe answer keeps the form."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from taftan_desk.ui.main_window import MainWindow
from tests.support import show_and_activate
from tests.ui.test_desk_flow import answer


def _click(qtbot, box: QMessageBox, text: str) -> None:  # type: ignore[no-untyped-def]
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ctrl_q_with_a_half_typed_form_asks_and_stay_keeps_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.registration.ui.container_edit, "CSQU3054383")
    seen = answer(qtbot, QMessageBox, lambda box: _click(qtbot, box, "Stay"))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert seen and "half typed" in seen[0].text()
    assert window.isVisible()
    assert window.registration.ui.container_edit.text() == "CSQU3054383"
    answer(qtbot, QMessageBox, lambda box: _click(qtbot, box, "Close and lose it"))
    show_and_activate(qtbot, window)  # offscreen does not give activation back by itself
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_ctrl_q_with_an_empty_form_closes_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
