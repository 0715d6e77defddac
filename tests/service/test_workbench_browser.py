"""The workbench (document view) and the code tree in a real browser: headless Debian
chromium driven by Playwright, against the app served on loopback (the fixtures of
``test_browser``).  Each flow is done from the keyboard, and what it stores is read back
from the project's store; axe-core checks every page for serious or critical problems."""

from __future__ import annotations

import shutil

import pytest

if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
    pytest.skip(
        "no 'chromium' binary on PATH: run .ci/install-browser.sh (Debian's chromium package)",
        allow_module_level=True,
    )

import httpx
from playwright.sync_api import Page
from test_browser import Served, browser, page, served

from qualcode.store import Store

__all__ = ["browser", "page", "served"]


def paths(s: Served) -> set[str]:
    schema = httpx.get(s.url + "/openapi.json").json()
    return {p.removeprefix("/api/projects/{project}") for p in schema["paths"]}


def require(s: Served, route: str) -> None:
    if route not in paths(s):
        pytest.skip(f"the server has no {route} route yet (workbench API contract)")


def sign_in(page: Page, s: Served, user: str, path: str = "/p/demo/t/1", root: str = "#wb") -> None:
    page.goto(s.url + path)
    page.focus("#token")
    page.keyboard.type(s.team.tokens[user])
    page.keyboard.press("Enter")
    page.wait_for_url(s.url + path + "*")
    idle(page, root)


def idle(page: Page, root: str = "#wb") -> None:
    page.wait_for_selector(f'{root}[data-busy="0"]', state="attached")
    assert page.query_selector("#message.error") is None, page.text_content("#message")


def press(page: Page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
    idle(page)


def current(page: Page) -> int:
    return int(page.get_attribute("li.seg.current", "data-segment-id") or 0)


def events(s: Served) -> list[dict[str, object]]:
    store = Store(s.team.root / "projects" / "demo")
    try:
        return [dict(e) for e in store.review.review_events()]
    finally:
        store.close()


def open_codes(page: Page) -> list[str]:
    return page.eval_on_selector_all("#codes > li", "ls => ls.map(l => l.dataset.status)")


def test_document_view_stripes_moves_and_definition(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    segs = page.query_selector_all("li.seg")
    assert len(segs) > 5
    assert page.query_selector_all("li.seg .stripe"), "no coding stripe in the margin"
    first = current(page)
    assert "suggested" in open_codes(page)  # the view opens at the first open segment
    press(page, "n")
    second = current(page)
    assert second > first and "suggested" in open_codes(page)
    press(page, "p")
    assert current(page) == first
    press(page, "ArrowDown", "ArrowDown")  # any segment, open or not
    page.focus(f"#seg-{second}")
    press(page, "Enter")
    assert current(page) == second
    press(page, "d")
    assert page.is_visible("#def") and (page.text_content("#def-definition") or "").strip()
    count = len(page.query_selector_all("#codes > li"))
    press(page, "j")
    chosen = page.eval_on_selector_all(
        "#codes > li", "ls => ls.findIndex(l => l.getAttribute('aria-current') === 'true')"
    )
    assert chosen == min(1, count - 1)


def test_jump_to_a_segment(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    target = int(page.eval_on_selector_all("li.seg", "ls => ls[ls.length - 1].dataset.segmentId"))
    press(page, "g")
    page.keyboard.type(str(target))
    press(page, "Enter")
    assert current(page) == target
    other = httpx.get(
        f"{served.url}/api/projects/demo/segments?transcript_id=2&limit=1",
        headers=served.team.headers("cem"),
    ).json()["items"][0]["id"]
    press(page, "g")
    page.keyboard.type(str(other))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{served.url}/p/demo/t/2#s={other}")
    idle(page)
    assert current(page) == other


def select_text(page: Page, seg: int, start: int, end: int, seg_end: int | None = None) -> None:
    """Select characters start..end of a segment's text the way a mouse does (a DOM
    selection); with ``seg_end``, from ``seg`` at start to ``seg_end`` at end."""
    page.evaluate(
        """([a, s, b, e]) => {
          const point = (id, at) => {
            const text = document.querySelector('#seg-' + id + ' .seg-text');
            const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
            let n = walker.nextNode();
            while (n && at > n.length) { at -= n.length; n = walker.nextNode(); }
            return [n, at];
          };
          const r = document.createRange();
          r.setStart(...point(a, s));
          r.setEnd(...point(b, e));
          const sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(r);
        }""",
        [seg, start, seg_end or seg, end],
    )


def test_any_span_is_coded_with_exact_offsets(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    seg = current(page)
    text = page.eval_on_selector(f"#seg-{seg} .seg-text", "t => t.textContent")
    start, end = 3, min(len(text) - 1, 17)
    select_text(page, seg, start, end)
    press(page, "c")
    assert page.evaluate("document.activeElement.id") == "add-code"
    assert text[start:end] in (page.text_content("#add-span") or "")
    code = page.eval_on_selector("#add-code", "s => s.options[1].value")
    page.select_option("#add-code", code)
    page.focus("#add-code")
    press(page, "Enter")
    added = [e for e in events(served) if e["action"] == "add"]
    assert [(e["segment_id"], e["code_id"], e["span_start"], e["span_end"]) for e in added] == [
        (seg, code, start, end)
    ]
    # a selection across two segments: one span in each
    nxt = int(page.eval_on_selector(f"#seg-{seg} + li.seg", "l => l.dataset.segmentId"))
    select_text(page, seg, 5, 4, seg_end=nxt)
    press(page, "c")
    page.focus("#add-code")
    press(page, "Enter")
    added = [e for e in events(served) if e["action"] == "add"][1:]
    assert [(e["segment_id"], e["span_start"], e["span_end"]) for e in added] == [
        (seg, 5, len(text)),
        (nxt, 0, 4),
    ]


def test_a_coded_span_comes_back_in_place(page: Page, served: Served) -> None:
    require(served, "/transcripts/{tid}/document")
    sign_in(page, served, "cem")
    seg = current(page)
    text = page.eval_on_selector(f"#seg-{seg} .seg-text", "t => t.textContent")
    select_text(page, seg, 2, 11)
    press(page, "c")
    page.focus("#add-code")
    press(page, "Enter")
    page.reload()
    idle(page)
    shown = page.eval_on_selector_all(
        f"#seg-{seg} .seg-text .span", "s => s.map(x => x.textContent)"
    )
    assert "".join(shown) == text[2:11]


def test_keyboard_selection_shift_arrows(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    seg = current(page)
    text = page.eval_on_selector(f"#seg-{seg} .seg-text", "t => t.textContent")
    press(page, "Shift+ArrowRight", "Shift+ArrowRight")
    words = text.split()
    assert (
        page.evaluate("window.getSelection().toString()")
        == text[: text.index(words[1]) + len(words[1])]
    )


def test_memo_on_reject_undo_and_redo(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    seg = current(page)
    code = page.get_attribute("#codes > li:nth-child(1)", "data-code-id")
    press(page, "r")
    assert page.evaluate("document.activeElement.id") == "memo-text"
    page.keyboard.type("talks about prices, not jobs")
    press(page, "Enter")
    assert open_codes(page)[0] == "rejected"
    press(page, "u")
    assert open_codes(page)[0] == "suggested"
    press(page, "U")
    assert open_codes(page)[0] == "rejected"
    log = [(e["segment_id"], e["code_id"], e["action"], e["memo"]) for e in events(served)]
    reason = "talks about prices, not jobs"
    assert log[0] == (seg, code, "reject", reason)
    assert log[1][2] == "undo" and log[2] == (seg, code, "reject", reason)
    text = page.text_content("#progress-text") or ""
    assert text.startswith("1 / ")


def test_progress_stays_true_after_undo(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    before = page.text_content("#progress-text")
    press(page, "a")
    assert page.text_content("#progress-text") != before
    press(page, "u")
    assert page.text_content("#progress-text") == before


def test_filter_and_search(page: Page, served: Served) -> None:
    sign_in(page, served, "cem")
    page.select_option("#filter-form select[name=transcript_id]", "2")
    page.select_option("#filter-form select[name=status]", "suggested")
    page.click("#filter-form button[type=submit]")
    idle(page)
    links = page.eval_on_selector_all("#results a", "as => as.map(a => a.getAttribute('href'))")
    assert links and all(h.startswith("/p/demo/t/2#s=") for h in links)
    word = page.eval_on_selector(
        "li.seg .seg-text", "t => t.textContent.split(/\\s+/).find(w => w.length > 5)"
    )
    word = word.strip(".,;:!?\"'()")
    press(page, "/")
    page.keyboard.type(word)
    press(page, "Enter")
    assert page.query_selector_all("#results mark.hit")
    assert page.query_selector_all("li.seg mark.hit")  # highlighted in the document too
    page.focus("#results a")
    page.keyboard.press("Enter")
    idle(page)
    assert "#s=" in page.url


def test_flag_for_later(page: Page, served: Served) -> None:
    require(served, "/segments/{segment_id}/flag")
    sign_in(page, served, "cem")
    seg = current(page)
    press(page, "f")
    assert page.is_visible("#flag-state")
    flags = httpx.get(f"{served.url}/api/projects/demo/flags", headers=served.team.headers("cem"))
    assert flags.json()["segments"] == [seg]
    press(page, "f")
    assert not page.is_visible("#flag-state")


def test_memo_on_a_segment(page: Page, served: Served) -> None:
    require(served, "/memos")
    sign_in(page, served, "cem")
    seg = current(page)
    press(page, "m")
    page.keyboard.type("ask the team about this")
    press(page, "Enter")
    assert "ask the team about this" in (page.text_content("#seg-memos") or "")
    memos = httpx.get(
        f"{served.url}/api/projects/demo/memos?target=segment&target_id={seg}",
        headers=served.team.headers("cem"),
    ).json()
    assert [m["text"] for m in memos] == ["ask the team about this"]


def test_code_tree_counts_and_rename(page: Page, served: Served) -> None:
    sign_in(page, served, "rita", "/p/demo/codes", "#codetree")
    assert page.query_selector_all("#tree .swatch")
    first = page.get_attribute("#tree > li", "data-code-id")
    page.fill(f"#rename-{first}", "Renamed code")
    page.focus(f"#rename-{first}")
    page.keyboard.press("Enter")
    idle(page, "#codetree")
    assert "Renamed code" in (page.text_content(f'#tree li[data-code-id="{first}"] .label') or "")


@pytest.mark.parametrize(
    ("user", "path", "root"),
    [
        ("cem", "/p/demo/t/1", "#wb"),
        ("rita", "/p/demo/codes", "#codetree"),
        ("cem", "/p/demo/review", "#review"),
        ("cem", "/p/demo/codebook", None),
        ("ana", "/p/demo/agreement", None),
        ("ana", "/p/demo/exports", None),
        ("ana", "/p/demo/transcripts", None),
        ("rita", "/p/demo/upload", None),
        ("rita", "/p/demo/members", None),
        ("rita", "/p/demo/t/1/redactions", None),
    ],
)
def test_no_serious_accessibility_problem(
    page: Page, served: Served, user: str, path: str, root: str | None
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(served.url + path)
    page.focus("#token")
    page.keyboard.type(served.team.tokens[user])
    page.keyboard.press("Enter")
    page.wait_for_url(served.url + path + "*")
    if root:
        page.wait_for_selector(f'{root}[data-busy="0"]', state="attached")
    found = Axe().run(page).response["violations"]
    bad = [(v["id"], len(v["nodes"])) for v in found if v["impact"] in ("serious", "critical")]
    assert bad == [], bad
