"""Screenshots of a report in Debian's chromium (the PNGs in docs/): desktop and phone width.

    newsscan report seeds/ -o /tmp/seeds.html
    python docs/report_screenshots.py /tmp/seeds.html docs/
"""
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

SHOTS = (  # file, viewport width, height, where the page is scrolled to
    ("report-desktop.png", 1280, 1000, ""),
    ("report-desktop-stories.png", 1280, 1000, "#stories"),
    ("report-phone.png", 390, 844, ""),
    ("report-phone-stories.png", 390, 844, "#stories"),
)


def main(report: str, folder: str) -> None:
    url = Path(report).resolve().as_uri()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium")
        for name, width, height, anchor in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            page.goto(url + anchor)
            page.screenshot(path=str(Path(folder) / name))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
