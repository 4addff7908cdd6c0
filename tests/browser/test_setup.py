"""A missing browser is a skip with its reason on a developer's machine, a failure in CI."""

from __future__ import annotations

import pytest

from .conftest import no_browser


def test_a_missing_browser_skips_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium: /usr/bin/chromium is missing"):
        no_browser("/usr/bin/chromium is missing")


def test_a_missing_browser_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        no_browser("/usr/bin/chromium is missing")
