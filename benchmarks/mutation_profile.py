"""A pytest plugin of the mutation run only (``benchmarks/mutate.py`` loads it with ``-p``).

A mutant is caught by one failing example: Hypothesis stops at the first instead of
shrinking it to the smallest, which can take longer than the run allows (a false timeout).
"""

from hypothesis import Phase, settings

settings.register_profile("mutation", phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.load_profile("mutation")
