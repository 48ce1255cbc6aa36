"""User accounts: argon2id password hashes, roles, lockout that survives a restart."""

import functools
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import func, select

from taftan_desk.core import text as free_text
from taftan_desk.core.errors import AuthenticationFailed, PermissionDenied, ValidationError
from taftan_desk.core.roles import Permission, Role
from taftan_desk.db.models import User
from taftan_desk.services.approvals import Permit, SupervisorApproval, clean_reason, sign
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.settings_service import load as load_settings

_HASHER = PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4: above OWASP's minimum
_USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,39}", re.ASCII)
MIN_PASSWORD_LENGTH = 8


@functools.cache
def _dummy_hash() -> str:
    """Verifying against a dummy hash keeps unknown user names as slow as wrong passwords.
    Made on first use, not at import: hashing takes 64 MiB and ~0.1 s."""
    return _HASHER.hash("taftan-desk-dummy-password")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None


def _view(user: User) -> UserView:
    return UserView(
        user.id or 0, user.username, user.full_name, Role(user.role), user.active, user.locked_until
    )


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, Role(user.role), user.full_name)


def validate_username(text: str) -> str:
    name = text.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError(
            "A user name is 2 to 40 characters: a letter first, then letters, "
            "digits, '.', '_' or '-'.",
            field="username",
        )
    return name


def validate_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The password must be at least {MIN_PASSWORD_LENGTH} characters.", field="password"
        )
    if len(password) > 256:
        raise ValidationError("The password is longer than 256 characters.", field="password")
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
            return [_view(u) for u in session.exec(select(User).order_by(User.username)).all()]

    def add(
        self, actor: Actor, username: str, role: str | Role, password: str, full_name: str = ""
    ) -> UserView:
        """Create an account. With no accounts yet, the first one must be an administrator and
        needs no signed-in administrator (the station's setup)."""
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
            )
            unit.session.add(user)
            unit.session.flush()
            unit.audit(
                "user_added",
                "user",
                user.id,
                {"after": row_snapshot(user)},
            )
            return _view(user)

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
            settings = load_settings(unit.session)
            user = unit.session.exec(
                select(User).where(User.username == name).with_for_update()
            ).first()
            if user is None or not user.active:
                unit.audit("login_failed", "user", shown, {"reason": "unknown or disabled"})
                failure = "Wrong user name or password."
            elif user.locked_until and user.locked_until > unit.now:
                left = int((user.locked_until - unit.now).total_seconds() // 60) + 1
                unit.audit("login_refused_locked", "user", user.id, {})
                failure = (
                    f"This account is locked after repeated wrong passwords. Try again in "
                    f"{left} min or ask a supervisor."
                )
            elif not ok:
                user.failed_logins += 1
                data: dict[str, object] = {"failed_logins": user.failed_logins}
                if user.failed_logins >= settings.lockout_attempts:
                    user.locked_until = unit.now + timedelta(minutes=settings.lockout_minutes)
                    user.failed_logins = 0
                    data["locked_until"] = user.locked_until
                unit.session.add(user)
                unit.session.flush()
                data["after"] = row_snapshot(user)
                unit.audit("login_failed", "user", user.id, data)
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
        return sign(self.db.approval_key, supervisor, text, self.db.clock(), permit)


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
