"""`taftan-desk check`: storage integrity, schema at head, audit chain intact, and live
records equal to their last audited state (an attacker may edit records and leave the log)."""

from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import Connection, Table, text
from sqlmodel import Session

from taftan_desk.db import migrate
from taftan_desk.db.engine import is_sqlite
from taftan_desk.db.models import Crossing, Inspection
from taftan_desk.services import audit
from taftan_desk.services.database import Database, storage_errors

_AUDITED = (("crossing", Crossing), ("inspection", Inspection))


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

    def check(self) -> HealthReport:
        report = HealthReport()
        report.lines.append(self._integrity())
        at_head = self._schema()
        report.lines.append(at_head)
        if not at_head.ok:
            return report
        with self.db.read() as session:
            chain = audit.verify(session)
            detail = (
                f"{chain.events:,} events, head {chain.head_hash[:16]}…"
                if chain.ok
                else " ".join(chain.problems[:20])
            )
            report.lines.append(CheckLine("audit chain", chain.ok, detail))
            report.lines.append(self._records_match(session, chain))
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
        return CheckLine(
            "schema",
            False,
            f"at {current or 'nothing'}, newest is {head}: run `taftan-desk init` to upgrade",
        )

    def _records_match(self, session: Session, chain: audit.ChainReport) -> CheckLine:
        problems: list[str] = []
        checked = 0
        conn = session.connection()
        for entity, model in _AUDITED:
            for row_id, snapshot in _snapshots(conn, model.__table__):  # type: ignore[attr-defined]
                checked += 1
                expected = chain.last_snapshots.get((entity, str(row_id)))
                if snapshot is None:
                    problems.append(f"{entity} {row_id} holds values that cannot be read")
                elif expected is None:
                    problems.append(f"{entity} {row_id} has no audit event")
                elif audit.snapshot_digest(snapshot) != expected:
                    problems.append(f"{entity} {row_id} differs from its last audited state")
        if problems:
            shown = "; ".join(problems[:10])
            more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
            return CheckLine("records vs audit", False, shown + more)
        return CheckLine("records vs audit", True, f"{checked:,} records match their audit trail")


def _snapshots(
    conn: Connection, table: Table, batch: int = 5_000
) -> Iterator[tuple[int, dict[str, object] | None]]:
    """Every row as the audit log would record it, in id order; a row whose stored values
    cannot be read (a garbled timestamp, say) comes back as None instead of stopping."""
    last = 0
    while True:
        ids = list(
            conn.execute(
                sa.select(table.c.id).where(table.c.id > last).order_by(table.c.id).limit(batch)
            ).scalars()
        )
        if not ids:
            return
        try:
            rows = (
                conn.execute(sa.select(table).where(table.c.id.in_(ids)).order_by(table.c.id))
                .mappings()
                .all()
            )
            yield from ((row["id"], dict(row)) for row in rows)
        except (ValueError, TypeError):
            for row_id in ids:
                yield row_id, _one(conn, table, row_id)
        last = ids[-1]


def _one(conn: Connection, table: Table, row_id: int) -> dict[str, object] | None:
    try:
        return dict(conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().one())
    except (ValueError, TypeError):
        return None
