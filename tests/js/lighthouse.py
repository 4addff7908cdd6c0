"""Lighthouse on the built edition, against Debian's Chromium, the site served locally.

    npm ci --prefix tests/js            # once: Lighthouse into tests/js/node_modules
    python3 edition.py                  # build the HTML edition into _build/html
    .venv/bin/python tests/js/lighthouse.py [_build/html]

For the landing page, an article and the glossary, at Lighthouse's desktop and mobile
settings, it prints the scores of accessibility, SEO, best practices and performance, and
every render-blocking resource with the bytes of it the page leaves unused (Lighthouse's
``unused-css-rules`` / ``unused-javascript``). The reports go to tests/js/.lighthouse/.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
PAGES = {"landing": "index.html", "glossary": "glossary.html",
         "article": "articles/bayramov-ambassadors-conference-2022-08.html"}
CATEGORIES = ("accessibility", "seo", "best-practices", "performance")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Requests are not the output."""


def name_of(url: str) -> str:
    return url.split("/")[-1].split("?")[0]


def run(site: Path) -> int:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = HERE / ".lighthouse"
    out.mkdir(exist_ok=True)
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    failures = 0
    print(f"{'page':10} {'form':8} " + " ".join(f"{c:>15}" for c in CATEGORIES)
          + "  render-blocking (unused bytes)")
    for name, path in PAGES.items():
        for form in ("desktop", "mobile"):
            report = out / f"{name}-{form}.json"
            command = [str(LIGHTHOUSE), f"http://127.0.0.1:{server.server_port}/{path}",
                       "--quiet", "--output=json", f"--output-path={report}",
                       "--only-categories=" + ",".join(CATEGORIES),
                       "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
            if form == "desktop":
                command.append("--preset=desktop")
            subprocess.run(command, check=True, env=env)
            data = json.loads(report.read_text(encoding="utf-8"))
            scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
            unused = {item["url"]: item.get("wastedBytes", 0)
                      for audit in ("unused-css-rules", "unused-javascript")
                      for item in data["audits"][audit].get("details", {}).get("items", [])}
            blocking = [f"{name_of(item['url'])} ({unused.get(item['url'], 0)})"
                        for item in data["audits"]["render-blocking-resources"]
                        .get("details", {}).get("items", [])]
            print(f"{name:10} {form:8} " + " ".join(f"{scores[c]:>15}" for c in CATEGORIES)
                  + "  " + (", ".join(blocking) or "none"))
            failures += sum(scores[c] < 100 for c in CATEGORIES[:3])
    server.shutdown()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html").resolve()))
