"""What stands between a crossing and its release, each blocker in words.

Red needs a physical or scanner examination; yellow a recorded document check. Overweight
(R1) and over-rating (R2) failures, and a release from hold, need a supervisor's approval.
"""

import enum
from dataclasses import dataclass

from taftan_desk.core.channel import Channel
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.weights import WeightCheck


class InspectionKind(enum.StrEnum):
    DOCUMENTARY = "documentary"
    PHYSICAL = "physical"
    SCANNER = "scanner"


@dataclass(frozen=True)
class Blocker:
    code: str
    text: str
    overridable: bool  # a supervisor's approval lifts it


def release_blockers(
    *,
    status: Status,
    channel: Channel,
    inspection_kinds: set[str],
    weighed: bool,
    failed_checks: list[WeightCheck],
    require_weighing: bool,
) -> list[Blocker]:
    blockers: list[Blocker] = []
    if require_weighing and not weighed:
        blockers.append(Blocker("not_weighed", "Weigh the container before release.", False))
    if channel is Channel.RED and not inspection_kinds & {
        InspectionKind.PHYSICAL,
        InspectionKind.SCANNER,
    }:
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
    for check in failed_checks:
        if check.rule.value in ("R1", "R2"):
            blockers.append(
                Blocker(
                    f"weight_{check.rule.value.lower()}",
                    check.reason + " A supervisor must approve the release.",
                    True,
                )
            )
    if status is Status.HELD:
        blockers.append(
            Blocker("held", "The crossing is on hold: a supervisor must approve its release.", True)
        )
    return blockers
