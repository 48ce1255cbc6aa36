"""The control channel (green, yellow, red) and the reasons that fired, in words.

A channel only escalates on its own: a later fact can turn green into red, but going back
down needs a supervisor's re-route with a written reason.
"""

import enum
import hashlib
from dataclasses import dataclass

from taftan_desk.core.cargo import DangerousGoodsHint
from taftan_desk.core.seals import Seal
from taftan_desk.core.weights import Rule, Weighing


class Channel(enum.StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def meaning(self) -> str:
        return _MEANING[self]


_RANK = {Channel.GREEN: 0, Channel.YELLOW: 1, Channel.RED: 2}
_MEANING = {
    Channel.GREEN: "release",
    Channel.YELLOW: "document check",
    Channel.RED: "physical examination",
}


@dataclass(frozen=True)
class Reason:
    code: str
    channel: Channel
    text: str


@dataclass(frozen=True)
class RandomDraw:
    """A reproducible draw: anyone holding the station seed can recompute it from the entry."""

    draw_bp: int  # 0..9999
    rate_bp: int

    @property
    def selected(self) -> bool:
        return self.draw_bp < self.rate_bp


def draw_for(entry_no: str, seed: str, rate_bp: int, moment: str = "") -> RandomDraw:
    """The draw hashes the station's secret seed, the entry number and the registration
    instant to the microsecond: reproducible afterwards from what the record holds, but not
    predictable beforehand from the next entry number alone."""
    digest = hashlib.sha256(f"{seed}:{entry_no}:{moment}".encode()).digest()
    return RandomDraw(int.from_bytes(digest[:8], "big") % 10_000, rate_bp)


@dataclass(frozen=True)
class ChannelDecision:
    channel: Channel
    reasons: tuple[Reason, ...]

    def explain(self) -> str:
        if not self.reasons:
            return "No risk rule fired."
        return "; ".join(r.text for r in self.reasons)


def decide(
    *,
    seals: list[Seal],
    dangerous: DangerousGoodsHint | None,
    hs_warning: str | None,
    draw: RandomDraw | None,
    weighing: Weighing | None,
) -> ChannelDecision:
    reasons: list[Reason] = []
    for seal in seals:
        if seal.state.is_risk:
            reasons.append(
                Reason(
                    f"seal_{seal.state.value}",
                    Channel.RED,
                    f"Seal {seal.number} {_SEAL_WORDS[seal.state.value]}",
                )
            )
    if weighing is not None:
        for check in weighing.failed():
            reasons.append(
                Reason(_WEIGHT_CODES[check.rule], _WEIGHT_CHANNELS[check.rule], check.reason)
            )
    if dangerous is not None:
        reasons.append(
            Reason(
                "dangerous_goods", Channel.YELLOW, f"Dangerous goods, class {dangerous.adr_class}"
            )
        )
    if hs_warning:
        reasons.append(Reason("hs_category", Channel.YELLOW, hs_warning))
    if draw is not None and draw.selected:
        reasons.append(
            Reason(
                "random",
                Channel.RED,
                f"Random selection at {draw.rate_bp / 100:g} % (draw {draw.draw_bp:04d})",
            )
        )
    channel = max((r.channel for r in reasons), key=lambda c: c.rank, default=Channel.GREEN)
    return ChannelDecision(channel, tuple(reasons))


def escalate(previous: ChannelDecision | None, current: ChannelDecision) -> ChannelDecision:
    """Keep every reason that ever fired; the channel never drops by itself."""
    if previous is None:
        return current
    codes = {(r.code, r.text) for r in current.reasons}
    kept = [r for r in previous.reasons if (r.code, r.text) not in codes]
    reasons = tuple(kept) + current.reasons
    channel = max([previous.channel, current.channel], key=lambda c: c.rank)
    return ChannelDecision(channel, reasons)


_SEAL_WORDS = {
    "broken": "is broken",
    "missing": "is missing",
    "different": "differs from the documents",
}
_WEIGHT_CODES = {
    Rule.R1: "weight_overweight",
    Rule.R2: "weight_over_rating",
    Rule.R3: "weight_mismatch",
}
_WEIGHT_CHANNELS = {Rule.R1: Channel.YELLOW, Rule.R2: Channel.YELLOW, Rule.R3: Channel.RED}


def reroute(previous: ChannelDecision, to: Channel, why: str) -> ChannelDecision:
    """A supervisor's re-routing: the channel set to `to`, up or down, with its reason kept
    among the others (every rule that fired stays on record, and an overweight finding still
    needs its own approval at release)."""
    if to is previous.channel:
        raise ValueError(f"the channel is already {to.value}")
    reason = Reason("rerouted", to, f"Re-routed from {previous.channel.value} to {to.value}: {why}")
    return ChannelDecision(to, previous.reasons + (reason,))


def decision_digest(decision: ChannelDecision) -> str:
    """A short digest of a channel and every reason behind it: an approval given for one
    set of facts is not valid once a new finding has been added."""
    text = "|".join([decision.channel.value, *(f"{r.code}:{r.text}" for r in decision.reasons)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]
