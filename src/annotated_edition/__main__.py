"""``python -m annotated_edition``: the same as the ``annotated-edition`` command."""

from __future__ import annotations

import sys

from annotated_edition.cli import main

sys.exit(main())
