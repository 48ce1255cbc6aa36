"""`taftan-desk train report`: a train's reconciliation, manifested against arrived.

taftan-desk train report PR-12 --pdf PR-12.pdf --csv PR-12.csv
taftan-desk train report PR-12                        (totals and lists on the terminal)

The CSV holds one row per container of the wagon list (arrived, shortage, excess or
withdrawn), UTF-8 with a byte-order mark so that spreadsheets read it as UTF-8. A train no
manifest and no crossing names is a usage error (exit 2).
"""

import argparse
import io
from pathlib import Path
from typing import TYPE_CHECKING

from taftan_desk import cli_slips
from taftan_desk.core.errors import DeskError
from taftan_desk.paths import write_atomically

if TYPE_CHECKING:
    from taftan_desk.app import Runtime
    from taftan_desk.services.database import Actor
    from taftan_desk.services.reconciliation_views import ContainerLine, TrainReconciliation

EXIT_OK = 0


class TrainUsage(DeskError):
    """Bad `train` command line: exit 2."""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    train = sub.add_parser("train", help="`train report TRAIN`: a train's reconciliation")
    train_sub = train.add_subparsers(dest="train_command", metavar="ACTION")
    report = train_sub.add_parser(
        "report", help="manifested against arrived: shortages, excesses, differences"
    )
    report.add_argument("train", metavar="TRAIN", help="the train number, e.g. PR-12")
    report.add_argument("--pdf", type=Path, metavar="FILE", help="write the report as PDF (A4)")
    report.add_argument("--csv", type=Path, metavar="FILE", help="one row per container, UTF-8")


def run(runtime: "Runtime", args: argparse.Namespace, actor: "Actor") -> int:
    if args.train_command != "report":
        raise TrainUsage("say `train report TRAIN [--pdf F] [--csv F]`")
    for out, example in ((args.pdf, "train.pdf"), (args.csv, "train.csv")):
        if out is not None:
            cli_slips.check_out_file(out, example)
    rec = runtime.services.reconciliation.train(args.train, actor)
    if args.pdf is not None:
        from taftan_desk.documents.train_report import render_train

        buffer = io.BytesIO()
        render_train(rec, buffer)
        write_atomically(args.pdf, buffer.getvalue())
        print(f"Train {rec.train_no} reconciliation written to {args.pdf}")
    if args.csv is not None:
        from taftan_desk.services.reconciliation import to_csv

        write_atomically(args.csv, to_csv(rec).encode("utf-8-sig"))
        print(f"{len(rec.lines):,} container(s) of train {rec.train_no} in {args.csv}")
    if args.pdf is None and args.csv is None:
        print(summary(rec))
    return EXIT_OK


def summary(rec: "TrainReconciliation") -> str:
    lines = [
        f"Train {rec.train_no}, {rec.station_name} ({rec.station_code})",
        f"manifested {rec.manifested:,}, arrived {len(rec.arrived):,}, shortages "
        f"{len(rec.shortages):,}, excesses {len(rec.excesses):,}, with differences "
        f"{len(rec.with_differences):,}, not weighed yet {len(rec.awaiting_weighing):,}, "
        f"withdrawn {len(rec.withdrawn):,}",
    ]
    for title, shown in (
        ("Shortages", rec.shortages),
        ("Excesses", rec.excesses),
        ("Differences", rec.with_differences),
    ):
        lines.append(f"{title}:" if shown else f"{title}: none")
        lines += [f"  {_line(line)}" for line in shown]
    return "\n".join(lines)


def _line(line: "ContainerLine") -> str:
    entry = f"  entry {line.entry_no}" if line.entry_no else ""
    text = f"wagon {line.wagon_no or '-':<8} {line.container_no}{entry}"
    if line.differences:
        text += ": " + "; ".join(d.words() for d in line.differences)
    return text
