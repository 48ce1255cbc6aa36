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
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from taftan_desk import __version__, cli_slips, cli_users
from taftan_desk import log as desk_log
from taftan_desk.core import containers, station_settings
from taftan_desk.core.errors import DeskError, StorageError, ValidationError
from taftan_desk.core.roles import Role

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

    cli_users.add_parser(sub)

    container = sub.add_parser("container", help="container numbers").add_subparsers(
        dest="container_command", metavar="ACTION"
    )
    chk = container.add_parser("check", help="check ISO 6346 container numbers")
    chk.add_argument("numbers", nargs="+", metavar="NUMBER")

    demo = sub.add_parser("demo", help="fill the database with realistic demo traffic")
    demo.add_argument("--days", type=_positive, default=7)
    demo.add_argument("--per-day", type=_positive, default=300)
    demo.add_argument("--seed", type=int, default=None)

    entries = sub.add_parser("entries", help="list crossings of a day or of a container")
    entries.add_argument(
        "--date", type=_date, help="station-local date YYYY-MM-DD (default: today)"
    )
    entries.add_argument("--container", metavar="NUM")
    entries.add_argument("--format", choices=("table", "csv", "json"), default="table")

    sub.add_parser("check", help="integrity, schema and audit-chain check (exit 1 on failure)")

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
    return p


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-27") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    desk_log.configure(None, level=logging.WARNING, stderr=True)
    # Names, plates or numbers the terminal cannot show must not crash a report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
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
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_FAIL)


def _with_database(command: str, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from taftan_desk.app import open_runtime, run_gui
    from taftan_desk.db import migrate

    try:
        if command == "gui":
            return run_gui(args.db)
        if command == "slip" and not cli_slips.wants_database(args):
            return cli_slips.run_offline(args)
        runtime = open_runtime(args.db, upgrade=command in ("init", "demo"))
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
    created = runtime.services.settings.initialise(_cli_actor(), args.station, args.station_name)
    settings = runtime.services.settings.current()
    state = "created" if created else "already set up; schema at head"
    print(f"Station {settings.station_code} ({settings.station_name}): {state}.")
    print(f"Database: {runtime.engine.url.render_as_string(hide_password=True)}")
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


def _check(runtime: "Runtime", _args: argparse.Namespace) -> int:
    report = runtime.services.health.check()
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
    "entries": _entries,
    "check": _check,
    "settings": _settings,
    "owner": _owner,
}
