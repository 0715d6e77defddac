"""Screenshots of the HTML briefing report, page by page, for a visual check.

Writes the report of the demo project (``out/demo-project``, as ``make demo`` leaves it;
built there first if missing) to ``out/report-pages/report.html`` and opens it in
headless Chromium (Debian's package, driven by Playwright, as ``tests/service/
test_browser.py`` does; install it with ``sh .ci/install-browser.sh``).  The page is
cut into A4-shaped 1240x1754 screenshots, ``page-01.png``, ``page-02.png`` ...; with
``--print`` the print stylesheet is used (as when an analyst prints or saves as PDF).

    python benchmarks/render_report_pages.py [--project out/demo-project] [--print]
"""

from __future__ import annotations

import argparse
import math
import shutil
from pathlib import Path

from _common import REPO
from bench_report import demo_project

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise SystemExit("no chromium on PATH: run `sh .ci/install-browser.sh` first")
    return found


def write_html(project: Path, out: Path) -> Path:
    from qualcode.exports.report import write_report
    from qualcode.store import Store

    store = Store(demo_project(project))
    try:
        return write_report(store, out / "report.html", formats=("html",))[0]
    finally:
        store.close()


def screenshot_pages(html: Path, out: Path, *, media: str = "screen") -> list[Path]:
    """Full-page screenshots of ``html`` cut into ``WIDTH`` x ``HEIGHT`` pages."""
    from playwright.sync_api import sync_playwright

    pages: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.emulate_media(media=media)  # type: ignore[arg-type]
        page.goto(html.resolve().as_uri())
        total = int(page.evaluate("document.documentElement.scrollHeight"))
        for i in range(math.ceil(total / HEIGHT)):
            path = out / f"page-{i + 1:02d}.png"
            clip = {"x": 0, "y": i * HEIGHT, "width": WIDTH, "height": HEIGHT}
            page.screenshot(path=str(path), full_page=True, clip=clip)  # type: ignore[arg-type]
            pages.append(path)
        browser.close()
    if problems:
        print("browser console errors:", *problems, sep="\n  ")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO / "out" / "demo-project")
    parser.add_argument("--out", type=Path, default=REPO / "out" / "report-pages")
    parser.add_argument("--print", action="store_true", help="use the print stylesheet")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("page-*.png"):
        old.unlink()
    html = write_html(args.project, args.out)
    pages = screenshot_pages(html, args.out, media="print" if args.print else "screen")
    print(f"{html}: {len(pages)} pages of {WIDTH}x{HEIGHT} in {args.out}")


if __name__ == "__main__":
    main()
