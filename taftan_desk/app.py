"""The composition root: paths, logging, migrations, engine, services and the window.

The database layers (SQLAlchemy, sqlmodel, the services) are imported inside the functions
that need them: the desk shows its sign-in dialog first and loads them while it is on
screen, which halves the wait from launch to a window.
"""

import logging
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from taftan_desk import log as desk_log
from taftan_desk.core.errors import DeskError, StorageError
from taftan_desk.paths import AppPaths

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine

    from taftan_desk.services.container import Services
    from taftan_desk.services.database import Clock

ENV_DB = "TAFTAN_DESK_DB"

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Runtime:
    paths: AppPaths
    url: str
    engine: "Engine"
    services: "Services"


def resolve_url(db_arg: str | None, paths: AppPaths) -> str:
    """--db beats TAFTAN_DESK_DB beats the SQLite file in the user's data directory."""
    from taftan_desk.db.engine import url_from

    chosen = db_arg or os.environ.get(ENV_DB) or paths.default_url
    return url_from(chosen)


def open_runtime(
    db_arg: str | None = None,
    *,
    upgrade: bool = False,
    create: bool = True,
    clock: "Clock | None" = None,
    paths: AppPaths | None = None,
    root_key_file: "Path | None" = None,
) -> Runtime:
    """The services over the chosen database. create=False: an SQLite file must exist
    already (reading commands never leave an empty database where a path was mistyped)."""
    from taftan_desk.db import migrate
    from taftan_desk.db.engine import make_engine
    from taftan_desk.services.container import Services
    from taftan_desk.services.database import utc_now

    paths = paths or AppPaths.for_user()
    url = resolve_url(db_arg, paths)
    engine = make_engine(url, create=create)
    if upgrade:
        migrate.upgrade(engine, paths.backup_dir)
    from taftan_desk.services.desk_key import DeskIdentity

    identity = DeskIdentity.on_disk(paths.data_dir, root_key_file)
    services = Services.build(engine, clock or utc_now, identity)
    return Runtime(paths, url, engine, services)


def main(argv: list[str] | None = None) -> int:
    """Start the desk window (the GUI entry point)."""
    from taftan_desk.cli import main as cli_main

    return cli_main(["gui", *(argv if argv is not None else sys.argv[1:])])


def run_gui(db_arg: str | None) -> int:
    paths = AppPaths.for_user()
    desk_log.configure(paths.log_dir)
    from taftan_desk.ui.desk import run

    return run(lambda: load_desk(db_arg, paths))


def load_desk(db_arg: str | None, paths: AppPaths) -> "Services":
    """The desk's services, at the newest schema. A desk upgrades only its own SQLite file;
    a station server is upgraded once, by `taftan-desk init`, so one desk of a newer version
    never migrates under the others."""
    from sqlalchemy.exc import SQLAlchemyError

    from taftan_desk.db import migrate

    try:
        url = resolve_url(db_arg, paths)
        runtime = open_runtime(db_arg, upgrade=url.startswith("sqlite"), paths=paths)
        migrate.refuse_newer(runtime.engine)
        if not migrate.is_at_head(runtime.engine):
            raise DeskError(
                "The station database is not at this desk's version: ask the "
                "administrator to run `taftan-desk init` on it."
            )
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StorageError(f"The station database cannot be opened ({reason}).") from exc
    return runtime.services
