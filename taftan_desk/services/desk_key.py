"""The desk's slip-signing key: private half in a file on this desk, public half in the
database so every desk and checkpoint of the station can verify what this desk printed.

Keeping the private key out of the database means a copy of the station database (or an
account on the PostgreSQL server) is not enough to forge a gate pass.
"""

import logging
import os
import socket
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

    @property
    def key_id(self) -> str:
        return slip_payload.key_id_of(self.public)


def ephemeral() -> DeskKey:
    """A key that lives as long as the process: for tests, benchmarks and demos."""
    private, public = slip_payload.new_key_pair()
    return DeskKey(private, public, f"{socket.gethostname()} (temporary key)")


def load_or_create(path: Path) -> DeskKey:
    """The desk's key from `path`, made on first use (readable by this account only)."""
    desk = socket.gethostname()
    try:
        if path.exists():
            private = bytes.fromhex(path.read_text(encoding="ascii").strip())
            return DeskKey(private, slip_payload.public_key_of(private), desk)
        private, public = slip_payload.new_key_pair()
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(private.hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        log.info("made this desk's slip-signing key %s", slip_payload.key_id_of(public))
        return DeskKey(private, public, desk)
    except (OSError, ValueError) as exc:
        raise StorageError(
            f"The desk's slip-signing key at {path} cannot be read or made ({exc}). "
            "Ask the administrator to check the file (a damaged key file can be removed: "
            "the desk then makes a new key)."
        ) from exc
