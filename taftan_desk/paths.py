"""Where the desk keeps its files: a value passed around, not import-time globals."""

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "taftan-desk"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path
    backup_dir: Path

    @property
    def default_database(self) -> Path:
        return self.data_dir / "taftan-desk.db"

    @property
    def default_url(self) -> str:
        return f"sqlite:///{self.default_database}"

    @classmethod
    def for_user(cls) -> "AppPaths":
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        logs = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        return cls(data_dir=data, log_dir=logs, backup_dir=data / "backups")


class NotAFile(OSError):
    """The target exists and is not a regular file: a folder, a device, a pipe."""


def refuse_unless_file(path: Path) -> None:
    """Raise NotAFile when `path` exists as anything but a regular file (through symlinks);
    its strerror says what it is, in words."""
    try:
        mode = os.stat(path).st_mode  # follows a symlink: a link to a device is a device
    except (FileNotFoundError, NotADirectoryError):
        return
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise NotAFile(errno.EISDIR, f"{path} is a folder, not a file", str(path))
    kind = "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
    kind = "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else kind
    raise NotAFile(errno.EEXIST, f"{path} is {kind}, not a file", str(path))


def write_atomically(path: Path, data: bytes) -> None:
    """A half-written file (a PDF, an export) never takes the place of a good one, and only
    a regular file is ever replaced: run as root, a PDF written "to" /dev/full would
    otherwise replace the device itself."""
    refuse_unless_file(path)
    temporary = _temporary(path)
    try:
        with temporary.open("wb") as handle:  # the user's umask decides who may read it
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def check_writable(path: Path) -> None:
    """Raise OSError now if write_atomically(path, ...) could not even start (a target that
    is no file, a missing or read-only folder, a name too long): before a document is
    issued and counted, not after."""
    refuse_unless_file(path)
    probe = _temporary(path)
    with probe.open("xb"):
        pass
    probe.unlink()


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.partial")
