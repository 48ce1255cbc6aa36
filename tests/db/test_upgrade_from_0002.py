"""A station made before events were signed (schema 0002) upgrades and still checks clean:
its old events are an unsigned prefix, its records lack the columns added since."""

from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from sqlalchemy import text

from taftan_desk.core.roles import Role
from taftan_desk.db import migrate
from taftan_desk.db.engine import make_engine
from taftan_desk.services import audit
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.desk_key import DeskIdentity

AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
STORED_AT = "2026-11-20 08:00:00"  # how SQLite holds AT


def _legacy_station(path: Path) -> None:
    """What schema 0002 held after its first administrator was added (no signatures)."""
    engine = make_engine(str(path))
    with engine.begin() as conn:
        config = migrate.alembic_config(engine)
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        user = {"id": 1, "username": "admin", "full_name": "", "role": "admin",
                "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$legacy", "active": True,
                "failed_logins": 0, "locked_until": None, "created_at": AT,
                "password_changed_at": AT}  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO users VALUES (:id, :username, :full_name, :role, :password_hash, "
                ":active, :failed_logins, :locked_until, :created_at, :password_changed_at)"
            ),
            {**user, "created_at": STORED_AT, "password_changed_at": STORED_AT},
        )
        data = audit.canonical({"after": audit.redact(user)})
        digest = audit.event_hash(audit.GENESIS, 1, AT, None, "cli:x@y", "user_added", "user",
                                  "1", data)  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO audit_events VALUES (1, '2026-11-20 08:00:00', NULL, 'cli:x@y', "
                "'user_added', 'user', '1', :data, :prev, :hash)"
            ),
            {"data": data, "prev": audit.GENESIS, "hash": digest},
        )
        conn.execute(text("INSERT INTO audit_head VALUES (1, 1, :hash)"), {"hash": digest})
    engine.dispose()


def test_a_0002_station_upgrades_and_checks_clean(tmp_path: Path) -> None:
    path = tmp_path / "legacy.db"
    _legacy_station(path)
    engine = make_engine(str(path))
    try:
        backup = migrate.upgrade(engine, tmp_path / "backups")
        assert backup is not None and backup.exists()
        services = Services.build(engine, identity=DeskIdentity.in_memory())
        services.keys.establish(Actor(None, "cli:x@y", Role.ADMIN))
        report = services.health.check()
        assert report.ok, report.render()
        chain = next(line for line in report.lines if line.name == "audit chain")
        assert "the first 1 were written before desks signed events" in chain.detail
        with engine.begin() as conn:  # a changed flag is not hidden by the legacy rule
            conn.execute(text("DROP TRIGGER IF EXISTS users_no_delete"))
            conn.execute(text("UPDATE users SET must_change_password = 1"))
        assert "user 1 differs from its last audited state" in services.health.check().render()
    finally:
        engine.dispose()
