"""Plain read models of a day's or a shift's work, for the supervisor's review, the daily
report (PDF) and its CSV: built by services/shift_report.py, drawn by documents."""

from dataclasses import dataclass, field
from datetime import date, datetime

from taftan_desk.services.views import WeighingView


@dataclass(frozen=True)
class Period:
    """What a report covers: a station-local day, or one shift of it (a night shift belongs
    to the date it began)."""

    day: date
    shift_no: int | None
    start: datetime  # aware, station time
    end: datetime
    timezone: str

    @property
    def label(self) -> str:
        if self.shift_no is None:
            return f"{self.day.isoformat()} (whole day)"
        return f"{self.day.isoformat()} shift {self.shift_no} ({self.start:%H:%M}-{self.end:%H:%M})"


@dataclass(frozen=True)
class ReportRow:
    """One crossing as the report and its CSV give it."""

    id: int
    entry_no: str
    shift: str  # "2026-11-27/2": as stored when it was registered (or worked out, before 0006)
    registered_at: datetime
    direction: str
    mode: str
    truck_plate: str
    train_no: str
    wagon_no: str
    container_no: str
    size_type: str
    cargo_category: str
    hs_code: str
    description: str
    declared_net_kg: int | None
    gross_kg: int | None
    tare_kg: int | None
    net_kg: int | None
    over_limit: bool
    channel: str
    channel_reasons: str
    status: str
    status_note: str
    held: bool  # a hold was placed on it at some time
    on_hold: bool  # ... and not lifted
    registered_by: str
    closed_at: datetime | None
    closed_by: str
    approvals: str  # "omar: GD produced at the desk; ..."
    inspections: str  # "physical by Ali Khan: no discrepancy, release; ..."
    seals: str
    gd_number: str
    tir_carnet: str
    tir_voucher: str
    copies: int  # documents printed (originals and duplicates)
    reprints: int
    voids: int
    revision: int
    overrides: int = 0  # releases over a blocker a supervisor approved
    weighing: WeighingView | None = None  # the newest: its weights (none before 0010)

    @property
    def weighbridge_ticket(self) -> str:
        return self.weighing.ticket_no if self.weighing else ""

    @property
    def bridge_kg(self) -> int | None:
        return self.weighing.bridge_kg if self.weighing else None

    @property
    def vehicle_tare_kg(self) -> int | None:
        return self.weighing.vehicle_tare_kg if self.weighing else None

    @property
    def weights_typed(self) -> str:
        """'weighbridge reading, vehicle tare: why': what was typed and why, for the CSV;
        "" when the weights were read from the scale or remembered."""
        if self.weighing is None or not self.weighing.typed:
            return ""
        typed = ", ".join(_FIGURES[f] for f in self.weighing.typed_figures)
        return f"{typed}: {self.weighing.reason}" if typed else self.weighing.reason


_FIGURES = {
    "bridge": "weighbridge reading",
    "vehicle_tare": "vehicle tare",
    "gross": "container gross",
}


@dataclass(frozen=True)
class ExceptionLine:
    """An override, void or amendment a supervisor approved: who asked, who approved, why."""

    at: datetime
    entry_no: str
    kind: str
    officer: str
    supervisor: str
    reason: str


@dataclass(frozen=True)
class OpenHold:
    entry_no: str
    container_no: str
    since: datetime
    reason: str


@dataclass(frozen=True)
class Totals:
    crossings: int
    by_direction_category: dict[tuple[str, str], int]
    net_kg_by_category: dict[str, int]
    overweight: int
    held: int
    refused: int
    released: int
    still_open: int
    reprints: int
    voids: int
    overrides: int
    amendments: int
    release_minutes_median: float | None
    release_minutes_p90: float | None
    per_officer: dict[str, int]
    per_hour: list[tuple[str, int]]  # ("06", n) in the period's order
    weights_typed: int = 0  # crossings whose weights stand on a typed figure


@dataclass(frozen=True)
class Signoff:
    period: Period
    signed_by: str
    signed_at: datetime
    head_event_id: int
    head_hash: str
    anchor_path: str
    note: str

    @property
    def words(self) -> str:
        return (
            f"Signed off by {self.signed_by} at {self.signed_at:%Y-%m-%d %H:%M} UTC; audit chain "
            f"head event {self.head_event_id} ({self.head_hash[:16]})"
        )


@dataclass(frozen=True)
class TareLine:
    """A vehicle weighed empty in the period, beside the tare it had before: a tare made
    heavier makes every container the vehicle carries lighter, under the limit."""

    ticket_no: str
    vehicle_kind: str  # truck | wagon
    vehicle_no: str
    weighed_at: datetime
    weighed_by: str
    tare_kg: int
    typed: bool
    reason: str
    previous_kg: int | None  # the vehicle's tare before (None: its first weighing empty)
    previous_ticket: str | None

    @property
    def change_kg(self) -> int | None:
        return None if self.previous_kg is None else self.tare_kg - self.previous_kg

    def beyond(self, tolerance_kg: int) -> bool:
        """Changed by more than the station's tolerance (`tare_change_kg`)."""
        return self.change_kg is not None and abs(self.change_kg) > tolerance_kg


@dataclass(frozen=True)
class DailyReport:
    station_name: str
    station_code: str
    period: Period
    supervisor: str
    printed_at: datetime
    cargo_limit_kg: int
    totals: Totals
    rows: tuple[ReportRow, ...]
    exceptions: tuple[ExceptionLine, ...] = ()
    open_holds: tuple[OpenHold, ...] = ()
    reprints_and_voids: tuple[str, ...] = ()
    chain_head: str = ""  # "event 1234, 9f2c…": the audit chain's head when it was made
    anchor: str = ""  # where the sign-off's anchor file was written, if signed off
    signed_off: str = ""  # "signed off by … at …", if signed off
    notes: tuple[str, ...] = field(default=())
    tares: tuple[TareLine, ...] = ()  # vehicles weighed empty in the period
    tare_change_kg: int = 500  # the station's tolerance for a change of tare

    @property
    def tares_changed(self) -> int:
        return sum(t.beyond(self.tare_change_kg) for t in self.tares)
