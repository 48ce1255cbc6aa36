"""User accounts: argon2id password hashes, roles, lockout that survives a restart, and the
account's life cycle (disable, enable, unlock, change role, reset and change a password).

Every write to a users row is audited with the row's full snapshot in the same transaction:
`taftan-desk check` compares each row with its last audited state.
"""

import enum
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import func, select

from taftan_desk.core import text as free_text
from taftan_desk.core.errors import (
    AuthenticationFailed,
    DeskError,
    NotFound,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from taftan_desk.core.roles import Permission, Role
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.models import User
from taftan_desk.services.approvals import Permit, SupervisorApproval, clean_reason, sign
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Actor, Database, Unit

_HASHER = PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4: above OWASP's minimum
_USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,39}", re.ASCII)
MIN_PASSWORD_LENGTH = 8


@functools.cache
def _dummy_hash() -> str:
    """Verifying against a dummy hash keeps unknown user names as slow as wrong passwords.
    Made on first use, not at import: hashing takes 64 MiB and ~0.1 s."""
    return _HASHER.hash("taftan-desk-dummy-password")


class AccountState(enum.StrEnum):
    """What an account list shows; the words are the edge's (ui tr(), the command line)."""

    ACTIVE = "active"
    DISABLED = "disabled"
    LOCKED = "locked"
    MUST_CHANGE_PASSWORD = "must-change-password"


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    locked: bool = False  # locked_until is still ahead of the station's clock
    must_change_password: bool = False

    @property
    def states(self) -> tuple[AccountState, ...]:
        """Every state that applies, or (ACTIVE,) when none does."""
        flags = (
            (AccountState.DISABLED, not self.active),
            (AccountState.LOCKED, self.locked),
            (AccountState.MUST_CHANGE_PASSWORD, self.must_change_password),
        )
        return tuple(state for state, on in flags if on) or (AccountState.ACTIVE,)


def _view(user: User, now: datetime) -> UserView:
    return UserView(
        user.id or 0,
        user.username,
        user.full_name,
        Role(user.role),
        user.active,
        user.locked_until,
        _is_locked(user, now),
        user.must_change_password,
    )


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, Role(user.role), user.full_name, user.must_change_password)


def _is_locked(user: User, now: datetime) -> bool:
    return user.locked_until is not None and user.locked_until > now


def _locked_message(user: User, now: datetime) -> str:
    left = int((user.locked_until - now).total_seconds() // 60) + 1 if user.locked_until else 1
    return (
        f"This account is locked after repeated wrong passwords. Try again in "
        f"{left} min or ask a supervisor."
    )


def validate_username(text: str) -> str:
    name = text.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            "A user name is 2 to 40 characters: a letter first, then letters, "
            "digits, '.', '_' or '-'.",
            field="username",
        )
    return name


def validate_password(password: str, field: str = "password") -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters.", field=field
        )
    if len(password) > 256:
        raise ValidationError("The password is longer than 256 characters.", field=field)
    return password


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValidationError(
            f"Role must be one of {', '.join(r.value for r in Role)}, not '{text}'.", field="role"
        ) from None


class AccountService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self) -> int:
        with self.db.read() as session:
            return session.exec(select(func.count()).select_from(User)).one()

    def list(self) -> list[UserView]:
        with self.db.read() as session:
            now = self.db.clock()
            users = session.exec(select(User).order_by(User.username)).all()
            return [_view(u, now) for u in users]

    def add(
        self,
        actor: Actor,
        username: str,
        role: str | Role,
        password: str,
        full_name: str = "",
        *,
        must_change_password: bool = False,
    ) -> UserView:
        """Create an account. With no accounts yet, the first one must be an administrator and
        needs no signed-in administrator (the station's setup). `must_change_password` for a
        password the administrator chose: the user replaces it at the first sign-in."""
        name = validate_username(username)
        the_role = role if isinstance(role, Role) else parse_role(role)
        validate_password(password)
        full_name = free_text.clean(
            full_name, "full_name", "the full name", free_text.PERSON_NAME_LENGTH
        )
        password_hash = _HASHER.hash(password)  # slow: outside the write lock
        with self.db.write(actor) as unit:
            existing = unit.session.exec(select(func.count()).select_from(User)).one()
            if existing:
                actor.require(Permission.MANAGE_USERS)
            elif the_role is not Role.ADMIN:
                raise ValidationError("The first account must be an administrator.", field="role")
            if unit.session.exec(select(User).where(User.username == name)).first():
                raise ValidationError(f"There is already a user called {name}.", field="username")
            user = User(
                username=name,
                full_name=full_name,
                role=the_role.value,
                password_hash=password_hash,
                created_at=unit.now,
                password_changed_at=unit.now,
                must_change_password=must_change_password,
            )
            unit.session.add(user)
            unit.session.flush()
            unit.audit(
                "user_added",
                "user",
                user.id,
                {"after": row_snapshot(user)},
            )
            return _view(user, unit.now)

    def authenticate(self, username: str, password: str) -> Actor:
        """Check a password; repeated failures lock the account for the station's lockout time."""
        name = username.strip().lower()
        with self.db.read() as session:
            user = session.exec(select(User).where(User.username == name)).first()
            stored = user.password_hash if user else _dummy_hash()
        ok = _verify(stored, password)  # slow: outside the write lock
        # A name that is no account is kept only as a digest: people type passwords there.
        shown = (
            name
            if user is not None
            else "unknown:" + hashlib.sha256(name.encode()).hexdigest()[:12]
        )
        system = Actor(None, f"login:{shown}"[:80], Role.OFFICER)
        with self.db.write(system) as unit:
            settings = unit.settings  # read once: the event's shift stamp uses it too
            user = _locked_user(unit, User.username == name)
            if user is None or not user.active:
                unit.audit("login_failed", "user", shown, {"reason": "unknown or disabled"})
                failure = "Wrong user name or password."
            elif _is_locked(user, unit.now):
                unit.audit("login_refused_locked", "user", user.id, {})
                failure = _locked_message(user, unit.now)
            elif not ok:
                _count_failure(unit, user, settings, "login_failed")
                failure = "Wrong user name or password."
            else:
                if _HASHER.check_needs_rehash(user.password_hash):
                    user.password_hash = _HASHER.hash(password)
                user.failed_logins = 0
                user.locked_until = None
                unit.session.add(user)
                unit.session.flush()
                unit.audit("login", "user", user.id, {"after": row_snapshot(user)})
                return _actor(user)
        raise AuthenticationFailed(failure)

    def approve(
        self, username: str, password: str, reason: str, permit: Permit
    ) -> SupervisorApproval:
        """A supervisor signs one exception at this desk: password checked (failures count
        towards the lockout like any sign-in), role checked, reason required. The approval
        permits `permit` only, once."""
        text = clean_reason(reason)
        supervisor = self.authenticate(username, password)
        if supervisor.role is not Role.SUPERVISOR:
            raise PermissionDenied("Only a supervisor can approve this.")
        if supervisor.must_change_password:
            # The administrator set this password: it must not sign a supervisor's approval.
            raise PermissionDenied(
                f"{supervisor.display} must sign in at a desk and choose a new password "
                "before approving."
            )
        return sign(self.db.approval_key, supervisor, text, self.db.clock(), permit)

    # -- the account's life cycle ----------------------------------------------------------
    def disable(self, actor: Actor, username: str) -> UserView:
        """The account can no longer sign in, and its open windows can no longer write."""

        def change(unit: Unit, user: User) -> None:
            if not user.active:
                raise ValidationError(f"{user.username} is already disabled.", field="username")
            if _is_self(actor, user):
                raise ValidationError("You cannot disable your own account.", field="username")
            _keep_an_administrator(unit, user)
            user.active = False

        return self._administer(actor, username, "user_disabled", change)

    def enable(self, actor: Actor, username: str) -> UserView:
        def change(_unit: Unit, user: User) -> None:
            if user.active:
                raise ValidationError(f"{user.username} is already enabled.", field="username")
            user.active = True

        return self._administer(actor, username, "user_enabled", change)

    def unlock(self, actor: Actor, username: str) -> UserView:
        """Lift a lockout after wrong passwords before it runs out, and forget the failures."""

        def change(unit: Unit, user: User) -> None:
            if not _is_locked(user, unit.now) and not user.failed_logins:
                raise ValidationError(f"{user.username} is not locked.", field="username")
            user.locked_until = None
            user.failed_logins = 0

        return self._administer(actor, username, "user_unlocked", change)

    def set_role(self, actor: Actor, username: str, role: str | Role) -> UserView:
        """A new role takes effect at once: the account's open windows must sign in again."""
        the_role = role if isinstance(role, Role) else parse_role(role)

        def change(unit: Unit, user: User) -> None:
            if user.role == the_role.value:
                raise ValidationError(
                    f"{user.username} is already {_with_article(the_role)}.", field="role"
                )
            if _is_self(actor, user):
                raise ValidationError("You cannot change your own role.", field="role")
            if the_role is not Role.ADMIN:
                _keep_an_administrator(unit, user)
            user.role = the_role.value

        return self._administer(actor, username, "user_role_changed", change)

    def reset_password(self, actor: Actor, username: str, temporary: str) -> UserView:
        """Set a temporary password that must be changed at the next sign-in; this also
        lifts a lockout (forgetting a password is what locks most accounts)."""
        actor.require(Permission.MANAGE_USERS)  # before the slow hash
        validate_password(temporary)
        password_hash = _HASHER.hash(temporary)  # slow: outside the write lock

        def change(unit: Unit, user: User) -> None:
            if _is_self(actor, user):
                raise ValidationError(
                    "Change your own password with your current one, not by a reset.",
                    field="username",
                )
            user.password_hash = password_hash
            user.must_change_password = True
            user.password_changed_at = unit.now
            user.failed_logins = 0
            user.locked_until = None

        return self._administer(actor, username, "user_password_reset", change)

    def change_password(self, actor: Actor, current: str, new: str) -> Actor:
        """A signed-in user chooses a new password, proving the current one; wrong current
        passwords count towards the lockout like wrong sign-ins. Returns the actor as it now
        is (no longer obliged to change its password)."""
        if actor.user_id is None:
            raise PermissionDenied("Only a signed-in user can change their own password.")
        if not current:
            raise ValidationError("Enter your current password.", field="current_password")
        validate_password(new, field="new_password")
        if new == current:
            raise ValidationError(
                "The new password must differ from the current one.", field="new_password"
            )
        with self.db.read() as session:
            found = session.get(User, actor.user_id)
            stored = found.password_hash if found else _dummy_hash()
        ok = _verify(stored, current)  # slow: outside the write lock
        new_hash = _HASHER.hash(new) if ok else ""
        with self.db.write(actor) as unit:  # refuses a disabled or demoted account
            user = _locked_user(unit, User.id == actor.user_id)
            if user is None:  # write() has just confirmed the account; only a race is left
                raise AuthenticationFailed("This account no longer exists: sign in again.")
            failure: DeskError
            if _is_locked(user, unit.now):
                unit.audit("password_change_refused_locked", "user", user.id, {})
                failure = AuthenticationFailed(_locked_message(user, unit.now))
            elif user.password_hash != stored:
                failure = ValidationError(
                    "The password was changed at another desk meanwhile: try again.",
                    field="current_password",
                )
            elif not ok:
                _count_failure(unit, user, unit.settings, "password_change_failed")
                failure = ValidationError(
                    "The current password is wrong.", field="current_password"
                )
            else:
                user.password_hash = new_hash
                user.must_change_password = False
                user.password_changed_at = unit.now
                user.failed_logins = 0
                unit.session.add(user)
                unit.session.flush()
                unit.audit("password_changed", "user", user.id, {"after": row_snapshot(user)})
                return _actor(user)
        raise failure

    def _administer(
        self, actor: Actor, username: str, action: str, change: Callable[[Unit, User], None]
    ) -> UserView:
        """An administrator's change to one account: found by name, changed, audited with
        its full snapshot, all in one transaction (a refusal raised by `change` undoes it)."""
        actor.require(Permission.MANAGE_USERS)
        name = username.strip().lower()
        with self.db.write(actor) as unit:
            _lock_administrators(unit)
            user = _locked_user(unit, User.username == name)
            if user is None:
                raise NotFound(f"There is no user called '{name[:40]}'.")
            change(unit, user)
            unit.session.add(user)
            unit.session.flush()
            unit.audit(action, "user", user.id, {"after": row_snapshot(user)})
            return _view(user, unit.now)


def _locked_user(unit: Unit, condition) -> User | None:  # type: ignore[no-untyped-def]
    """The account, locked for this unit and read only as its last genuine audit event left
    it: a password hash, role or lock written behind the desk's back signs nobody in and is
    never carried into an event the desk signs."""
    user = unit.session.exec(select(User).where(condition).with_for_update()).first()
    if user is not None and not unit.db.is_as_audited(unit.conn, "users", "user", user):
        raise StorageError(
            f"The account {user.username} is not as the desk last recorded it: it was changed "
            "outside the desk. Nothing was saved; ask the administrator to run "
            "`taftan-desk check`."
        )
    return user


def _is_self(actor: Actor, user: User) -> bool:
    """The command line acts as an administrator with no account (user_id None): never self."""
    return actor.user_id is not None and actor.user_id == user.id


def _lock_administrators(unit: Unit) -> None:
    """On PostgreSQL writers do not queue at BEGIN as on SQLite: two administrators disabling
    each other at once would each still count the other. Locking every active
    administrator's row first, always in the same order, makes them take turns."""
    unit.session.exec(
        select(User.id)
        .where(User.role == Role.ADMIN.value, User.active)
        .order_by(User.id)  # type: ignore[arg-type]
        .with_for_update()
    ).all()


def _keep_an_administrator(unit: Unit, user: User) -> None:
    """Refuse a change that would leave the station with no active administrator."""
    if user.role != Role.ADMIN.value or not user.active:
        return
    others = unit.session.exec(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN.value, User.active, User.id != user.id)
    ).one()
    if not others:
        raise ValidationError(
            f"{user.username} is the station's only active administrator: make another "
            "administrator first.",
            field="username",
        )


def _with_article(role: Role) -> str:
    return f"an {role.value}" if role.value[0] in "aeiou" else f"a {role.value}"


def _count_failure(unit: Unit, user: User, settings: StationSettings, action: str) -> None:
    """One more wrong password; the station's limit locks the account for a while."""
    user.failed_logins += 1
    data: dict[str, object] = {"failed_logins": user.failed_logins}
    if user.failed_logins >= settings.lockout_attempts:
        user.locked_until = unit.now + timedelta(minutes=settings.lockout_minutes)
        user.failed_logins = 0
        data["locked_until"] = user.locked_until
    unit.session.add(user)
    unit.session.flush()
    data["after"] = row_snapshot(user)
    unit.audit(action, "user", user.id, data)


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
