"""``python -m annotator``: the same as the ``annotator`` command."""

from __future__ import annotations

import sys

from annotator.cli import main

sys.exit(main())
