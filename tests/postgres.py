"""A throwaway PostgreSQL cluster for the server tests: initdb + pg_ctl in a temp directory.

initdb refuses to run as root, so under root the cluster belongs to the `postgres` account
that Debian's package creates. Without PostgreSQL the tests skip, unless
TAFTAN_REQUIRE_POSTGRES=1 (set by CI) turns that into a failure.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and (Path(found).resolve().parent / "initdb").exists():
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _runner() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def cluster() -> Iterator[str | None]:
    """Yield a SQLAlchemy URL of a fresh database, or None when PostgreSQL is not installed."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        yield None
        return
    # Not under pytest's tmp_path: its 0700 root-owned parents keep the postgres account out.
    base = Path(tempfile.mkdtemp(prefix="taftan-pg-"))
    data, sockets = base / "data", base / "sock"
    sockets.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    run = _runner()
    subprocess.run(
        [
            *run,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "desk",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-locale",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *run,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(base / "server.log"),
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [
                *run,
                str(bin_dir / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "desk",
                "taftan",
            ],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://desk@127.0.0.1:{port}/taftan"
    finally:
        subprocess.run(
            [*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def own_database(pg_url: str, prefix: str) -> Iterator[str]:
    """A database of the test's own on the session's cluster (dropped after): the shared one
    keeps the accounts and crossings other tests made."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # a name cannot be a bound parameter
    try:
        yield make_url(pg_url).set(database=name).render_as_string(False)
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        server.dispose()
