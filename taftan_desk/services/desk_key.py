"""The desk's keys and what it trusts, all kept outside the database.

- The desk key (Ed25519, `desk-signing-key`, 0600) signs every audit event this desk writes
  and every document it prints. Its public half is on the station's key list, certified by
  the station root key.
- The station root key's private half is made by `init` and kept by the administrator
  (`station-root-key`, to be moved to removable media): it is needed only to enrol a desk.
- Each desk pins the root's public key in `trusted-station-roots`: `check` and slip
  verification trust only desk keys that a pinned root certified.

A copy of the station database, or an account on its PostgreSQL server, holds none of the
private keys, so it cannot add events, keys or gate passes that verify.
"""

import functools
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from taftan_desk.core import slip_payload
from taftan_desk.core.errors import StorageError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeskKey:
    private: bytes
    public: bytes
    desk: str  # where the key lives, as the station's key list shows it

    @functools.cached_property
    def key_id(self) -> str:  # named in every event the desk writes: computed once
        return slip_payload.key_id_of(self.public)

    @functools.cached_property
    def _signer(self):  # type: ignore[no-untyped-def]
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.private)

    def sign(self, message: bytes) -> str:
        """Ed25519 signature, hex (128 characters)."""
        return self._signer.sign(message).hex()


def ephemeral(desk: str = "") -> DeskKey:
    """A key that lives as long as the process: for tests, benchmarks and demos."""
    private, public = slip_payload.new_key_pair()
    return DeskKey(private, public, desk or f"{socket.gethostname()} (temporary key)")


def from_private(private: bytes, desk: str) -> DeskKey:
    return DeskKey(private, slip_payload.public_key_of(private), desk)


def load_or_create(path: Path, desk: str | None = None) -> DeskKey:
    """The key in `path`, made on first use (readable by this account only)."""
    desk = desk or socket.gethostname()
    try:
        if path.exists():
            return from_private(_read_private(path), desk)
        key = ephemeral(desk)
        write_private(path, key.private)
        log.info("made the signing key %s in %s", key.key_id, path)
        return key
    except (OSError, ValueError) as exc:
        raise StorageError(
            f"The signing key at {path} cannot be read or made ({exc}). Ask the "
            "administrator to check the file."
        ) from exc


def read_private(path: Path) -> bytes:
    """A private key file, for enrolling a desk with the station root key."""
    try:
        return _read_private(path)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise StorageError(f"The key file {path} cannot be read as a Taftan Desk key.") from exc


def _read_private(path: Path) -> bytes:
    private = bytes.fromhex(path.read_text(encoding="ascii").strip())
    if len(private) != 32:
        raise ValueError("not a 32-byte Ed25519 private key")
    return private


def write_private(path: Path, private: bytes) -> None:
    """A new key file, 0600; never overwrites one that exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(private.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


class TrustStore:
    """Station root public keys this machine trusts (key id → raw public key), in memory."""

    def __init__(self) -> None:
        self._roots: dict[str, bytes] = {}

    def roots(self) -> dict[str, bytes]:
        return dict(self._roots)

    def pin(self, public: bytes, label: str) -> None:
        self._roots[slip_payload.key_id_of(public)] = public


class FileTrustStore(TrustStore):
    """Pinned roots in a text file beside the desk key: `KEYID PUBHEX  # station`."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def roots(self) -> dict[str, bytes]:
        roots: dict[str, bytes] = {}
        try:
            lines = self.path.read_text(encoding="ascii").splitlines()
        except FileNotFoundError:
            return roots
        except (OSError, UnicodeDecodeError) as exc:
            raise StorageError(f"The trusted station keys in {self.path} cannot be read.") from exc
        for line in lines:
            fields = line.split("#", 1)[0].split()
            if len(fields) == 2:
                try:
                    public = bytes.fromhex(fields[1])
                except ValueError:
                    continue
                if len(public) == 32 and slip_payload.key_id_of(public) == fields[0]:
                    roots[fields[0]] = public
        return roots

    def pin(self, public: bytes, label: str) -> None:
        key_id = slip_payload.key_id_of(public)
        if key_id in self.roots():
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="ascii") as handle:
            safe = label.encode("ascii", "replace").decode("ascii").replace("\n", " ")
            handle.write(f"{key_id} {public.hex()}  # {safe}\n")
            handle.flush()
            os.fsync(handle.fileno())


@dataclass
class DeskIdentity:
    """Everything the desk holds outside the database: its key (read or made when first
    needed), the roots it trusts, and where `init` puts a new station root key (None: kept
    in memory, for tests and benchmarks)."""

    key_source: Callable[[], DeskKey]
    trust: TrustStore
    root_key_file: Path | None = None

    @functools.cached_property
    def key(self) -> DeskKey:
        return self.key_source()

    @classmethod
    def in_memory(cls, key: DeskKey | None = None) -> "DeskIdentity":
        made = key or ephemeral()
        return cls(lambda: made, TrustStore())

    @classmethod
    def on_disk(cls, data_dir: Path, root_key_file: Path | None = None) -> "DeskIdentity":
        key_file = data_dir / "desk-signing-key"
        return cls(
            lambda: load_or_create(key_file),
            FileTrustStore(data_dir / "trusted-station-roots"),
            root_key_file or data_dir / "station-root-key",
        )
