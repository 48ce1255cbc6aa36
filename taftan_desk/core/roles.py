"""Roles and what each may do. Separation of duties: administrators keep accounts and
settings but do not process crossings; supervisors do everything an officer does and approve."""

import enum

from taftan_desk.core.errors import PermissionDenied


class Role(enum.StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    PROCESS_CROSSINGS = "process crossings"
    APPROVE_EXCEPTIONS = "approve exceptions"
    MANAGE_USERS = "manage user accounts"
    CHANGE_SETTINGS = "change station settings"
    # Reprints are recorded and marked DUPLICATE; the command line (run as an administrator)
    # prints documents for scripts and for a desk whose printer failed.
    PRINT_DOCUMENTS = "print documents"
    # A shift's review and daily report (supervisors and administrators); signing it off
    # (its supervisor).
    REVIEW_SHIFTS = "review shifts"
    SIGN_OFF_SHIFTS = "sign off shifts"
    # Manifests of pre-announced containers: imported at the desk or from the command line,
    # withdrawn while nothing of them has arrived.
    IMPORT_MANIFESTS = "import manifests"


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset(
        {Permission.PROCESS_CROSSINGS, Permission.PRINT_DOCUMENTS, Permission.IMPORT_MANIFESTS}
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.PROCESS_CROSSINGS,
            Permission.APPROVE_EXCEPTIONS,
            Permission.PRINT_DOCUMENTS,
            Permission.REVIEW_SHIFTS,
            Permission.SIGN_OFF_SHIFTS,
            Permission.IMPORT_MANIFESTS,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.CHANGE_SETTINGS,
            Permission.PRINT_DOCUMENTS,
            Permission.REVIEW_SHIFTS,
            Permission.IMPORT_MANIFESTS,
        }
    ),
}


def require(role: Role, permission: Permission) -> None:
    if permission not in GRANTS[role]:
        raise PermissionDenied(f"A {role.value} may not {permission.value}.")
