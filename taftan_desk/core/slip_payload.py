"""The signed QR payload on printed slips: any checkpoint verifies a slip offline.

Format (version 1), one line of text:

    TD1*TFT*K3QF7A*2600000123*MSCU1234565*C*1*18420*RELEASED*20261127093000*<signature>

Fields, in order: version tag, station code, key id, entry number, container number, kind
letter (E entry, C clearance, H hold, X exam), copy number (1 = original), net kg (empty when
not weighed), decision (upper case, '_' written as '-'), issue instant in UTC to the second
(YYYYMMDDhhmmss), then the signature. The signature is Ed25519 over the exact ASCII bytes of
everything before it, the version tag and the last '*' included.

Why this shape:
- **Ed25519, not HMAC**: a checkpoint holds only the station's public key, so it can check
  slips but never make one. An HMAC secret on every checkpoint laptop would let any of them
  forge slips. Key ids let a station rotate keys while old slips stay verifiable.
- **Everything stays in QR alphanumeric mode** (0-9 A-Z space $%*+-./:), 5.5 bits a
  character instead of 8 in byte mode. The signature is RFC 4648 **base32 without padding**
  (A-Z 2-7, 103 characters): base64url would force the whole code into byte mode
  (86 x 8 = 688 bits against 103 x 5.5 = 567 bits), and base45 would save only ~40 bits
  while putting the separator characters inside the signature. A typical slip code is about
  175 characters: a version 7 symbol (45 x 45 modules) at error correction M.
- `*` separates fields: it is alphanumeric-mode, never occurs in any field and reads clearly.
- Verification is strict: the text must be exactly what `sign` produces (canonical base32,
  no padding, no lower case), so that an edited character can never verify.

Pure functions: no I/O, no clock. `verify` never raises for bad input; it returns a Verdict
whose reason an officer can read out.
"""

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from taftan_desk.core import containers

VERSION = 1
TAG = f"TD{VERSION}"
SEP = "*"
KINDS: dict[str, str] = {"entry": "E", "clearance": "C", "hold": "H", "exam": "X"}
_KIND_OF_LETTER = {letter: kind for kind, letter in KINDS.items()}
MAX_TEXT = 400  # a real code is ~175 characters; anything far longer is not ours
SIGNATURE_CHARS = 103  # 64 bytes in unpadded base32

_STATION = re.compile(r"[A-Z]{3,5}", re.ASCII)
_KEY_ID = re.compile(r"[A-Z0-9]{1,8}", re.ASCII)
_ENTRY = re.compile(r"[0-9]{10}", re.ASCII)
_DECISION = re.compile(r"[a-z]+(_[a-z]+)*", re.ASCII)
_TAG = re.compile(r"TD([0-9]{1,3})", re.ASCII)


@dataclass(frozen=True)
class SlipClaim:
    """What a printed slip asserts, as the station signed it."""

    station_code: str
    entry_no: str
    container_no: str
    kind: str
    copy_no: int
    net_kg: int | None
    decision: str
    issued_at: datetime
    key_id: str


FIELD_COUNT = 1 + len(fields(SlipClaim)) + 1  # the version tag, the claim, the signature


@dataclass(frozen=True)
class Verdict:
    genuine: bool
    claim: SlipClaim | None
    reason: str


class _Malformed(Exception):
    """A field that cannot be what `sign` wrote; the message goes into the Verdict."""


# -- keys ----------------------------------------------------------------------------------


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh station key: (raw 32-byte private key, raw 32-byte public key)."""
    private = Ed25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def public_key_of(private_key: bytes) -> bytes:
    return _raw_public(Ed25519PrivateKey.from_private_bytes(private_key).public_key())


def key_id_of(public_key: bytes) -> str:
    """Six base32 characters of the key's SHA-256: short enough to print, and ~1 in a billion
    that two of a few hundred station keys share one."""
    return base64.b32encode(hashlib.sha256(public_key).digest()).decode("ascii")[:6]


def payload_hash(text: str) -> str:
    """SHA-256 hex of the payload text, for the printed-document record."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _raw_private(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# -- signing -------------------------------------------------------------------------------


def sign(claim: SlipClaim, private_key: bytes) -> str:
    """The full payload text for a QR code; ValueError (in words) for a claim it cannot carry."""
    if not isinstance(private_key, bytes) or len(private_key) != 32:
        raise ValueError("the station's private key must be 32 raw bytes (Ed25519)")
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    own_id = key_id_of(_raw_public(key.public_key()))
    if claim.key_id != own_id:
        raise ValueError(
            f"the claim names key {claim.key_id!r} but this private key's id is {own_id!r}: "
            "checkpoints would reject every slip signed this way"
        )
    body = _encode(claim) + SEP
    signature = key.sign(body.encode("ascii"))
    return body + _b32(signature)


def _encode(claim: SlipClaim) -> str:
    _check_claim(claim)
    issued = claim.issued_at.astimezone(UTC)
    fields = (
        TAG,
        claim.station_code,
        claim.key_id,
        claim.entry_no,
        claim.container_no,
        KINDS[claim.kind],
        str(claim.copy_no),
        "" if claim.net_kg is None else str(claim.net_kg),
        claim.decision.upper().replace("_", "-"),
        f"{issued.year:04d}{issued:%m%d%H%M%S}",
    )
    return SEP.join(fields)


def _check_claim(claim: SlipClaim) -> None:
    _require(_STATION, claim.station_code, "station code", "3 to 5 letters A-Z, e.g. TFT")
    _require(_KEY_ID, claim.key_id, "key id", "1 to 8 characters A-Z 0-9")
    _require(_ENTRY, claim.entry_no, "entry number", "10 digits 0-9 (year + 8-digit sequence)")
    if not (isinstance(claim.container_no, str) and containers.is_valid(claim.container_no)):
        raise ValueError(f"container number {claim.container_no!r} is not a valid ISO 6346 number")
    if containers.normalise(claim.container_no) != claim.container_no:
        raise ValueError(
            f"container number {claim.container_no!r} must be written without spaces or "
            "hyphens, in capitals (e.g. MSCU1234565)"
        )
    if claim.kind not in KINDS:
        raise ValueError(f"slip kind {claim.kind!r} is not one of {', '.join(KINDS)}")
    if type(claim.copy_no) is not int or not 1 <= claim.copy_no <= 99:
        raise ValueError(f"copy number {claim.copy_no!r} must be a whole number from 1 to 99")
    if claim.net_kg is not None and (
        type(claim.net_kg) is not int or not 0 <= claim.net_kg <= 999_999
    ):
        raise ValueError(f"net weight {claim.net_kg!r} must be whole kilograms 0-999,999 or None")
    _require(_DECISION, claim.decision, "decision", "lower-case words joined by '_'")
    if len(claim.decision) > 20:
        raise ValueError(f"decision {claim.decision!r} is longer than 20 characters")
    if not isinstance(claim.issued_at, datetime) or claim.issued_at.utcoffset() is None:
        raise ValueError("issued_at must be a timezone-aware datetime")


def _require(pattern: re.Pattern[str], value: object, label: str, rule: str) -> None:
    if not (isinstance(value, str) and pattern.fullmatch(value)):
        raise ValueError(f"{label} {value!r} is not valid: {rule}")


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


# -- verifying -----------------------------------------------------------------------------

NOT_OURS = "not a Taftan Desk slip code"
FORGED = "forged: the signature does not match the printed data (edited or made up)"


def normalise(scanned: str) -> str:
    """The text as the desk signed it: scanners add CR, LF or Tab before or after a read.
    Call this once where the text comes in, and give the same text to `verify` and to any
    record lookup (`payload_hash`)."""
    return scanned.strip(" \t\r\n") if isinstance(scanned, str) else scanned


def verify(text: str, public_keys: Mapping[str, bytes]) -> Verdict:
    """Check a scanned payload against the station keys this checkpoint holds (by key id)."""
    try:
        return _verify(text, public_keys)
    except Exception as exc:  # a checkpoint must get an answer, never a traceback
        return Verdict(False, None, f"could not check this code: {type(exc).__name__}")


def _verify(text: object, public_keys: Mapping[str, bytes]) -> Verdict:
    if not isinstance(text, str):
        return Verdict(False, None, NOT_OURS)
    if not text or len(text) > MAX_TEXT or not text.isascii() or not text.isprintable():
        return Verdict(False, None, NOT_OURS)
    parts = text.split(SEP)
    version = _TAG.fullmatch(parts[0])
    if version is None:
        return Verdict(False, None, NOT_OURS)
    if int(version.group(1)) > VERSION:
        return Verdict(False, None, f"made by a newer version of Taftan Desk ({parts[0]})")
    if int(version.group(1)) != VERSION:
        return Verdict(False, None, f"{NOT_OURS} (unknown version {parts[0]})")
    if len(parts) != FIELD_COUNT:
        return Verdict(False, None, f"malformed: {len(parts)} fields instead of {FIELD_COUNT}")
    return _check_signature(text, parts, public_keys)


def _check_signature(text: str, parts: list[str], public_keys: Mapping[str, bytes]) -> Verdict:
    station, key_id = parts[1], parts[2]
    public = public_keys.get(key_id) if _KEY_ID.fullmatch(key_id) else None
    if public is None:
        return Verdict(
            False,
            None,
            f"unknown station key {key_id[:12]!r} (station {station[:8]!r}) — "
            "ask for the station's current public key",
        )
    signature = _b32_strict(parts[-1])
    if signature is None:
        return Verdict(False, None, f"{FORGED}: the signature is damaged")
    try:
        key = Ed25519PublicKey.from_public_bytes(public)
    except ValueError:
        return Verdict(False, None, f"the checkpoint's copy of station key {key_id} is damaged")
    try:
        key.verify(signature, text[: -len(parts[-1])].encode("ascii"))
    except InvalidSignature:
        return Verdict(False, None, FORGED)
    try:
        claim = _decode(parts)
    except _Malformed as exc:
        return Verdict(False, None, f"malformed field: {exc}")
    return Verdict(True, claim, f"genuine: signed by {claim.station_code} station key {key_id}")


def _b32_strict(text: str) -> bytes | None:
    """Only the exact text `sign` writes: base32's last character carries spare bits, and a
    lenient decoder would accept an edited last character as the same signature."""
    if len(text) != SIGNATURE_CHARS:
        return None
    try:
        data = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        return None
    return data if len(data) == 64 and _b32(data) == text else None


def _decode(parts: list[str]) -> SlipClaim:
    """The claim a signed text makes. It must be exactly the text `sign` writes for that
    claim (one claim, one text), which also rules out every malformed field."""
    _, station, key_id, entry, container, kind, copy, net, decision, instant, _ = parts
    try:
        claim = SlipClaim(
            station, entry, container, _KIND_OF_LETTER[kind], int(copy),
            int(net) if net else None, decision.lower().replace("-", "_"),
            datetime.strptime(instant, "%Y%m%d%H%M%S").replace(tzinfo=UTC), key_id,
        )  # fmt: skip
        canonical = _encode(claim)
    except (KeyError, ValueError) as exc:
        raise _Malformed(str(exc)) from None
    if canonical != SEP.join(parts[:-1]):
        raise _Malformed("the fields are not written the way Taftan Desk writes them")
    return claim
