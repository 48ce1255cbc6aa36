"""`taftan-desk check`: storage integrity, schema at head, audit chain intact, and live
records equal to their last audited state (an attacker may edit records and leave the log)."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import Column, Connection, Table, text
from sqlmodel import Session

from taftan_desk.db import migrate
from taftan_desk.db.engine import is_sqlite
from taftan_desk.db.models import (
    Approval,
    Crossing,
    CrossingHold,
    CrossingRevision,
    DocumentVoid,
    ExceptionDecision,
    ExceptionRequest,
    ExpectedContainer,
    Inspection,
    KeyCertificate,
    KnownOwner,
    Manifest,
    ManifestWithdrawal,
    PrintedDocument,
    PrintJob,
    SealRecord,
    ShiftSignoff,
    StationKey,
    StationSetting,
    User,
    Weighing,
)
from taftan_desk.services import audit, integrity, keys, settings_service
from taftan_desk.services import manifests as manifest_rows
from taftan_desk.services.anchors import Anchor
from taftan_desk.services.anchors import findings as anchor_findings
from taftan_desk.services.database import Database, storage_errors

# Every table that holds evidence, with the entity name its audit events use and its key.
_AUDITED = (
    ("crossing", Crossing, "id"),
    ("inspection", Inspection, "id"),
    ("seal", SealRecord, "id"),
    ("approval", Approval, "id"),
    ("user", User, "id"),
    ("setting", StationSetting, "key"),
    ("known_owner", KnownOwner, "code"),
    ("station_key", StationKey, "key_id"),
    ("printed_document", PrintedDocument, "id"),
    ("document_void", DocumentVoid, "id"),
    ("crossing_hold", CrossingHold, "id"),
    ("key_certificate", KeyCertificate, "id"),
    ("print_job", PrintJob, "id"),
    ("crossing_revision", CrossingRevision, "id"),
    ("shift_signoff", ShiftSignoff, "id"),
    ("exception_request", ExceptionRequest, "id"),
    ("exception_decision", ExceptionDecision, "id"),
    ("manifest", Manifest, "id"),
    ("manifest_withdrawal", ManifestWithdrawal, "id"),
    ("weighing", Weighing, "id"),
)


@dataclass
class CheckLine:
    name: str
    ok: bool
    detail: str


@dataclass
class HealthReport:
    lines: list[CheckLine] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(line.ok for line in self.lines)

    def render(self) -> str:
        out = [
            f"{'OK  ' if line.ok else 'FAIL'}  {line.name}: {line.detail}" for line in self.lines
        ]
        out.append("All checks passed." if self.ok else "Some checks FAILED: see above.")
        return "\n".join(out)


class HealthService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def check(self, anchors: Sequence[tuple[str, Anchor]] = ()) -> HealthReport:
        """Every check; `anchors` (source, anchor) are heads kept outside the database that
        the log must still contain."""
        report = HealthReport()
        report.lines.append(self._integrity())
        at_head = self._schema()
        report.lines.append(at_head)
        if not at_head.ok:
            return report
        # One snapshot for the log and the records, or another desk's commit in between
        # would look like tampering. SQLite's read transaction is one; PostgreSQL needs
        # REPEATABLE READ for it.
        engine = self.db.engine
        if not is_sqlite(engine):
            engine = engine.execution_options(isolation_level="REPEATABLE READ")
        with storage_errors(), Session(engine) as session:
            conn = session.connection()
            report.lines.append(_line("guards", integrity.guard_problems(conn), _GUARDS_OK))
            report.lines.append(
                _line("entry numbers", integrity.entry_number_problems(conn), _NUMBERS_OK)
            )
            report.lines.append(
                _line("weighbridge tickets", integrity.ticket_problems(conn), _NUMBERS_OK)
            )
            key_report = keys.key_report(conn, self.db.identity.trust.roots())
            report.lines.append(_keys_line(key_report))
            positions = [anchor.position for _, anchor in anchors]
            chain = audit.verify(session, key_report.trusted, positions=positions)
            report.lines.append(_chain_line(chain))
            if anchors:
                station = settings_service.load(session).station_code
                report.lines.append(_anchors_line(anchors, chain, key_report.trusted, station))
            report.lines.append(self._records_match(session, chain))
            report.lines.append(_manifest_rows(conn))
        return report

    def _integrity(self) -> CheckLine:
        with storage_errors():
            return self._integrity_unguarded()

    def _integrity_unguarded(self) -> CheckLine:
        if not is_sqlite(self.db.engine):
            with self.db.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return CheckLine("storage", True, f"{self.db.engine.dialect.name} server answers")
        with self.db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            fk = list(conn.execute(text("PRAGMA foreign_key_check")))
        ok = rows == ["ok"] and not fk
        detail = (
            "integrity_check ok, no broken references"
            if ok
            else "; ".join(rows[:10] + [f"broken reference in {r[0]}" for r in fk[:10]])
        )
        return CheckLine("storage", ok, detail)

    def _schema(self) -> CheckLine:
        current, head = migrate.current_revision(self.db.engine), migrate.head_revision()
        if current == head:
            return CheckLine("schema", True, f"at {head}")
        if current is not None and migrate.is_newer(current):  # `init` would refuse it too
            return CheckLine("schema", False, migrate.newer_schema_text(current))
        return CheckLine(
            "schema",
            False,
            f"at {current or 'nothing'}, newest is {head}: run `taftan-desk init` to upgrade",
        )

    def _records_match(self, session: Session, chain: audit.ChainReport) -> CheckLine:
        problems: list[str] = []
        checked = 0
        conn = session.connection()
        for entity, model, key in _AUDITED:
            seen: set[str] = set()
            table = model.__table__  # type: ignore[attr-defined]
            for row_key, snapshot in _snapshots(conn, table, table.c[key]):
                checked += 1
                seen.add(str(row_key))
                expected = chain.last_snapshots.get((entity, str(row_key)))
                if snapshot is None:
                    problems.append(f"{entity} {row_key} holds values that cannot be read")
                elif expected is None:
                    problems.append(f"{entity} {row_key} has no audit event")
                elif not audit.matches(table.name, snapshot, expected):
                    problems.append(f"{entity} {row_key} differs from its last audited state")
            problems.extend(
                f"{entity} {key_} was deleted"
                for kind, key_ in chain.last_snapshots
                if kind == entity and key_ not in seen
            )
        if problems:
            shown = "; ".join(problems[:10])
            more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
            return CheckLine("records vs audit", False, shown + more)
        return CheckLine("records vs audit", True, f"{checked:,} records match their audit trail")


def _manifest_rows(conn: Connection) -> CheckLine:
    """Each manifest's expected containers, as its audited row's digest says they were."""
    table = Manifest.__table__  # type: ignore[attr-defined]
    problems, rows = [], 0
    for manifest_id, count, digest in conn.execute(
        sa.select(table.c.id, table.c.row_count, table.c.rows_digest).order_by(table.c.id)
    ):
        stored = list(manifest_rows.stored_rows(conn, manifest_id))
        rows += len(stored)
        if len(stored) != count or manifest_rows.rows_digest(stored) != digest:
            problems.append(
                f"manifest {manifest_id}: its expected containers differ from those imported"
            )
    orphans = (
        conn.execute(
            sa.select(sa.func.count()).select_from(ExpectedContainer.__table__)  # type: ignore[attr-defined]
        ).scalar_one()
        - rows
    )
    if orphans:
        problems.append(f"{orphans:,} expected container(s) belong to no manifest's import")
    return _line(
        "manifest rows", problems, f"{rows:,} expected containers as their manifests imported"
    )


_GUARDS_OK = "every trigger the migrations create is present, enabled and unchanged"
_NUMBERS_OK = "each year's counter is at its highest number; no number is missing"


def _line(name: str, problems: list[str], ok: str) -> CheckLine:
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        return CheckLine(name, False, "; ".join(problems[:10]) + more)
    return CheckLine(name, True, ok)


def _anchors_line(
    anchors: Sequence[tuple[str, Anchor]],
    chain: audit.ChainReport,
    trusted: dict[str, bytes],
    station: str,
) -> CheckLine:
    problems = [
        problem
        for source, anchor in anchors
        for problem in anchor_findings(anchor, source, chain, trusted, station)
    ]
    if problems:
        return CheckLine("anchors", False, "; ".join(problems[:10]))
    newest = f"{max(anchor.at for _, anchor in anchors):%Y-%m-%d %H:%M} UTC"
    detail = f"the log contains all {len(anchors)} anchored head(s), the newest of {newest}"
    return CheckLine("anchors", True, detail)


def _keys_line(report: keys.KeyReport) -> CheckLine:
    if report.problems:
        return CheckLine("station keys", False, "; ".join(report.problems[:10]))
    return CheckLine(
        "station keys",
        True,
        f"root {', '.join(report.roots)} pinned here; {len(report.trusted)} desk key(s) certified",
    )


def _chain_line(chain: audit.ChainReport) -> CheckLine:
    if not chain.ok:
        more = chain.more_problems + max(0, len(chain.problems) - 20)
        tail = f" (and {more:,} more)" if more else ""
        return CheckLine("audit chain", False, " ".join(chain.problems[:20]) + tail)
    head = chain.head_hash[:16]
    legacy = chain.unsigned_before_signing
    if legacy == chain.events:
        detail = f"{chain.events:,} events, none signed yet (written before desks signed events)"
    elif legacy:
        detail = (
            f"{chain.events:,} events, signed by certified desks; the first {legacy:,} were "
            f"written before desks signed events; head {head}…"
        )
    else:
        detail = f"{chain.events:,} events, signed by certified desks; head {head}…"
    return CheckLine("audit chain", True, detail)


def _snapshots(
    conn: Connection, table: Table, key: Column, batch: int = 5_000
) -> Iterator[tuple[object, dict[str, object] | None]]:
    """Every row as the audit log would record it, in key order; a row whose stored values
    cannot be read (a garbled timestamp, say) comes back as None instead of stopping."""
    last: object = None
    while True:
        query = sa.select(key).order_by(key).limit(batch)
        keys = list(conn.execute(query if last is None else query.where(key > last)).scalars())
        if not keys:
            return
        try:
            rows = conn.execute(sa.select(table).where(key.in_(keys)).order_by(key)).mappings()
            yield from ((row[key.name], dict(row)) for row in rows.all())
        except (ValueError, TypeError):
            for row_key in keys:
                yield row_key, _one(conn, table, key, row_key)
        last = keys[-1]


def _one(conn: Connection, table: Table, key: Column, row_key: object) -> dict[str, object] | None:
    try:
        return dict(conn.execute(sa.select(table).where(key == row_key)).mappings().one())
    except (ValueError, TypeError):
        return None
