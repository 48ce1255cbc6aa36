"""The administrator's Accounts dialog, Change my password, and the new password a sign-in
with a temporary one asks for: driven with clicks and keys over the real test station."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlmodel import select

from taftan_desk.core.errors import AuthenticationFailed
from taftan_desk.core.roles import Role
from taftan_desk.db.models import User
from taftan_desk.ui.dialogs.accounts_dialog import AccountsDialog
from taftan_desk.ui.dialogs.add_account_dialog import AddAccountDialog
from taftan_desk.ui.dialogs.login_dialog import LoginDialog
from taftan_desk.ui.dialogs.password_dialog import PasswordDialog
from taftan_desk.ui.dialogs.role_dialog import RoleDialog
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.models.accounts_table_model import COL_ROLE, COL_STATE, COL_USERNAME
from tests.support import PASSWORD, Desk, show_and_activate

TEMPORARY = "temporary-pass-1"
NEW = "a new password 2"


Answer = Callable[..., list[QDialog]]


@pytest.fixture
def answer() -> Iterator[Answer]:
    """answer(kind, *steps): fill the next modal dialog of `kind` once it is open (exec()
    blocks the test); each step runs once the previous one has been dealt with, as a person
    reads the problem and retypes. Watching stops when the test ends."""
    watching = [True]
    failures: list[BaseException] = []

    def start(kind: type[QDialog], *steps: Callable[[QDialog], None]) -> list[QDialog]:
        seen: list[QDialog] = []
        pending = list(steps)

        def handle() -> None:
            if not watching[0]:
                return
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind) or not dialog.isVisible():
                QTimer.singleShot(10, handle)
                return
            if not seen:
                seen.append(dialog)
            try:
                pending.pop(0)(dialog)
            except BaseException as exc:  # a failed check must not leave exec() waiting
                failures.append(exc)
                dialog.reject()
                return
            if pending and dialog.isVisible():
                QTimer.singleShot(0, handle)
            elif dialog.isVisible():  # the last step left it open: say so, do not hang
                label = getattr(dialog.ui, "error_label", None)
                shown = label.text() if label is not None else ""
                failures.append(AssertionError(f"{kind.__name__} still open: {shown!r}"))
                dialog.reject()

        QTimer.singleShot(0, handle)
        return seen

    yield start
    watching[0] = False
    if failures:
        raise failures[0]


def _row(desk: Desk, username: str) -> User:
    with desk.services.db.read() as session:
        return session.exec(select(User).where(User.username == username)).one()


def _untampered(desk: Desk) -> None:
    report = desk.services.health.check()
    assert report.ok, report.render()


def _accounts(qtbot, desk: Desk) -> AccountsDialog:  # type: ignore[no-untyped-def]
    dialog = AccountsDialog(desk.services, desk.admin)
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    return dialog


def _click_row(qtbot, dialog: AccountsDialog, username: str) -> None:  # type: ignore[no-untyped-def]
    view = dialog.ui.accounts_view
    row = dialog.model.row_of(username)
    assert row is not None
    rect = view.visualRect(dialog.model.index(row, COL_USERNAME))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected is not None and dialog.selected.username == username


def _cell(dialog: AccountsDialog, username: str, column: int) -> str:
    row = dialog.model.row_of(username)
    assert row is not None
    return str(dialog.model.index(row, column).data())


def _lock(desk: Desk, username: str) -> None:
    for _ in range(desk.services.settings.current().lockout_attempts):
        with pytest.raises(AuthenticationFailed):
            desk.services.accounts.authenticate(username, "not the password")


# -- the list -----------------------------------------------------------------------------------


def test_the_list_shows_every_account_and_its_state(qtbot, desk: Desk, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _lock(desk, "ali")
    desk.services.accounts.reset_password(desk.admin, "omar", TEMPORARY)
    desk.services.accounts.disable(desk.admin, "sara")
    dialog = _accounts(qtbot, desk)
    qtmodeltester.check(dialog.model)
    assert [_cell(dialog, u, COL_STATE) for u in ("admin", "ali", "omar", "sara")] == [
        "Active",
        "Locked",
        "Must change password",
        "Disabled",
    ]
    assert _cell(dialog, "admin", COL_ROLE) == "Administrator"
    assert _cell(dialog, "ali", COL_ROLE) == "Officer"
    _click_row(qtbot, dialog, "ali")
    assert dialog.ui.unlock_button.isEnabled()
    assert dialog.ui.active_button.text() == "&Disable"
    _click_row(qtbot, dialog, "sara")
    assert not dialog.ui.unlock_button.isEnabled()
    assert dialog.ui.active_button.text() == "&Enable"


# -- the buttons --------------------------------------------------------------------------------


def test_disable_and_enable_with_clicks(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = _accounts(qtbot, desk)
    _click_row(qtbot, dialog, "ali")
    qtbot.mouseClick(dialog.ui.active_button, Qt.MouseButton.LeftButton)
    assert _row(desk, "ali").active is False
    assert _cell(dialog, "ali", COL_STATE) == "Disabled"
    assert dialog.ui.message_label.text().startswith("Ali Khan is disabled")
    assert dialog.selected is not None and dialog.selected.username == "ali"
    with pytest.raises(AuthenticationFailed):
        desk.services.accounts.authenticate("ali", PASSWORD)
    qtbot.mouseClick(dialog.ui.active_button, Qt.MouseButton.LeftButton)  # now "Enable"
    assert _row(desk, "ali").active is True
    assert _cell(dialog, "ali", COL_STATE) == "Active"
    assert desk.services.accounts.authenticate("ali", PASSWORD).username == "ali"
    _untampered(desk)


def test_refusals_are_said_in_words(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = _accounts(qtbot, desk)
    _click_row(qtbot, dialog, "admin")
    qtbot.mouseClick(dialog.ui.active_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.error_label.isVisible()
    assert dialog.ui.error_label.text() == "You cannot disable your own account."
    assert not dialog.ui.message_label.isVisible()
    assert _row(desk, "admin").active is True
    _click_row(qtbot, dialog, "ali")
    qtbot.mouseClick(dialog.ui.active_button, Qt.MouseButton.LeftButton)
    assert not dialog.ui.error_label.isVisible()  # the next success clears the problem


def test_a_window_left_open_sees_what_another_administrator_did(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    dialog = _accounts(qtbot, desk)
    _click_row(qtbot, dialog, "ali")
    desk.services.accounts.disable(desk.admin, "ali")  # at another desk, meanwhile
    qtbot.mouseClick(dialog.ui.active_button, Qt.MouseButton.LeftButton)  # still "Disable"
    assert dialog.ui.error_label.text() == "ali is already disabled."


def test_unlock_with_a_click(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    _lock(desk, "ali")
    dialog = _accounts(qtbot, desk)
    _click_row(qtbot, dialog, "ali")
    qtbot.mouseClick(dialog.ui.unlock_button, Qt.MouseButton.LeftButton)
    row = _row(desk, "ali")
    assert (row.locked_until, row.failed_logins) == (None, 0)
    assert _cell(dialog, "ali", COL_STATE) == "Active"
    assert not dialog.ui.unlock_button.isEnabled()
    assert desk.services.accounts.authenticate("ali", PASSWORD).username == "ali"
    _untampered(desk)


def test_change_a_role_with_the_keyboard(qtbot, desk: Desk, answer: Answer) -> None:  # type: ignore[no-untyped-def]
    dialog = _accounts(qtbot, desk)
    _click_row(qtbot, dialog, "ali")

    def same_role(role_dialog: QDialog) -> None:
        qtbot.keyClick(role_dialog.ui.role_combo, Qt.Key.Key_Return)  # still Officer

    def supervisor(role_dialog: QDialog) -> None:
        problems.append(role_dialog.ui.error_label.text())
        qtbot.keyClicks(role_dialog.ui.role_combo, "S")  # Supervisor
        qtbot.keyClick(role_dialog.ui.role_combo, Qt.Key.Key_Return)

    problems: list[str] = []
    seen = answer(RoleDialog, same_role, supervisor)
    qtbot.mouseClick(dialog.ui.role_button, Qt.MouseButton.LeftButton)
    assert seen and "Ali Khan (ali)" in seen[0].ui.intro_label.text()
    assert problems == ["ali is already an officer."]
    assert _row(desk, "ali").role == "supervisor"
    assert _cell(dialog, "ali", COL_ROLE) == "Supervisor"
    assert dialog.ui.message_label.text() == "Ali Khan is now supervisor."
    assert desk.services.accounts.authenticate("ali", PASSWORD).role is Role.SUPERVISOR
    _untampered(desk)


def test_reset_a_password(qtbot, desk: Desk, answer: Answer) -> None:  # type: ignore[no-untyped-def]
    _lock(desk, "ali")
    dialog = _accounts(qtbot, desk)
    _click_row(qtbot, dialog, "ali")
    problems: list[str] = []

    def mistyped(password_dialog: QDialog) -> None:
        ui = password_dialog.ui
        assert not ui.current_password_edit.isVisible()
        qtbot.keyClicks(ui.new_password_edit, TEMPORARY)
        qtbot.keyClicks(ui.repeat_password_edit, TEMPORARY + "x")
        qtbot.keyClick(ui.repeat_password_edit, Qt.Key.Key_Return)

    def retyped(password_dialog: QDialog) -> None:
        ui = password_dialog.ui
        problems.append(ui.error_label.text())
        qtbot.keyClicks(ui.repeat_password_edit, TEMPORARY)
        qtbot.keyClick(ui.repeat_password_edit, Qt.Key.Key_Return)

    answer(PasswordDialog, mistyped, retyped)
    qtbot.mouseClick(dialog.ui.reset_password_button, Qt.MouseButton.LeftButton)
    assert problems == ["The two passwords differ: type the new password again."]
    row = _row(desk, "ali")
    assert row.must_change_password is True and row.locked_until is None
    assert _cell(dialog, "ali", COL_STATE) == "Must change password"
    assert desk.services.accounts.authenticate("ali", TEMPORARY).must_change_password
    _untampered(desk)


def test_add_an_account(qtbot, desk: Desk, answer: Answer) -> None:  # type: ignore[no-untyped-def]
    dialog = _accounts(qtbot, desk)
    problems: list[str] = []

    def bad_name(add: QDialog) -> None:
        ui = add.ui
        qtbot.keyClicks(ui.username_edit, "9lives")
        qtbot.keyClicks(ui.full_name_edit, "Kasim Ali")
        qtbot.keyClicks(ui.role_combo, "S")  # Supervisor
        qtbot.keyClicks(ui.password_edit, TEMPORARY)
        qtbot.keyClicks(ui.repeat_password_edit, TEMPORARY)
        qtbot.keyClick(ui.repeat_password_edit, Qt.Key.Key_Return)

    def good_name(add: QDialog) -> None:
        ui = add.ui
        problems.append(ui.error_label.text())
        assert add.focusWidget() is ui.username_edit
        ui.username_edit.clear()
        qtbot.keyClicks(ui.username_edit, "kasim")
        qtbot.keyClick(ui.username_edit, Qt.Key.Key_Return)

    answer(AddAccountDialog, bad_name, good_name)
    qtbot.mouseClick(dialog.ui.add_button, Qt.MouseButton.LeftButton)
    assert problems and "A user name is 2 to 40 characters" in problems[0]
    row = _row(desk, "kasim")
    assert (row.role, row.full_name, row.must_change_password) == ("supervisor", "Kasim Ali", True)
    assert dialog.selected is not None and dialog.selected.username == "kasim"
    assert _cell(dialog, "kasim", COL_STATE) == "Must change password"
    assert desk.services.accounts.authenticate("kasim", TEMPORARY).must_change_password
    _untampered(desk)


# -- the window's menus -------------------------------------------------------------------------


def _window(qtbot, desk: Desk, who: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(desk.services, getattr(desk, who))
    qtbot.addWidget(window)
    show_and_activate(qtbot, window)
    return window


@pytest.mark.parametrize("who", ["officer", "supervisor"])
def test_only_administrators_see_the_accounts(qtbot, desk: Desk, who: str) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, desk, who)
    assert not window.ui.station_menu.menuAction().isVisible()
    assert not window.ui.accounts_action.isEnabled()
    assert window.ui.change_password_action.isEnabled()


def test_an_administrator_opens_the_accounts_from_the_window(
    qtbot, desk: Desk, answer: Answer
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, desk, "admin")
    assert window.ui.station_menu.menuAction().isVisible()
    seen = answer(AccountsDialog, lambda d: d.reject())
    window.ui.accounts_action.trigger()
    assert seen and seen[0].model.rowCount() == 4


def test_change_my_password_from_the_window(qtbot, desk: Desk, answer: Answer) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, desk, "officer")
    problems: list[str] = []

    def wrong_current(d: QDialog) -> None:
        ui = d.ui
        assert d.focusWidget() is ui.current_password_edit
        qtbot.keyClicks(ui.current_password_edit, "not the password")
        qtbot.keyClicks(ui.new_password_edit, NEW)
        qtbot.keyClicks(ui.repeat_password_edit, NEW)
        qtbot.keyClick(ui.repeat_password_edit, Qt.Key.Key_Return)

    def right_current(d: QDialog) -> None:
        ui = d.ui
        problems.append(ui.error_label.text())
        assert d.focusWidget() is ui.current_password_edit and not ui.current_password_edit.text()
        qtbot.keyClicks(ui.current_password_edit, PASSWORD)
        qtbot.keyClick(ui.current_password_edit, Qt.Key.Key_Return)

    answer(PasswordDialog, wrong_current, right_current)
    window.ui.change_password_action.trigger()
    assert problems == ["The current password is wrong."]
    assert "Your password is changed" in window.ui.status_bar.currentMessage()
    # Typed fast with Enter, a password looks like a barcode scan to the window's scanner
    # filter: it must be neither swallowed nor shown as one.
    assert window.scan_filter.last_scan is None
    with pytest.raises(AuthenticationFailed):
        desk.services.accounts.authenticate("ali", PASSWORD)
    assert desk.services.accounts.authenticate("ali", NEW).username == "ali"
    assert _row(desk, "ali").failed_logins == 0
    _untampered(desk)


# -- sign-in with a temporary password ----------------------------------------------------------


def _sign_in(qtbot, desk: Desk, username: str, password: str) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(desk.services.accounts, desk.services.settings.current())
    qtbot.addWidget(dialog)
    show_and_activate(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.username_edit, username)
    qtbot.keyClicks(dialog.ui.password_edit, password)
    return dialog


def test_a_temporary_password_must_be_replaced_before_the_desk_opens(
    qtbot, desk: Desk, answer: Answer
) -> None:  # type: ignore[no-untyped-def]
    desk.services.accounts.reset_password(desk.admin, "ali", TEMPORARY)
    login = _sign_in(qtbot, desk, "ali", TEMPORARY)
    problems: list[str] = []

    def same_again(d: QDialog) -> None:
        ui = d.ui
        assert not ui.current_password_edit.isVisible()  # just typed at sign-in
        assert "Ali Khan" in ui.intro_label.text()
        qtbot.keyClicks(ui.new_password_edit, TEMPORARY)
        qtbot.keyClicks(ui.repeat_password_edit, TEMPORARY)
        qtbot.keyClick(ui.repeat_password_edit, Qt.Key.Key_Return)

    def a_new_one(d: QDialog) -> None:
        ui = d.ui
        problems.append(ui.error_label.text())
        ui.new_password_edit.clear()
        ui.repeat_password_edit.clear()
        qtbot.keyClicks(ui.new_password_edit, NEW)
        qtbot.keyClicks(ui.repeat_password_edit, NEW)
        qtbot.keyClick(ui.repeat_password_edit, Qt.Key.Key_Return)

    answer(PasswordDialog, same_again, a_new_one)
    with qtbot.waitSignal(login.accepted):
        qtbot.keyClick(login.ui.password_edit, Qt.Key.Key_Return)
    assert problems == ["The new password must differ from the current one."]
    assert login.actor is not None and login.actor.username == "ali"
    assert login.actor.must_change_password is False
    assert _row(desk, "ali").must_change_password is False
    assert desk.services.accounts.authenticate("ali", NEW).must_change_password is False
    _untampered(desk)


def test_no_new_password_no_desk(qtbot, desk: Desk, answer: Answer) -> None:  # type: ignore[no-untyped-def]
    desk.services.accounts.reset_password(desk.admin, "ali", TEMPORARY)
    login = _sign_in(qtbot, desk, "ali", TEMPORARY)
    answer(PasswordDialog, lambda d: d.reject())
    qtbot.keyClick(login.ui.password_edit, Qt.Key.Key_Return)
    assert login.isVisible() and login.actor is None
    assert "once you have chosen your own password" in login.ui.error_label.text()
    assert login.ui.password_edit.text() == ""
    assert _row(desk, "ali").must_change_password is True


def test_an_ordinary_sign_in_asks_for_no_new_password(qtbot, desk: Desk, answer: Answer) -> None:  # type: ignore[no-untyped-def]
    login = _sign_in(qtbot, desk, "ali", PASSWORD)
    asked = answer(PasswordDialog, lambda d: d.reject())
    with qtbot.waitSignal(login.accepted):
        qtbot.keyClick(login.ui.password_edit, Qt.Key.Key_Return)
    assert login.actor is not None and not login.actor.must_change_password
    assert asked == []
