"""Plain read model of a train's reconciliation, manifested against arrived: built by
services/reconciliation.py, drawn by documents/train_report.py and written as CSV.

Nothing here imports the database layer, so documents take it without loading SQL. A
difference is a code with its values; its words are made at the edge through the edge's
`translate` (documents' tr), the values filled in after translation.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from taftan_desk.core.cargo import CargoCategory

ARRIVED, SHORTAGE, EXCESS, WITHDRAWN = "arrived", "shortage", "excess", "withdrawn"
STATES = (ARRIVED, SHORTAGE, EXCESS, WITHDRAWN)

# What a difference says, by its code: {manifest} and {registered} are the two values.
_TEMPLATES = {
    "seal_missing": "seal {manifest} on the manifest was not found",
    "seal_not_listed": "seal {registered} found, not on the manifest",
    "seal_broken": "seal {manifest} found broken",
    "cargo_category": "cargo {registered}, manifest says {manifest}",
    "hs_code": "HS {registered}, manifest says {manifest}",
    "net": (
        "net {registered} kg is {diff} kg against the declared {manifest} kg "
        "(tolerance {tolerance} kg)"
    ),
}
DIFFERENCE_CODES = tuple(_TEMPLATES)


def _same(text: str) -> str:
    return text


def category_words(value: str, translate: Callable[[str], str] = _same) -> str:
    """'industrial' -> 'Industrial goods' (a value the desk does not know stays as it is)."""
    try:
        return translate(CargoCategory(value).label)
    except ValueError:
        return value


@dataclass(frozen=True)
class Difference:
    """One way an arrived container differs from its manifest row."""

    code: str  # one of DIFFERENCE_CODES
    manifest: str = ""  # the manifest's value ("" for a seal found that it does not list)
    registered: str = ""  # the registration's (or the weighbridge's) value
    diff_kg: int = 0  # net: measured minus declared
    tolerance_kg: int = 0  # net: the R3 tolerance it was judged by

    def __post_init__(self) -> None:
        if self.code not in _TEMPLATES:
            raise ValueError(f"difference {self.code!r} is not one of {DIFFERENCE_CODES}")

    @property
    def is_seal(self) -> bool:
        return self.code.startswith("seal_")

    def words(self, translate: Callable[[str], str] = _same) -> str:
        """'seal ZZ999 found, not on the manifest': the template through `translate`, the
        values filled in after."""
        values = {"manifest": self.manifest, "registered": self.registered}
        if self.code == "net":
            values = {
                "manifest": f"{int(self.manifest):,}",
                "registered": f"{int(self.registered):,}",
                "diff": f"{self.diff_kg:+,}",
                "tolerance": f"{self.tolerance_kg:,}",
            }
        elif self.code == "cargo_category":
            values = {k: category_words(v, translate) for k, v in values.items()}
        if not values["registered"]:  # an HS code the registration does not give
            values["registered"] = translate("not recorded")
        return translate(_TEMPLATES[self.code]).format(**values)


@dataclass(frozen=True)
class ContainerLine:
    """One line of the wagon list: a manifest row (arrived, short or withdrawn), or a
    container registered on the train that its manifest does not announce (excess)."""

    state: str  # one of STATES
    wagon_no: str  # the manifest's wagon; for an excess, the registration's
    container_no: str
    cargo_category: str  # the manifest's; for an excess, the registration's
    declared_net_kg: int | None  # the manifest's; for an excess, the registration's
    entry_no: str | None = None  # the crossing, once registered
    net_kg: int | None = None  # measured at the weighbridge; None: not weighed yet
    differences: tuple[Difference, ...] = ()
    description: str = ""  # any script: documents print it only when their fonts can
    consignee: str = ""  # the same
    manifest_id: int | None = None
    row_no: int | None = None  # the manifest file's row

    @property
    def awaits_weighing(self) -> bool:
        """Arrived and not weighed yet: its net is not compared (not a difference)."""
        return self.state == ARRIVED and self.net_kg is None


@dataclass(frozen=True)
class TrainReconciliation:
    """A train's containers, manifested against arrived, as read in one snapshot."""

    train_no: str
    station_name: str
    station_code: str
    timezone: str
    printed_at: datetime  # aware
    printed_by: str
    lines: tuple[ContainerLine, ...]  # the wagon list: by wagon, then manifest and file row
    manifest_ids: tuple[int, ...] = ()  # the manifests naming the train, oldest first

    def _of(self, state: str) -> tuple[ContainerLine, ...]:
        return tuple(line for line in self.lines if line.state == state)

    @property
    def arrived(self) -> tuple[ContainerLine, ...]:
        return self._of(ARRIVED)

    @property
    def shortages(self) -> tuple[ContainerLine, ...]:
        """Manifested (not withdrawn) and not arrived."""
        return self._of(SHORTAGE)

    @property
    def excesses(self) -> tuple[ContainerLine, ...]:
        """Registered on the train, not linked to one of its manifest rows."""
        return self._of(EXCESS)

    @property
    def withdrawn(self) -> tuple[ContainerLine, ...]:
        return self._of(WITHDRAWN)

    @property
    def with_differences(self) -> tuple[ContainerLine, ...]:
        return tuple(line for line in self.lines if line.differences)

    @property
    def awaiting_weighing(self) -> tuple[ContainerLine, ...]:
        return tuple(line for line in self.lines if line.awaits_weighing)

    @property
    def manifested(self) -> int:
        """Containers the train's manifests announce and still stand by (not withdrawn)."""
        return len(self.arrived) + len(self.shortages)
