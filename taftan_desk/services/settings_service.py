"""Station settings: read by every use-case, changed only by administrators, audited."""

import functools
import json
import secrets

from sqlalchemy import Connection, bindparam
from sqlalchemy import select as sa_select
from sqlmodel import Session

from taftan_desk.core import station_settings as core_settings
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.owners import DEFAULT_KNOWN_OWNERS
from taftan_desk.core.roles import Permission
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.models import KnownOwner, StationSetting
from taftan_desk.services import audit
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Actor, Database, Unit

_ROWS = sa_select(StationSetting.key, StationSetting.value_json)  # type: ignore[call-overload]


def load(source: Session | Connection) -> StationSettings:
    """The station's settings as stored now; parsing is cached on the stored text, so every
    desk still sees a change at its next transaction."""
    conn = source.connection() if isinstance(source, Session) else source
    rows = tuple(sorted((key, value) for key, value in conn.execute(_ROWS)))
    return _parse(rows)


@functools.lru_cache(maxsize=8)
def _parse(rows: tuple[tuple[str, str], ...]) -> StationSettings:
    return core_settings.from_mapping({key: json.loads(value) for key, value in rows})


_OWNER = sa_select(KnownOwner.code).where(KnownOwner.code == bindparam("code"))  # type: ignore[arg-type]


def known_owner(conn: Connection, code: str) -> bool:
    return conn.execute(_OWNER, {"code": code}).first() is not None


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def current(self) -> StationSettings:
        with self.db.read() as session:
            return load(session)

    def is_initialised(self) -> bool:
        with self.db.read() as session:
            return session.get(StationSetting, "station_code") is not None

    def initialise(
        self,
        actor: Actor,
        station_code: str | None = None,
        station_name: str | None = None,
        timezone: str | None = None,
    ) -> bool:
        """Write defaults, a random-selection seed and the known owners once. Idempotent:
        returns False when the station was already set up (a given code is then applied)."""
        with self.db.write(actor) as unit:
            audit.ensure_head(unit.conn)
            if unit.session.get(StationSetting, "station_code") is not None:
                changes = {
                    k: v
                    for k, v in (
                        ("station_code", station_code),
                        ("station_name", station_name),
                        ("timezone", timezone),
                    )
                    if v
                }
                if changes:
                    actor.require(Permission.CHANGE_SETTINGS)
                    _apply(unit, changes)
                return False
            values = core_settings.to_mapping(StationSettings())
            values["random_seed"] = secrets.token_hex(16)
            for key, value in (
                ("station_code", station_code),
                ("station_name", station_name),
                ("timezone", timezone),
            ):
                if value:
                    values[key] = core_settings.coerce(key, value)
            rows = _store(unit, values)
            owners = [
                KnownOwner(code=code, company=company)
                for code, company in DEFAULT_KNOWN_OWNERS.items()
            ]
            unit.session.add_all(owners)
            unit.session.flush()
            related = [audit.also("setting", r.key, row_snapshot(r)) for r in rows] + [
                audit.also("known_owner", o.code, row_snapshot(o)) for o in owners
            ]
            unit.audit("station_initialised", "station", values["station_code"], {"also": related})
            return True

    def update(self, actor: Actor, changes: dict[str, object]) -> StationSettings:
        actor.require(Permission.CHANGE_SETTINGS)
        with self.db.write(actor) as unit:
            _apply(unit, changes)
            return load(unit.session)

    def known_owners(self) -> list[tuple[str, str]]:
        with self.db.read() as session:
            rows = session.execute(
                sa_select(KnownOwner.code, KnownOwner.company).order_by(KnownOwner.code)
            )
            return [(code, company) for code, company in rows]

    def add_known_owner(self, actor: Actor, code: str, company: str) -> None:
        actor.require(Permission.CHANGE_SETTINGS)
        code = code.strip().upper()
        if len(code) != 3 or not code.isascii() or not code.isalpha():
            raise ValidationError("An owner code is three letters A-Z, e.g. CSQ.", field="code")
        company = free_text.clean(
            company, "company", "the company name", free_text.COMPANY_NAME_LENGTH
        )
        with self.db.write(actor) as unit:
            owner = unit.session.merge(KnownOwner(code=code, company=company))
            unit.session.flush()
            unit.audit("known_owner_added", "known_owner", code, {"after": row_snapshot(owner)})


def _apply(unit: Unit, changes: dict[str, object]) -> None:
    coerced = {k: core_settings.coerce(k, v) for k, v in changes.items()}
    before = core_settings.to_mapping(load(unit.session))
    rows = _store(unit, coerced)
    diff = {k: {"from": before.get(k), "to": _plain(v)} for k, v in coerced.items()}
    if "random_seed" in diff:
        diff["random_seed"] = {"from": "(secret)", "to": "(secret)"}
    unit.audit(
        "settings_changed",
        "station",
        "settings",
        {"changes": diff, "also": [audit.also("setting", r.key, row_snapshot(r)) for r in rows]},
    )


def _plain(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def _store(unit: Unit, values: dict[str, object]) -> list[StationSetting]:
    rows = [
        unit.session.merge(
            StationSetting(
                key=key,
                value_json=json.dumps(_plain(value)),
                updated_at=unit.now,
                updated_by=unit.actor.username,
            )
        )
        for key, value in values.items()
    ]
    unit.session.flush()
    return rows
