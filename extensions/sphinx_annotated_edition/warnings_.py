"""Every warning the edition's extensions emit, with one subtype each.

Editors can silence one kind with ``suppress_warnings = ["annotated_edition.<subtype>"]``.
The subtypes are listed once, in ``annotated_edition.problems.Subtype``: the core's
problems carry them, and a warning has the subtype of its problem.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from annotated_edition.problems import Problem, Subtype

__all__ = ["WARNING_TYPE", "Subtype", "report", "warn"]

WARNING_TYPE = "annotated_edition"
logger = logging.getLogger("sphinx_annotated_edition")


Location = str | tuple[str | None, int | None] | nodes.Node | None


def warn(message: str, subtype: Subtype, location: Location) -> None:
    """Emit one warning of ours, always with a location."""
    # Sphinx (8+, show_warning_types) appends " [annotated_edition.<subtype>]" itself
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)


def report(problem: Problem, default: Subtype = Subtype.DATA) -> None:
    """Turn a core problem into a warning that names its file and line."""
    try:
        subtype = Subtype(problem.subtype)
    except ValueError:
        subtype = default
    # A string with a colon is kept as it is by Sphinx (a bare one is taken for a docname);
    # a problem of a whole file (none has a line) is shown at its line 1, like the check.
    warn(problem.message, subtype, f"{Path(problem.path)}:{problem.line or 1}")
