"""Create or upgrade a database to the newest schema, backing up an existing file first.

Alembic is imported only when a migration has to run: a desk that is already at the
newest schema starts without it (it costs a sixth of a second of start-up).
"""

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from taftan_desk.core.errors import StorageError
from taftan_desk.db.engine import sqlite_path

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions; a test checks it against alembic's own view.
HEAD_REVISION = "0011"


def alembic_config(engine: Engine) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # configparser interpolates '%': a URL-encoded password must be escaped, not crash.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    config.set_main_option("sqlalchemy.url", url)
    return config


def head_revision() -> str:
    return HEAD_REVISION


def known_revisions() -> frozenset[str]:
    """Every revision this desk can upgrade from, read from the scripts' names ('0002_...');
    a test checks them against alembic's own walk of the scripts."""
    scripts = (MIGRATIONS / "versions").glob("[0-9]*_*.py*")  # .pyc in a sourceless build
    return frozenset({HEAD_REVISION, *(path.name.split("_", 1)[0] for path in scripts)})


def newer_schema_text(revision: str) -> str:
    return (
        f"made by a newer version of Taftan Desk (schema {revision}; this desk knows up to "
        f"{head_revision()}): use the newer version"
    )


class SchemaTooNew(StorageError):
    """The database's schema is one this desk's migrations do not know: it came later."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"The database was {newer_schema_text(revision)}.")
        self.revision = revision


def is_newer(revision: str) -> bool:
    return revision not in known_revisions()


def refuse_newer(engine: Engine) -> None:
    """Raise SchemaTooNew when a newer desk has upgraded this database past what we know."""
    current = current_revision(engine)
    if current is not None and is_newer(current):
        raise SchemaTooNew(current)


def alembic_head() -> str | None:
    """The head as alembic reads it from the scripts (for the test that guards HEAD_REVISION)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def is_at_head(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to head. Returns the backup made of an existing SQLite file, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    if current is not None and is_newer(current):  # before a backup: retries add none
        raise SchemaTooNew(current)
    backup = None
    path = sqlite_path(engine)
    if path is not None and path.exists() and _has_tables(engine):
        backup = backup_sqlite(
            path, (backup_dir or path.parent / "backups"), label=f"pre-migrate-{current or 'none'}"
        )
    from alembic import command

    with engine.begin() as conn:
        config = alembic_config(engine)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    log.info("database migrated from %s to %s", current, head_revision())
    return backup


def _has_tables(engine: Engine) -> bool:
    return bool(inspect(engine).get_table_names())


def backup_sqlite(path: Path, directory: Path, label: str) -> Path:
    """Online backup through SQLite's backup API: consistent even while desks keep writing."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = directory / f"{path.stem}-{label}-{stamp}.db"
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    log.info("backed up %s to %s", path, target)
    return target
