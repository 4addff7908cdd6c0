"""A pytest plugin of the mutation run only (``benchmarks/mutate.py`` loads it with ``-p``).

A mutant is caught by one failing example: Hypothesis stops at the first instead of
shrinking it to the smallest, which can take longer than the run allows (a false timeout).
The properties run after the example tests, which catch most mutants sooner.
"""

import pytest
from hypothesis import Phase, settings

settings.register_profile("mutation", phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.load_profile("mutation")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Hypothesis properties last: most mutants fail a quick example test first (``-x``)."""
    items.sort(key=lambda item: bool(getattr(getattr(item, "obj", None),
                                             "is_hypothesis_test", False)))
