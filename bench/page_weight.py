"""Page weight at phone size: bytes transferred and requests made by the home, a story, the
results and the turnout pages, loaded by Chromium at 390 × 844 from gunicorn with production
settings (compressed HTML, hashed static files) and the demo content.

"Before images" counts everything but images, the figure the campaign's goal is set on
(under 150 KB per page); images are printed apart. Each page's weight is printed as a ratio
of that goal, and beside the cheapest thing the same server sends: one static file (the
site's stylesheet), fetched in the same run.

    python -m bench page_weight
"""

import shutil

from bench.common import demo_site, demo_story_path

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
    return {
        "home": "/",
        "story": demo_story_path(setup),
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
    site = demo_site("bench-weight-", workers=1, threads=2)
    with site as (base, setup), sync_playwright() as play:
        browser = play.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
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
