"""What stands between a crossing and its release, each blocker in words.

Red needs a physical or scanner examination; yellow a recorded document check. Overweight
(R1) and over-rating (R2) failures, and a release from hold, need a supervisor's approval.
"""

import enum
from dataclasses import dataclass

from taftan_desk.core.channel import Channel, Reason
from taftan_desk.core.lifecycle import Status


class InspectionKind(enum.StrEnum):
    DOCUMENTARY = "documentary"
    PHYSICAL = "physical"
    SCANNER = "scanner"


@dataclass(frozen=True)
class Blocker:
    code: str
    text: str
    overridable: bool  # a supervisor's approval lifts it


# Reasons that, once fired, need a supervisor's approval: a later re-weigh or a raised
# plate value does not lift them (that would let an officer weigh until the scale agrees).
NEEDS_APPROVAL = {"weight_overweight": "weight_r1", "weight_over_rating": "weight_r2"}
_EXAMS = {InspectionKind.PHYSICAL.value, InspectionKind.SCANNER.value}


def release_blockers(
    *,
    status: Status,
    channel: Channel,
    inspection_kinds: set[str],
    weighed: bool,
    reasons: tuple[Reason, ...],
    require_weighing: bool,
    on_hold: bool,
) -> list[Blocker]:
    """`on_hold`: a hold was placed and not yet lifted by a supervisor, whatever the status
    is now (a held truck sent back to inspection is still held)."""
    blockers: list[Blocker] = []
    if require_weighing and not weighed:
        blockers.append(Blocker("not_weighed", "Weigh the container before release.", False))
    if channel is Channel.RED and not inspection_kinds & _EXAMS:
        blockers.append(
            Blocker(
                "red_needs_exam",
                "Red channel: record a physical or scanner examination before release.",
                False,
            )
        )
    if channel is Channel.YELLOW and not inspection_kinds:
        blockers.append(
            Blocker(
                "yellow_needs_check",
                "Yellow channel: record the document check before release.",
                False,
            )
        )
    seen: set[str] = set()
    for reason in reasons:
        code = NEEDS_APPROVAL.get(reason.code)
        if code and code not in seen:
            seen.add(code)
            blockers.append(
                Blocker(code, reason.text + " A supervisor must approve the release.", True)
            )
    if status is Status.HELD or on_hold:
        blockers.append(
            Blocker("held", "The crossing is on hold: a supervisor must approve its release.", True)
        )
    return blockers
