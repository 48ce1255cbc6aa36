"""The decision block prints the findings that still apply to the crossing as it stands, and
what was cleared since in one line (the rule is core.findings')."""

import io

from taftan_desk.core.channel import Channel, Reason
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.lifecycle import Status
from taftan_desk.documents import render_issued
from taftan_desk.services.approvals import Permit
from tests.documents import samples
from tests.documents.samples import pdf_bytes, text_of
from tests.support import PASSWORD, Desk, kept, road_form

FIRST_WEIGHING = Reason(  # as core.weights worded it at the first weighing
    "weight_overweight",
    Channel.YELLOW,
    "Overweight: net 22,640 kg is 640 kg over the 22,000 kg limit.",
)
RANDOM = Reason("random", Channel.RED, "Random selection at 5 % (draw 0042)")


def _reweighed(gross_kg: int, **changes: object):  # type: ignore[no-untyped-def]
    """Released after a re-weigh at the examination (gross_kg), 3,600 kg tare, no plate
    recorded; overweight at the first weighing and drawn at random."""
    exam = samples.inspection(reweigh_gross_kg=gross_kg, new_seal_no=None)
    fields: dict[str, object] = dict(
        gross_kg=gross_kg, tare_kg=3_600, net_kg=gross_kg - 3_600, declared_net_kg=22_000,
        max_gross_kg=None, size_type="22G1", reasons=(FIRST_WEIGHING, RANDOM),
        seals=(samples.view().seals[0],), inspections=(exam,),
    )  # fmt: skip
    return samples.view(**{**fields, **changes})


def _slip(v, **ctx: object) -> str:  # type: ignore[no-untyped-def]
    return text_of(pdf_bytes(v, samples.context(v, "clearance", **ctx)))


def test_a_finding_the_re_weigh_cleared_is_one_line_and_the_rest_still_print() -> None:
    text = _slip(_reweighed(25_580), approved_by="Sara Baloch", approval_reason="Re-weighed")
    assert "- Random selection at 5 % (draw 0042)" in text  # why the channel was chosen
    assert "Overweight:" not in text and "22,640" not in text
    assert "No longer applies: overweight (net now 21,980 kg)" in text
    assert "Override approved by Sara Baloch: “Re-weighed”" in text


def test_an_overridden_finding_that_still_applies_prints_as_the_weighing_stands() -> None:
    text = _slip(_reweighed(25_900), approved_by="Sara Baloch", approval_reason="Agreed")
    assert "- Overweight: net 22,300 kg is 300 kg over the 22,000 kg limit." in text
    assert "22,640" not in text and "No longer applies" not in text
    assert "Override approved by Sara Baloch: “Agreed”" in text


def test_the_findings_are_judged_by_the_settings_the_document_was_printed_with() -> None:
    text = _slip(_reweighed(25_900), cargo_limit_kg=23_000)
    assert "No longer applies: overweight (net now 22,300 kg)" in text
    assert "Overweight" not in text


def test_a_seal_finding_stands_until_an_examination_reseals_the_cargo() -> None:
    documentary = samples.inspection(kind="documentary", new_seal_no="TFT6039024")
    text = _slip(samples.view(inspections=(documentary,)))
    assert "- Seal P1663476 is broken" in text and "No longer applies" not in text
    resealed = _slip(samples.view())
    assert "Seal P1663476 is broken" not in resealed
    assert "No longer applies: seal broken (new seal TFT6039024 at examination)" in resealed


def test_every_document_judges_the_same_way() -> None:
    v = _reweighed(25_580)
    for kind, view in (
        ("entry", v),
        ("hold", samples.held(**{k: getattr(v, k) for k in ("gross_kg", "tare_kg", "net_kg",
                                                            "max_gross_kg", "reasons")})),
    ):  # fmt: skip
        text = text_of(pdf_bytes(view, samples.context(view, kind)))
        assert "No longer applies: overweight (net now 21,980 kg)" in text, kind
        assert "Overweight:" not in text, kind


def test_a_gate_pass_after_a_re_weigh_at_the_examination(desk: Desk) -> None:
    """The whole way: overweight at registration, re-weighed within the limit at the
    examination, released with a supervisor's approval (a re-weigh never lifts R1 alone)."""
    services, officer = desk.services, desk.officer
    services.settings.update(desk.admin, {"default_max_gross_kg": 32_000})
    form = road_form(gross_kg="24940", declared_net_kg="22600", size_type="22G1")
    crossing = services.crossings.register(officer, form).crossing
    assert [r.code for r in crossing.reasons] == ["weight_overweight"]
    exam = InspectionInput("physical", "Fatima Rind", "no_discrepancy", "release",
                           reweigh_gross_kg="24280")  # fmt: skip
    services.inspections.record(officer, crossing.id, exam)
    permit = Permit.release(crossing.id, officer, ["weight_r1"])
    approval = services.accounts.approve("sara", PASSWORD, "Re-weighed at the exam", permit)
    released = services.crossings.release(officer, crossing.id, approval)
    assert released.status is Status.RELEASED
    assert [r.code for r in released.reasons] == ["weight_overweight"]  # kept as history
    issued = services.documents.issue(officer, crossing.id, "clearance", "80mm", kept)
    assert issued.context.weight_settings.default_max_gross_kg == 32_000
    out = io.BytesIO()
    render_issued(issued, out)
    text = text_of(out.getvalue())
    assert "Overweight:" not in text and "22,640" not in text
    assert "No longer applies: overweight (net now 21,980 kg)" in text
    assert "Override approved by Sara Baloch: “Re-weighed at the exam”" in text
    assert "plate max 32,000 kg assumed for 22G1 (station default)" in text
