"""The edition as a reader meets it: the built HTML in Debian's Chromium, driven by Playwright."""
