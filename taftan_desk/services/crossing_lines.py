"""A crossing as a line of a supervisor's list: plain values, no SQL (ui and documents use it
without loading SQLAlchemy; services.crossing_list reads it)."""

from dataclasses import dataclass
from datetime import datetime

from taftan_desk.core.channel import Channel
from taftan_desk.core.lifecycle import Status


@dataclass(frozen=True)
class CrossingLine:
    id: int
    entry_no: str
    registered_at: datetime
    direction: str
    mode: str
    vehicle: str
    container_no: str
    cargo_category: str
    declared_net_kg: int | None
    net_kg: int | None
    channel: Channel
    status: Status
    on_hold: bool
    officer: str  # who registered it: full name, else user name

    @property
    def shown_net_kg(self) -> int | None:
        """The measured net, or the declared one until the truck is weighed."""
        return self.net_kg if self.net_kg is not None else self.declared_net_kg

    @property
    def difference_kg(self) -> int | None:
        """Measured less declared, when both are known."""
        if self.net_kg is None or self.declared_net_kg is None:
            return None
        return self.net_kg - self.declared_net_kg

    @property
    def is_open(self) -> bool:
        return not self.status.is_closed
