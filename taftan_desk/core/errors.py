"""Errors raised by the border's rules, worded for the officer at the desk."""

from dataclasses import dataclass


class DeskError(Exception):
    """Base of every error the desk reports to a person rather than as a traceback."""


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with one input field, in the officer's words."""

    field: str
    message: str


class ValidationError(DeskError):
    """Input that cannot be accepted; carries one or more field problems."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem | str, field: str = "") -> None:
        if isinstance(problems, str):
            problems = [FieldProblem(field, problems)]
        elif isinstance(problems, FieldProblem):
            problems = [problems]
        self.problems: tuple[FieldProblem, ...] = tuple(problems)
        super().__init__(" ".join(p.message for p in self.problems))

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


class LifecycleError(DeskError):
    """An action that the crossing's current state does not allow."""


class PermissionDenied(DeskError):
    """The acting user's role does not allow the action."""


class NotFound(DeskError):
    """A record that was asked for does not exist."""


class AuthenticationFailed(DeskError):
    """Wrong user name or password, or a locked or disabled account."""


class StorageError(DeskError):
    """The database could not take the change; nothing already saved is lost."""
