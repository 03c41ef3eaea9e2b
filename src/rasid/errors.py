"""Errors that name the input and the problem, so a run can report them and go on."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputError:
    """A bad input: which file (and line or record), and what is wrong with it.

    Readers yield these instead of raising, so one bad file never stops a run.
    """
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class RasidError(Exception):
    """A problem the user can fix (bad option, unreadable store); shown without a traceback."""
