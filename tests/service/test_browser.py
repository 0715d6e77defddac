"""The review page in a real browser: headless Chromium (Debian's package, driven by
Playwright, whose own browser download is not needed) against the app served by uvicorn.
A coder signs in, decides with the keyboard alone, and the decisions land in the store."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip(
        "no 'chromium' binary on PATH: run .ci/install-browser.sh (Debian's chromium package)",
        allow_module_level=True,
    )

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from api import create_app  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from helpers import HashEmbedder, Team  # noqa: E402
from qualcode.pipeline.components import Components, default_components  # noqa: E402
from qualcode.settings import Settings  # noqa: E402
from qualcode.store import Store  # noqa: E402

EVIL = '<img src=x id=pwned onerror="document.title=1">'


def fake_parts(store: Store) -> Components:
    """As ``conftest.fake_parts``: the instant hashing embedder."""
    return default_components(
        Settings.from_strings(store.settings.settings()), embedder=HashEmbedder()
    )


@dataclass
class Served:
    url: str
    team: Team
    app: Any = None


@pytest.fixture
def served(team: Team) -> Iterator[Served]:
    """The app on 127.0.0.1 at a free port, in a background thread."""
    app = create_app(team.root, run_jobs=True, parts_for=fake_parts)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield Served(f"http://127.0.0.1:{port}", team, app)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    yield pg
    context.close()
    assert problems == [], problems  # no script errors, no CSP violations


def sign_in_with_keyboard(page: Page, s: Served, user: str) -> None:
    page.goto(s.url + "/p/demo/review")  # not signed in: sent to sign in, then back
    assert "/?next=/p/demo/review" in page.url
    page.focus("#token")
    page.keyboard.type(s.team.tokens[user])
    page.keyboard.press("Enter")
    page.wait_for_url(s.url + "/p/demo/review")
    idle(page)


def idle(page: Page) -> None:
    """Wait for the page's queued actions (key presses) to finish."""
    page.wait_for_selector('#review[data-busy="0"]', state="attached")
    assert page.query_selector("#message.error") is None, page.text_content("#message")


def press(page: Page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
    idle(page)


def codes(page: Page) -> list[tuple[str, str]]:
    items = page.query_selector_all("#codes > li")
    return [
        (i.get_attribute("data-code-id") or "", i.get_attribute("data-status") or "") for i in items
    ]


def segment_id(page: Page) -> int:
    return int(page.get_attribute("#segment", "data-segment-id") or 0)


def cem_events(s: Served) -> list[tuple[int, str, str, str]]:
    store = Store(s.team.root / "projects" / "demo")
    try:
        events = store.review.review_events()
    finally:
        store.close()
    return [(e["segment_id"], e["code_id"], e["action"], e["coder"]) for e in events]


def two_suggestions(s: Served, walk: int = 40) -> tuple[int, int | None]:
    """A segment with at least two suggestions, and how many `n` presses from the start
    of cem's queue reach it (None: more than ``walk``)."""
    h = s.team.headers("cem")
    queue = httpx.get(f"{s.url}/api/projects/demo/queue?limit={walk + 1}", headers=h).json()
    for steps, item in enumerate(queue["items"]):
        if len(item["codes"]) >= 2:
            return item["id"], steps
    for offset in range(0, 5000, 500):
        url = f"{s.url}/api/projects/demo/segments?limit=500&offset={offset}"
        for item in httpx.get(url, headers=h).json()["items"]:
            if len(item["codes"]) >= 2:
                return item["id"], None
    raise AssertionError("no segment of the demo has two suggestions")


def test_a_coder_reviews_with_the_keyboard_alone(page: Page, served: Served) -> None:
    # the first model trained before the page opens: else the page may get the queue in
    # reading order and the API, asked a moment later, the model's order
    assert served.app.state.runners.model("demo").snapshot(wait=60) is not None
    sign_in_with_keyboard(page, served, "cem")
    assert page.text_content("#user-name") == "cem"
    assert page.text_content("#progress-text") == "0 / 800 segments decided"
    target, steps = two_suggestions(served)
    if steps is not None:  # walk the queue to it with `n`, as a coder would
        for _ in range(steps):
            press(page, "n")
    else:  # too far down the queue: open the page at it
        page.goto(f"{served.url}/p/demo/review#s={target}")
        page.wait_for_selector(f'#segment[data-segment-id="{target}"]')
        idle(page)
    seg, shown = segment_id(page), codes(page)
    assert seg == target
    assert len(shown) >= 2 and all(status == "suggested" for _, status in shown)
    first, second = shown[0][0], shown[1][0]
    assert page.is_visible("#context li.current")

    press(page, "a")  # accept the selected (first) suggestion
    assert codes(page)[0] == (first, "accepted")
    press(page, "j", "r")  # move to the second and reject it
    assert codes(page)[1] == (second, "rejected")
    assert page.text_content("#progress-text") == "1 / 800 segments decided"
    press(page, "k", "ArrowDown")  # arrows move too; the selection stays put on reload
    assert page.get_attribute("#codes > li:nth-child(2)", "aria-current") == "true"

    press(page, "n")
    assert segment_id(page) not in (0, seg)
    assert cem_events(served) == [(seg, first, "accept", "cem"), (seg, second, "reject", "cem")]

    # transcript-side text reaches the page as text: another coder's memo is not markup
    r = httpx.post(
        f"{served.url}/api/projects/demo/segments/{seg}/decisions",
        json={"code_id": first, "action": "accept", "memo": EVIL},
        headers=served.team.headers("dina"),
    )
    assert r.status_code == 201, r.text
    press(page, "p")
    assert segment_id(page) == seg
    assert EVIL in (page.text_content("#codes") or "")
    assert page.query_selector("#pwned") is None and page.title() != "1"
    assert page.query_selector("#codes img") is None


def test_add_a_code_undo_and_help(page: Page, served: Served) -> None:
    sign_in_with_keyboard(page, served, "cem")
    seg = segment_id(page)
    before = {c for c, _ in codes(page)}
    press(page, "?")
    assert page.is_visible("#help")
    press(page, "Escape")
    assert not page.is_visible("#help")

    press(page, "c")
    assert page.evaluate("document.activeElement.id") == "add-code"
    options = page.eval_on_selector_all("#add-code option", "os => os.map(o => o.value)")
    wanted = next(o for o in options if o not in before)
    page.select_option("#add-code", wanted)  # the select is focused: choose, then Enter
    page.focus("#add-code")
    press(page, "Enter")
    assert (wanted, "added") in codes(page)
    assert not page.is_visible("#add-form")

    press(page, "u")
    assert wanted not in {c for c, _ in codes(page)}
    events = cem_events(served)
    assert [e[1:] for e in events] == [(wanted, "add", "cem"), (wanted, "undo", "cem")]
    assert {e[0] for e in events} == {seg}
