"""`taftan-desk user`: the station's accounts from the command line.

taftan-desk user add NAME --role officer [--full-name TEXT]   (password from stdin when piped)
taftan-desk user list
taftan-desk user disable|enable|unlock NAME
taftan-desk user role NAME supervisor
taftan-desk user reset-password NAME   (temporary password from stdin when piped)

Changes are attributed to the operating-system account that ran the command.
"""

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from taftan_desk.core.errors import DeskError
from taftan_desk.core.roles import Role

if TYPE_CHECKING:  # the database layers load only for commands that use them
    from taftan_desk.app import Runtime
    from taftan_desk.services.accounts import UserView
    from taftan_desk.services.database import Actor

EXIT_OK = 0
ROLES = [r.value for r in Role]


class UserUsage(DeskError):
    """Bad `user` command line: exit 2."""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = sub.add_parser("user", help="user accounts").add_subparsers(
        dest="user_command", metavar="ACTION"
    )
    add = user.add_parser("add", help="add an account (password read from stdin when piped)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--full-name", default="")
    user.add_parser("list", help="list accounts with their state")
    for action, text in (
        ("disable", "disable an account: it can no longer sign in or write"),
        ("enable", "enable a disabled account"),
        ("unlock", "lift a lockout after wrong passwords"),
        ("reset-password", "set a temporary password that must be changed at sign-in"),
    ):
        user.add_parser(action, help=text).add_argument("name")
    role = user.add_parser("role", help="change an account's role, e.g. `role ali supervisor`")
    role.add_argument("name")
    role.add_argument("role", choices=ROLES)


def run(runtime: "Runtime", args: argparse.Namespace, actor_of: Callable[[], "Actor"]) -> int:
    accounts = runtime.services.accounts
    command = args.user_command
    if command == "list":
        for user in accounts.list():
            state = ",".join(s.value for s in user.states)
            print(f"{user.username:<20} {user.role.value:<11} {state:<9} {user.full_name}")
        return EXIT_OK
    if command == "add":
        password = read_password("Password: ")
        view = accounts.add(actor_of(), args.name, args.role, password, args.full_name)
        print(f"Added {view.role.value} {view.username}.")
        return EXIT_OK
    if command == "reset-password":
        temporary = read_password("Temporary password: ")
        view = accounts.reset_password(actor_of(), args.name, temporary)
        print(f"Reset the password of {view.username}: they choose a new one at sign-in.")
        return EXIT_OK
    changes: dict[str, Callable[[], UserView]] = {
        "disable": lambda: accounts.disable(actor_of(), args.name),
        "enable": lambda: accounts.enable(actor_of(), args.name),
        "unlock": lambda: accounts.unlock(actor_of(), args.name),
        "role": lambda: accounts.set_role(actor_of(), args.name, args.role),
    }
    if command not in changes:
        raise UserUsage("say `user add|list|disable|enable|unlock|role|reset-password`")
    view = changes[command]()
    print(_done(command, view))
    return EXIT_OK


def _done(command: str, view: "UserView") -> str:
    return {
        "disable": f"Disabled {view.username}.",
        "enable": f"Enabled {view.username}.",
        "unlock": f"Unlocked {view.username}.",
        "role": f"{view.username} is now {view.role.value}.",
    }[command]


def read_password(prompt: str) -> str:
    """One line from standard input when piped; else typed twice without echo."""
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise UserUsage("no password on standard input")
        return line.rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat " + prompt[:1].lower() + prompt[1:]) != first:
        raise UserUsage("the two passwords differ")
    return first
