"""Which of a crossing's channel reasons still apply to the crossing as it stands now.

The channel keeps every reason that ever fired (it only escalates), and the desk shows them
all as the crossing's history. Paper that travels with the cargo says what is still true of
it: a guard at the gate must not be told a container is overweight when it was re-weighed
within the limit, nor that its seal is broken when customs resealed it after examining it.

The rule, reason by reason, judged from the facts as they stand now:

- A weight finding (R1 overweight, R2 over the container rating, R3 declared/measured
  mismatch) still applies when the current weighing fails the same rule with the station's
  current settings: the same numbers the document's weights block prints. It then reads as
  the current check words it (one line per rule, however often it fired). It no longer
  applies when the current weighing passes that rule. With no current weighing to judge by
  (or no declared net for R3) it applies as it fired.
- A seal finding (broken, missing, different from the documents) is about the seal the
  cargo arrived under. It no longer applies once a physical or scanner examination, which
  looked at the cargo, put a new seal on: the cargo now leaves under that seal. A new seal
  from a documentary check (nobody looked inside) does not clear it, nor does an
  examination that applied no seal.
- Every other finding (dangerous goods, HS code against the category, random selection, and
  any code this module does not know) describes why the channel was chosen, or the cargo
  itself: it always applies.

A supervisor's approval to release over a finding (an override) neither clears it nor keeps
it alive: whether a finding applies is a matter of fact; the approval is printed beside it.
"""

from dataclasses import dataclass

from taftan_desk.core.channel import Reason
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.release import InspectionKind
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.core.weights import Rule, WeightCheck, assess

WEIGHT_RULES = {
    "weight_overweight": Rule.R1,
    "weight_over_rating": Rule.R2,
    "weight_mismatch": Rule.R3,
}
SEAL_CODES = frozenset({"seal_broken", "seal_missing", "seal_different"})
# Examinations in which the cargo itself was looked at (ISO 17712 seals are replaced after).
RESEALING_KINDS = frozenset({InspectionKind.PHYSICAL.value, InspectionKind.SCANNER.value})


@dataclass(frozen=True)
class Exam:
    """One recorded inspection, as far as the rule needs it."""

    kind: str  # an InspectionKind value
    new_seal_no: str | None = None


@dataclass(frozen=True)
class Facts:
    """The crossing as it stands now: its current weighing and what its inspections did."""

    gross_kg: int | None
    tare_kg: int | None
    declared_net_kg: int | None
    max_gross_kg: int | None
    size_type: str | None = None
    exams: tuple[Exam, ...] = ()  # in the order they were recorded


@dataclass(frozen=True)
class Cleared:
    """A finding that no longer applies, with the fact that cleared it: the current net kg
    (R1, R3), the current gross kg (R2), or the number of the new seal (seals)."""

    code: str
    now: int | str


@dataclass(frozen=True)
class Standing:
    applies: tuple[Reason, ...]
    cleared: tuple[Cleared, ...]


def standing(reasons: tuple[Reason, ...], facts: Facts, settings: StationSettings) -> Standing:
    """Split the reasons into those that still apply (in the order they fired) and those
    that no longer do (once each)."""
    checks = _current_checks(facts, settings)
    new_seal = resealed_with(facts.exams)
    applies: list[Reason] = []
    cleared: list[Cleared] = []
    judged: set[str] = set()
    for reason in reasons:
        rule = WEIGHT_RULES.get(reason.code)
        check = checks.get(rule) if rule else None
        if check is not None:
            if reason.code in judged:
                continue  # fired again at a later weighing: one line, as it stands now
            judged.add(reason.code)
            if check.passed:
                cleared.append(Cleared(reason.code, _weight_now(rule, facts, check)))
            else:
                applies.append(Reason(reason.code, reason.channel, check.reason))
        elif reason.code in SEAL_CODES and new_seal is not None:
            found = Cleared(reason.code, new_seal)
            if found not in cleared:
                cleared.append(found)
        else:
            applies.append(reason)
    return Standing(tuple(applies), tuple(cleared))


def resealed_with(exams: tuple[Exam, ...]) -> str | None:
    """The seal the last physical or scanner examination put on, if any."""
    for exam in reversed(exams):
        if exam.kind in RESEALING_KINDS and exam.new_seal_no:
            return exam.new_seal_no
    return None


def _current_checks(facts: Facts, settings: StationSettings) -> dict[Rule, WeightCheck]:
    if facts.gross_kg is None or facts.tare_kg is None:
        return {}
    try:
        weighing = assess(
            facts.gross_kg,
            facts.tare_kg,
            facts.declared_net_kg,
            facts.max_gross_kg,
            settings,
            size_type=facts.size_type,
        )
    except ValidationError:  # a stored weighing the rules refuse: judge nothing by it
        return {}
    return {check.rule: check for check in weighing.checks}


def _weight_now(rule: Rule, facts: Facts, check: WeightCheck) -> int:
    if rule is Rule.R2:
        return check.value_kg  # the gross
    return (facts.gross_kg or 0) - (facts.tare_kg or 0)  # the net R1 and R3 look at
