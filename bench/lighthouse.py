"""Lighthouse (mobile) on the production server: gunicorn with production settings on a
temporary SQLite database with the demo content, for the home, a story and the results page;
prints the four category scores (goal: performance ≥ 95, accessibility, best practices and SEO
100) and every audit that lost points.

Lighthouse is not one of the site's front-end packages: it lives in `bench/lighthouse/` with
its own lock file (about 200 packages, 190 MB), so the site's `npm ci` and its CI stay small.
`make lighthouse` installs it there and runs this; it needs Chromium (`CHROME_PATH`, default
`chromium` on the PATH).

    make lighthouse          # or: npm ci --prefix bench/lighthouse && python -m bench lighthouse
"""

import json
import os
import shutil
import subprocess

from bench.common import ROOT, demo_site, demo_story_path

CLI = ROOT / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def _pages(setup):
    return {"home": "/", "story": demo_story_path(setup), "results": "/rezultati/"}


def _lighthouse(url, chrome):
    result = subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout)


def _report(name, report):
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    verdict = all(scores[key] >= GOALS[key] for key in CATEGORIES)
    print(
        f"  {name:<8} "
        + "  ".join(f"{key} {scores[key]:3d}" for key in CATEGORIES)
        + f"  ({'ok' if verdict else 'MISSED'})",
        flush=True,
    )
    audits = report["audits"]
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                print(f"    {key}: {ref['id']} ({audit['score']:.2f}) {audit['title']}")


def run():
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not CLI.exists() or not chrome:
        print("  skipped: run `make lighthouse` (installs Lighthouse; needs Chromium)")
        return
    with demo_site("bench-lighthouse-", workers=2, threads=2) as (base, setup):
        print("  Lighthouse mobile, production settings, gunicorn, demo content")
        for name, path in _pages(setup).items():
            _report(name, _lighthouse(base + path, chrome))


if __name__ == "__main__":
    run()
