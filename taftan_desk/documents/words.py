"""How documents word the crossing's values: times, weights, seals, codes grouped to read."""

from datetime import datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from taftan_desk.core import size_types
from taftan_desk.core.cargo import CargoCategory
from taftan_desk.core.findings import Cleared
from taftan_desk.documents.i18n import tr
from taftan_desk.services.views import CrossingView, SealView, WeighingView

# A typed weighing's reason as documents quote it: enough to say why, never a paragraph on
# a slip (a reason may run to 500 characters; the desk, the CSV and the audit keep it whole).
REASON_ON_ROLL, REASON_ON_PAGE = 90, 240


def none() -> str:
    """What an empty value reads as on paper: words a guard understands, never a dash."""
    return tr("not recorded")


def esc(value: object) -> str:
    """Data inside Paragraph markup: '<' in a remark must print, not start a tag."""
    return escape(str(value))


def container_grouped(number: str) -> str:
    """'MSCU1234565' -> 'MSCU 123456 5': owner+category, serial, check digit, as painted."""
    if len(number) == 11:
        return f"{number[:4]} {number[4:10]} {number[10]}"
    return number


def local_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """'2026-11-27 14:30 PKT': ISO order reads the same in every language and locale."""
    if moment is None:
        return none()
    here = moment.astimezone(zone)
    return f"{here:%Y-%m-%d %H:%M} {here.tzname()}"


def zone_note(zone: ZoneInfo, moment: datetime) -> str:
    here = moment.astimezone(zone)
    offset = here.strftime("%z")
    return tr("Times are {abbr} ({zone}, UTC{sign}{hh}:{mm})").format(
        abbr=here.tzname(), zone=zone.key, sign=offset[0], hh=offset[1:3], mm=offset[3:5]
    )


def kg(value: int | None) -> str:
    return none() if value is None else f"{value:,} kg"


def typed_mark(typed: bool = True) -> str:
    """' TYPED' in bold (markup) beside a figure typed rather than read from the scale or
    remembered; nothing beside one that was."""
    return f" <b>{esc(tr('TYPED'))}</b>" if typed else ""


def bridge_markup(w: WeighingView) -> tuple[str, str]:
    """'37,300 kg' and '− vehicle 14,000 kg' (markup, each typed figure marked): the
    weighbridge's reading and the vehicle's tare the container's gross is taken from."""
    typed = w.typed_figures
    bridge = esc(kg(w.bridge_kg)) + typed_mark("bridge" in typed)
    vehicle = esc(tr("− vehicle {kg}")).format(kg=esc(kg(w.vehicle_tare_kg)))
    return bridge, vehicle + typed_mark("vehicle_tare" in typed)


def typed_reason(w: WeighingView, limit: int) -> str:
    """Why the weighing was typed, quoted (markup); cut to `limit` characters, "…" saying
    so."""
    return quoted(w.reason, limit)


def quoted(reason: str, limit: int) -> str:
    """A reason quoted (markup), cut to `limit` characters with "…" saying so."""
    reason = reason if len(reason) <= limit else reason[: limit - 1].rstrip() + "…"
    return f"“{esc(reason)}”"


def limit_words(net: int | None, limit: int) -> str:
    if net is None:
        return tr("not weighed")
    if net > limit:
        return tr("OVER LIMIT by {kg} kg").format(kg=f"{net - limit:,}")
    if net == limit:
        return tr("exactly at the limit")
    return tr("within limit by {kg} kg").format(kg=f"{limit - net:,}")


def difference_words(view: CrossingView) -> str:
    """Measured net against declared net, signed: what R3 looks at."""
    if view.net_kg is None or view.declared_net_kg is None:
        return none()
    diff = view.net_kg - view.declared_net_kg
    return tr("{diff} kg against declared").format(diff=f"{diff:+,}")


def direction_words(direction: str) -> str:
    return {
        "in": tr("Inbound: Iran to Pakistan"),
        "out": tr("Outbound: Pakistan to Iran"),
    }.get(direction, direction)


def mode_words(mode: str) -> str:
    return {"road": tr("truck"), "rail": tr("train / wagon")}.get(mode, mode)


def cargo_words(view: CrossingView) -> str:
    try:
        label = tr(CargoCategory(view.cargo_category).label)
    except ValueError:
        label = view.cargo_category
    return f"{label}: {view.description}" if view.description else label


def size_type_words(code: str | None) -> str:
    if not code:
        return none()
    known = size_types.lookup(code)
    return f"{code} ({tr(known.description)})" if known else code


_SEAL_CLASSES = {"I": "indicative", "S": "security", "H": "high security"}


def seal_words(seal: SealView) -> str:
    parts = [seal.number]
    if seal.seal_class:
        klass = tr(_SEAL_CLASSES.get(seal.seal_class, seal.seal_class))
        parts.append(tr("class {code} {name}").format(code=seal.seal_class, name=klass))
    if seal.seal_type:
        parts.append(tr(seal.seal_type))
    parts.append(tr(seal.state).upper() if seal.state != "intact" else tr("intact"))
    if seal.applied_at_exam:
        parts.append(tr("applied at examination"))
    return ", ".join(parts)


def code_words(value: str) -> str:
    """An enum value such as 'no_discrepancy' as words: 'no discrepancy'."""
    return tr(value.replace("_", " "))


def declaration_words(view: CrossingView) -> str:
    """'GD KPPI-HC-1 - TIR carnet XH66673996, voucher 2': the references a checkpoint asks for."""
    parts = [tr("GD {number}").format(number=view.gd_number or none())]
    if view.tir_carnet or view.tir_voucher:
        carnet = tr("TIR carnet {number}").format(number=view.tir_carnet or none())
        if view.tir_voucher:
            carnet += ", " + tr("voucher {n}").format(n=view.tir_voucher)
        parts.append(carnet)
    return " - ".join(parts)


# A finding that no longer applies, and the fact that cleared it, in a few words: all of
# them go on one line of an 80 mm slip.
_CLEARED = {
    "weight_overweight": "overweight (net now {now})",
    "weight_over_rating": "over container rating (gross now {now})",
    "weight_mismatch": "declared/measured mismatch (net now {now})",
    "seal_broken": "seal broken (new seal {now} at examination)",
    "seal_missing": "seal missing (new seal {now} at examination)",
    "seal_different": "seal differed from documents (new seal {now} at examination)",
}


def cleared_words(cleared: Cleared) -> str:
    now = kg(cleared.now) if isinstance(cleared.now, int) else cleared.now
    template = _CLEARED.get(cleared.code)
    if template is None:
        return f"{code_words(cleared.code)} ({now})"
    return tr(template).format(now=now)
