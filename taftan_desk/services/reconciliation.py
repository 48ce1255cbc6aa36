"""Train reconciliation: a train's manifested containers against those that arrived.

- a shortage is a manifest row (its manifest not withdrawn) no crossing is linked to;
- an excess is a rail crossing registered on the train that is not linked to one of the
  train's manifest rows (a container nobody announced for it);
- an arrived container differs from its row by its seals (the registration's seals as they
  stand now, after any correction), its cargo category or HS code, or its measured net
  beyond the R3 tolerance of the manifest's declared net. One not weighed yet is said so,
  and is not a difference.

Everything is read in one snapshot; the read model (reconciliation_views) holds plain
values, so documents draw it without SQL.
"""

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

import sqlalchemy as sa
from sqlmodel import Session, select

from taftan_desk.core import weights
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.registration import MAX_LENGTHS
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.models import Crossing, ExpectedContainer, ManifestWithdrawal
from taftan_desk.services.crossing_rows import registration_seals
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.reconciliation_views import (
    ARRIVED,
    EXCESS,
    SHORTAGE,
    WITHDRAWN,
    ContainerLine,
    Difference,
    TrainReconciliation,
)
from taftan_desk.services.settings_service import load as load_settings
from taftan_desk.services.shift_report import csv_cell

__all__ = [
    "CSV_COLUMNS",
    "ContainerLine",
    "Difference",
    "ReconciliationService",
    "TrainReconciliation",
    "to_csv",
]

_E = ExpectedContainer.__table__  # type: ignore[attr-defined]
_W = ManifestWithdrawal.__table__  # type: ignore[attr-defined]
_EXPECTED = (
    sa.select(_E, _W.c.id.label("withdrawal_id"))
    .select_from(_E.outerjoin(_W, _W.c.manifest_id == _E.c.manifest_id))
    .order_by(_E.c.manifest_id, _E.c.row_no)
)

# The CSV's columns, in order, with what each holds.
CSV_COLUMNS: dict[str, str] = {
    "train_no": "the train",
    "wagon_no": "the manifest's wagon (an excess: the registration's)",
    "container_no": "container number",
    "state": "arrived, shortage, excess or withdrawn",
    "entry_no": "the crossing's entry number, once registered",
    "declared_net_kg": "the manifest's declared net (an excess: the registration's)",
    "net_kg": "measured net at the weighbridge",
    "differences": "each difference from the manifest in words, separated by '; '",
    "note": "not weighed yet, or the withdrawn manifest",
}


class ReconciliationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def train(self, train_no: str, actor: Actor | None = None) -> TrainReconciliation:
        """The train's reconciliation as it stands now, printed for `actor`. ValidationError
        when neither a manifest nor a rail crossing names the train."""
        train = normalise_train(train_no)
        with self.db.read() as session:
            settings = load_settings(session)
            expected, linked, extra = _read(session, train)
            if not expected and not extra:
                raise ValidationError(
                    f"No manifest and no rail crossing names train {train}: check the number "
                    "(as on the manifest, e.g. PR-12).",
                    field="train_no",
                )
            arrivals: dict[int, Crossing] = {}
            for row in linked:  # in id order: the first registration of a row is its arrival
                arrivals.setdefault(row.expected_id, row)  # type: ignore[arg-type]
            lines = [
                _manifest_line(session, r._mapping, arrivals.get(r.id), settings) for r in expected
            ]
            lines += [_excess_line(row) for row in extra]
            return TrainReconciliation(
                train_no=train,
                station_name=settings.station_name,
                station_code=settings.station_code,
                timezone=settings.timezone,
                printed_at=self.db.clock(),
                printed_by=actor.display if actor else "",
                lines=tuple(sorted(lines, key=_wagon_order)),
                manifest_ids=tuple(dict.fromkeys(r.manifest_id for r in expected)),
            )


def _read(
    session: Session, train: str
) -> tuple[Sequence[sa.Row], Sequence[Crossing], Sequence[Crossing]]:  # type: ignore[type-arg]
    """The train's manifest rows (with their withdrawal, if any), the crossings linked to
    them, and the rail crossings registered on the train linked to none of them."""
    expected = session.connection().execute(_EXPECTED.where(_E.c.train_no == train)).all()
    of_train = sa.select(_E.c.id).where(_E.c.train_no == train)
    linked = _crossings(session, Crossing.expected_id.in_(of_train))  # type: ignore[union-attr]
    extra = _crossings(
        session,
        Crossing.mode == "rail",
        Crossing.train_no == train,
        sa.or_(
            Crossing.expected_id.is_(None),  # type: ignore[union-attr]
            Crossing.expected_id.not_in(of_train),  # type: ignore[union-attr]
        ),
    )
    return expected, linked, extra


def normalise_train(text: str) -> str:
    """A train number as the registration and the manifest store it: upper case, single
    spaces."""
    train = " ".join(text.upper().split())
    if not train:
        raise ValidationError("Give the train number, e.g. PR-12.", field="train_no")
    if len(train) > MAX_LENGTHS["train_no"]:
        raise ValidationError(
            f"A train number has at most {MAX_LENGTHS['train_no']} characters; "
            f"'{train[:30]}' is longer.",
            field="train_no",
        )
    return train


def _crossings(session: Session, *where: object) -> Sequence[Crossing]:
    return session.exec(select(Crossing).where(*where).order_by(Crossing.id)).all()  # type: ignore[arg-type]


def _manifest_line(
    session: Session,
    row: Mapping[str, object],
    crossing: Crossing | None,
    settings: StationSettings,
) -> ContainerLine:
    base = {
        "wagon_no": str(row["wagon_no"] or ""),
        "container_no": str(row["container_no"]),
        "cargo_category": str(row["cargo_category"]),
        "declared_net_kg": row["declared_net_kg"],
        "description": str(row["description"] or ""),
        "consignee": str(row["consignee"] or ""),
        "manifest_id": row["manifest_id"],
        "row_no": row["row_no"],
    }
    if crossing is None:  # a container that came keeps its arrival, whatever happened since
        return ContainerLine(WITHDRAWN if row["withdrawal_id"] else SHORTAGE, **base)  # type: ignore[arg-type]
    seals = registration_seals(session, crossing)
    return ContainerLine(
        ARRIVED,
        **base,  # type: ignore[arg-type]
        entry_no=crossing.entry_no,
        net_kg=crossing.net_kg,
        differences=differences(row, crossing, seals, settings),
    )


def _excess_line(crossing: Crossing) -> ContainerLine:
    return ContainerLine(
        EXCESS,
        wagon_no=crossing.wagon_no or "",
        container_no=crossing.container_no,
        cargo_category=crossing.cargo_category,
        declared_net_kg=crossing.declared_net_kg,
        entry_no=crossing.entry_no,
        net_kg=crossing.net_kg,
        description=crossing.description,
    )


def differences(
    row: Mapping[str, object],
    crossing: Crossing,
    seals: Iterable[Mapping[str, object]],
    settings: StationSettings,
) -> tuple[Difference, ...]:
    """How an arrived container differs from its manifest row (its seals as the registration
    names them now)."""
    found = list(seal_differences(str(row["seals"] or "").split(), seals))
    if crossing.cargo_category != row["cargo_category"]:
        found.append(
            Difference("cargo_category", str(row["cargo_category"]), crossing.cargo_category)
        )
    listed_hs = str(row["hs_code"] or "")
    if listed_hs and not same_hs(listed_hs, crossing.hs_code or ""):
        found.append(Difference("hs_code", listed_hs, crossing.hs_code or ""))
    net = net_difference(int(row["declared_net_kg"]), crossing, settings)  # type: ignore[call-overload]
    return (*found, *([net] if net else []))


def seal_differences(
    listed: Sequence[str], seals: Iterable[Mapping[str, object]]
) -> tuple[Difference, ...]:
    """The manifest's seal numbers against the registration's: listed and not found (or
    recorded missing), listed and found broken, found and not listed. A manifest that lists
    no seals checks nothing, as at registration."""
    if not listed:
        return ()
    found = {str(s["number"]): str(s["state"]) for s in seals if s["state"] != "missing"}
    return (
        *(Difference("seal_missing", manifest=n) for n in listed if n not in found),
        *(Difference("seal_broken", manifest=n) for n in listed if found.get(n) == "broken"),
        *(Difference("seal_not_listed", registered=n) for n in found if n not in listed),
    )


def same_hs(listed: str, registered: str) -> bool:
    """The same HS code, or the same six-digit subheading with the tariff's two more digits
    on one side only (720839 and 72083900 agree; 72083900 and 72083910 do not)."""
    return bool(registered) and (listed.startswith(registered) or registered.startswith(listed))


def net_difference(
    declared_kg: int, crossing: Crossing, settings: StationSettings
) -> Difference | None:
    """The measured net against the manifest's declared net, beyond the R3 tolerance; None
    within it, or when the container is not weighed yet."""
    if crossing.net_kg is None:
        return None
    gross = crossing.gross_kg if crossing.gross_kg is not None else crossing.net_kg
    tolerance = weights.r3_tolerance_kg(declared_kg, gross, settings)
    diff = crossing.net_kg - declared_kg
    if abs(diff) <= tolerance:
        return None
    return Difference("net", str(declared_kg), str(crossing.net_kg), diff, tolerance)


_DIGITS = re.compile(r"([0-9]+)")
_STATE_ORDER = {ARRIVED: 0, SHORTAGE: 0, WITHDRAWN: 0, EXCESS: 1}


def _wagon_order(line: ContainerLine) -> tuple[object, ...]:
    """By wagon with numbers in numeric order (wagon 9 before wagon 10), the manifest's rows
    before a container registered on the same wagon unannounced."""
    wagon = tuple(int(p) if i % 2 else p for i, p in enumerate(_DIGITS.split(line.wagon_no)))
    return (
        wagon,
        _STATE_ORDER[line.state],
        line.manifest_id or 0,
        line.row_no or 0,
        line.entry_no or "",
    )


def to_csv(rec: TrainReconciliation) -> str:
    """CSV text, one row per container of the wagon list, columns as CSV_COLUMNS (the
    writer adds the byte-order mark); formula-looking cells stay text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in rec.lines:
        values = (
            rec.train_no,
            line.wagon_no,
            line.container_no,
            line.state,
            line.entry_no,
            line.declared_net_kg,
            line.net_kg,
            "; ".join(d.words() for d in line.differences),
            _note(line),
        )
        writer.writerow(csv_cell(v) for v in values)
    return out.getvalue()


def _note(line: ContainerLine) -> str:
    if line.awaits_weighing:
        return "not weighed yet"
    if line.state == WITHDRAWN:
        return f"manifest {line.manifest_id} withdrawn"
    return ""
