import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine, url_from, writer


def test_migrations_produce_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "m.db"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    assert diff == []
    assert migrate.is_at_head(engine)


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "p.db"))
    with engine.connect() as conn:
        values = [
            conn.execute(text(f"PRAGMA {p}")).scalar()
            for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        ]
    assert values == ["wal", 2, 1, 10_000]


def test_writers_take_the_lock_at_begin(tmp_path: Path) -> None:
    """A second writer waits at BEGIN IMMEDIATE instead of failing half-way."""
    engine = make_engine(str(tmp_path / "w.db"))
    with writer(engine).begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    raw = sqlite3.connect(tmp_path / "w.db", timeout=0)
    with writer(engine).begin() as conn:
        conn.execute(text("SELECT count(*) FROM t"))  # only a read so far, lock already held
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            raw.execute("BEGIN IMMEDIATE")
    raw.close()


def test_plain_paths_become_sqlite_urls(tmp_path: Path) -> None:
    assert url_from(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert url_from("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_existing_file_is_backed_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(str(path))
    with engine.begin() as conn:  # a database from before the first migration
        conn.execute(text("CREATE TABLE legacy (x INTEGER)"))
        conn.execute(text("INSERT INTO legacy VALUES (42)"))
    backup = migrate.upgrade(engine, tmp_path / "backups")
    assert backup is not None and backup.exists()
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT x FROM legacy").fetchall() == [(42,)]
    copy.close()
    assert migrate.upgrade(engine, tmp_path / "backups") is None  # at head: nothing to do


def test_fresh_file_needs_no_backup(tmp_path: Path) -> None:
    assert migrate.upgrade(make_engine(str(tmp_path / "new.db"))) is None


def test_entry_numbers_from_threads_never_collide(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from taftan_desk.services import entry_numbers

    engine = make_engine(str(tmp_path / "e.db"))
    migrate.upgrade(engine)
    issued: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(25):
            with writer(engine).begin() as conn:
                number = entry_numbers.allocate(conn, datetime(2026, 5, 1, tzinfo=UTC))
            with lock:
                issued.append(number)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(issued) == 100 and len(set(issued)) == 100
    assert sorted(issued)[-1] == "2600000100"


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    assert migrate.head_revision() == migrate.alembic_head()
