"""Corrections of a registration: which fields may be corrected, and what changed, in words.

A correction rewrites what was registered (the vehicle, the container, the cargo, the
declaration, the seals), never what was measured or decided: weights are weighed again, a
decision is taken by its own action. An open crossing is corrected by an officer with a
reason; a closed one (released or refused) only by an amendment a supervisor approves.
The original is kept whole in the revision, so it stays readable and printable as it was.
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.lifecycle import Status

# The registration's own columns, in the order the form shows them, with their names.
FIELDS: dict[str, str] = {
    "direction": "Direction",
    "mode": "Mode",
    "container_no": "Container",
    "size_type": "Size/type",
    "max_gross_kg": "Plate maximum gross",
    "truck_plate": "Truck plate",
    "train_no": "Train",
    "wagon_no": "Wagon",
    "cargo_category": "Cargo category",
    "hs_code": "HS code",
    "description": "Description",
    "declared_net_kg": "Declared net",
    "gd_number": "GD number",
    "tir_carnet": "TIR carnet",
    "tir_voucher": "TIR voucher",
}
SEALS = "seals"
SEALS_LABEL = "Seals"
REASON_FIELD = "correction_reason"


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str

    def words(self) -> str:
        return f"{self.label}: {self.before} → {self.after}"


def shown(value: object) -> str:
    """A column value as a correction shows it: kilograms grouped, nothing as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def seal_text(seal: Mapping[str, object]) -> str:
    """A registration seal as the form takes it back: number, class, state if not intact."""
    parts = [str(seal["number"])]
    if seal.get("seal_class"):
        parts.append(str(seal["seal_class"]))
    if seal.get("state") and seal["state"] != "intact":
        parts.append(str(seal["state"]))
    return " ".join(parts)


def seals_text(seals: Sequence[Mapping[str, object]]) -> str:
    return ", ".join(seal_text(s) for s in seals)


def _seals_words(seals: Sequence[Mapping[str, object]]) -> str:
    """Every recorded detail of each seal (its type too, which the form does not show): a
    change to any of them is a change the officer and the supervisor see."""
    return ", ".join(
        " ".join(
            str(s[k])
            for k in ("number", "seal_class", "seal_type", "state")
            if s.get(k) and not (k == "state" and s[k] == "intact")
        )
        for s in seals
    )


def changes(
    before: Mapping[str, object],
    after: Mapping[str, object],
    seals_before: Sequence[Mapping[str, object]],
    seals_after: Sequence[Mapping[str, object]],
) -> list[Change]:
    """Each corrected field, before → after, in the form's order; seals as one field."""
    found = [
        Change(name, label, shown(before.get(name)), shown(after.get(name)))
        for name, label in FIELDS.items()
        if before.get(name) != after.get(name)
    ]
    old, new = _seals_words(seals_before), _seals_words(seals_after)
    if old != new:
        found.append(Change(SEALS, SEALS_LABEL, old or "—", new or "—"))
    return found


def digest(found: Sequence[Change]) -> str:
    """What a supervisor approved, short: an approval covers exactly these changes."""
    text = json.dumps([[c.field, c.before, c.after] for c in found], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def require_some(found: Sequence[Change], entry_no: str) -> None:
    if not found:
        raise ValidationError(
            f"Nothing was changed in entry {entry_no}: correct a field, or close without saving.",
            field="correction",
        )


def needs_approval(status: Status) -> bool:
    """A closed crossing changes only by an amendment a supervisor approves."""
    return status.is_closed
