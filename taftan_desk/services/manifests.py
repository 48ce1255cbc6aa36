"""Manifests of pre-announced containers: imported whole or not at all (manifest_import),
listed with each container's state, withdrawn while nothing of them has arrived, looked up
when a container is scanned at the desk, and linked to the crossing that arrives.
"""

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy import Connection

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.roles import Permission
from taftan_desk.core.text import printable_text
from taftan_desk.db.engine import is_sqlite
from taftan_desk.db.models import (
    Crossing,
    ExpectedContainer,
    Manifest,
    ManifestWithdrawal,
)
from taftan_desk.services import audit, manifest_import
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.manifest_import import ImportResult, Progress
from taftan_desk.services.settings_service import load as load_settings

_M = Manifest.__table__  # type: ignore[attr-defined]
_E = ExpectedContainer.__table__  # type: ignore[attr-defined]
_W = ManifestWithdrawal.__table__  # type: ignore[attr-defined]
_C = Crossing.__table__  # type: ignore[attr-defined]
STATES = ("expected", "arrived", "withdrawn")
LINK_DAYS = 30  # a row expected longer ago than this is a shortage, never linked


@dataclass(frozen=True)
class ExpectedView:
    """One expected container as the desk, the list and the reconciliation show it."""

    id: int
    manifest_id: int
    row_no: int
    direction: str
    mode: str
    container_no: str
    cargo_category: str
    declared_net_kg: int
    truck_plate: str | None
    train_no: str | None
    wagon_no: str | None
    size_type: str | None
    seals: tuple[str, ...]
    hs_code: str | None
    description: str
    gd_number: str | None
    tir_carnet: str | None
    consignee: str
    expected_on: date | None
    state: str  # expected / arrived / withdrawn
    crossing_id: int | None = None
    entry_no: str | None = None


class ManifestService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def load(
        self,
        actor: Actor,
        name: str,
        data: bytes,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Imports the manifest file `data` (its file name `name`) whole, or reports every
        problem by row, column and reason and imports nothing (see manifest_import)."""
        return manifest_import.load(self.db, actor, name, data, dry_run=dry_run, progress=progress)

    # -- withdrawal ---------------------------------------------------------------------

    # -- withdrawal ---------------------------------------------------------------------
    def withdraw(self, actor: Actor, manifest_id: int, reason: str) -> None:
        """Withdraws a manifest none of whose containers has arrived: its containers are no
        longer expected. The reason is required."""
        actor.require(Permission.IMPORT_MANIFESTS)
        why = " ".join(reason.split())
        if not why:
            raise ValidationError("Give the reason for withdrawing the manifest.", field="reason")
        with self.db.write(actor) as unit:
            conn = unit.conn
            found = conn.execute(
                sa.select(_M.c.id).where(_M.c.id == manifest_id).with_for_update()
            ).first()
            if found is None:
                raise ValidationError(f"There is no manifest {manifest_id}.", field="manifest")
            if conn.execute(sa.select(_W.c.id).where(_W.c.manifest_id == manifest_id)).first():
                raise ValidationError(
                    f"Manifest {manifest_id} is already withdrawn.", field="manifest"
                )
            arrived = conn.execute(
                sa.select(_C.c.entry_no, _E.c.container_no)
                .join(_E, _E.c.id == _C.c.expected_id)
                .where(_E.c.manifest_id == manifest_id)
                .limit(3)
            ).all()
            if arrived:
                shown = ", ".join(f"{c} (entry {e})" for e, c in arrived)
                raise ValidationError(
                    f"Manifest {manifest_id} cannot be withdrawn: {shown} has already arrived. "
                    "Its other containers stay expected; the train report lists them as "
                    "shortages.",
                    field="manifest",
                )
            values = {
                "manifest_id": manifest_id,
                "reason": why[:500],
                "withdrawn_at": unit.now,
                "withdrawn_by": actor.user_id,
            }
            values["id"] = conn.execute(sa.insert(_W).returning(_W.c.id), values).scalar_one()
            unit.audit(
                "manifest_withdrawn",
                "manifest",
                manifest_id,
                {"also": [audit.also("manifest_withdrawal", values["id"], values)]},
            )

    # -- reading ------------------------------------------------------------------------
    def expected(
        self,
        *,
        train: str | None = None,
        day: date | None = None,
        state: str | None = None,
        manifest_id: int | None = None,
        limit: int | None = None,
    ) -> list[ExpectedView]:
        """Expected containers in train, wagon and file order; `day` keeps those expected
        on that day or with no date, `state` one of STATES."""
        query = _VIEW
        if train is not None:
            query = query.where(_E.c.train_no == train.strip().upper())
        if manifest_id is not None:
            query = query.where(_E.c.manifest_id == manifest_id)
        if day is not None:
            query = query.where(sa.or_(_E.c.expected_on.is_(None), _E.c.expected_on == day))
        if state == "withdrawn":
            query = query.where(_W.c.id.is_not(None))
        elif state == "arrived":
            query = query.where(_C.c.id.is_not(None))
        elif state == "expected":
            query = query.where(_W.c.id.is_(None), _C.c.id.is_(None))
        query = query.order_by(_E.c.train_no, _E.c.wagon_no, _E.c.manifest_id, _E.c.row_no)
        if limit is not None:
            query = query.limit(limit)
        with self.db.read() as session:
            return [_view(r) for r in session.connection().execute(query)]

    def iter_expected(self, *, train: str | None = None) -> Iterator[ExpectedView]:
        """Every expected container, read in pages (for a listing of a whole station)."""
        last = 0
        while True:
            query = _VIEW.where(_E.c.id > last).order_by(_E.c.id).limit(5_000)
            if train is not None:
                query = query.where(_E.c.train_no == train.strip().upper())
            with self.db.read() as session:
                page = [_view(r) for r in session.connection().execute(query)]
            yield from page
            if len(page) < 5_000:
                return
            last = page[-1].id

    def pending(self, container_no: str) -> ExpectedView | None:
        """The container's expected row not yet arrived nor withdrawn, if a manifest
        announces it (the scan at the desk fills the registration from it)."""
        with self.db.read() as session:
            conn = session.connection()
            today = self.db.clock().astimezone(load_settings(conn).zone).date()
            row = pending_row(conn, container_no, today)
            return None if row is None else _view(row)

    def trains(self, day: date | None = None, most: int = 40) -> list[tuple[str, int, int]]:
        """Trains still expected, the soonest expected first (at most `most`): (train,
        containers expected, arrived so far)."""
        arrived = sa.func.count(_C.c.id)
        query = (
            sa.select(_E.c.train_no, sa.func.count(_E.c.id), arrived)
            .select_from(_E.outerjoin(_W, _W.c.manifest_id == _E.c.manifest_id))
            .outerjoin(_C, _C.c.expected_id == _E.c.id)
            .where(_E.c.train_no.is_not(None), _W.c.id.is_(None))
            .group_by(_E.c.train_no)
            .having(arrived < sa.func.count(_E.c.id))
            .order_by(sa.func.min(_E.c.expected_on).is_(None), sa.func.min(_E.c.expected_on))
            .order_by(_E.c.train_no)
            .limit(most)
        )
        if day is not None:
            query = query.where(sa.or_(_E.c.expected_on.is_(None), _E.c.expected_on <= day))
        with self.db.read() as session:
            return [(t, n, a) for t, n, a in session.connection().execute(query)]


def pending_row(
    conn: Connection,
    container_no: str,
    today: date,
    journey: tuple[str, str, str | None] | None = None,
) -> sa.Row | None:  # type: ignore[type-arg]
    """The newest expected row of a container not yet arrived nor withdrawn, expected no
    more than LINK_DAYS ago (or undated). `journey` (direction, mode, train) keeps only a
    row announcing that crossing: a container going the other way, by road, or on another
    train is not the one this row announced (the train report shows it as a shortage here
    and an excess there)."""
    query = _VIEW.where(
        _E.c.container_no == container_no,
        _W.c.id.is_(None),
        _C.c.id.is_(None),
        sa.or_(_E.c.expected_on.is_(None), _E.c.expected_on >= today - timedelta(LINK_DAYS)),
    )
    if journey is not None:
        direction, mode, train = journey
        query = query.where(_E.c.direction == direction, _E.c.mode == mode)
        if mode == "rail":
            query = query.where(_E.c.train_no == train)
    return conn.execute(query.order_by(_E.c.id.desc()).limit(1)).first()


def linked_row(conn: Connection, expected_id: int) -> sa.Row | None:  # type: ignore[type-arg]
    return conn.execute(_VIEW.where(_E.c.id == expected_id)).first()


def announces(
    row: sa.Row,  # type: ignore[type-arg]
    container_no: str,
    journey: tuple[str, str, str | None],
) -> bool:
    """Whether an expected row announces this container on this journey (direction, mode,
    and the train by rail)."""
    direction, mode, train = journey
    m = row._mapping
    same_train = mode != "rail" or m["train_no"] == train
    return (m["container_no"], m["direction"], m["mode"]) == (
        container_no,
        direction,
        mode,
    ) and same_train


def hold_imports(conn: Connection) -> None:
    """A registration waits for an import under way (PostgreSQL): it then sees the rows the
    import wrote, and an import never misses a container registered meanwhile. Registrations
    do not wait for one another (ROW EXCLUSIVE conflicts only with the import's lock)."""
    if not is_sqlite(conn.engine):
        conn.execute(sa.text("LOCK TABLE expected_containers IN ROW EXCLUSIVE MODE"))


def lock_manifest(conn: Connection, manifest_id: int) -> bool:
    """Locks the manifest against a withdrawal meanwhile (PostgreSQL; SQLite's writer lock
    already does); False if it has been withdrawn."""
    conn.execute(sa.select(_M.c.id).where(_M.c.id == manifest_id).with_for_update())
    withdrawn = conn.execute(sa.select(_W.c.id).where(_W.c.manifest_id == manifest_id)).first()
    return withdrawn is None


def arrived(conn: Connection, expected_id: int) -> bool:
    return (
        conn.execute(sa.select(_C.c.id).where(_C.c.expected_id == expected_id)).first() is not None
    )


def rows_digest(rows: Iterable[Mapping[str, object]]) -> str:
    """The digest of a manifest's expected rows in id order, each as the audit log would
    snapshot it: `check` recomputes it from the stored rows."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(audit.snapshot_digest(dict(row)))
    return digest.hexdigest()


def stored_rows(conn: Connection, manifest_id: int) -> Iterator[Mapping[str, object]]:
    query = sa.select(_E).where(_E.c.manifest_id == manifest_id).order_by(_E.c.id)
    for row in conn.execute(query):
        yield row._mapping


def seals_of(row: ExpectedView | Mapping[str, object]) -> tuple[str, ...]:
    text = row.seals if isinstance(row, ExpectedView) else str(row["seals"] or "")
    return tuple(text.split()) if isinstance(text, str) else tuple(text)


_VIEW = (
    sa.select(_E, _W.c.id.label("withdrawal_id"), _C.c.id.label("crossing_id"), _C.c.entry_no)
    .select_from(_E.outerjoin(_W, _W.c.manifest_id == _E.c.manifest_id))
    .outerjoin(_C, _C.c.expected_id == _E.c.id)
)


def _view(row: sa.Row) -> ExpectedView:  # type: ignore[type-arg]
    m = row._mapping
    state = "withdrawn" if m["withdrawal_id"] else "arrived" if m["crossing_id"] else "expected"
    if m["crossing_id"]:
        state = "arrived"  # a container that came keeps its arrival, whatever happened since
    return ExpectedView(
        **{k: m[k] for k in _FIELDS},
        seals=tuple(str(m["seals"]).split()),
        state=state,
        crossing_id=m["crossing_id"],
        entry_no=m["entry_no"],
    )


_FIELDS = tuple(c.name for c in _E.columns if c.name != "seals")


def changes(
    expected: ExpectedView | Mapping[str, object], registered: Mapping[str, object]
) -> list[dict[str, object]]:
    """The fields a registration has differently from its manifest row, in words' order."""
    found = []
    for name in _COMPARED:
        manifest = getattr(expected, name) if isinstance(expected, ExpectedView) else expected[name]
        if name == "description" and not printable_text(str(manifest or "")):
            continue  # shown beside the form, never typed into it
        value = registered.get(name)
        if name == "seals":  # the same seals in any order
            manifest = " ".join(manifest) if isinstance(manifest, tuple) else manifest
            if sorted(str(manifest or "").split()) == sorted(str(value or "").split()):
                continue
        if (manifest or None) != (value or None):
            found.append({"field": name, "manifest": manifest, "registered": value})
    return found


def changes_json(found: list[dict[str, object]]) -> str:
    return json.dumps(found, ensure_ascii=False, sort_keys=True)


_COMPARED = (
    "seals",
    "direction",
    "mode",
    "truck_plate",
    "train_no",
    "wagon_no",
    "size_type",
    "cargo_category",
    "hs_code",
    "description",
    "declared_net_kg",
    "gd_number",
    "tir_carnet",
)
