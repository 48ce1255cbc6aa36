"""The hash-chained audit log.

Each event's hash is SHA-256 over the previous hash and the event's canonical JSON, so an
edited or deleted event breaks the chain. The head row is locked by every append, which
serialises appends on PostgreSQL as BEGIN IMMEDIATE does on SQLite. A truncated tail or a
fully recomputed chain is caught only against a head kept outside the database; the head
is exposed here for that purpose.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlmodel import Session, select

if TYPE_CHECKING:
    from taftan_desk.services.desk_key import DeskKey

from taftan_desk.db.models import AuditEvent, AuditHead

GENESIS = "0" * 64
# Part of every hash: a later change of what is hashed gets a new name, so old events
# can still be verified by the rules they were written under.
HASH_FORMAT = "taftan-audit-1"


def canonical(value: object) -> str:
    return _CANONICAL.encode(value)


def _default(value: object) -> object:
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# What json.dumps(value, default=_default, sort_keys=True, separators=(",", ":"),
# ensure_ascii=False) would make a new encoder for on every call: made once.
_CANONICAL = json.JSONEncoder(
    default=_default, sort_keys=True, separators=(",", ":"), ensure_ascii=False
)


def event_hash(
    prev_hash: str,
    event_id: int,
    at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    entity: str,
    entity_id: str,
    data_json: str,
) -> str:
    """SHA-256 over the previous hash, the event's header and its stored (canonical) data."""
    header = canonical([event_id, at, actor_id, actor_name, action, entity, entity_id])
    text = f"{HASH_FORMAT}\n{prev_hash}\n{header}\n{data_json}"
    return hashlib.sha256(text.encode()).hexdigest()


SIGNATURE_FORMAT = "taftan-event-sig-1"


def signed_text(digest: str) -> bytes:
    """What a desk signs for an event: its hash, which covers the event and all before it."""
    return f"{SIGNATURE_FORMAT}\n{digest}".encode()


_EVENTS = AuditEvent.__table__  # type: ignore[attr-defined]
_HEAD = AuditHead.__table__  # type: ignore[attr-defined]
_READ_HEAD = sa.select(_HEAD.c.last_event_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1)
# Built once: statement construction costs more than executing a cached one.
_LOCK_HEAD = _READ_HEAD.with_for_update()
_INSERT_EVENT = sa.insert(_EVENTS)
_MOVE_HEAD = (
    sa.update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(last_event_id=sa.bindparam("new_id"), last_hash=sa.bindparam("new_hash"))
)


def lock_head(conn: Connection) -> None:
    """Take the chain's head lock now (it is taken by every append anyway): a transaction
    that must decide before it writes, such as making the station's only root key, then
    decides alone on PostgreSQL as on SQLite."""
    ensure_head(conn)
    conn.execute(_LOCK_HEAD)


def ensure_head(conn: Connection) -> None:
    if conn.execute(_READ_HEAD).first() is None:
        conn.execute(sa.insert(_HEAD).values(id=1, last_event_id=0, last_hash=GENESIS))


def append(
    conn: Connection,
    *,
    at: datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    entity: str,
    entity_id: str,
    data: dict[str, object],
    signer: "DeskKey",
) -> int:
    """Append one event in the caller's transaction, signed by the writing desk; returns its
    id. Core statements, not ORM objects: this runs inside every change the desk makes."""
    at = at.astimezone(UTC)
    head = conn.execute(_LOCK_HEAD).first()
    if head is None:
        ensure_head(conn)
        head = conn.execute(_LOCK_HEAD).first()
    last_id, prev_hash = head
    event_id = last_id + 1
    data_json = canonical(data)
    digest = event_hash(
        prev_hash, event_id, at, actor_id, actor_name, action, entity, entity_id, data_json
    )
    conn.execute(
        _INSERT_EVENT,
        {
            "id": event_id,
            "at": at,
            "actor_id": actor_id,
            "actor_name": actor_name,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "data_json": data_json,
            "prev_hash": prev_hash,
            "hash": digest,
            "key_id": signer.key_id,
            "signature": signer.sign(signed_text(digest)),
        },
    )
    conn.execute(_MOVE_HEAD, {"new_id": event_id, "new_hash": digest})
    return event_id


MAX_PROBLEMS = 1_000  # a wholesale forgery is reported by its first thousand findings


@dataclass
class ChainReport:
    events: int = 0
    head_id: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)
    more_problems: int = 0
    # Events written before desks signed them (schema 0002): only ever a prefix of the log.
    unsigned_before_signing: int = 0
    # Digest of the last audited snapshot of each record, for comparing with live rows.
    last_snapshots: dict[tuple[str, str], bytes] = field(default_factory=dict)
    # The hash at each position asked for (anchors), as the log holds it now.
    hashes_at: dict[int, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        else:
            self.more_problems += 1


def snapshot_digest(snapshot: object) -> bytes:
    """Raw 32 bytes: check keeps one per audited record in memory, a million of them at a
    large station."""
    return hashlib.sha256(canonical(snapshot).encode()).digest()


def verify(
    session: Session,
    keys: Mapping[str, bytes],
    *,
    positions: Iterable[int] = (),
    batch: int = 5_000,
) -> ChainReport:
    """Recompute the whole chain; report edits, deletions, reordering, a head mismatch, and
    events not signed by a desk key in `keys` (the certified ones). An unsigned event is
    accepted only before the first signed one (written before desks signed events)."""
    report = ChainReport()
    wanted = set(positions)
    signatures = _Signatures(keys)
    prev_hash, prev_id = GENESIS, 0
    for event in _stream(session, batch):
        report.events += 1
        if event.id != prev_id + 1:
            report.problem(
                f"Events {prev_id + 1} to {event.id - 1} are missing (deleted from the log)."
            )
        if event.prev_hash != prev_hash:
            report.problem(
                f"Event {event.id} does not follow event {prev_id}: the chain was cut or reordered."
            )
        expected = event_hash(
            event.prev_hash,
            event.id or 0,
            event.at,
            event.actor_id,
            event.actor_name,
            event.action,
            event.entity,
            event.entity_id,
            event.data_json,
        )
        if expected != event.hash:
            report.problem(
                f"Event {event.id} ({event.action} {event.entity} "
                f"{event.entity_id}) was altered after it was written."
            )
        signatures.check(report, event)
        try:
            data = json.loads(event.data_json)
        except ValueError:
            report.problem(f"Event {event.id} holds unreadable data (not JSON).")
            data = {}
        if isinstance(data, dict):
            _remember(report, event.entity, event.entity_id, data)
        if event.id in wanted:
            report.hashes_at[event.id] = event.hash
        prev_hash, prev_id = event.hash, event.id or 0
    head = session.get(AuditHead, 1)
    report.head_id, report.head_hash = prev_id, prev_hash
    if head is not None and (head.last_event_id != prev_id or head.last_hash != prev_hash):
        report.problem(
            f"The log ends at event {prev_id} but its head records event "
            f"{head.last_event_id}: events were removed from the end."
        )
    return report


class _Signatures:
    """Checks each event's signature against the certified desk keys, keeping one parsed
    public key per desk."""

    def __init__(self, keys: Mapping[str, bytes]) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        self._keys = {k: Ed25519PublicKey.from_public_bytes(v) for k, v in keys.items()}
        self._signed_seen = False

    def verifies(self, key_id: str | None, signature: str | None, digest: str) -> bool:
        """A certified desk's signature over this event hash."""
        from cryptography.exceptions import InvalidSignature

        key = self._keys.get(key_id or "")
        if key is None:
            return False
        try:
            key.verify(bytes.fromhex(signature or ""), signed_text(digest))
        except (InvalidSignature, ValueError):
            return False
        return True

    def check(self, report: ChainReport, event: AuditEvent) -> None:
        if event.signature is None and event.key_id is None:
            if self._signed_seen:
                report.problem(
                    f"Event {event.id} ({event.action}) is not signed by any desk: it was "
                    "written behind the desks' back."
                )
            else:
                report.unsigned_before_signing += 1
            return
        self._signed_seen = True
        if event.key_id not in self._keys:
            report.problem(
                f"Event {event.id} ({event.action}) is signed with key {event.key_id!r}, "
                "which the station root never certified."
            )
            return
        if not self.verifies(event.key_id, event.signature, event.hash):
            report.problem(
                f"Event {event.id} ({event.action}) does not carry its desk's signature: "
                "it was written or re-chained outside a desk."
            )


def _stream(session: Session, batch: int) -> Iterator[AuditEvent]:
    last = 0
    while True:
        rows = session.exec(
            select(AuditEvent)
            .where(AuditEvent.id > last)  # type: ignore[operator]
            .order_by(AuditEvent.id)
            .limit(batch)
        ).all()  # type: ignore[arg-type]
        if not rows:
            return
        yield from rows
        last = rows[-1].id or 0
        session.expunge_all()


def _remember(report: "ChainReport", entity: str, entity_id: str, data: dict) -> None:  # type: ignore[type-arg]
    """An event records its main record's state under "after", and the rows written with
    it (seals, approvals, settings) under "also"."""
    if "after" in data:
        report.last_snapshots[(entity, entity_id)] = snapshot_digest(data["after"])
    for item in data.get("also", ()):
        if isinstance(item, dict) and {"entity", "id", "after"} <= item.keys():
            report.last_snapshots[(str(item["entity"]), str(item["id"]))] = snapshot_digest(
                item["after"]
            )


def row_values(row: object) -> dict[str, object]:
    """Every column of a table row, as stored."""
    table = row.__table__  # type: ignore[attr-defined]
    return {column.name: getattr(row, column.name) for column in table.columns}


def row_snapshot(row: object) -> dict[str, object]:
    """Every column of a table row, as the audit log records it."""
    return redact(row_values(row))


_SECRETS = (("password_hash", None), ("value_json", "random_seed"))


def redact(snapshot: dict[str, object]) -> dict[str, object]:
    """Secrets (password hashes, the random-selection seed) enter the append-only log only
    as a digest, which still shows when they change."""
    for column, only_for_key in _SECRETS:
        value = snapshot.get(column)
        if isinstance(value, str) and (only_for_key is None or snapshot.get("key") == only_for_key):
            snapshot = {**snapshot, column: "sha256:" + hashlib.sha256(value.encode()).hexdigest()}
    return snapshot


def also(entity: str, key: object, snapshot: dict[str, object]) -> dict[str, object]:
    """One related row for an event's "also" list."""
    return {"entity": entity, "id": str(key), "after": snapshot}


# Columns added to evidence tables after their rows could first be audited, with the value
# the migration gave existing rows, newest schema first: a record last audited before its
# table grew holds that value in each newer column, and its audited state lacks them.
ADDED_LATER: tuple[tuple[str, dict[str, dict[str, object]]], ...] = (
    ("0009", {"crossings": {"expected_id": None, "manifest_changes_json": None}}),
    ("0006", {"crossings": {"shift_day": None, "shift_no": None}}),
    ("0005", {"crossings": {"revision": 0}}),
    (
        "0003",
        {
            "users": {"must_change_password": False},
            "approvals": {"grant_id": None},
            "crossings": {"on_hold": False},
        },
    ),
)


def matches(table: str, snapshot: dict[str, object], expected: bytes) -> bool:
    """Whether a live row (its stored values, as row_values gives them) is the audited state
    with this digest: as it is, or as an older schema saw it (each column added since then
    still at the value its migration gave)."""
    if snapshot_digest(redact(snapshot)) == expected:
        return True
    older = snapshot
    for _, tables in ADDED_LATER:
        added = tables.get(table, {})
        if not added:
            continue
        if any(older.get(column) != value for column, value in added.items()):
            return False
        older = {k: v for k, v in older.items() if k not in added}
        if snapshot_digest(redact(older)) == expected:
            return True
    return False


_STATES = (
    sa.select(_EVENTS)
    .where(_EVENTS.c.entity == sa.bindparam("entity"))
    .where(_EVENTS.c.entity_id == sa.bindparam("entity_id"))
    .order_by(_EVENTS.c.id.desc())
)
_FIRST_SIGNED = sa.select(sa.func.min(_EVENTS.c.id)).where(_EVENTS.c.signature.is_not(None))


_NEWEST = sa.select(_EVENTS).order_by(_EVENTS.c.id.desc()).limit(1)


def head_problem(conn: Connection, keys: Mapping[str, bytes]) -> str | None:
    """Why the head row cannot be vouched for (an anchor signs it), or None: it must name
    the newest event, whose hash is right and which a certified desk signed."""
    head = conn.execute(_READ_HEAD).first()
    newest = conn.execute(_NEWEST).first()
    if newest is None:
        return None if head is None or head.last_event_id == 0 else "the log is empty"
    if head is None or (head.last_event_id, head.last_hash) != (newest.id, newest.hash):
        return f"the head row does not name the newest event ({newest.id})"
    if not _genuine(conn, newest, keys):
        return f"event {newest.id} is not as a certified desk wrote it"
    return None


class NotAsAudited(Exception):
    """A record differs from its last audited state, or that state's event is not genuine."""


def require_as_audited(
    conn: Connection, table: str, entity: str, row: object, keys: Mapping[str, bytes]
) -> None:
    """Before a desk changes a record (and signs the result), prove the record is as its last
    genuine event left it: that event's hash is right and a certified desk signed it (or it
    is older than the first signed event: a log from before desks signed). A record edited
    behind the desk's back, or an event appended to cover the edit, raises NotAsAudited."""
    entity_id = str(row.id)  # type: ignore[attr-defined]
    for event in conn.execute(_STATES, {"entity": entity, "entity_id": entity_id}):
        data = json.loads(event.data_json)
        if "after" not in data:  # e.g. a print: the record's state is in an earlier event
            continue
        if not _genuine(conn, event, keys):
            raise NotAsAudited(f"event {event.id} of {entity} {entity_id} is not genuine")
        if not matches(table, row_values(row), snapshot_digest(data["after"])):
            raise NotAsAudited(f"{entity} {entity_id} differs from event {event.id}")
        return
    raise NotAsAudited(f"{entity} {entity_id} has no audit event")


def _genuine(conn: Connection, event, keys: Mapping[str, bytes]) -> bool:  # type: ignore[no-untyped-def]
    digest = event_hash(
        event.prev_hash, event.id, event.at, event.actor_id, event.actor_name,
        event.action, event.entity, event.entity_id, event.data_json,
    )  # fmt: skip
    if digest != event.hash:
        return False
    if event.signature is None:
        first_signed = conn.execute(_FIRST_SIGNED).scalar()
        return first_signed is None or event.id < first_signed
    return _Signatures(keys).verifies(event.key_id, event.signature, event.hash)
