"""The signed QR payload: round trip, every edit caught, bad input answered in words."""

import base64
import dataclasses
import hashlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taftan_desk.core import containers, slip_payload
from taftan_desk.core.slip_payload import (
    SlipClaim,
    Verdict,
    key_id_of,
    normalise,
    sign,
    verify,
)

PRIVATE, PUBLIC = slip_payload.new_key_pair()
KEY_ID = key_id_of(PUBLIC)
KEYS = {KEY_ID: PUBLIC}
PKT = timezone(timedelta(hours=5))


def claim(**changes: object) -> SlipClaim:
    base = SlipClaim(
        station_code="TFT",
        entry_no="2600000123",
        container_no="CSQU3054383",
        kind="clearance",
        copy_no=1,
        net_kg=18_420,
        decision="released",
        issued_at=datetime(2026, 11, 27, 14, 30, 5, 999_999, tzinfo=PKT),
        key_id=KEY_ID,
    )
    return dataclasses.replace(base, **changes)


def test_round_trip_gives_the_claim_in_utc_to_the_second() -> None:
    text = sign(claim(), PRIVATE)
    verdict = verify(text, KEYS)
    assert verdict.genuine
    assert verdict.reason == f"genuine: signed by TFT station key {KEY_ID}"
    assert verdict.claim == claim(issued_at=datetime(2026, 11, 27, 9, 30, 5, tzinfo=UTC))


def test_text_is_versioned_and_stays_in_qr_alphanumeric_mode() -> None:
    text = sign(claim(), PRIVATE)
    assert text.startswith(f"TD1*TFT*{KEY_ID}*2600000123*CSQU3054383*C*1*18420*RELEASED*")
    assert "*20261127093005*" in text
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    assert len(text) <= 178  # QR version 7 at error correction M holds 178 such characters


def test_sign_is_deterministic_and_hash_is_sha256_hex() -> None:
    assert sign(claim(), PRIVATE) == sign(claim(), PRIVATE)  # Ed25519 has no random nonce
    text = sign(claim(), PRIVATE)
    assert slip_payload.payload_hash(text) == hashlib.sha256(text.encode("ascii")).hexdigest()


def test_unweighed_and_multi_word_decisions_round_trip() -> None:
    original = claim(net_kg=None, decision="awaiting_inspection", kind="hold", copy_no=12)
    verdict = verify(sign(original, PRIVATE), KEYS)
    assert verdict.genuine and verdict.claim is not None
    assert (verdict.claim.net_kg, verdict.claim.decision) == (None, "awaiting_inspection")
    assert (verdict.claim.kind, verdict.claim.copy_no) == ("hold", 12)


def test_every_single_character_edit_fails() -> None:
    text = sign(claim(), PRIVATE)
    for i, original in enumerate(text):
        for sub in "0179AKZ*- ":
            if sub == original:
                continue
            edited = text[:i] + sub + text[i + 1 :]
            verdict = verify(edited, KEYS)
            assert not verdict.genuine, (i, sub)
            assert verdict.claim is None


def test_the_last_signature_character_has_no_spare_bits_to_hide_an_edit() -> None:
    text = sign(claim(), PRIVATE)
    for sub in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567":
        if sub != text[-1]:
            assert not verify(text[:-1] + sub, KEYS).genuine


def test_wrong_key_is_forged_and_missing_key_is_unknown() -> None:
    text = sign(claim(), PRIVATE)
    _, other_public = slip_payload.new_key_pair()
    forged = verify(text, {KEY_ID: other_public})
    assert not forged.genuine
    assert forged.reason.startswith("forged: the signature does not match the printed data")
    unknown = verify(text, {"K9": PUBLIC})
    assert not unknown.genuine
    assert f"unknown station key '{KEY_ID}'" in unknown.reason
    assert "ask for the station's current public key" in unknown.reason


def test_a_slip_signed_with_another_stations_key_is_forged() -> None:
    other_private, other_public = slip_payload.new_key_pair()
    text = sign(claim(key_id=key_id_of(other_public)), other_private)
    assert verify(text, {key_id_of(other_public): other_public}).genuine
    # Someone puts this station's key id on it: the signature cannot match.
    swapped = text.replace(key_id_of(other_public), KEY_ID, 1)
    assert not verify(swapped, KEYS).genuine


def test_newer_version_and_foreign_codes_are_named() -> None:
    text = sign(claim(), PRIVATE)
    assert verify("TD2" + text[3:], KEYS).reason == "made by a newer version of Taftan Desk (TD2)"
    for foreign in ("", "https://example.com/x", "2600000123", "TD", "MSCU1234565"):
        assert verify(foreign, KEYS) == Verdict(False, None, "not a Taftan Desk slip code")


@pytest.mark.parametrize(
    "bad",
    [
        "TD1",
        "TD1*TFT",
        "TD1**********",
        "TD1*TFT*K*1*2*3*4*5*6*7*8*9",
        "TD1" + "*" * 10 + "A" * 103,
    ],
)
def test_truncated_or_malformed_text_gets_a_verdict(bad: str) -> None:
    verdict = verify(bad, KEYS)
    assert not verdict.genuine and verdict.claim is None and verdict.reason
    assert not verdict.reason.startswith("could not check")  # answered, not caught


def test_truncations_of_a_real_code_never_verify() -> None:
    text = sign(claim(), PRIVATE)
    for end in range(len(text)):
        assert not verify(text[:end], KEYS).genuine
    # the Enter a scanner sends is not an edit, once the edge has normalised it away
    assert verify(normalise(text + "\r\n"), KEYS).genuine


def test_unicode_and_non_text_input_get_a_verdict() -> None:
    text = sign(claim(), PRIVATE)
    for odd in (text.replace("1", "١", 1), "TD1*ＴＦＴ", "\x00" * 50, None, b"TD1*", 42):
        verdict = verify(odd, KEYS)  # type: ignore[arg-type]
        assert isinstance(verdict, Verdict) and not verdict.genuine
        assert verdict.reason.startswith(slip_payload.NOT_OURS), (odd, verdict.reason)


def test_a_damaged_public_key_on_the_checkpoint_is_said_plainly() -> None:
    verdict = verify(sign(claim(), PRIVATE), {KEY_ID: b"short"})
    assert not verdict.genuine and "damaged" in verdict.reason


@given(st.text(max_size=300))
@settings(max_examples=300)
def test_arbitrary_text_never_raises(text: str) -> None:
    verdict = verify(text, KEYS)
    assert not verdict.genuine
    assert not verdict.reason.startswith("could not check")


@given(
    st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*-", max_size=200).map(
        lambda tail: "TD1*TFT*" + tail
    )
)
def test_near_miss_text_never_raises(text: str) -> None:
    verdict = verify(text, KEYS)
    assert not verdict.genuine and not verdict.reason.startswith("could not check")


valid_containers = st.integers(0, 999_999).map(
    lambda n: f"MSCU{n:06d}" + str(containers.check_digit(f"MSCU{n:06d}"))
)


@given(
    entry=st.from_regex(r"[0-9]{10}", fullmatch=True).filter(str.isascii),
    container=valid_containers,
    kind=st.sampled_from(sorted(slip_payload.KINDS)),
    copy_no=st.integers(1, 99),
    net=st.none() | st.integers(0, 999_999),
    decision=st.sampled_from(["released", "held", "refused", "registered", "awaiting_inspection"]),
    issued=st.datetimes(
        min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30), timezones=st.just(UTC)
    ),
)
def test_any_valid_claim_round_trips(
    entry: str,
    container: str,
    kind: str,
    copy_no: int,
    net: int | None,
    decision: str,
    issued: datetime,
) -> None:
    original = claim(
        entry_no=entry,
        container_no=container,
        kind=kind,
        copy_no=copy_no,
        net_kg=net,
        decision=decision,
        issued_at=issued,
    )
    verdict = verify(sign(original, PRIVATE), KEYS)
    assert verdict.genuine
    assert verdict.claim == dataclasses.replace(original, issued_at=issued.replace(microsecond=0))


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"entry_no": "26000001"}, "entry number '26000001' is not valid: 10 digits"),
        ({"entry_no": "26OOOOO123"}, "entry number"),
        ({"entry_no": "٢٦٠٠٠٠٠١٢٣"}, "entry number"),  # Arabic-Indic digits are not 0-9
        ({"container_no": "CSQU3054384"}, "not a valid ISO 6346 number"),
        ({"container_no": "CSQU 305438 3"}, "without spaces"),
        ({"container_no": "csqu3054383"}, "without spaces or hyphens, in capitals"),
        ({"kind": "receipt"}, "slip kind 'receipt' is not one of"),
        ({"copy_no": 0}, "copy number 0"),
        ({"copy_no": True}, "copy number True"),
        ({"net_kg": -1}, "net weight -1"),
        ({"decision": "Released"}, "decision 'Released'"),
        ({"decision": "held*"}, "decision 'held*'"),
        ({"station_code": "tft"}, "station code 'tft'"),
        ({"issued_at": datetime(2026, 11, 27, 9, 30)}, "timezone-aware"),
        ({"key_id": "OTHER1"}, "this private key's id is"),
    ],
)
def test_a_claim_the_code_cannot_carry_is_refused_at_sign_time(
    changes: dict[str, object], words: str
) -> None:
    with pytest.raises(ValueError) as caught:
        sign(claim(**changes), PRIVATE)
    assert words in str(caught.value)


def test_sign_refuses_a_key_that_is_not_32_raw_bytes() -> None:
    with pytest.raises(ValueError, match="32 raw bytes"):
        sign(claim(), PRIVATE[:16])


def test_key_ids_are_short_stable_and_derived_from_the_public_key() -> None:
    assert key_id_of(PUBLIC) == KEY_ID
    digest = base64.b32encode(hashlib.sha256(PUBLIC).digest()).decode()
    assert digest[:6] == KEY_ID
    assert len(KEY_ID) == 6 and set(KEY_ID) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert slip_payload.public_key_of(PRIVATE) == PUBLIC
    assert key_id_of(slip_payload.new_key_pair()[1]) != KEY_ID


def test_a_signed_text_not_written_the_way_sign_writes_it_is_malformed() -> None:
    """Even with the station's own signature, a field written another way (copy 01, lower
    case, a time that is no time) is not accepted: one claim has exactly one text."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    body = sign(claim(), PRIVATE)[: -slip_payload.SIGNATURE_CHARS]
    signer = Ed25519PrivateKey.from_private_bytes(PRIVATE)
    for odd in (
        body.replace("*C*1*", "*C*01*"),
        body.replace("*RELEASED*", "*Released*"),
        body.replace("*20261127093005*", "*20261327093005*"),
        body.replace("*C*", "*Q*"),
    ):
        assert odd != body
        text = odd + base64.b32encode(signer.sign(odd.encode())).decode().rstrip("=")
        verdict = verify(text, KEYS)
        assert not verdict.genuine and verdict.reason.startswith("malformed field"), verdict
