"""Manifests of pre-announced containers: imported whole or not at all in one audited
transaction, listed with each container's state, withdrawn while nothing of them has
arrived, and looked up when a container is scanned at the desk.

An import reads the file twice over: a check that holds no lock (every row by the
registration's rules, then against the store: a container already expected or still in an
open crossing), and a write of the rows already checked, re-checked against the store inside
the transaction. The rows are not audited one by one: the manifest's audited row holds a
digest of them that `check` recomputes.
"""

import functools
import hashlib
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from json.encoder import encode_basestring as _json_string  # what json.dumps writes for a str
from pathlib import PurePath
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql import ARRAY

from taftan_desk.core import manifests as core
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import Permission
from taftan_desk.db.engine import is_sqlite
from taftan_desk.db.models import (
    Crossing,
    ExpectedContainer,
    KnownOwner,
    Manifest,
    ManifestWithdrawal,
)
from taftan_desk.services import audit
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.settings_service import load as load_settings

_M = Manifest.__table__  # type: ignore[attr-defined]
_E = ExpectedContainer.__table__  # type: ignore[attr-defined]
_W = ManifestWithdrawal.__table__  # type: ignore[attr-defined]
_C = Crossing.__table__  # type: ignore[attr-defined]
_CLOSED = [s.value for s in Status if s.is_closed]
_BATCH = 500  # containers per conflict query, and rows between progress reports
# Columns of an expected container in insert order, after id and manifest_id.
_ROW_COLUMNS = tuple(c.name for c in _E.columns if c.name not in ("id", "manifest_id"))
_NUMBER = _ROW_COLUMNS.index("container_no")
STATES = ("expected", "arrived", "withdrawn")
MAX_FILE_BYTES = 64_000_000
LINK_DAYS = 30  # a row expected longer ago than this is a shortage, never linked
Progress = Callable[[int, int], None]  # rows done, rows in the file (about)


@dataclass(frozen=True)
class ImportResult:
    """What an import did, or would do (`dry_run`), or why it refused the file."""

    source_name: str
    rows: int  # containers it holds (or would)
    problems: tuple[core.ManifestProblem, ...]
    warnings: tuple[core.ManifestProblem, ...]
    trains: tuple[str, ...]  # the trains it announces, in file order
    manifest_id: int | None = None  # None: nothing imported (refused, or a dry run)

    @property
    def ok(self) -> bool:
        return not self.problems


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

    @property
    def vehicle(self) -> str:
        if self.mode == "rail":
            return f"train {self.train_no}, wagon {self.wagon_no}"
        return f"truck {self.truck_plate}"


@dataclass(frozen=True)
class ManifestView:
    id: int
    source_name: str
    row_count: int
    imported_at: object
    imported_by: str
    withdrawn: bool
    arrived: int


class ManifestService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- import -------------------------------------------------------------------------
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
        problem by row, column and reason and imports nothing. ManifestUnreadable when it is
        not a table the desk can read; ValidationError when its header is wrong."""
        actor.require(Permission.IMPORT_MANIFESTS)
        source = PurePath(name).name[:200] or "manifest"
        too_big(len(data))
        table = core.read_table(source, data)
        report = progress or (lambda done, total: None)
        with self.db.read() as session:
            conn = session.connection()
            owners = {code for (code,) in conn.execute(sa.select(KnownOwner.code))}  # type: ignore[call-overload]
            checker = core.Checker(table.header, load_settings(conn), owners.__contains__)
            kept: list[tuple[object, ...]] = []
            batch: list[tuple[str, int]] = []
            trains: dict[str, None] = {}
            for row in checker.rows(table.rows()):
                kept.append(_values(row))
                batch.append((row.container_no, row.row))
                if row.train_no:
                    trains.setdefault(row.train_no)
                if len(batch) == _BATCH:
                    checker.problems += _conflicts(conn, batch)
                    batch.clear()
                    report(checker.read, max(table.size, checker.read))
            checker.problems += _conflicts(conn, batch)
        checker.finish()
        report(checker.read, checker.read)
        result = ImportResult(
            source,
            len(kept),
            tuple(checker.problems),
            tuple(checker.warnings),
            tuple(trains),
        )
        if not result.ok or dry_run:
            return result
        digest = hashlib.sha256(data).hexdigest()
        manifest_id = self._write(actor, source, digest, kept, result)
        return ImportResult(
            source, len(kept), (), result.warnings, result.trains, manifest_id=manifest_id
        )

    def _write(
        self,
        actor: Actor,
        source: str,
        file_digest: str,
        kept: Sequence[tuple[object, ...]],
        result: ImportResult,
    ) -> int:
        with self.db.write(actor) as unit:
            conn = unit.conn
            if not is_sqlite(conn.engine):
                # Imports one at a time (readers go on): two desks importing the same
                # containers at once would each miss the other's rows.
                conn.execute(sa.text("LOCK TABLE expected_containers IN SHARE ROW EXCLUSIVE MODE"))
            problems = [
                p
                for start in range(0, len(kept), _BATCH)
                for p in _conflicts(
                    conn,
                    [(str(v[_NUMBER]), int(v[0])) for v in kept[start : start + _BATCH]],  # type: ignore[call-overload]
                )
            ]
            if problems:
                raise ValidationError(
                    "Another desk imported or registered some of these containers meanwhile: "
                    + "; ".join(p.words() for p in problems[:5])
                    + ". Check the file again.",
                    field="manifest",
                )
            ids = _new_ids(conn, len(kept))
            manifest_id = _new_ids(conn, 1, _M)[0]
            manifest = {
                "id": manifest_id,
                "source_name": source,
                "file_sha256": file_digest,
                "row_count": len(kept),
                "rows_digest": _rows_digest(ids, manifest_id, kept),
                "imported_at": unit.now,
                "imported_by": actor.user_id,
            }
            conn.execute(sa.insert(_M), manifest)
            _insert_rows(conn, ids, manifest_id, kept)
            unit.audit(
                "manifest_imported",
                "manifest",
                manifest_id,
                {
                    "after": manifest,
                    "trains": list(result.trains),
                    "warnings": len(result.warnings),
                },
            )
            return manifest_id

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

    def trains(self, day: date | None = None) -> list[tuple[str, int, int]]:
        """Trains still expected: (train, containers expected, arrived so far)."""
        arrived = sa.func.count(_C.c.id)
        query = (
            sa.select(_E.c.train_no, sa.func.count(_E.c.id), arrived)
            .select_from(_E.outerjoin(_W, _W.c.manifest_id == _E.c.manifest_id))
            .outerjoin(_C, _C.c.expected_id == _E.c.id)
            .where(_E.c.train_no.is_not(None), _W.c.id.is_(None))
            .group_by(_E.c.train_no)
            .having(arrived < sa.func.count(_E.c.id))
            .order_by(_E.c.train_no)
        )
        if day is not None:
            query = query.where(sa.or_(_E.c.expected_on.is_(None), _E.c.expected_on <= day))
        with self.db.read() as session:
            return [(t, n, a) for t, n, a in session.connection().execute(query)]

    def manifests(self) -> list[ManifestView]:
        from taftan_desk.db.models import User

        users = User.__table__  # type: ignore[attr-defined]
        arrived = (
            sa.select(sa.func.count(_C.c.id))
            .join(_E, _E.c.id == _C.c.expected_id)
            .where(_E.c.manifest_id == _M.c.id)
            .scalar_subquery()
        )
        query = (
            sa.select(
                _M.c.id,
                _M.c.source_name,
                _M.c.row_count,
                _M.c.imported_at,
                sa.func.coalesce(users.c.username, "command line"),
                _W.c.id.is_not(None),
                arrived,
            )
            .select_from(_M.outerjoin(users, users.c.id == _M.c.imported_by))
            .outerjoin(_W, _W.c.manifest_id == _M.c.id)
            .order_by(_M.c.id.desc())
        )
        with self.db.read() as session:
            return [ManifestView(*r) for r in session.connection().execute(query)]


def too_big(size: int) -> None:
    """A file far larger than any manifest (a wrong file chosen) is refused before it is
    read into memory."""
    if size > MAX_FILE_BYTES:
        raise core.ManifestUnreadable(
            f"The file is {size / 1_000_000:,.0f} MB: a manifest is at most "
            f"{MAX_FILE_BYTES // 1_000_000} MB (about 400,000 rows). Check that this is the "
            "manifest, or split it by train."
        )


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


def _values(row: core.ExpectedRow) -> tuple[object, ...]:
    """An expected row in _ROW_COLUMNS order: compact, for a file of 100,000 rows."""
    return (
        row.row,
        row.direction,
        row.mode,
        row.container_no,
        row.cargo_category,
        row.declared_net_kg,
        row.truck_plate,
        row.train_no,
        row.wagon_no,
        row.size_type,
        " ".join(row.seals),
        row.hs_code,
        row.description,
        row.gd_number,
        row.tir_carnet,
        row.consignee,
        row.expected_on,
    )


_CHUNK = 5_000  # rows per insert
_ALL_COLUMNS = ("id", "manifest_id", *_ROW_COLUMNS)  # an expected row as stored


def _rows_digest(ids: Sequence[int], manifest_id: int, kept: Sequence[tuple[object, ...]]) -> str:
    """rows_digest of the rows about to be inserted, from their values: each row's canonical
    JSON (audit.canonical of the row as a mapping) written as canonical writes it, the keys in
    the order it sorts them to and each value as it encodes it, without making a mapping of
    every row first (a test compares the two)."""
    order = sorted(range(len(_ALL_COLUMNS)), key=_ALL_COLUMNS.__getitem__)
    template = "{" + ",".join(audit.canonical(_ALL_COLUMNS[i]) + ":%s" for i in order) + "}"
    in_key_order = operator.itemgetter(*order)
    digest = hashlib.sha256()
    for i, values in zip(ids, kept, strict=True):
        row = in_key_order((i, manifest_id, *values))
        text = template % tuple(map(_canonical_value, row))
        digest.update(hashlib.sha256(text.encode()).digest())
    return digest.hexdigest()


def _canonical_value(value: object) -> str:
    """audit.canonical of one value of a row: nothing, text, whole numbers and dates written
    here as its encoder writes them, any other value by canonical itself."""
    if value is None:
        return "null"
    if value.__class__ is str:
        return _json_string(value)  # type: ignore[no-any-return]
    if value.__class__ is int:
        return int.__repr__(value)  # type: ignore[arg-type]
    if value.__class__ is date:  # canonical's default: the ISO date, as a JSON string
        return f'"{value.isoformat()}"'  # type: ignore[attr-defined]
    return audit.canonical(value)


def _insert_rows(
    conn: Connection, ids: Sequence[int], manifest_id: int, kept: Sequence[tuple[object, ...]]
) -> None:
    """Inserts the expected rows through the driver, in the connection's transaction: on
    SQLite an executemany of plain tuples _CHUNK at a time, each column's value bound as
    SQLAlchemy binds it (a date as text); on PostgreSQL a COPY, half the time of as many
    INSERTs. The rows as dictionaries through an insert() cost as much again as the
    database's work."""
    dialect = conn.dialect
    columns = _ALL_COLUMNS
    quote = dialect.identifier_preparer.quote
    into = f"{quote(_E.name)} ({', '.join(map(quote, columns))})"
    if not is_sqlite(conn.engine):  # psycopg, the one PostgreSQL driver the desk uses
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor, cursor.copy(f"COPY {into} FROM STDIN") as copy:
            for i, values in zip(ids, kept, strict=True):
                copy.write_row((i, manifest_id, *values))
        return
    sql = f"INSERT INTO {into} VALUES ({', '.join(['?'] * len(columns))})"
    bind = [_E.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    converted = [(i, f) for i, f in enumerate(bind) if f is not None]
    for start in range(0, len(kept), _CHUNK):
        rows = [
            (i, manifest_id, *v)
            for i, v in zip(ids[start : start + _CHUNK], kept[start : start + _CHUNK], strict=True)
        ]
        if converted:
            rows = [_bound(row, converted) for row in rows]
        conn.exec_driver_sql(sql, rows)  # type: ignore[arg-type]


def _bound(
    row: tuple[object, ...], converted: Sequence[tuple[int, Callable[[object], object]]]
) -> tuple[object, ...]:
    values = list(row)
    for i, convert in converted:
        values[i] = convert(values[i])
    return tuple(values)


def _conflicts(conn: Connection, batch: Sequence[tuple[str, int]]) -> list[core.ManifestProblem]:
    """A container already expected (not arrived, not withdrawn) or in an open crossing."""
    if not batch:
        return []
    row_of = dict(batch)
    sqlite = is_sqlite(conn.engine)
    numbers = {"numbers": json.dumps(list(row_of)) if sqlite else list(row_of)}
    expected, still_open = _conflict_queries(sqlite)
    problems = []
    for number, manifest, row in conn.execute(expected, numbers):
        problems.append(
            core.ManifestProblem(
                row_of[number],
                "container_no",
                f"{number} is already expected (manifest {manifest}, row {row}): withdraw "
                "that manifest first, or leave this row out",
            )
        )
    for number, entry in conn.execute(still_open, numbers):
        problems.append(
            core.ManifestProblem(
                row_of[number],
                "container_no",
                f"{number} is still in an open crossing (entry {entry}): close it first, or "
                "leave this row out",
            )
        )
    return problems


@functools.cache
def _conflict_queries(sqlite: bool) -> tuple[sa.Select[Any], sa.Select[Any]]:
    """The two questions `_conflicts` asks, made once: their containers are one bound value
    (a JSON array on SQLite, an array on PostgreSQL), since 500 values bound one by one cost
    more to send than to look up."""

    def listed(column: sa.Column[str]) -> sa.ColumnElement[bool]:
        if sqlite:
            given = sa.func.json_each(sa.bindparam("numbers")).table_valued("value")
            return column.in_(sa.select(given.c.value))
        return column == sa.any_(sa.bindparam("numbers", type_=ARRAY(sa.String)))

    expected = (
        sa.select(_E.c.container_no, _E.c.manifest_id, _E.c.row_no)
        .select_from(_E.outerjoin(_W, _W.c.manifest_id == _E.c.manifest_id))
        .outerjoin(_C, _C.c.expected_id == _E.c.id)
        .where(listed(_E.c.container_no), _W.c.id.is_(None), _C.c.id.is_(None))
    )
    still_open = sa.select(_C.c.container_no, _C.c.entry_no).where(
        listed(_C.c.container_no), _C.c.status.not_in(_CLOSED)
    )
    return expected, still_open


def _new_ids(conn: Connection, count: int, table: sa.Table = _E) -> list[int]:
    """Ids for rows about to be inserted, known beforehand so that the manifest's digest of
    its rows can be written with it (inside the writer's lock on SQLite; from the table's
    sequence on PostgreSQL)."""
    if count == 0:
        return []
    if is_sqlite(conn.engine):
        top = conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.id), 0))).scalar_one()
        return list(range(top + 1, top + 1 + count))
    sequence = conn.execute(
        sa.text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
    ).scalar_one()
    return list(
        conn.execute(
            sa.text("SELECT nextval(:s) FROM generate_series(1, :n)"), {"s": sequence, "n": count}
        ).scalars()
    )


def changes(
    expected: ExpectedView | Mapping[str, object], registered: Mapping[str, object]
) -> list[dict[str, object]]:
    """The fields a registration has differently from its manifest row, in words' order."""
    found = []
    for name in _COMPARED:
        manifest = getattr(expected, name) if isinstance(expected, ExpectedView) else expected[name]
        if name == "description" and not all(map(_printable, str(manifest or ""))):
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


def _printable(ch: str) -> bool:
    from taftan_desk.core.text import printable

    return printable(ch)


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
