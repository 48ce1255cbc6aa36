"""Logging: a rotating file in the log directory, plus stderr for the command line."""

import logging
import logging.handlers
from pathlib import Path


def configure(log_dir: Path | None, *, level: int = logging.INFO, stderr: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_dir is not None:
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                log_dir / "taftan-desk.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
            handler.setFormatter(fmt)
            root.addHandler(handler)
        except OSError:
            logging.getLogger(__name__).warning("cannot write logs to %s", log_dir)
    if stderr:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        handler.setFormatter(fmt)
        root.addHandler(handler)
