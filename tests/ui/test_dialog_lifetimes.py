"""Every dialog an action opens is gone when the action returns, freed by its reference count
on the GUI thread: none is left for Python's cycle collector. `exec()` hands a dialog to
Python, and a dialog kept in a reference cycle would be destroyed whenever a collection
happened to run, from inside whatever event was being delivered (ui/gui_collector.py)."""

import gc

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from taftan_desk.ui.main_window import MainWindow
from tests.support import Desk, road_form, show_and_activate

ACTIONS = {  # the window's action -> the dialog it opens
    "weigh_action": "WeighDialog",
    "inspect_action": "InspectionDialog",
    "hold_action": "ReasonDialog",
    "refuse_action": "ReasonDialog",
    "correct_action": "CorrectionDialog",
    "print_action": "PrintDialog",
    "reroute_action": "QInputDialog",
    "weigh_empty_action": "EmptyVehicleDialog",
    "scale_setup_action": "ScaleDialog",
    "change_password_action": "PasswordDialog",
}


def _dialogs(window: MainWindow) -> list[str]:
    return sorted(type(d).__name__ for d in window.findChildren(QDialog))


def _opened_and_closed(qtbot, window: MainWindow, action: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Trigger the window's action and close the dialog it opens; the dialog's class."""
    opened: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, close_it)
            return
        opened.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    trigger = getattr(window.ui, action)
    assert trigger.isEnabled(), action
    trigger.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=5_000)
    return opened


@pytest.mark.parametrize(("action", "kind"), ACTIONS.items())
def test_the_dialog_an_action_opens_is_freed_when_it_closes(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, open_window, action: str, kind: str
) -> None:
    assert not gc.isenabled()  # nothing but reference counts can free the dialog here
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    window = open_window()
    window.show_crossing(crossing.id)
    before = _dialogs(window)
    assert _opened_and_closed(qtbot, window, action) == [kind]
    assert _dialogs(window) == before, f"{kind} left behind by {action}"


@pytest.mark.parametrize(
    ("who", "action", "kind"),
    [
        ("supervisor", "requests_action", "RequestsDialog"),
        ("admin", "accounts_action", "AccountsDialog"),
    ],
)
def test_the_supervisors_and_administrators_dialogs_are_freed_when_they_close(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, who: str, action: str, kind: str
) -> None:
    window = MainWindow(desk.services, getattr(desk, who))
    qtbot.addWidget(window)
    show_and_activate(qtbot, window)
    assert _opened_and_closed(qtbot, window, action) == [kind]
    assert _dialogs(window) == [], f"{kind} left behind by {action}"
