"""The unit of work: one session per use-case, writers under the write lock, audited.

Threading contract: a Database may be shared across threads; each call opens its own
session and connection from the pool, and no session outlives the call that opened it.
"""

import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import (
    DatabaseError,
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
)
from sqlmodel import Session

from taftan_desk.core.errors import AuthenticationFailed, StorageError
from taftan_desk.core.roles import Permission, Role
from taftan_desk.core.roles import require as require_permission
from taftan_desk.core.shifts import Shift, shift_of
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.engine import writer
from taftan_desk.services import audit

if TYPE_CHECKING:
    from taftan_desk.services.desk_key import DeskIdentity, DeskKey

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    """Who does something: a signed-in user, or an administrator's command line."""

    user_id: int | None
    username: str
    role: Role
    full_name: str = ""
    # Signed in with a temporary password an administrator set: the desk asks for a new one
    # before anything else.
    must_change_password: bool = False

    @property
    def display(self) -> str:
        return self.full_name or self.username

    def require(self, permission: Permission) -> None:
        require_permission(self.role, permission)


class Unit:
    """What a use-case gets inside its transaction: the connection, and an ORM session on the
    same connection made only when a use-case asks for it (the hot paths use Core)."""

    def __init__(
        self, conn: Connection, actor: Actor, now: datetime, signer: "DeskKey", db: "Database"
    ) -> None:
        self.db = db
        self.conn = conn
        self.actor = actor
        self.now = now
        self.signer = signer
        self._session: Session | None = None
        self._shift: Shift | None = None
        self._settings: StationSettings | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            self._session = Session(bind=self.conn, expire_on_commit=False)
        return self._session

    @property
    def settings(self) -> StationSettings:
        """The station's settings as this transaction reads them (read once per unit)."""
        if self._settings is None:
            from taftan_desk.services import settings_service  # it builds on this module

            self._settings = settings_service.load(self.conn)
        return self._settings

    @property
    def shift(self) -> Shift:
        """The shift this unit's changes belong to, by the station's shift times now (kept
        with each event and crossing: the times may change later)."""
        if self._shift is None:
            settings = self.settings
            self._shift = shift_of(self.now, settings.shift_times(), settings.zone)
        return self._shift

    def audit(self, action: str, entity: str, entity_id: object, data: dict[str, object]) -> None:
        if self._session is not None:
            self._session.flush()  # the audited state must be in the transaction first
        if "shift" not in data:
            data = {**data, "shift": f"{self.shift.day.isoformat()}/{self.shift.number}"}
        audit.append(
            self.conn,
            at=self.now,
            actor_id=self.actor.user_id,
            actor_name=self.actor.username,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            data=data,
            signer=self.signer,
        )

    def flush(self) -> None:
        if self._session is not None:
            self._session.flush()

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


class Database:
    def __init__(
        self, engine: Engine, clock: Clock = utc_now, identity: "DeskIdentity | None" = None
    ) -> None:
        from taftan_desk.services.desk_key import DeskIdentity

        self.engine = engine
        self.writer_engine = writer(engine)
        self.clock = clock
        # The desk key that signs every event written here, and the roots it trusts.
        self.identity = identity or DeskIdentity.in_memory()
        # Signs supervisors' approvals; never stored, so approvals die with the process.
        self.approval_key = secrets.token_bytes(32)
        self._enrolled = False
        self._trusted: dict[str, bytes] | None = None

    def forget_enrolment(self) -> None:
        self._enrolled = False
        self._trusted = None

    def trusted_keys(self, conn: Connection, *, refresh: bool = False) -> dict[str, bytes]:
        """The desk keys a root pinned on this desk certified (read once, then on demand)."""
        if self._trusted is None or refresh:
            from taftan_desk.services.keys import key_report

            self._trusted = key_report(conn, self.identity.trust.roots()).trusted
        return self._trusted

    def is_as_audited(self, conn: Connection, table: str, entity: str, row: object) -> bool:
        """The record is as its last genuine audit event left it (see audit.require_as_audited);
        a key enrolled since the keys were read is looked up once more before saying no."""
        for refresh in (False, True):
            try:
                audit.require_as_audited(
                    conn, table, entity, row, self.trusted_keys(conn, refresh=refresh)
                )
                return True
            except audit.NotAsAudited:
                continue
        return False

    @contextmanager
    def read(self) -> Iterator[Session]:
        with storage_errors(reading=True), Session(self.engine) as session:
            yield session

    @contextmanager
    def write(self, actor: Actor, *, enrolling: bool = False) -> Iterator[Unit]:
        """One transaction: commits when the block ends, rolls back on any error. Only a
        desk whose key the station certified may write (`enrolling`: the transaction that
        certifies it)."""
        signer = self.identity.key
        with storage_errors(), self.writer_engine.connect() as conn:
            transaction = conn.begin()
            unit = Unit(conn, actor, self.clock(), signer, self)
            try:
                _confirm_actor(conn, actor)
                if not enrolling:
                    self._confirm_enrolled(conn, signer.key_id)
                yield unit
                unit.flush()
                transaction.commit()
            except BaseException:
                # SQLite may already have rolled back (disk full); the driver's rollback is
                # then a no-op, and a failure here must not hide the real error.
                if transaction.is_active:
                    try:
                        transaction.rollback()
                    except DBAPIError:
                        log.exception("rollback failed after an error")
                raise
            finally:
                unit.close()

    def _confirm_enrolled(self, conn: Connection, key_id: str) -> None:
        """Once a process: this desk's key holds a certificate that verifies against a root
        this desk pinned (a certificate row written by anyone else does not)."""
        if self._enrolled:
            return
        if key_id not in self.trusted_keys(conn, refresh=True):
            from taftan_desk.services.keys import NotEnrolled

            raise NotEnrolled(
                f"This desk (key {key_id}) is not enrolled in the station: it can record "
                "nothing until the administrator enrols it with `taftan-desk desk enrol "
                "--root-key FILE`."
            )
        self._enrolled = True


_ACCOUNT = text("SELECT role, active FROM users WHERE id = :id")


def _confirm_actor(conn: Connection, actor: Actor) -> None:
    """The account must still exist, be enabled and hold the role it signed in with: a
    disabled or demoted user's open window cannot go on writing."""
    if actor.user_id is None:
        return
    row = conn.execute(_ACCOUNT, {"id": actor.user_id}).first()
    if row is None or not row.active:
        raise AuthenticationFailed("This account has been disabled: sign in again.")
    if row.role != actor.role.value:
        raise AuthenticationFailed("This account's role has changed: sign in again.")


@contextmanager
def storage_errors(*, reading: bool = False) -> Iterator[None]:
    """Database failures as StorageError in an officer's words. `reading`: nothing was being
    saved, so the message must not say a change was lost."""
    try:
        yield
    except OperationalError as exc:
        raise StorageError(_explain_read(exc) if reading else _explain(exc)) from exc
    except IntegrityError as exc:
        raise StorageError(_explain_integrity(exc)) from exc
    except DataError as exc:  # a value the column refuses: not a damaged file
        raise StorageError(_explain_data(str(exc.orig))) from exc
    except OverflowError as exc:  # SQLite's driver, for an integer beyond 64 bits
        raise StorageError(_explain_data("integer out of range")) from exc
    except UnicodeEncodeError as exc:  # undecodable bytes that reached a statement
        raise StorageError(_explain_data(f"invalid text: {exc.reason}")) from exc
    except DatabaseError as exc:  # e.g. "file is not a database"
        raise StorageError(
            f"The database file cannot be read ({exc.orig}). Nothing was "
            "saved; ask the administrator to check it."
        ) from exc


def _explain_data(reason: str) -> str:
    """The last line of defence behind the services' own checks: say which kind of value the
    database refused, never that the file is unreadable."""
    first = reason.strip().splitlines()[0] if reason.strip() else "no reason given"
    low = first.lower()
    if "too long" in low:
        advice = "A value is longer than the database allows"
        fix = "shorten it and save again"
    elif "out of range" in low or "overflow" in low:
        advice = "A number is too large for the database"
        fix = "check it for extra digits"
    else:
        advice = "A value holds something the database cannot store"
        fix = "retype it and save again"
    return f"{advice} ({first}). Nothing was saved: {fix}."


def _explain_integrity(exc: IntegrityError) -> str:
    text = str(exc.orig).lower()
    if "evidence" in text or "append-only" in text or "amendment" in text or "never" in text:
        return (
            "That record is protected evidence and cannot be changed or removed this way. "
            "Nothing was saved."
        )
    if "unique" in text or "duplicate" in text:
        return (
            "Another desk saved the same record at the same moment. Nothing was saved: "
            "refresh and try again."
        )
    return f"The database refused the change ({exc.orig}). Nothing was saved."


def _explain_read(exc: OperationalError) -> str:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "locked" in text or "busy" in text:
        return "The database is busy with another desk and did not answer in time: try again."
    if "disk i/o" in text:
        return "The disk reported a read fault. Tell the administrator: the storage may be failing."
    if "unable to open" in text or "could not connect" in text or "connection" in text:
        return "The database cannot be reached. Check the connection."
    return f"The database could not be read ({exc.orig})."


def _explain(exc: OperationalError) -> str:
    text = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
    if "locked" in text or "busy" in text:
        return (
            "The database is busy with another desk and did not answer in time. "
            "Nothing was saved: try again in a moment."
        )
    if "disk i/o" in text:
        return (
            "The disk reported a read or write fault: the change was not saved. Tell the "
            "administrator: the storage may be failing."
        )
    if "full" in text or "no space" in text:
        return (
            "Storage is full: the change was not saved, earlier records are safe. "
            "Ask the administrator to free disk space, then save again."
        )
    if "readonly" in text or "read-only" in text:
        return "The database is read-only on this desk: the change was not saved."
    if "unable to open" in text or "could not connect" in text or "connection" in text:
        return "The database cannot be reached: the change was not saved. Check the connection."
    return f"The database refused the change ({exc.orig}). Nothing was saved."
