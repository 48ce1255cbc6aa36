"""Anchors: the audit chain's head, signed by a desk and kept outside the database.

A hash chain alone does not show a truncated tail whose head row was rewritten, or a whole
history recomputed by someone who can write the database. An anchor file (a USB stick, a
share, a printout) holds the head as it was; `check --anchor` proves the log still contains
that exact event, so history anchored once cannot be cut or re-chained unnoticed.
"""

import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime

from taftan_desk.core.errors import StorageError, ValidationError
from taftan_desk.db.models import AuditHead
from taftan_desk.services import audit, keys, settings_service
from taftan_desk.services.database import Database

FORMAT = "taftan-anchor-1"


@dataclass(frozen=True)
class Anchor:
    station: str
    position: int  # the id of the newest event when the anchor was taken
    hash: str
    at: datetime
    key_id: str
    signature: str

    def signed_text(self) -> bytes:
        fields = [FORMAT, self.station, self.position, self.hash, self.at, self.key_id]
        return audit.canonical(fields).encode()

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "station": self.station,
                "position": self.position,
                "hash": self.hash,
                "at": self.at.isoformat(),
                "key_id": self.key_id,
                "signature": self.signature,
            },
            indent=2,
        )


def parse(text: str, source: str) -> Anchor:
    """An anchor file as `to_json` wrote it; ValidationError in words otherwise."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError("not a Taftan Desk anchor")
        anchor = Anchor(
            str(data["station"]),
            int(data["position"]),
            str(data["hash"]),
            datetime.fromisoformat(data["at"]),
            str(data["key_id"]),
            str(data["signature"]),
        )
        if anchor.at.tzinfo is None or anchor.position < 0:
            raise ValueError("damaged fields")
        return anchor
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValidationError(
            f"{source} is not an anchor file written by `taftan-desk audit anchor` ({exc}).",
            field="anchor",
        ) from None


class AnchorService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def take(self) -> Anchor:
        """The chain's head now, signed by this (enrolled) desk, once the head is shown to
        be the newest genuine event: an anchor must never vouch for a rewritten head."""
        key = self.db.identity.key
        with self.db.read() as session:
            conn = session.connection()
            trusted = self.db.trusted_keys(conn, refresh=True)
            if key.key_id not in trusted:
                raise keys.NotEnrolled(
                    "This desk is not enrolled in the station: its anchor could not be "
                    "verified. Take the anchor on an enrolled desk."
                )
            problem = audit.head_problem(conn, trusted)
            if problem is not None:
                raise StorageError(
                    f"The audit log cannot be anchored: {problem}. Run `taftan-desk check`."
                )
            head = session.get(AuditHead, 1)
            station = settings_service.load(session).station_code
        position, digest = (head.last_event_id, head.last_hash) if head else (0, audit.GENESIS)
        unsigned = Anchor(
            station, position, digest, self.db.clock().replace(microsecond=0), key.key_id, ""
        )
        return dataclasses.replace(unsigned, signature=key.sign(unsigned.signed_text()))


def findings(
    anchor: Anchor, source: str, chain: audit.ChainReport, trusted: dict[str, bytes], station: str
) -> list[str]:
    """What is wrong between one anchor and the log as it is now (empty: it holds)."""
    public = trusted.get(anchor.key_id)
    if public is None or not keys.verify_signature(public, anchor.signed_text(), anchor.signature):
        return [f"{source} is not signed by a certified desk of this station: not evidence"]
    if anchor.station != station:
        return [f"{source} is an anchor of station {anchor.station}, not {station}"]
    when = f"{anchor.at:%Y-%m-%d %H:%M} UTC"
    if anchor.position > chain.head_id:
        return [
            f"the log ends at event {chain.head_id}, but on {when} it held event "
            f"{anchor.position} ({source}): events were removed from the end"
        ]
    if anchor.position and chain.hashes_at.get(anchor.position) != anchor.hash:
        return [
            f"event {anchor.position} is not the event anchored on {when} ({source}): "
            "the history before it was rewritten"
        ]
    return []
