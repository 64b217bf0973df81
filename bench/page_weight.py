"""Page weight at phone size: bytes transferred and requests made by the home, a story, the
results and the turnout pages, loaded by Chromium at 390 × 844 from gunicorn with production
settings (compressed HTML, hashed static files) and the demo content.

"Before images" counts everything but images, the figure the campaign's goal is set on
(under 150 KB per page); images are printed apart. Each page's weight is printed as a ratio
of that goal, and beside the cheapest thing the same server sends: one static file (the
site's stylesheet), fetched in the same run.

    python -m bench page_weight
"""

import json
import shutil
import subprocess
import sys
import tempfile

from bench.common import ROOT, gunicorn_server, production_env

GOAL_BYTES = 150 * 1024
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _pages(setup):
    story = next(path for path in setup["paths"] if path.startswith("/stasti/") and path[8:])
    return {
        "home": "/",
        "story": story,
        "results": "/rezultati/",
        "turnout": "/veletaju-aktivitate/",
    }


def _weigh(browser, url):
    """(bytes before images, image bytes, requests before images, image requests)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    weights = {"other": [0, 0], "image": [0, 0]}
    for response in responses:
        sizes = response.request.sizes()
        kind = "image" if response.request.resource_type == "image" else "other"
        weights[kind][0] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        weights[kind][1] += 1
    context.close()
    return weights["other"][0], weights["image"][0], weights["other"][1], weights["image"][1]


def _stylesheet_bytes(browser, base):
    """The site's stylesheet as a page loads it the first time (a fresh context: no cache)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base + "/")
    href = page.eval_on_selector("link[rel=stylesheet]", "link => link.href")
    context.close()
    context = browser.new_context(viewport=PHONE)
    response = context.new_page().goto(href)
    sizes = response.request.sizes()
    context.close()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def run():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        print("  skipped: needs Debian's chromium")
        return
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as workdir:
        env = production_env(
            f"sqlite:///{workdir}/bench.sqlite3",
            STATIC_ROOT=f"{workdir}/static",
            MEDIA_ROOT=f"{workdir}/media",
            DJANGO_SETTINGS_MODULE="bench.settings",
        )
        prepared = subprocess.run(
            [sys.executable, "-c", "from bench.memory import prepare; prepare()"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if prepared.returncode:
            raise SystemExit(f"preparing the demo failed:\n{prepared.stderr[-3000:]}")
        setup = json.loads(prepared.stdout.strip().splitlines()[-1])
        with gunicorn_server(env, workers=1, threads=2) as port, sync_playwright() as play:
            browser = play.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            base = f"http://localhost:{port}"
            stylesheet = _stylesheet_bytes(browser, base)
            print(
                f"  phone 390 px, production settings; one static file (site CSS): "
                f"{stylesheet / 1024:.1f} KB"
            )
            print(
                f"  {'page':<9}{'before images':>15}{'÷ goal':>8}{'÷ CSS':>7}"
                f"{'requests':>10}{'images':>12}{'img req.':>10}"
            )
            for name, path in _pages(setup).items():
                other, images, requests, image_requests = _weigh(browser, base + path)
                print(
                    f"  {name:<9}{other / 1024:>12.1f} KB{other / GOAL_BYTES:>8.2f}"
                    f"{other / stylesheet:>7.1f}{requests:>10}{images / 1024:>9.1f} KB"
                    f"{image_requests:>10}"
                )
            browser.close()


if __name__ == "__main__":
    run()
