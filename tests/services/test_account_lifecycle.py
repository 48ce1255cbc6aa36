"""An account's life cycle: disable, enable, unlock, change role, reset and change a password.

Every change is one audited transaction, so `check` still finds the station untampered; each
rule below has a test that fails if the rule is removed or turned round.
"""

import json
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from taftan_desk.core.errors import (
    AuthenticationFailed,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from taftan_desk.core.registration import RegistrationInput
from taftan_desk.core.roles import Role
from taftan_desk.db.models import User
from taftan_desk.services.accounts import AccountState
from taftan_desk.services.approvals import Permit
from taftan_desk.services.database import Actor
from tests.support import PASSWORD, WEIGHED_ROAD, Desk

TEMPORARY = "temporary-pass-1"
NEW = "a new password 2"
CLI = Actor(None, "cli:root@station", Role.ADMIN)

FORM = WEIGHED_ROAD


def _row(desk: Desk, username: str) -> User:
    with desk.services.db.read() as session:
        return session.exec(select(User).where(User.username == username)).one()


def _last_event(desk: Desk) -> tuple[str, str, dict]:  # type: ignore[type-arg]
    with desk.services.db.read() as session:
        action, actor, data = session.execute(
            text("SELECT action, actor_name, data_json FROM audit_events ORDER BY id DESC LIMIT 1")
        ).one()
    return action, actor, json.loads(data)


def _assert_untampered(desk: Desk) -> None:
    report = desk.services.health.check()
    assert report.ok, report.render()


def _attempts(desk: Desk) -> int:
    return desk.services.settings.current().lockout_attempts


def _fail_sign_ins(desk: Desk, username: str, n: int) -> None:
    for _ in range(n):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            desk.services.accounts.authenticate(username, "not the password")


# -- disable and enable --------------------------------------------------------------------


def test_a_disabled_account_cannot_sign_in_until_enabled(desk: Desk) -> None:
    accounts = desk.services.accounts
    view = accounts.disable(desk.admin, "Ali ")
    assert not view.active and view.states == (AccountState.DISABLED,)
    assert _row(desk, "ali").active is False
    action, actor, data = _last_event(desk)
    assert (action, actor, data["after"]["active"]) == ("user_disabled", "admin", False)
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("ali", PASSWORD)
    view = accounts.enable(desk.admin, "ali")
    assert view.active and view.states == (AccountState.ACTIVE,)
    assert accounts.authenticate("ali", PASSWORD).username == "ali"
    _assert_untampered(desk)


def test_a_disabled_officer_stops_writing_at_once(desk: Desk) -> None:
    desk.services.crossings.register(desk.officer, FORM)  # signed in and working
    desk.services.accounts.disable(desk.admin, "ali")
    form = RegistrationInput(**{**FORM.__dict__, "container_no": "MSKU3881107"})
    with pytest.raises(AuthenticationFailed, match="disabled"):
        desk.services.crossings.register(desk.officer, form)
    _assert_untampered(desk)


def test_a_disabled_administrator_stops_managing_accounts(desk: Desk) -> None:
    desk.services.accounts.add(desk.admin, "second", Role.ADMIN, PASSWORD)
    second = desk.services.accounts.authenticate("second", PASSWORD)
    desk.services.accounts.disable(second, "admin")
    with pytest.raises(AuthenticationFailed, match="disabled"):
        desk.services.accounts.unlock(desk.admin, "ali")


# -- roles -----------------------------------------------------------------------------------


def test_a_new_role_applies_at_once_and_the_old_window_must_sign_in_again(desk: Desk) -> None:
    desk.services.crossings.register(desk.officer, FORM)
    view = desk.services.accounts.set_role(desk.admin, "ali", "supervisor")
    assert view.role is Role.SUPERVISOR and _row(desk, "ali").role == "supervisor"
    assert _last_event(desk)[2]["after"]["role"] == "supervisor"
    form = RegistrationInput(**{**FORM.__dict__, "container_no": "MSKU3881107"})
    with pytest.raises(AuthenticationFailed, match="role has changed"):
        desk.services.crossings.register(desk.officer, form)  # still signed in as an officer
    again = desk.services.accounts.authenticate("ali", PASSWORD)
    assert again.role is Role.SUPERVISOR
    desk.services.crossings.register(again, form)
    _assert_untampered(desk)


def test_a_demoted_supervisor_stops_writing_at_once(desk: Desk) -> None:
    desk.services.accounts.set_role(desk.admin, "sara", Role.OFFICER)
    with pytest.raises(AuthenticationFailed, match="role has changed"):
        desk.services.crossings.register(desk.supervisor, FORM)


def test_a_role_must_be_one_the_desk_knows(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="Role must be one of") as caught:
        desk.services.accounts.set_role(desk.admin, "ali", "chief")
    assert caught.value.problems[0].field == "role"
    assert _row(desk, "ali").role == "officer"


# -- who may do it ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["officer", "supervisor"])
def test_only_an_administrator_manages_accounts(desk: Desk, who: str) -> None:
    actor = getattr(desk, who)
    accounts = desk.services.accounts
    for attempt in (
        lambda: accounts.disable(actor, "omar"),
        lambda: accounts.enable(actor, "omar"),
        lambda: accounts.unlock(actor, "omar"),
        lambda: accounts.set_role(actor, "omar", "officer"),
        lambda: accounts.reset_password(actor, "omar", TEMPORARY),
    ):
        with pytest.raises(PermissionDenied, match="manage user accounts"):
            attempt()
    row = _row(desk, "omar")
    assert (row.active, row.role, row.must_change_password) == (True, "supervisor", False)


def test_an_administrator_cannot_disable_or_demote_themselves(desk: Desk) -> None:
    desk.services.accounts.add(desk.admin, "second", Role.ADMIN, PASSWORD)  # not the last one
    with pytest.raises(ValidationError, match="your own account"):
        desk.services.accounts.disable(desk.admin, "admin")
    with pytest.raises(ValidationError, match="your own role"):
        desk.services.accounts.set_role(desk.admin, "admin", Role.SUPERVISOR)
    with pytest.raises(ValidationError, match="your own password"):
        desk.services.accounts.reset_password(desk.admin, "admin", TEMPORARY)
    row = _row(desk, "admin")
    assert (row.active, row.role, row.must_change_password) == (True, "admin", False)


def test_the_station_keeps_an_active_administrator(desk: Desk) -> None:
    accounts = desk.services.accounts
    # The command line is an administrator with no account: it is nobody's "self".
    with pytest.raises(ValidationError, match="only active administrator"):
        accounts.disable(CLI, "admin")
    with pytest.raises(ValidationError, match="only active administrator"):
        accounts.set_role(CLI, "admin", "officer")
    assert _row(desk, "admin").active and _row(desk, "admin").role == "admin"
    accounts.add(desk.admin, "second", Role.ADMIN, PASSWORD)
    accounts.disable(CLI, "second")
    with pytest.raises(ValidationError, match="only active administrator"):
        accounts.set_role(CLI, "admin", "officer")  # a disabled administrator does not count
    accounts.enable(CLI, "second")
    assert accounts.set_role(CLI, "admin", "officer").role is Role.OFFICER
    with pytest.raises(ValidationError, match="only active administrator"):
        accounts.disable(CLI, "second")
    _assert_untampered(desk)


def test_the_command_line_may_change_any_account(desk: Desk) -> None:
    accounts = desk.services.accounts
    assert not accounts.disable(CLI, "ali").active
    assert accounts.enable(CLI, "ali").active
    assert accounts.set_role(CLI, "ali", "supervisor").role is Role.SUPERVISOR
    assert accounts.reset_password(CLI, "ali", TEMPORARY).must_change_password
    assert _last_event(desk)[1] == "cli:root@station"
    with pytest.raises(PermissionDenied, match="signed-in user"):
        accounts.change_password(CLI, TEMPORARY, NEW)
    _assert_untampered(desk)


def test_unknown_names_are_said_in_words(desk: Desk) -> None:
    accounts = desk.services.accounts
    for attempt in (
        lambda: accounts.disable(desk.admin, "nobody"),
        lambda: accounts.enable(desk.admin, "nobody"),
        lambda: accounts.unlock(desk.admin, "nobody"),
        lambda: accounts.set_role(desk.admin, "nobody", "officer"),
        lambda: accounts.reset_password(desk.admin, "nobody", TEMPORARY),
    ):
        with pytest.raises(NotFound, match="There is no user called 'nobody'"):
            attempt()


def test_changes_that_change_nothing_are_refused_in_words(desk: Desk) -> None:
    accounts = desk.services.accounts
    with pytest.raises(ValidationError, match="ali is already enabled"):
        accounts.enable(desk.admin, "ali")
    accounts.disable(desk.admin, "ali")
    with pytest.raises(ValidationError, match="ali is already disabled"):
        accounts.disable(desk.admin, "ali")
    with pytest.raises(ValidationError, match="sara is already a supervisor"):
        accounts.set_role(desk.admin, "sara", "supervisor")
    with pytest.raises(ValidationError, match="omar is not locked"):
        accounts.unlock(desk.admin, "omar")
    with pytest.raises(ValidationError, match="at least 8"):
        accounts.reset_password(desk.admin, "omar", "short")
    _assert_untampered(desk)


# -- lockout and unlock ----------------------------------------------------------------------


def test_a_good_sign_in_resets_the_failure_count(desk: Desk) -> None:
    attempts = _attempts(desk)
    _fail_sign_ins(desk, "ali", attempts - 1)
    assert _row(desk, "ali").failed_logins == attempts - 1
    desk.services.accounts.authenticate("ali", PASSWORD)
    assert _row(desk, "ali").failed_logins == 0
    _fail_sign_ins(desk, "ali", attempts - 1)  # would lock if the count had been kept
    assert desk.services.accounts.authenticate("ali", PASSWORD).username == "ali"
    _assert_untampered(desk)


def test_unlock_lifts_a_lockout_and_forgets_the_failures(desk: Desk) -> None:
    accounts = desk.services.accounts
    attempts = _attempts(desk)
    _fail_sign_ins(desk, "ali", attempts)
    with pytest.raises(AuthenticationFailed, match="locked"):
        accounts.authenticate("ali", PASSWORD)
    (ali,) = [u for u in accounts.list() if u.username == "ali"]
    assert ali.locked and ali.states == (AccountState.LOCKED,)
    view = accounts.unlock(desk.admin, "ali")
    assert not view.locked and view.locked_until is None
    row = _row(desk, "ali")
    assert (row.locked_until, row.failed_logins) == (None, 0)
    assert _last_event(desk)[0] == "user_unlocked"
    assert accounts.authenticate("ali", PASSWORD).username == "ali"
    _assert_untampered(desk)


def test_unlock_also_forgets_failures_short_of_a_lockout(desk: Desk) -> None:
    attempts = _attempts(desk)
    _fail_sign_ins(desk, "ali", attempts - 1)
    desk.services.accounts.unlock(desk.admin, "ali")
    assert _row(desk, "ali").failed_logins == 0
    _fail_sign_ins(desk, "ali", attempts - 1)
    assert desk.services.accounts.authenticate("ali", PASSWORD).username == "ali"


def test_a_lock_that_has_run_out_is_no_longer_shown(desk: Desk) -> None:
    _fail_sign_ins(desk, "ali", _attempts(desk))
    desk.clock.now += timedelta(minutes=desk.services.settings.current().lockout_minutes + 1)
    (ali,) = [u for u in desk.services.accounts.list() if u.username == "ali"]
    assert not ali.locked and ali.states == (AccountState.ACTIVE,)


# -- reset and change a password ---------------------------------------------------------------


def test_a_reset_password_works_once_and_must_be_changed(desk: Desk) -> None:
    accounts = desk.services.accounts
    _fail_sign_ins(desk, "ali", _attempts(desk))  # forgot it, and locked out
    view = accounts.reset_password(desk.admin, "ali", TEMPORARY)
    assert view.must_change_password and not view.locked
    assert view.states == (AccountState.MUST_CHANGE_PASSWORD,)
    row = _row(desk, "ali")
    assert row.must_change_password is True
    assert (row.locked_until, row.failed_logins) == (None, 0)
    assert _last_event(desk)[0] == "user_password_reset"
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("ali", PASSWORD)  # the old password is gone
    actor = accounts.authenticate("ali", TEMPORARY)
    assert actor.must_change_password is True
    _assert_untampered(desk)

    desk.clock.now += timedelta(minutes=3)
    changed = accounts.change_password(actor, TEMPORARY, NEW)
    assert changed.must_change_password is False and changed.user_id == actor.user_id
    row = _row(desk, "ali")
    assert row.must_change_password is False
    assert row.password_changed_at == desk.clock.now
    assert _last_event(desk)[0] == "password_changed"
    with pytest.raises(AuthenticationFailed):
        accounts.authenticate("ali", TEMPORARY)
    assert accounts.authenticate("ali", NEW).must_change_password is False
    _assert_untampered(desk)


def test_an_ordinary_sign_in_need_not_change_its_password(desk: Desk) -> None:
    assert desk.services.accounts.authenticate("ali", PASSWORD).must_change_password is False


def test_a_new_password_follows_the_rules(desk: Desk) -> None:
    accounts = desk.services.accounts
    with pytest.raises(ValidationError, match="at least 8") as short:
        accounts.change_password(desk.officer, PASSWORD, "short")
    assert short.value.problems[0].field == "new_password"
    with pytest.raises(ValidationError, match="must differ") as same:
        accounts.change_password(desk.officer, PASSWORD, PASSWORD)
    assert same.value.problems[0].field == "new_password"
    with pytest.raises(ValidationError, match="Enter your current password"):
        accounts.change_password(desk.officer, "", NEW)
    with pytest.raises(ValidationError, match="current password is wrong") as wrong:
        accounts.change_password(desk.officer, "not the password", NEW)
    assert wrong.value.problems[0].field == "current_password"
    assert accounts.authenticate("ali", PASSWORD).username == "ali"  # nothing changed
    _assert_untampered(desk)


def test_wrong_current_passwords_count_towards_the_lockout(desk: Desk) -> None:
    accounts = desk.services.accounts
    for _ in range(_attempts(desk)):
        with pytest.raises(ValidationError, match="current password is wrong"):
            accounts.change_password(desk.officer, "guessing", NEW)
    with pytest.raises(AuthenticationFailed, match="locked"):
        accounts.change_password(desk.officer, PASSWORD, NEW)  # even the right one, now
    with pytest.raises(AuthenticationFailed, match="locked"):
        accounts.authenticate("ali", PASSWORD)
    _assert_untampered(desk)


def test_a_disabled_account_cannot_change_its_password(desk: Desk) -> None:
    desk.services.accounts.disable(desk.admin, "ali")
    with pytest.raises(AuthenticationFailed, match="disabled"):
        desk.services.accounts.change_password(desk.officer, PASSWORD, NEW)


PERMIT = Permit("release", "crossing:1", None)


def test_a_temporary_password_cannot_sign_an_approval(desk: Desk) -> None:
    """The administrator knows it: it must not stand for the supervisor's signature."""
    accounts = desk.services.accounts
    accounts.reset_password(desk.admin, "sara", TEMPORARY)
    with pytest.raises(PermissionDenied, match="choose a new password"):
        accounts.approve("sara", TEMPORARY, "Tolerance agreed", PERMIT)
    sara = accounts.authenticate("sara", TEMPORARY)
    accounts.change_password(sara, TEMPORARY, NEW)
    assert accounts.approve("sara", NEW, "Tolerance agreed", PERMIT).supervisor.username == "sara"


def test_the_whole_life_cycle_leaves_the_station_untampered(desk: Desk) -> None:
    accounts = desk.services.accounts
    accounts.add(desk.admin, "kasim", Role.OFFICER, PASSWORD, "Kasim Ali")
    accounts.set_role(desk.admin, "kasim", "supervisor")
    _fail_sign_ins(desk, "kasim", 2)
    accounts.unlock(desk.admin, "kasim")
    accounts.reset_password(desk.admin, "kasim", TEMPORARY)
    kasim = accounts.authenticate("kasim", TEMPORARY)
    accounts.change_password(kasim, TEMPORARY, NEW)
    accounts.disable(desk.admin, "kasim")
    accounts.enable(desk.admin, "kasim")
    _assert_untampered(desk)
    with desk.services.db.read() as session:
        events = session.execute(
            text("SELECT data_json FROM audit_events WHERE entity = 'user' ORDER BY id DESC")
        ).scalars()
        last = json.loads(next(iter(events)))
    row = _row(desk, "kasim")
    assert last["after"]["active"] is True and last["after"]["role"] == "supervisor"
    assert last["after"]["password_hash"].startswith("sha256:")  # never the hash itself
    assert row.password_hash not in json.dumps(last)


def test_an_account_added_with_the_administrators_password_must_change_it(desk: Desk) -> None:
    accounts = desk.services.accounts
    view = accounts.add(desk.admin, "kasim", Role.OFFICER, TEMPORARY, must_change_password=True)
    assert view.states == (AccountState.MUST_CHANGE_PASSWORD,)
    assert accounts.authenticate("kasim", TEMPORARY).must_change_password is True
    accounts.add(desk.admin, "bilal", Role.OFFICER, TEMPORARY)  # the command line's default
    assert accounts.authenticate("bilal", TEMPORARY).must_change_password is False
    _assert_untampered(desk)
