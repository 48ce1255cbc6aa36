"""An officer whose keyboard is set to Urdu types ۲۲۰۰۰: the desk reads 22,000 kg."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from taftan_desk.ui.main_window import MainWindow
from tests.ui.test_desk_flow import _register


def type_text(widget: QWidget, text: str) -> None:
    """Key presses as an Urdu keyboard layout sends them: a character and no Latin key code
    (QTest.keyClicks knows only ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_weights_and_codes_typed_in_urdu_digits_are_saved_as_numbers(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    ui = window.registration.ui
    type_text(ui.hs_code_edit, "۷۲۰۸۳۹")
    fields = window.registration.weighing.ui
    type_text(fields.bridge_edit, "٣٨٣٠٠")  # Arabic-Indic
    type_text(fields.vehicle_tare_edit, "۱۴۰۰۰")  # Extended Arabic-Indic (Urdu)
    type_text(fields.tare_edit, "۲۳۰۰")
    qtbot.keyClicks(fields.reason_edit, "Scale down")
    _register(window, qtbot, hs_code_edit="", declared_net_edit="")
    crossing = window.current
    assert crossing is not None
    assert crossing.hs_code == "720839" and crossing.declared_net_kg is None
    assert (crossing.gross_kg, crossing.tare_kg, crossing.net_kg) == (24_300, 2_300, 22_000)


def test_urdu_words_the_slips_cannot_print_are_refused_where_they_were_typed(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    ui = window.registration.ui
    type_text(ui.description_edit, "لوہے کی چادریں")
    qtbot.keyClick(ui.description_edit, Qt.Key.Key_Return)
    shown = [label.text() for label in window.registration._errors.values() if label.isVisible()]
    assert any("cannot show yet" in text and "English letters" in text for text in shown)
    assert ui.description_edit.text() == "لوہے کی چادریں"  # kept for the officer to retype
    assert window.model.rowCount() == 0
