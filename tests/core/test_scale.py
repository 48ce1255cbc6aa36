"""Weighbridge indicators' frames, built as their manuals describe and as captured in the
field: good, bad checksum, motion, overload, split across reads, two in one read; and the
stable weight taken only from frames that agree for long enough."""

from functools import reduce

import pytest

from taftan_desk.core import scale
from taftan_desk.core.scale import Fault, Reading, Stability, State


def xk3190(weight: int, *, decimals: int = 0, check: bytes | None = None) -> bytes:
    body = (b"-" if weight < 0 else b"+") + b"%06d" % abs(weight) + b"%d" % decimals
    xor = check if check is not None else b"%02X" % reduce(lambda a, b: a ^ b, body)
    return b"\x02" + body + xor + b"\x03"


def toledo(weight: int, *, swb: int = 0b1_0000, swa: int = 0b010, checksum: bool = False) -> bytes:
    frame = bytes([0x02, 0x20 | swa, 0x20 | swb, 0x20]) + b"%06d" % weight + b"000000\r"
    if checksum:
        frame += bytes([-sum(frame) & 0x7F])
    return frame


def st_gs(weight: int, head: bytes = b"ST", mode: bytes = b"GS") -> bytes:
    sign = b"-" if weight < 0 else b"+"
    return head + b"," + mode + b"," + sign + b"%07d" % abs(weight) + b"kg\r\n"


def test_the_xk3190_field_captures_read_as_their_weights() -> None:
    decoder = scale.XK3190()
    captured = b"\x02+0032600" + b"1C\x03" + b"\x02+0032900" + b"13\x03"  # two in one read
    assert xk3190(3260) == captured[:12]
    readings = decoder.feed(captured)
    assert [(r.weight_kg, r.motion, r.fault) for r in readings] == [
        (3260, None, None),
        (3290, None, None),
    ]
    assert readings[0].raw == captured[:12] and decoder.dropped == 0


def test_an_xk3190_frame_split_across_reads_is_read_once_whole() -> None:
    decoder = scale.XK3190()
    frame = xk3190(24_620)
    assert decoder.feed(frame[:5]) == []
    assert decoder.feed(frame[5:11]) == []
    assert [r.weight_kg for r in decoder.feed(frame[11:] + frame[:3])] == [24_620]
    assert [r.weight_kg for r in decoder.feed(frame[3:])] == [24_620]


def test_an_xk3190_frame_failing_its_check_is_dropped_and_counted_never_read() -> None:
    decoder = scale.XK3190()
    bad = xk3190(24_620, check=b"00")
    flipped = bytearray(xk3190(24_620))
    flipped[4] = ord("9")  # one digit changed on the line: 29,620 with the old check
    readings = decoder.feed(b"garbage" + bad + bytes(flipped) + xk3190(24_640))
    assert [r.weight_kg for r in readings] == [24_640]
    assert decoder.dropped >= 3  # the garbage, the bad check, the flipped digit


def test_xk3190_under_zero_and_a_decimal_display() -> None:
    decoder = scale.XK3190()
    under, decimal = decoder.feed(xk3190(-40) + xk3190(2462, decimals=1))
    assert (under.weight_kg, under.fault) == (-40, Fault.UNDER_ZERO)
    assert (decimal.weight_kg, decimal.fault) == (None, Fault.NOT_KG)


@pytest.mark.parametrize("checksum", [False, True])
def test_toledo_frames_with_or_without_a_checksum_and_7e1_parity(checksum: bool) -> None:
    decoder = scale.Toledo()
    moving = toledo(24_600, swb=0b1_1000, checksum=checksum)  # kg, motion
    still = toledo(24_620, checksum=checksum)
    parity = bytes(b | 0x80 for b in still)  # the parity bit set on a 7E1 line
    readings = decoder.feed(moving + still + parity + toledo(0, checksum=checksum))
    expected = [(24_600, True, None), (24_620, False, None), (24_620, False, None)]
    # Without a checksum the last frame waits for the next byte: a checksum or the next STX.
    tail = [(0, False, None)] if checksum else []
    assert [(r.weight_kg, r.motion, r.fault) for r in readings] == expected + tail
    assert decoder.dropped == 0


def test_toledo_status_bits_say_overload_net_negative_and_not_zeroed() -> None:
    decoder = scale.Toledo()
    frames = [
        toledo(99_999, swb=0b1_0100),
        toledo(21_000, swb=0b1_0001),
        toledo(40, swb=0b1_0010),
        toledo(24_620, swb=0b101_0000),
        toledo(24_620, swb=0b0_0000),  # pounds
        toledo(0),
    ]
    faults = [r.fault for r in decoder.feed(b"".join(frames))]
    assert faults == [
        Fault.OVERLOAD,
        Fault.NET_MODE,
        Fault.UNDER_ZERO,
        Fault.NOT_ZEROED,
        Fault.NOT_KG,
    ]


def test_a_toledo_checksum_that_does_not_sum_to_zero_is_dropped() -> None:
    decoder = scale.Toledo()
    good = toledo(24_620, checksum=True)
    bad = good[:-1] + bytes([(good[-1] + 1) & 0x7F])
    readings = decoder.feed(bad + good + toledo(0, checksum=True))
    assert [r.weight_kg for r in readings] == [24_620, 0] and decoder.dropped >= 1


def test_st_gs_lines_stable_unstable_overload_and_net() -> None:
    decoder = scale.StGs()
    data = (
        st_gs(24_320, b"US")
        + st_gs(24_320)
        + b"OL,GS,+9999999kg\r\n"
        + st_gs(21_000, mode=b"NT")
        + b"ST,GS,+24320kg\r\n"  # too short: not this indicator's line
        + b"ST,GS,+0024"
    )
    readings = decoder.feed(data)
    assert [(r.weight_kg, r.motion, r.fault) for r in readings] == [
        (24_320, True, None),
        (24_320, False, None),
        (None, None, Fault.OVERLOAD),
        (21_000, False, Fault.NET_MODE),
    ]
    assert decoder.dropped == 1
    assert [r.weight_kg for r in decoder.feed(b"320kg\r\n")] == [24_320]  # split across reads
    assert readings[1].raw == b"ST,GS,+0024320kg\r\n"


def test_an_unknown_protocol_is_named() -> None:
    with pytest.raises(ValueError, match="choose one of xk3190, toledo, st-gs"):
        scale.decoder("cas")


def _still(weight: int) -> Reading:
    return Reading(weight, False, None, b"%d" % weight)


def test_a_weight_is_taken_only_after_frames_agree_for_the_whole_window() -> None:
    judge = Stability(interval_kg=20, window_ms=2_000, min_frames=6)
    at = 0
    for weight in (24_000, 24_300, 24_560, 24_600):  # the truck rolls on: settling
        assert judge.feed(_still(weight), at).state is State.SETTLING
        at += 300
    verdicts = []
    for weight in (24_620, 24_600, 24_620, 24_620, 24_600, 24_620, 24_620, 24_620):
        verdicts.append(judge.feed(_still(weight), at))
        at += 300
    assert [v.state for v in verdicts[:6]] == [State.SETTLING] * 6
    assert verdicts[-1].state is State.STABLE and verdicts[-1].weight_kg == 24_620
    assert len(verdicts[-1].frames) >= 6


def test_one_frame_out_of_the_interval_starts_the_window_again() -> None:
    judge = Stability(interval_kg=20, window_ms=1_000, min_frames=4)
    at = 0
    for weight in (24_620,) * 5:
        verdict = judge.feed(_still(weight), at)
        at += 300
    assert verdict.state is State.STABLE
    assert judge.feed(_still(24_660), at).state is State.SETTLING  # two divisions off


def test_the_indicators_motion_flag_faults_an_empty_bridge_and_silence_are_said() -> None:
    judge = Stability(min_load_kg=200, silence_ms=2_000)
    assert judge.verdict(0).state is State.NO_DATA
    assert judge.feed(Reading(24_620, True, None, b""), 0).state is State.MOTION
    assert judge.feed(Reading(None, None, Fault.OVERLOAD, b""), 100).fault is Fault.OVERLOAD
    assert judge.feed(_still(40), 200).state is State.EMPTY
    assert judge.feed(_still(24_620), 300).state is State.SETTLING
    assert judge.verdict(2_301).state is State.NO_DATA  # a frozen display is not a weight


def test_a_drift_flagged_stable_is_not_taken() -> None:
    """A real ST capture drifted 59.6 -> 60.4 while flagged stable: the frames must agree."""
    judge = Stability(interval_kg=20, window_ms=2_000, min_frames=6)
    verdicts = [judge.feed(_still(24_600 + 10 * i), 250 * i) for i in range(20)]
    assert all(v.state is not State.STABLE for v in verdicts)


@pytest.mark.parametrize("protocol", list(scale.PROTOCOLS))
def test_every_protocol_reads_back_what_it_encodes(protocol: str) -> None:
    decoder = scale.decoder(protocol)
    data = b"".join(
        scale.encode(protocol, w, motion=m) for w, m in ((24_100, True), (24_620, False))
    )
    readings = decoder.feed(data + scale.encode(protocol, 24_620))
    assert [r.weight_kg for r in readings][:2] == [24_100, 24_620]
    if protocol != "xk3190":
        assert [r.motion for r in readings][:2] == [True, False]
    assert decoder.dropped == 0


def test_the_stations_settings_make_the_rules_and_are_bounded() -> None:
    from taftan_desk.core.errors import ValidationError
    from taftan_desk.core.station_settings import StationSettings, coerce

    judge = Stability.of(StationSettings(scale_interval_kg=10, scale_stable_frames=3))
    assert (judge.interval_kg, judge.min_frames, judge.window_ms) == (10, 3, 2_000)
    with pytest.raises(ValidationError):
        coerce("scale_stable_frames", 1)  # one frame agrees with itself: never a rule


def test_frames_missed_in_the_window_start_it_again() -> None:
    """Half a second watched, then a gap: what was not seen was not stable."""
    judge = Stability(interval_kg=20, window_ms=2_000, min_frames=6)
    assert judge.max_gap_ms == 666
    for at in (0, 100, 200, 300, 400):
        judge.feed(_still(24_620), at)
    assert judge.feed(_still(24_620), 2_350).state is State.SETTLING  # not stable
    for at in range(2_950, 4_400, 300):  # a frame every 300 ms from then on
        verdict = judge.feed(_still(24_620), at)
    assert verdict.state is State.SETTLING  # 2,350-4,150: not yet 2 s
    assert judge.feed(_still(24_620), 4_400).state is State.STABLE
