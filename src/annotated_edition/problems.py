"""Problems found in the editorial inputs, each pinned to a file and a line."""

from __future__ import annotations

from dataclasses import dataclass

EXCERPT = 80  # at most this many characters of an input go into a message
MAX_MESSAGE = 600  # no message is longer, whatever it quotes


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters: never a whole value."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[:limit] + "…")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input; reported, never raised, so nothing else is lost."""

    path: str
    line: int | None
    message: str
    subtype: str = "data"

    def __post_init__(self) -> None:
        # the last guard: whatever a message quotes from an input, it stays readable
        if len(self.message) > MAX_MESSAGE:
            object.__setattr__(self, "message", self.message[:MAX_MESSAGE] + "… (cut short)")

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised only where a caller cannot go on without the input (the check command)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
