"""`taftan-desk`: the administrators' and scripts' door to the same services as the desk.

With no subcommand it opens the desk window. Errors are one clear line on stderr; bad usage
or bad input exits 2.
"""

import argparse
import csv
import getpass
import io
import json
import logging
import socket
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from taftan_desk import (
    __version__,
    cli_audit,
    cli_manifests,
    cli_reports,
    cli_scale,
    cli_slips,
    cli_trains,
    cli_users,
)
from taftan_desk import log as desk_log
from taftan_desk.core import containers, station_settings
from taftan_desk.core.errors import DeskError, StorageError, ValidationError
from taftan_desk.core.roles import Role
from taftan_desk.core.text import shown

if TYPE_CHECKING:  # the database layers load only for commands that use them
    from taftan_desk.app import Runtime
    from taftan_desk.services.database import Actor

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input on the command line: exit 2."""


def _cli_actor() -> "Actor":
    """Command-line changes are attributed to the operating-system account that ran them."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    from taftan_desk.services.database import Actor

    return Actor(None, f"cli:{who}@{socket.gethostname()}"[:80], Role.ADMIN)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="taftan-desk", description="Taftan border desk.")
    p.add_argument("--version", action="version", version=f"taftan-desk {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file path "
        "(default: $TAFTAN_DESK_DB, else the file in the user data directory)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the desk window (the default)")
    init = sub.add_parser("init", help="create or upgrade the database (safe to repeat)")
    init.add_argument("--station", metavar="CODE", help="station code, e.g. TFT")
    init.add_argument("--station-name", metavar="NAME")
    init.add_argument(
        "--root-key",
        type=Path,
        metavar="FILE",
        help="where a new station's root key is written (default: in the data directory; "
        "move it to removable media)",
    )

    cli_users.add_parser(sub)

    container = sub.add_parser("container", help="container numbers").add_subparsers(
        dest="container_command", metavar="ACTION"
    )
    chk = container.add_parser("check", help="check ISO 6346 container numbers")
    chk.add_argument("numbers", nargs="+", metavar="NUMBER")

    demo = sub.add_parser("demo", help="fill the database with realistic demo traffic")
    demo.add_argument("--days", type=_positive(366), default=7)
    demo.add_argument("--per-day", type=_positive(10_000), default=300)
    demo.add_argument("--seed", type=int, default=None)

    entries = sub.add_parser("entries", help="list crossings of a day or of a container")
    entries.add_argument(
        "--date", type=_date, help="station-local date YYYY-MM-DD (default: today)"
    )
    entries.add_argument("--container", metavar="NUM")
    entries.add_argument("--format", choices=("table", "csv", "json"), default="table")

    check = sub.add_parser(
        "check", help="integrity, schema and audit-chain check (exit 1 on failure)"
    )
    check.add_argument(
        "--anchor",
        type=Path,
        nargs="+",
        default=[],
        metavar="FILE",
        help="anchor files from `audit anchor`: the log must still contain each head",
    )

    station = sub.add_parser("settings", help="station settings").add_subparsers(
        dest="settings_command", metavar="ACTION"
    )
    station.add_parser("show", help="list the station settings")
    put = station.add_parser("set", help="change one setting, e.g. `set cargo_limit_kg 22000`")
    put.add_argument("key")
    put.add_argument("value")

    owner = sub.add_parser("owner", help="known container owner codes").add_subparsers(
        dest="owner_command", metavar="ACTION"
    )
    owner_add = owner.add_parser("add", help="add an owner code, e.g. `add CSQ --company COSCO`")
    owner_add.add_argument("code")
    owner_add.add_argument("--company", default="")
    owner.add_parser("list", help="list the known owner codes")
    cli_slips.add_parser(sub)
    cli_audit.add_parsers(sub)
    cli_reports.add_parser(sub, _date)
    cli_manifests.add_parser(sub)
    cli_scale.add_parser(sub)
    cli_trains.add_parser(sub)
    return p


def _positive(maximum: int) -> Callable[[str], int]:
    """A count from 1 to `maximum`: a demo of a million days would run for ever."""

    def parse(text: str) -> int:
        digits = text.strip().lstrip("+")
        if not (digits.isascii() and digits.lstrip("-").isdigit()):
            raise argparse.ArgumentTypeError(f"'{shown(text)}' is not a whole number")
        if digits.startswith("-") or not digits.strip("0"):
            raise argparse.ArgumentTypeError("must be 1 or more")
        if len(digits.lstrip("0")) > len(str(maximum)) or int(digits) > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum:,}")
        return int(digits)

    return parse


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-27") from None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    # Bytes that are not UTF-8 arrive as lone surrogates; refused here, once, by name, so no
    # command meets them in a query, a hash or a file name.
    undecodable = _undecodable(arguments)
    if undecodable is not None:
        return _fail(undecodable, EXIT_USAGE)
    args = _parser().parse_args(arguments)
    command = args.command or "gui"
    desk_log.configure(None, level=logging.WARNING, stderr=True)
    # Names, plates or numbers the terminal cannot show must not crash a report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    # Bytes piped in that are not UTF-8 fail on reading (one clear line below), whatever the
    # locale's default: surrogates would otherwise reach a password hash or a query.
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="strict")
    try:
        if command == "scale":  # an indicator, not the station: no database
            return cli_scale.run(args)
        if command == "container":
            if getattr(args, "container_command", None) != "check":
                raise UsageError("say `container check NUMBER...`")
            return _container_check(args.numbers)
        return _with_database(command, args)
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except ValidationError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except StorageError as exc:
        return _fail(str(exc), EXIT_FAIL)
    except DeskError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except UnicodeDecodeError:  # a password or a slip's code piped in as bytes
        return _fail(
            "standard input is not UTF-8 text: pipe the password or code as UTF-8 text",
            EXIT_USAGE,
        )
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_FAIL)


def _undecodable(arguments: list[str]) -> str | None:
    for index, argument in enumerate(arguments):
        if not any("\ud800" <= ch <= "\udfff" for ch in argument):
            continue
        name, value = f"argument {index + 1}", argument
        if argument.startswith("--") and "=" in argument:
            option, value = argument.split("=", 1)
            name = f"the value of {option}"
        elif index and arguments[index - 1].startswith("-") and arguments[index - 1] != "--":
            name = f"the value of {arguments[index - 1]}"
        escaped = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        return (
            f"{name} ('{shown(escaped)}') holds bytes that are not UTF-8 text: retype it, "
            "or set the terminal to UTF-8 (e.g. LANG=C.UTF-8)."
        )
    return None


def _with_database(command: str, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from taftan_desk.app import open_runtime, run_gui
    from taftan_desk.db import migrate

    try:
        if command == "gui":
            return run_gui(args.db)
        if command == "slip" and not cli_slips.wants_database(args):
            return cli_slips.run_offline(args)
        # Only these may create a database: any other command on a mistyped path says so
        # instead of leaving an empty file there.
        creates = command in ("init", "demo")
        runtime = open_runtime(
            args.db,
            upgrade=creates,
            create=creates,
            root_key_file=getattr(args, "root_key", None) if command == "init" else None,
        )
        if command != "check":  # `check` reports a newer schema as one of its lines
            migrate.refuse_newer(runtime.engine)
        if command not in ("init", "check") and not migrate.is_at_head(runtime.engine):
            raise UsageError(
                "The database is not set up or is out of date: run `taftan-desk init` first."
            )
        return _HANDLERS[command](runtime, args)
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StorageError(
            f"The database cannot be used ({reason}). Check --db or "
            "TAFTAN_DESK_DB points at a Taftan Desk database."
        ) from exc


def _fail(message: str, code: int) -> int:
    print(f"taftan-desk: error: {message}", file=sys.stderr)
    return code


def _init(runtime: "Runtime", args: argparse.Namespace) -> int:
    actor = _cli_actor()
    keys = runtime.services.keys.establish(actor)
    created = runtime.services.settings.initialise(actor, args.station, args.station_name)
    settings = runtime.services.settings.current()
    state = "created" if created else "already set up; schema at head"
    print(f"Station {settings.station_code} ({settings.station_name}): {state}.")
    print(f"Database: {runtime.engine.url.render_as_string(hide_password=True)}")
    if keys.created and keys.root_key_file is not None:
        print(
            f"Station root key {keys.root_key_id} written to {keys.root_key_file}: copy it to "
            "removable media, keep it locked away and delete it here. It is needed only to "
            "enrol another desk (`taftan-desk desk enrol --root-key FILE`)."
        )
    if runtime.services.accounts.count() == 0:
        print(
            "No accounts yet: add the first administrator with "
            "`taftan-desk user add NAME --role admin`."
        )
    return EXIT_OK


def _container_check(numbers: list[str]) -> int:
    all_valid = True
    for text in numbers:
        result = containers.check(text)
        if result.valid:
            print(f"{result.number}: valid")
            continue
        all_valid = False
        hint = (
            " Did you mean " + " or ".join(result.suggestions[:3]) + "?"
            if result.suggestions
            else ""
        )
        print(f"{result.number or repr(text)}: invalid. {result.reason}{hint}")
    return EXIT_OK if all_valid else EXIT_FAIL


def _demo(runtime: "Runtime", args: argparse.Namespace) -> int:
    from taftan_desk.services.demo import run_demo

    report = run_demo(runtime.services, days=args.days, per_day=args.per_day, seed=args.seed)
    print(
        f"Wrote {report.crossings:,} crossings over {args.days} day(s): "
        + ", ".join(
            f"{n:,} {status.replace('_', ' ')}" for status, n in sorted(report.by_status.items())
        )
    )
    train = report.train
    if train is not None and train.announced:
        print(
            f"Pre-announced train {train.train}: {train.announced} containers expected today, "
            f"{train.arrived} arrived (`manifest list --train {train.train}`, "
            f"`train report {train.train}`)."
        )
    elif train is not None:
        print(f"No demo train announced: {train.note}")
    print("Demo accounts (keep these; passwords are shown only once):")
    for username, role, full_name, password in report.users:
        print(f"  {username:<12} {role:<11} {full_name:<22} {password}")
    return EXIT_OK


_FIELDS = (
    "entry_no",
    "registered",
    "direction",
    "mode",
    "vehicle",
    "container_no",
    "cargo_category",
    "declared_net_kg",
    "net_kg",
    "channel",
    "status",
)


def _entries(runtime: "Runtime", args: argparse.Namespace) -> int:
    zone = runtime.services.settings.current().zone
    queries = runtime.services.queries
    if args.container:
        rows = queries.container_history(args.container)
    else:
        rows = queries.day(args.date or datetime.now(zone).date(), zone)
    records = [
        {
            "entry_no": r.entry_no,
            "registered": r.registered_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            "direction": r.direction,
            "mode": r.mode,
            "vehicle": r.vehicle,
            "container_no": r.container_no,
            "cargo_category": r.cargo_category,
            "declared_net_kg": r.declared_net_kg,
            "net_kg": r.net_kg,
            "channel": r.channel.value,
            "status": r.status.value,
        }
        for r in rows
    ]
    if args.format == "json":
        print(json.dumps(records, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        sys.stdout.write(out.getvalue())
    else:
        _print_table(records)
    return EXIT_OK


def _print_table(records: list[dict[str, object]]) -> None:
    if not records:
        print("No crossings.")
        return
    widths = {f: max(len(f), *(len(_cell(r[f])) for r in records)) for f in _FIELDS}
    print("  ".join(f.ljust(widths[f]) for f in _FIELDS))
    for r in records:
        print("  ".join(_cell(r[f]).ljust(widths[f]) for f in _FIELDS))
    print(f"{len(records):,} crossing(s).")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _check(runtime: "Runtime", args: argparse.Namespace) -> int:
    report = runtime.services.health.check(cli_audit.read_anchors(args.anchor))
    print(report.render())
    return EXIT_OK if report.ok else EXIT_FAIL


def _settings(runtime: "Runtime", args: argparse.Namespace) -> int:
    service = runtime.services.settings
    if args.settings_command == "set":
        service.update(_cli_actor(), {args.key: args.value})
        print(f"{args.key} = {_setting_text(getattr(service.current(), args.key))}")
        return EXIT_OK
    if args.settings_command == "show":
        current = service.current()
        for key in station_settings.FIELD_NAMES:
            if key != "random_seed":
                print(f"{key:<30} {_setting_text(getattr(current, key))}")
        return EXIT_OK
    raise UsageError("say `settings show` or `settings set KEY VALUE`")


def _setting_text(value: object) -> str:
    return ",".join(value) if isinstance(value, tuple) else str(value)


def _owner(runtime: "Runtime", args: argparse.Namespace) -> int:
    service = runtime.services.settings
    if args.owner_command == "add":
        service.add_known_owner(_cli_actor(), args.code, args.company)
        print(f"Added owner code {args.code.strip().upper()}.")
        return EXIT_OK
    if args.owner_command == "list":
        for code, company in service.known_owners():
            print(f"{code}  {company}")
        return EXIT_OK
    raise UsageError("say `owner add CODE` or `owner list`")


_HANDLERS = {
    "slip": lambda runtime, args: cli_slips.run(runtime, args, _cli_actor),
    "init": _init,
    "user": lambda runtime, args: cli_users.run(runtime, args, _cli_actor),
    "demo": _demo,
    "report": lambda runtime, args: cli_reports.run(runtime, args, _cli_actor()),
    "manifest": lambda runtime, args: cli_manifests.run(runtime, args, _cli_actor()),
    "train": lambda runtime, args: cli_trains.run(runtime, args, _cli_actor()),
    "entries": _entries,
    "check": _check,
    "settings": _settings,
    "owner": _owner,
    "desk": lambda runtime, args: cli_audit.run_desk(runtime, args, _cli_actor()),
    "audit": cli_audit.run_audit,
}
