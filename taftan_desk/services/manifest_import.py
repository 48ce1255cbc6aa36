"""Importing a manifest: whole or not at all, in one audited transaction.

An import reads the file twice over: a check that holds no lock (every row by the
registration's rules, then against the store: a container already expected or still in an
open crossing, in batches), and a write of the rows already checked, re-checked against the
store inside the transaction. The rows are not audited one by one: the manifest's audited
row holds a digest of them (`rows_digest`) that `check` recomputes.
"""

import functools
import hashlib
import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
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

MAX_FILE_BYTES = 64_000_000

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

    def trains_shown(self, most: int = 3) -> tuple[tuple[str, ...], int]:
        """The first few trains it announces, and how many more (a message stays a line)."""
        return self.trains[:most], max(len(self.trains) - most, 0)

    @property
    def ok(self) -> bool:
        return not self.problems


def too_big(size: int) -> None:
    """A file far larger than any manifest (a wrong file chosen) is refused before it is
    read into memory."""
    if size > MAX_FILE_BYTES:
        raise core.ManifestUnreadable(
            f"The file is {size / 1_000_000:,.0f} MB: a manifest is at most "
            f"{MAX_FILE_BYTES // 1_000_000} MB (about 400,000 rows). Check that this is the "
            "manifest, or split it by train."
        )


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


def load(
    db: Database,
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
    with db.read() as session:
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
    manifest_id = _write(db, actor, source, digest, kept, result)
    return ImportResult(
        source, len(kept), (), result.warnings, result.trains, manifest_id=manifest_id
    )


def _write(
    db: Database,
    actor: Actor,
    source: str,
    file_digest: str,
    kept: Sequence[tuple[object, ...]],
    result: ImportResult,
) -> int:
    with db.write(actor) as unit:
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
