"""Where the desk keeps its files: a value passed around, not import-time globals."""

import os
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


def write_atomically(path: Path, data: bytes) -> None:
    """A half-written file (a PDF, an export) never takes the place of a good one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with temporary.open("wb") as handle:  # the user's umask decides who may read it
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
