"""Plain read objects that services return: never live ORM rows.

Nothing here imports the database layer (SQLAlchemy, sqlmodel, taftan_desk.db): documents and
ui take these objects without loading it (import-linter holds this in CI). Services build them
from rows in crossing_rows.py.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from taftan_desk.core import findings
from taftan_desk.core.channel import Channel, Reason
from taftan_desk.core.lifecycle import Action, Status, allowed_actions
from taftan_desk.core.paper import DEFAULT_SIZES, KINDS, SIZES
from taftan_desk.core.station_settings import StationSettings


@dataclass(frozen=True)
class SealView:
    number: str
    state: str
    seal_class: str | None
    seal_type: str | None
    applied_at_exam: bool


@dataclass(frozen=True)
class InspectionView:
    id: int
    kind: str
    examiner: str
    started_at: datetime
    ended_at: datetime
    seal_check: str
    reweigh_gross_kg: int | None
    findings: str
    decision: str
    new_seal_no: str | None
    remarks: str
    recorded_by: int | None


@dataclass(frozen=True)
class WeighingView:
    """The weighing a crossing's weights come from: its ticket and where each figure came
    from (the scale, the vehicle's remembered tare, or typed with a reason)."""

    ticket_no: str
    bridge_kg: int | None  # None: the container's gross was typed as such
    bridge_source: str | None  # scale | typed
    vehicle_tare_kg: int | None
    tare_source: str | None  # remembered | typed
    reason: str
    scale_id: str
    weighed_at: datetime

    @property
    def typed(self) -> bool:
        """Any figure typed rather than read or remembered (each needs its reason)."""
        return bool(self.reason)

    @property
    def typed_figures(self) -> tuple[str, ...]:
        """Which figures were typed: "bridge" (the weighbridge reading) and "vehicle_tare",
        or "gross" (the container's gross typed as such, with no reading); () when none."""
        if not self.typed:
            return ()
        if self.bridge_kg is None:
            return ("gross",)
        sources = (("bridge", self.bridge_source), ("vehicle_tare", self.tare_source))
        return tuple(figure for figure, source in sources if source == "typed")


@dataclass(frozen=True)
class CrossingView:
    id: int
    entry_no: str
    station_code: str
    direction: str
    mode: str
    truck_plate: str | None
    train_no: str | None
    wagon_no: str | None
    container_no: str
    size_type: str | None
    max_gross_kg: int | None
    cargo_category: str
    hs_code: str | None
    description: str
    declared_net_kg: int | None
    gd_number: str | None
    tir_carnet: str | None
    tir_voucher: str | None
    gross_kg: int | None
    tare_kg: int | None
    net_kg: int | None
    weighed_at: datetime | None
    channel: Channel
    reasons: tuple[Reason, ...]
    random_draw_bp: int
    random_rate_bp: int
    status: Status
    status_note: str
    registered_at: datetime
    registered_by: int | None
    closed_at: datetime | None
    seals: tuple[SealView, ...] = ()
    inspections: tuple[InspectionView, ...] = ()
    revision: int = 0  # how many corrections the registration has had
    weighing: WeighingView | None = None  # where the weights came from (none before 0010)

    @property
    def vehicle(self) -> str:
        return vehicle_text(self.mode, self.truck_plate, self.train_no, self.wagon_no)

    @property
    def actions(self) -> frozenset[Action]:
        return allowed_actions(self.status)

    def facts(self) -> findings.Facts:
        """What core.findings judges the channel's reasons by: the crossing as it stands."""
        return findings.Facts(
            gross_kg=self.gross_kg,
            tare_kg=self.tare_kg,
            declared_net_kg=self.declared_net_kg,
            max_gross_kg=self.max_gross_kg,
            size_type=self.size_type,
            exams=tuple(findings.Exam(i.kind, i.new_seal_no) for i in self.inspections),
        )


def vehicle_text(mode: str, plate: str | None, train: str | None, wagon: str | None) -> str:
    """How lists and documents name the vehicle: the plate on the road, train / wagon on rail."""
    if mode == "rail":
        return " / ".join(x for x in (train, wagon) if x)
    return plate or ""


def reasons_from_json(text: str) -> tuple[Reason, ...]:
    return tuple(Reason(r["code"], Channel(r["channel"]), r["text"]) for r in json.loads(text))


def reasons_to_json(reasons: tuple[Reason, ...]) -> str:
    return json.dumps(
        [{"code": r.code, "channel": r.channel.value, "text": r.text} for r in reasons],
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass(frozen=True)
class PrintContext:
    """What a printed document needs besides the crossing: which document and copy, on what
    paper, printed when and by whom, and its signed QR text. Services build it (they number
    the record, count copies and sign); documents only draw it."""

    kind: str  # one of paper.KINDS
    copy_no: int  # 1 = original, 2 = first duplicate ...
    record_no: str | None  # the printed-document record's number; None: a preview
    printed_at: datetime  # timezone-aware
    station_name: str
    timezone: str  # e.g. "Asia/Karachi": times are shown in it
    officer: str  # display name of the officer printing
    decided_by: str | None = None  # who released / held / refused; None: the printing officer
    registered_by: str | None = None  # who registered the crossing; None: the printing officer
    # The supervisor whose approval released it over a blocker (overweight, a hold), and why.
    approved_by: str | None = None
    approval_reason: str | None = None
    valid_until: datetime | None = None  # a gate pass: the last moment it lets the truck out
    reprint_reason: str | None = None  # a copy after the first: why it was printed again
    # A corrected crossing: its revision, why, and who approved it (an amendment).
    revision_no: int = 0
    revision_reason: str | None = None
    revision_approved_by: str | None = None
    # The record as it was before revision n (kept whole): never valid at the gate.
    superseded_by: int | None = None
    qr_text: str | None = None  # the already-signed slip payload
    audit_head: str | None = None  # short hash of the audit chain head (tamper evidence)
    size: str | None = None  # one of paper.SIZES; None: the kind's usual size
    # The station's weight settings at printing (WEIGHT_SETTINGS): the weights block and
    # which findings still apply are judged by them.
    cargo_limit_kg: int = StationSettings.cargo_limit_kg
    default_max_gross_kg: int = StationSettings.default_max_gross_kg
    r3_tolerance_bp: int = StationSettings.r3_tolerance_bp
    r3_min_tolerance_kg: int = StationSettings.r3_min_tolerance_kg
    scale_interval_kg: int = StationSettings.scale_interval_kg

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"document kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.size is not None and self.size not in SIZES:
            raise ValueError(f"paper size {self.size!r} is not one of {', '.join(SIZES)}")
        if type(self.copy_no) is not int or self.copy_no < 1:
            raise ValueError(f"copy number {self.copy_no!r} must be 1 (original) or more")
        if self.printed_at.utcoffset() is None:
            raise ValueError("printed_at must be timezone-aware")
        if not self.timezone:
            raise ValueError("the station's time zone is needed to show local times")
        if self.cargo_limit_kg <= 0:
            raise ValueError("the cargo limit must be more than 0 kg")

    @property
    def paper(self) -> str:
        return self.size or DEFAULT_SIZES[self.kind]

    @property
    def weight_settings(self) -> StationSettings:
        """The station settings the weight rules read (the others at their defaults)."""
        return StationSettings(**{name: getattr(self, name) for name in WEIGHT_SETTINGS})

    @property
    def duplicate_no(self) -> int:
        """0 for the original; n for the n-th reprint ("DUPLICATE n")."""
        return self.copy_no - 1


WEIGHT_SETTINGS = (
    "cargo_limit_kg",
    "default_max_gross_kg",
    "r3_tolerance_bp",
    "r3_min_tolerance_kg",
    "scale_interval_kg",
)


def weight_settings_of(settings: StationSettings) -> dict[str, int]:
    """A PrintContext's weight settings, from the station's."""
    return {name: getattr(settings, name) for name in WEIGHT_SETTINGS}


@dataclass(frozen=True)
class PrintRecord:
    id: int
    crossing_id: int
    kind: str
    copy_no: int
    size: str
    printed_at: datetime
    printed_by: str
    key_id: str
    payload_hash: str
    voided_at: datetime | None = None
    void_reason: str | None = None
    sent_to: str | None = None  # the print queue or file it went to (None before 0004)
    job_id: int | None = None  # the spooler's job number, for a print queue
    cancelled: bool = False  # its job was cancelled in the queue before it printed (void)

    @property
    def duplicate_no(self) -> int:
        return self.copy_no - 1

    @property
    def job(self) -> str | None:
        """The spooler's name of the job, QUEUE-ID."""
        return f"{self.sent_to}-{self.job_id}" if self.job_id is not None else None


@dataclass(frozen=True)
class IssuedDocument:
    """A print as the station recorded it (or the draft of the next one, record id 0), with
    everything a renderer needs, as it stood then."""

    record: PrintRecord
    crossing: CrossingView
    context: PrintContext

    @property
    def qr_text(self) -> str | None:
        return self.context.qr_text
