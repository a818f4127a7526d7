"""Failures that end a command with relgraph's exit codes (contract §2, "Exit codes")."""

from __future__ import annotations

NOTHING_FOUND = 1
USAGE = 64
INVALID_INPUT = 65
MISSING_INPUT = 66
UNAVAILABLE = 69
SOFTWARE = 70
CANNOT_CREATE = 73


class EngineFailure(Exception):
    """A message for stderr (empty: none) and the exit code the command ends with."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
