"""The station's keys: a root key certifies each desk key; only certified desk keys may
write evidence and sign documents.

`establish` makes the station root at `init` (or the first launch) and enrols the desk that
runs it, in one step. `enrol` adds another desk: it needs the root's private key, which the
administrator keeps outside the database. A key row or certificate written into the database
by anyone else does not verify against the root this desk has pinned.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection

from taftan_desk.core import slip_payload
from taftan_desk.core.errors import DeskError, PermissionDenied, StorageError
from taftan_desk.core.roles import Permission
from taftan_desk.db.models import KeyCertificate, StationKey
from taftan_desk.services import audit, desk_key
from taftan_desk.services.database import Actor, Database, Unit

CERT_FORMAT = "taftan-key-cert-1"
ROOT_LABEL = "station root key"
_KEYS = StationKey.__table__  # type: ignore[attr-defined]
_CERTS = KeyCertificate.__table__  # type: ignore[attr-defined]


class NotEnrolled(DeskError):
    """This desk's key is not certified by the station root: it may not write evidence."""


def certificate_message(
    root_key_id: str, key_id: str, public_hex: str, desk: str, issued_at: datetime
) -> bytes:
    return audit.canonical([CERT_FORMAT, root_key_id, key_id, public_hex, desk, issued_at]).encode()


def verify_signature(public: bytes, message: bytes, signature_hex: str | None) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(
            bytes.fromhex(signature_hex or ""), message
        )
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class KeyReport:
    """The keys a desk may trust: certified by a pinned root, certificate intact."""

    roots: dict[str, bytes]  # the station's root(s) in the database that this desk pinned
    trusted: dict[str, bytes]  # certified desk keys: key id → public key
    problems: list[str]


def key_report(conn: Connection, pinned: dict[str, bytes]) -> KeyReport:
    keys = {row.key_id: row for row in conn.execute(sa.select(_KEYS))}
    certs = list(conn.execute(sa.select(_CERTS).order_by(_CERTS.c.id)))
    roots, problems = _roots(keys, certs, pinned)
    trusted = {
        cert.key_id: bytes.fromhex(keys[cert.key_id].public_key)
        for cert in certs
        if cert.key_id != cert.root_key_id
        and cert.key_id in keys
        and cert.root_key_id in roots
        and _certified(keys[cert.key_id], cert, roots[cert.root_key_id])
    }
    problems += [
        f"key {key_id} ({row.desk}) has no valid certificate from the station root"
        for key_id, row in keys.items()
        if key_id not in trusted and key_id not in roots
    ]
    return KeyReport(roots, trusted, problems)


def _roots(keys: dict, certs: list, pinned: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:  # type: ignore[type-arg]
    """The station roots in the database that this desk pinned, with intact records."""
    roots: dict[str, bytes] = {}
    problems: list[str] = []
    for cert in (c for c in certs if c.key_id == c.root_key_id):
        if cert.key_id not in pinned:
            problems.append(
                f"the station root key {cert.key_id} in the database is not one this desk "
                "trusts (a root added behind the desks' back, or this desk was never enrolled)"
            )
        elif cert.key_id in keys and _certified(keys[cert.key_id], cert, pinned[cert.key_id]):
            roots[cert.key_id] = pinned[cert.key_id]
        else:
            problems.append(f"the station root key {cert.key_id}'s own record was altered")
    if not pinned:
        problems.append(
            "this machine trusts no station root key: enrol it (`taftan-desk desk enrol`)"
        )
    elif not any(cert.key_id == cert.root_key_id for cert in certs):
        problems.append(
            f"this desk trusts station root {', '.join(sorted(pinned))}, but the database "
            "holds no station root: its keys (and what they signed) were removed, or this is "
            "not the station's database"
        )
    return roots, problems


def _certified(row, cert, root_public: bytes) -> bool:  # type: ignore[no-untyped-def]
    try:
        public = bytes.fromhex(row.public_key)
    except ValueError:
        return False
    if slip_payload.key_id_of(public) != row.key_id:
        return False
    message = certificate_message(
        cert.root_key_id, row.key_id, row.public_key, row.desk, cert.issued_at
    )
    return verify_signature(root_public, message, cert.signature)


@dataclass(frozen=True)
class Establishment:
    root_key_id: str
    root_key_file: Path | None  # where the new root's private key was written (None: not kept)
    created: bool  # False: the station already had its root and this desk is enrolled


class KeyService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def identity(self) -> desk_key.DeskIdentity:
        return self.db.identity

    def report(self) -> KeyReport:
        with self.db.read() as session:
            return key_report(session.connection(), self.identity.trust.roots())

    def establish(self, actor: Actor) -> Establishment:
        """The station's root key and this desk's enrolment, once (repeatable: a station
        that has its root is left as it is)."""
        with self.db.read() as session:
            conn = session.connection()
            existing = _root_id(conn)
            if existing is not None:
                if self.identity.key.key_id not in self.db.trusted_keys(conn, refresh=True):
                    raise NotEnrolled(
                        "The station has its root key but this desk is not enrolled: "
                        "run `taftan-desk desk enrol --root-key FILE` with the station root key."
                    )
                return Establishment(existing, None, False)
        actor.require(Permission.MANAGE_USERS)
        root_private, where = self._new_root()
        self._certify(actor, root_private, include_root=True)
        root_id = slip_payload.key_id_of(slip_payload.public_key_of(root_private))
        return Establishment(root_id, where, True)

    def enrol(self, actor: Actor, root_private: bytes) -> str:
        """Certify this desk's key with the station root key (brought on removable media)."""
        actor.require(Permission.MANAGE_USERS)
        root_public = slip_payload.public_key_of(root_private)
        with self.db.read() as session:
            root_id = _root_id(session.connection())
        if root_id is None:
            raise NotEnrolled("This station has no root key yet: run `taftan-desk init` first.")
        if root_id != slip_payload.key_id_of(root_public):
            raise PermissionDenied(
                f"That is not this station's root key (the station's is {root_id})."
            )
        return self._certify(actor, root_private, include_root=False)

    def _new_root(self) -> tuple[bytes, Path | None]:
        path = self.identity.root_key_file
        if path is None:  # tests and benchmarks: the root enrols this desk, then is forgotten
            return desk_key.ephemeral(ROOT_LABEL).private, None
        try:
            if path.exists():  # an earlier init that did not reach the database
                return desk_key.read_private(path), path
            root = desk_key.ephemeral(ROOT_LABEL)
            desk_key.write_private(path, root.private)
        except OSError as exc:
            raise StorageError(
                f"The station root key cannot be written to {path} ({exc})."
            ) from exc
        return root.private, path

    def _certify(self, actor: Actor, root_private: bytes, *, include_root: bool) -> str:
        root = desk_key.from_private(root_private, ROOT_LABEL)
        desk = self.identity.key
        with self.db.write(actor, enrolling=True) as unit:
            issued = unit.now.replace(microsecond=0)
            also: list[dict[str, object]] = []
            audit.lock_head(unit.conn)
            if include_root and _root_id(unit.conn) is not None:
                raise DeskError(
                    "Another desk made the station's root key meanwhile: run the command again."
                )
            if include_root:
                also += _add_key(unit, root, issued)
                also += _add_cert(unit, root, root, issued)
            elif desk.key_id in key_report(unit.conn, {root.key_id: root.public}).trusted:
                self.identity.trust.pin(root.public, ROOT_LABEL)
                return desk.key_id
            also += _add_key(unit, desk, issued)
            also += _add_cert(unit, root, desk, issued)
            unit.audit(
                "station_root_created" if include_root else "desk_enrolled",
                "station_key",
                desk.key_id,
                {"root_key_id": root.key_id, "desk": desk.desk, "also": also},
            )
        self.identity.trust.pin(root.public, ROOT_LABEL)  # once the database holds the root
        self.db.forget_enrolment()
        return desk.key_id


def _root_id(conn: Connection) -> str | None:
    return conn.execute(
        sa.select(_CERTS.c.key_id)
        .where(_CERTS.c.key_id == _CERTS.c.root_key_id)
        .order_by(_CERTS.c.id)
        .limit(1)
    ).scalar()


def _add_key(unit: Unit, key: desk_key.DeskKey, at: datetime) -> list[dict[str, object]]:
    if unit.conn.execute(sa.select(_KEYS.c.key_id).where(_KEYS.c.key_id == key.key_id)).first():
        return []
    values: dict[str, object] = {
        "key_id": key.key_id,
        "public_key": key.public.hex(),
        "desk": key.desk[:120],
        "registered_at": at,
        "registered_by": unit.actor.user_id,
    }
    unit.conn.execute(sa.insert(_KEYS), values)
    return [audit.also("station_key", key.key_id, values)]


def _add_cert(
    unit: Unit, root: desk_key.DeskKey, key: desk_key.DeskKey, at: datetime
) -> list[dict[str, object]]:
    row = unit.conn.execute(sa.select(_KEYS).where(_KEYS.c.key_id == key.key_id)).one()
    message = certificate_message(root.key_id, row.key_id, row.public_key, row.desk, at)
    values: dict[str, object] = {
        "key_id": key.key_id,
        "root_key_id": root.key_id,
        "signature": root.sign(message),
        "issued_at": at,
        "issued_by": unit.actor.user_id,
    }
    values["id"] = unit.conn.execute(sa.insert(_CERTS).returning(_CERTS.c.id), values).scalar_one()
    return [audit.also("key_certificate", values["id"], values)]
