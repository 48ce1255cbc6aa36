"""Documents benchmark: how long Taftan Desk takes to draw its printed documents.

Run from the project root:

    .venv/bin/python benchmarks/bench_documents.py [--runs 200] [--batch 1000] [--save DIR]

Every document is rendered into an in-memory BytesIO (no disk), from a hand-built crossing
with two seals, one examination and two channel reasons, each render with its own signed QR
payload (signed beforehand, outside the timed region: signing belongs to the services and is
measured on its own line). Measured after 5 warm-up renders:

- clearance slip on the 80 mm roll (target p95 <= 30 ms), entry document on A5, examination
  report on A4, a reprint (DUPLICATE 1) of the slip;
- signing and verifying one slip payload (Ed25519);
- a batch of --batch clearance slips back to back: total seconds and ms per slip.

--save DIR also writes one PDF of each kind there to look at. It prints numbers only; it
asserts nothing.
"""

import argparse
import dataclasses
import io
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import reportlab
from timing import Timing, timed

from taftan_desk.core import slip_payload
from taftan_desk.core.channel import Channel, Reason
from taftan_desk.core.lifecycle import Status
from taftan_desk.documents import render
from taftan_desk.services.views import CrossingView, InspectionView, PrintContext, SealView

WARM_UP = 5
SLIP_TARGET_MS = 30.0
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
PRIVATE, PUBLIC = slip_payload.new_key_pair()
KEY_ID = slip_payload.key_id_of(PUBLIC)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="timed renders per document")
    parser.add_argument("--batch", type=int, default=1_000, help="slips in the batch run")
    parser.add_argument("--save", type=Path, help="write one PDF of each document here")
    return parser.parse_args()


# -- data -----------------------------------------------------------------------------------
def crossing(status: Status = Status.RELEASED) -> CrossingView:
    exam = InspectionView(
        1, "physical", "Fatima Rind", T0 + timedelta(minutes=20), T0 + timedelta(minutes=55),
        "intact", 20_740, "no_discrepancy", "release", "TFT6039024", "Cargo matches the GD.", 2,
    )  # fmt: skip
    return CrossingView(
        id=7, entry_no="2600000123", station_code="TFT", direction="in", mode="road",
        truck_plate="IR-85-715", train_no=None, wagon_no=None, container_no="MSCU1234566",
        size_type="22T1", max_gross_kg=36_000, cargo_category="oil", hs_code="27101943",
        description="gas oil (diesel), UN1202", declared_net_kg=17_020,
        gd_number="KPPI-HC-892489-27112026", tir_carnet="XH66673996", tir_voucher="2",
        gross_kg=20_760, tare_kg=3_600, net_kg=17_160, weighed_at=T0 + timedelta(minutes=10),
        channel=Channel.RED,
        reasons=(
            Reason("seal_broken", Channel.RED, "Seal P1663476 is broken"),
            Reason("dangerous_goods", Channel.YELLOW, "Dangerous goods, class 3"),
        ),
        random_draw_bp=8108, random_rate_bp=500, status=status, status_note="",
        registered_at=T0, registered_by=2, closed_at=T0 + timedelta(hours=1),
        seals=(
            SealView("P1663476", "broken", "H", "bolt", False),
            SealView("TFT6039024", "intact", None, None, True),
        ),
        inspections=(exam,),
    )  # fmt: skip


def contexts(kind: str, size: str, count: int, copy_no: int = 1) -> list[PrintContext]:
    """count contexts, each with its own signed payload (a new issue second each)."""
    view = crossing()
    out = []
    for i in range(count):
        issued = T0 + timedelta(hours=2, seconds=i)
        claim = slip_payload.SlipClaim(
            view.station_code, view.entry_no, view.container_no, kind, copy_no, view.net_kg,
            "released", issued, KEY_ID,
        )  # fmt: skip
        out.append(
            PrintContext(
                kind=kind,
                copy_no=copy_no,
                record_no=f"{i + 1:06d}",
                printed_at=issued,
                station_name="Taftan (Bazarcha Border Terminal)",
                timezone="Asia/Karachi",
                officer="Ali Khan",
                qr_text=slip_payload.sign(claim, PRIVATE),
                audit_head="3f9a1c2b7d04",
                size=size,
            )  # fmt: skip
        )
    return out


# -- measurements ---------------------------------------------------------------------------
def render_calls(ctxs: list[PrintContext]) -> list[Callable[[], object]]:
    view = crossing()
    return [lambda c=c: render(view, c, io.BytesIO()) for c in ctxs]


def measure_render(name: str, kind: str, size: str, runs: int, copy_no: int = 1) -> Timing:
    calls = render_calls(contexts(kind, size, runs + WARM_UP, copy_no))
    timed(calls[:WARM_UP])
    return Timing(name, timed(calls[WARM_UP:]))


def measure_payload(runs: int) -> tuple[Timing, Timing]:
    claims = [
        slip_payload.SlipClaim(
            "TFT",
            "2600000123",
            "MSCU1234566",
            "clearance",
            1,
            17_160,
            "released",
            T0 + timedelta(seconds=i),
            KEY_ID,
        )  # fmt: skip
        for i in range(runs)
    ]
    texts: list[str] = []
    signing = timed([lambda c=c: texts.append(slip_payload.sign(c, PRIVATE)) for c in claims])
    keys = {KEY_ID: PUBLIC}
    verifying = timed([lambda t=t: slip_payload.verify(t, keys) for t in texts])
    return Timing("sign slip payload", signing), Timing("verify slip payload", verifying)


def measure_batch(count: int) -> tuple[float, int]:
    view = crossing()
    ctxs = contexts("clearance", "80mm", count)
    total_bytes = 0
    started = time.perf_counter()
    for ctx in ctxs:
        out = io.BytesIO()
        render(view, ctx, out)
        total_bytes += out.tell()
    return time.perf_counter() - started, total_bytes


# -- report ---------------------------------------------------------------------------------
def print_timings(rows: list[tuple[Timing, float | None]]) -> None:
    print(f"{'measure':<28}{'n':>5}{'min':>9}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}  target")
    for timing, target in rows:
        ordered = sorted(timing.samples_ms)
        values = [ordered[0]] + [timing.pct(p) for p in (50, 95, 99)] + [ordered[-1]]
        cells = "".join(f"{v:>9.2f}" for v in values)
        verdict = ""
        if target is not None:
            result = "PASS" if timing.pct(95) <= target else "MISS"
            verdict = f"p95 <= {target:g} ms  {result}"
        print(f"{timing.name:<28}{len(timing.samples_ms):>5}{cells}  {verdict}")


def save_samples(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for kind, size, status in (
        ("clearance", "80mm", Status.RELEASED),
        ("entry", "a5", Status.REGISTERED),
        ("hold", "a4", Status.HELD),
        ("exam", "a4", Status.HELD),
    ):
        view = dataclasses.replace(crossing(status), status_note="Goods differ from the GD.")
        render(view, contexts(kind, size, 1)[0], folder / f"{kind}-{size}.pdf")
    print(f"saved           {folder}/*.pdf")


def main() -> None:
    args = parse_args()
    print("Taftan Desk documents benchmark (times in ms, rendered to memory)")
    print(f"reportlab       {reportlab.Version}")
    print(f"load average    {os.getloadavg()[0]:.2f} at start ({os.cpu_count()} CPUs)")
    rows: list[tuple[Timing, float | None]] = [
        (measure_render("clearance slip 80mm", "clearance", "80mm", args.runs), SLIP_TARGET_MS),
        (measure_render("clearance DUPLICATE 80mm", "clearance", "80mm", args.runs, 2), None),
        (measure_render("entry document A5", "entry", "a5", args.runs), None),
        (measure_render("examination report A4", "exam", "a4", args.runs), None),
    ]
    rows += [(t, None) for t in measure_payload(args.runs)]
    print_timings(rows)
    seconds, size = measure_batch(args.batch)
    print(f"batch           {args.batch:,} clearance slips in {seconds:.2f} s "
          f"({seconds / args.batch * 1000:.2f} ms a slip, {size / args.batch / 1024:.0f} KB "
          "a slip)")  # fmt: skip
    print(f"load average    {os.getloadavg()[0]:.2f} at the end (other processes on these "
          "cores move p50/p95; min is the unloaded cost)")  # fmt: skip
    if args.save:
        save_samples(args.save)


if __name__ == "__main__":
    main()
