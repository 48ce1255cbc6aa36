"""The crossing lifecycle and the actions each state allows.

registered ──────────────► released
    │  (yellow/red)            ▲
    ▼                          │
awaiting inspection ─► inspected ─► held ─► refused
    ▲                               │
    └──────────── re-examine ◄──────┘
Released and refused are closed: they change only by amendment.
"""

import enum

from taftan_desk.core.errors import LifecycleError


class Status(enum.StrEnum):
    REGISTERED = "registered"
    AWAITING_INSPECTION = "awaiting_inspection"
    INSPECTED = "inspected"
    HELD = "held"
    RELEASED = "released"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_closed(self) -> bool:
        return self in (Status.RELEASED, Status.REFUSED)


class Action(enum.StrEnum):
    WEIGH = "weigh"
    ROUTE_TO_INSPECTION = "route_to_inspection"
    INSPECT = "inspect"
    RELEASE = "release"
    HOLD = "hold"
    REFUSE = "refuse"


# Which actions each state allows, and the state an action leads to.
ALLOWED: dict[Status, frozenset[Action]] = {
    Status.REGISTERED: frozenset(
        {
            Action.WEIGH,
            Action.ROUTE_TO_INSPECTION,
            Action.INSPECT,
            Action.RELEASE,
            Action.HOLD,
            Action.REFUSE,
        }
    ),
    Status.AWAITING_INSPECTION: frozenset(
        {Action.WEIGH, Action.INSPECT, Action.HOLD, Action.REFUSE}
    ),
    Status.INSPECTED: frozenset(
        {Action.WEIGH, Action.INSPECT, Action.RELEASE, Action.HOLD, Action.REFUSE}
    ),
    Status.HELD: frozenset(
        {Action.WEIGH, Action.ROUTE_TO_INSPECTION, Action.INSPECT, Action.RELEASE, Action.REFUSE}
    ),
    Status.RELEASED: frozenset(),
    Status.REFUSED: frozenset(),
}

RESULT: dict[Action, Status] = {
    Action.ROUTE_TO_INSPECTION: Status.AWAITING_INSPECTION,
    Action.INSPECT: Status.INSPECTED,
    Action.RELEASE: Status.RELEASED,
    Action.HOLD: Status.HELD,
    Action.REFUSE: Status.REFUSED,
}

_VERBS = {
    Action.WEIGH: "weighed",
    Action.ROUTE_TO_INSPECTION: "sent to inspection",
    Action.INSPECT: "inspected",
    Action.RELEASE: "released",
    Action.HOLD: "held",
    Action.REFUSE: "refused",
}


def require(status: Status, action: Action) -> None:
    """Raise LifecycleError, in words, when the state does not allow the action."""
    if action in ALLOWED[status]:
        return
    if status.is_closed:
        raise LifecycleError(
            f"This crossing is {status.label.lower()} and closed: it cannot be "
            f"{_VERBS[action]}. A closed record changes only by amendment."
        )
    raise LifecycleError(f"A crossing that is {status.label.lower()} cannot be {_VERBS[action]}.")


def next_status(status: Status, action: Action) -> Status:
    require(status, action)
    return RESULT.get(action, status)


def allowed_actions(status: Status) -> frozenset[Action]:
    return ALLOWED[status]
