"""Lock, sign out, switch user and the idle lock: a locked desk hides every record until
someone signs in; the same officer gets the desk back as it was, anyone else a clean one;
whatever is saved after a switch is the new user's."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from taftan_desk.core.lifecycle import Status
from taftan_desk.ui.dialogs.weigh_dialog import WeighDialog
from taftan_desk.ui.main_window import MainWindow
from tests.support import PASSWORD, Desk, road_form, show_and_activate
from tests.ui.test_desk_flow import answer


def _lock(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    show_and_activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.locked


def _sign_in(qtbot, window: MainWindow, username: str, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    panel = window.lock_panel.ui
    panel.username_edit.clear()
    qtbot.keyClicks(panel.username_edit, username)
    qtbot.keyClick(panel.username_edit, Qt.Key.Key_Return)  # on to the password
    qtbot.keyClicks(panel.password_edit, password)
    qtbot.keyClick(panel.password_edit, Qt.Key.Key_Return)


def _records_hidden(window: MainWindow) -> bool:
    return (
        window.lock_panel.isVisible()
        and not window.ui.queue_view.isVisible()
        and not window.registration.isVisible()
        and not window.detail.isVisible()
    )


def test_ctrl_l_hides_everything_and_the_same_officer_gets_it_back(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    window = open_window()
    window.select(crossing.id)
    qtbot.keyClicks(window.registration.ui.container_edit, "MSKU3881107")
    window.ui.status_bar.showMessage(f"Entry {crossing.entry_no} released.")
    _lock(qtbot, window)
    assert _records_hidden(window)
    assert window.ui.status_bar.currentMessage() == ""  # an outcome names a crossing
    assert window._who_label.text() == "Locked"
    assert window.lock_panel.ui.username_edit.text() == "ali"  # the password is all it takes
    qtbot.keyClick(window.lock_panel.ui.password_edit, Qt.Key.Key_F8)  # acts on nothing
    qtbot.keyClick(
        window.lock_panel.ui.password_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
    )
    assert not window.ui.release_action.isEnabled() and not window.ui.print_action.isEnabled()
    assert desk.services.crossings.detail(crossing.id).crossing.status is Status.REGISTERED
    _sign_in(qtbot, window, "ali", "wrong password")
    assert window.session.locked and window.lock_panel.ui.error_label.isVisible()
    _sign_in(qtbot, window, "ali")
    assert not window.session.locked and not _records_hidden(window)
    assert window.registration.ui.container_edit.text() == "MSKU3881107"  # kept for him
    assert window.current is not None and window.current.id == crossing.id
    assert window.ui.release_action.isEnabled()


def test_another_user_gets_a_clean_desk_and_what_they_save_is_theirs(
    qtbot, desk: Desk, open_window
) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    window = open_window()
    window.select(crossing.id)
    qtbot.keyClicks(window.registration.ui.container_edit, "MSKU3881107")
    _lock(qtbot, window)
    _sign_in(qtbot, window, "sara")
    assert not window.session.locked
    assert window.registration.ui.container_edit.text() == ""  # ali's form is not hers
    assert window.current is None and not window.ui.release_action.isEnabled()
    assert not window.ui.print_action.isEnabled()  # Ali's crossing is not hers to print
    assert "Sara Baloch" in window._who_label.text()
    window.select(crossing.id)
    window.ui.release_action.trigger()
    with desk.services.db.read() as session:
        from sqlalchemy import text

        actor = session.execute(
            text("SELECT actor_id FROM audit_events WHERE action = 'crossing_released'")
        ).scalar_one()
    assert actor == desk.supervisor.user_id  # Sara's release, not the officer the window began with


def test_sign_out_clears_the_desk_and_waits_for_anyone(
    qtbot, desk: Desk, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.registration.ui.container_edit, "MSKU3881107")
    show_and_activate(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.session.locked and _records_hidden(window)
    assert window.lock_panel.ui.username_edit.text() == ""
    assert "signed out" in window.lock_panel.ui.intro_label.text()
    _sign_in(qtbot, window, "ali")
    assert window.registration.ui.container_edit.text() == ""  # signed out: nothing kept


def test_the_desk_locks_itself_when_idle_and_activity_keeps_it_open(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    assert window.idle.interval_ms == 5 * 60_000  # the station's default, 5 minutes
    window.idle.set_interval_ms(400)
    field = window.registration.ui.description_edit
    for _ in range(6):  # typing every 150 ms for 0.9 s: never idle for 400 ms
        qtbot.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(150)
    assert not window.session.locked
    qtbot.waitUntil(lambda: window.session.locked, timeout=2_000)
    assert _records_hidden(window)


def test_locking_cancels_an_open_dialog_and_saves_nothing(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    window = open_window()
    window.select(crossing.id)
    seen: list[QDialog] = []

    def type_then_walk_away(dialog: QDialog) -> None:
        seen.append(dialog)
        qtbot.keyClicks(dialog.weighing.ui.bridge_edit, "38300")
        QTimer.singleShot(0, window.session.lock)  # the idle lock fires meanwhile

    answer(qtbot, WeighDialog, type_then_walk_away)
    window.ui.weigh_action.trigger()
    assert seen and not seen[0].isVisible()
    assert QApplication.activeModalWidget() is None
    assert window.session.locked
    assert desk.services.crossings.detail(crossing.id).crossing.gross_kg is None


def test_the_station_menu_follows_whoever_signs_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    station = window.ui.station_menu.menuAction()
    assert not station.isVisible()  # an officer
    _lock(qtbot, window)
    _sign_in(qtbot, window, "admin")
    assert station.isVisible() and window.ui.accounts_action.isEnabled()
    _lock(qtbot, window)
    _sign_in(qtbot, window, "ali")
    assert not station.isVisible()


def test_a_scan_at_a_locked_desk_shows_nothing(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    from tests.ui import wedge

    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    window = open_window()
    _lock(qtbot, window)
    window.lock_panel.ui.username_edit.setFocus()
    wedge.send(wedge.scanner(crossing.entry_no))
    assert window.current is None  # the slip's crossing is not opened behind the lock
    assert window.ui.status_bar.currentMessage() == ""
    assert _records_hidden(window)
