import pytest

from taftan_desk.core import channel, lifecycle, weights
from taftan_desk.core.cargo import CargoCategory, dangerous_goods_hint
from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import LifecycleError
from taftan_desk.core.lifecycle import Action, Status
from taftan_desk.core.release import release_blockers
from taftan_desk.core.seals import Seal, SealState
from taftan_desk.core.station_settings import StationSettings

S = StationSettings()
NO_DRAW = channel.RandomDraw(draw_bp=9_999, rate_bp=0)


def _decide(**kwargs: object) -> channel.ChannelDecision:
    args: dict[str, object] = {
        "seals": [],
        "dangerous": None,
        "hs_warning": None,
        "draw": NO_DRAW,
        "weighing": None,
    }
    args.update(kwargs)
    return channel.decide(**args)  # type: ignore[arg-type]


def test_nothing_fired_is_green_and_says_so() -> None:
    decision = _decide()
    assert decision.channel is Channel.GREEN
    assert decision.explain() == "No risk rule fired."


def test_broken_seal_is_red_with_the_seal_named() -> None:
    decision = _decide(seals=[Seal("AB123", SealState.BROKEN)])
    assert decision.channel is Channel.RED
    assert decision.reasons[0].text == "Seal AB123 is broken"


def test_dangerous_goods_and_hs_contradiction_are_yellow() -> None:
    decision = _decide(
        dangerous=dangerous_goods_hint(CargoCategory.OIL, None), hs_warning="HS 7208 does not fit"
    )
    assert decision.channel is Channel.YELLOW
    assert [r.code for r in decision.reasons] == ["dangerous_goods", "hs_category"]


def test_weights_overweight_yellow_mismatch_red() -> None:
    over = weights.assess(24_301, 2_300, 22_000, None, S)
    assert _decide(weighing=over).channel is Channel.YELLOW
    mismatch = weights.assess(20_300, 2_300, 12_000, None, S)
    decision = _decide(weighing=mismatch)
    assert decision.channel is Channel.RED
    assert any("mismatch" in r.text for r in decision.reasons)


def test_random_draw_is_reproducible_and_recorded() -> None:
    a = channel.draw_for("2600000123", "seed", 500, "2026-11-27T09:00:00.123456+00:00")
    b = channel.draw_for("2600000123", "seed", 500, "2026-11-27T09:00:00.123456+00:00")
    assert a == b and 0 <= a.draw_bp < 10_000
    always = channel.draw_for("2600000123", "seed", 10_000)
    decision = _decide(draw=always)
    assert decision.channel is Channel.RED
    assert "Random selection at 100 %" in decision.reasons[0].text


def test_random_rate_is_roughly_honoured() -> None:
    picked = sum(channel.draw_for(f"26{i:08d}", "s", 500).selected for i in range(20_000))
    assert 800 <= picked <= 1_200  # 5 % of 20,000 is 1,000


def test_channel_never_drops_by_itself() -> None:
    red = _decide(seals=[Seal("X1", SealState.MISSING)])
    merged = channel.escalate(red, _decide())
    assert merged.channel is Channel.RED
    assert merged.reasons == red.reasons


def test_lifecycle_refuses_illegal_moves_in_words() -> None:
    assert lifecycle.next_status(Status.INSPECTED, Action.RELEASE) is Status.RELEASED
    with pytest.raises(LifecycleError, match="closed"):
        lifecycle.require(Status.RELEASED, Action.HOLD)
    with pytest.raises(LifecycleError, match="awaiting inspection cannot be released"):
        lifecycle.require(Status.AWAITING_INSPECTION, Action.RELEASE)


def test_closed_states_allow_nothing() -> None:
    for status in Status:
        assert (not lifecycle.allowed_actions(status)) == status.is_closed


def test_release_blockers() -> None:
    over = _decide(weighing=weights.assess(24_301, 2_300, 22_000, None, S)).reasons
    blockers = release_blockers(
        status=Status.INSPECTED,
        channel=Channel.RED,
        inspection_kinds={"documentary"},
        weighed=True,
        reasons=over,
        require_weighing=True,
        on_hold=False,
    )
    assert [(b.code, b.overridable) for b in blockers] == [
        ("red_needs_exam", False),
        ("weight_r1", True),
    ]
    none = release_blockers(
        status=Status.REGISTERED,
        channel=Channel.GREEN,
        inspection_kinds=set(),
        weighed=True,
        reasons=(),
        require_weighing=True,
        on_hold=False,
    )
    assert none == []
    unweighed = release_blockers(
        status=Status.REGISTERED,
        channel=Channel.GREEN,
        inspection_kinds=set(),
        weighed=False,
        reasons=(),
        require_weighing=True,
        on_hold=False,
    )
    assert unweighed[0].code == "not_weighed"


def _blocker_codes(**given: object) -> list[str]:
    args: dict[str, object] = {
        "status": Status.INSPECTED,
        "channel": Channel.GREEN,
        "inspection_kinds": set(),
        "weighed": True,
        "reasons": (),
        "require_weighing": True,
        "on_hold": False,
    }
    return [b.code for b in release_blockers(**{**args, **given})]  # type: ignore[arg-type]


def test_yellow_needs_a_document_check_and_red_an_exam() -> None:
    assert _blocker_codes(channel=Channel.YELLOW) == ["yellow_needs_check"]
    assert _blocker_codes(channel=Channel.YELLOW, inspection_kinds={"documentary"}) == []
    assert _blocker_codes(channel=Channel.RED, inspection_kinds={"documentary"}) == [
        "red_needs_exam"
    ]
    assert _blocker_codes(channel=Channel.RED, inspection_kinds={"scanner"}) == []


def test_an_unlifted_hold_blocks_release_whatever_the_status() -> None:
    for status in (Status.INSPECTED, Status.REGISTERED, Status.AWAITING_INSPECTION):
        assert _blocker_codes(status=status, on_hold=True) == ["held"]
        assert _blocker_codes(status=status, on_hold=False) == []
    assert _blocker_codes(status=Status.HELD, on_hold=False) == ["held"]
