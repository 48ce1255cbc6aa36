"""Which channel reasons still apply to a crossing as it stands now (core.findings)."""

import dataclasses

import pytest

from taftan_desk.core import channel, weights
from taftan_desk.core.channel import Channel, Reason
from taftan_desk.core.findings import Cleared, Exam, Facts, resealed_with, standing
from taftan_desk.core.seals import Seal, SealState
from taftan_desk.core.station_settings import StationSettings

S = StationSettings()  # 22,000 kg cargo limit, 30,480 kg assumed plate
OVER = Reason("weight_overweight", Channel.YELLOW, "Overweight: net 22,640 kg is 640 kg over")
RATING = Reason("weight_over_rating", Channel.YELLOW, "Over container rating: gross 31,000 kg")
MISMATCH = Reason("weight_mismatch", Channel.RED, "Declared/measured mismatch: 3,000 kg more")
BROKEN = Reason("seal_broken", Channel.RED, "Seal P1663476 is broken")
ALWAYS = (
    Reason("dangerous_goods", Channel.YELLOW, "Dangerous goods, class 3"),
    Reason("hs_category", Channel.YELLOW, "HS 2709 is oil, not steel"),
    Reason("random", Channel.RED, "Random selection at 5 % (draw 0042)"),
    Reason("something_new", Channel.YELLOW, "A rule this desk does not know yet"),
)


def facts(**changes: object) -> Facts:
    """Weighed within every rule: 24,280 gross, 2,300 tare, 21,980 net, 21,000 declared."""
    base = Facts(gross_kg=24_280, tare_kg=2_300, declared_net_kg=21_000, max_gross_kg=None)
    return dataclasses.replace(base, **changes)


def test_a_weight_finding_cleared_by_the_current_weighing_no_longer_applies() -> None:
    now = standing((OVER,), facts(), S)
    assert now.applies == () and now.cleared == (Cleared("weight_overweight", 21_980),)


@pytest.mark.parametrize(("gross", "applies"), [(24_300, False), (24_301, True)])
def test_overweight_is_judged_by_r1_at_its_boundary(gross: int, applies: bool) -> None:
    now = standing((OVER,), facts(gross_kg=gross, declared_net_kg=None), S)
    assert bool(now.applies) is applies and bool(now.cleared) is not applies


def test_a_weight_finding_that_still_applies_reads_as_the_current_weighing_says() -> None:
    fired_twice = (OVER, dataclasses.replace(OVER, text="Overweight: net 22,900 kg ..."))
    now = standing(fired_twice, facts(gross_kg=24_600), S)
    assert now.cleared == ()
    assert [r.text for r in now.applies] == [weights.check_r1(22_300, S).reason]
    assert now.applies[0].code == "weight_overweight" and now.applies[0].channel is Channel.YELLOW


def test_the_station_settings_are_the_ones_judged_by() -> None:
    now = standing((OVER,), facts(gross_kg=24_600), StationSettings(cargo_limit_kg=23_000))
    assert now.applies == () and now.cleared == (Cleared("weight_overweight", 22_300),)


def test_over_rating_is_cleared_by_a_lower_gross_or_a_plate_recorded_since() -> None:
    over = facts(gross_kg=31_000, tare_kg=9_000, declared_net_kg=None)
    assert standing((RATING,), over, S).applies[0].code == "weight_over_rating"
    assumed = standing((RATING,), dataclasses.replace(over, size_type="22G1"), S).applies[0]
    assert "30,480 kg assumed for 22G1 (station default)" in assumed.text
    plated = standing((RATING,), dataclasses.replace(over, max_gross_kg=32_500), S)
    assert plated.applies == () and plated.cleared == (Cleared("weight_over_rating", 31_000),)


def test_a_mismatch_is_judged_by_r3_with_the_current_net() -> None:
    assert standing((MISMATCH,), facts(), S).cleared == (Cleared("weight_mismatch", 21_980),)
    assert standing((MISMATCH,), facts(declared_net_kg=18_000), S).applies[0].code == (
        "weight_mismatch"
    )


def test_with_nothing_to_judge_by_a_weight_finding_applies_as_it_fired() -> None:
    unweighed = facts(gross_kg=None, tare_kg=None)
    assert standing((OVER, RATING, MISMATCH), unweighed, S).applies == (OVER, RATING, MISMATCH)
    undeclared = standing((MISMATCH,), facts(declared_net_kg=None), S)
    assert undeclared.applies == (MISMATCH,)
    swapped = standing((OVER,), facts(gross_kg=2_000), S)  # a weighing the rules refuse
    assert swapped.applies == (OVER,)


def test_a_seal_finding_is_cleared_only_by_a_new_seal_after_looking_at_the_cargo() -> None:
    for kind in ("physical", "scanner"):
        now = standing((BROKEN,), facts(exams=(Exam(kind, "TFT6039024"),)), S)
        assert now.applies == () and now.cleared == (Cleared("seal_broken", "TFT6039024"),)
    for exams in (
        (),
        (Exam("physical", None),),  # examined, the old seal left on
        (Exam("documentary", "TFT6039024"),),  # resealed without anyone looking inside
    ):
        assert standing((BROKEN,), facts(exams=exams), S).applies == (BROKEN,), exams


def test_the_last_resealing_examination_names_the_seal() -> None:
    exams = (Exam("physical", "TFT1"), Exam("scanner", None), Exam("scanner", "TFT2"))
    assert resealed_with(exams) == "TFT2"
    assert resealed_with(exams + (Exam("documentary", "TFT3"),)) == "TFT2"


def test_every_seal_finding_is_cleared_by_a_reseal_and_said_once() -> None:
    reasons = tuple(
        channel.decide(
            seals=[Seal("A1", SealState.BROKEN), Seal("A2", SealState.BROKEN),
                   Seal("A3", SealState.MISSING), Seal("A4", SealState.DIFFERENT)],
            dangerous=None, hs_warning=None, draw=None, weighing=None,
        ).reasons
    )  # fmt: skip
    now = standing(reasons, facts(exams=(Exam("physical", "N1"),)), S)
    assert now.applies == ()
    assert [c.code for c in now.cleared] == ["seal_broken", "seal_missing", "seal_different"]


def test_why_the_channel_was_chosen_always_applies() -> None:
    everything_cleared = facts(exams=(Exam("physical", "N1"),))
    now = standing((OVER, *ALWAYS, BROKEN), everything_cleared, S)
    assert now.applies == ALWAYS
    assert [c.code for c in now.cleared] == ["weight_overweight", "seal_broken"]


def test_reasons_from_the_real_rules_are_judged_by_their_codes() -> None:
    """The codes core.channel gives weight findings are the ones judged here."""
    first = weights.assess(25_300, 2_300, 19_000, None, S)  # 23,000 net: R1 and R3 fail
    fired = channel.decide(seals=[], dangerous=None, hs_warning=None, draw=None, weighing=first)
    assert {r.code for r in fired.reasons} == {"weight_overweight", "weight_mismatch"}
    now = standing(fired.reasons, facts(declared_net_kg=19_000, gross_kg=21_500), S)
    assert now.applies == () and {c.code for c in now.cleared} == {
        "weight_overweight",
        "weight_mismatch",
    }
