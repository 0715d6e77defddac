"""The researchers' pages in Debian's chromium: an upload followed to its end, a missed
name redacted and a false positive released from the page, a member added and removed."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect
from test_browser import Served, browser, page, served  # noqa: F401  (fixtures)

from qualcode.store import Store


def sign_in(page: Page, s: Served, who: str, path: str) -> None:  # noqa: F811
    page.goto(s.url + path)
    page.fill("#token", s.team.tokens[who])
    page.keyboard.press("Enter")
    page.wait_for_url(s.url + path)


def test_an_upload_is_followed_to_its_end(page: Page, served: Served, tmp_path: Path) -> None:  # noqa: F811
    upload = tmp_path / "bus-stop.txt"
    upload.write_text(
        "Moderator: How is the bus stop?\n\nParticipant 1: Aziza Karimova says it needs a light.\n",
        "utf-8",
    )
    sign_in(page, served, "rita", "/p/demo/upload")
    page.set_input_files("#up-file", str(upload))
    page.fill("#up-region", "North")
    page.fill("#up-participants", "Aziza Karimova")
    page.click("#upload-form button[type=submit]")
    expect(page.locator("#up-message")).to_contain_text("done", timeout=90_000)
    store = Store(served.team.root / "projects" / "demo")
    rows = store.transcripts.transcripts()
    store.close()
    new = [r for r in rows if r["title"] == "bus-stop"]
    assert len(new) == 1 and new[0]["region"] == "North" and "Aziza" not in new[0]["text"]


def a_word_of_transcript_1(s: Served) -> str:
    store = Store(s.team.root / "projects" / "demo")
    text = store.transcripts.transcript(1)["text"]
    store.close()
    return next(w for w in text.split() if w.isalpha() and len(w) >= 8)


def test_redact_a_missed_word_then_release_it(page: Page, served: Served) -> None:  # noqa: F811
    word = a_word_of_transcript_1(served)
    sign_in(page, served, "rita", "/p/demo/t/1/redactions")
    page.fill("#add-text", word)
    page.click("#add-redaction button[type=submit]")
    expect(page.locator("#red-message")).to_contain_text("Redacted")
    page.wait_for_timeout(1200)  # the page reloads to show the new row
    page.wait_for_load_state("load")
    store = Store(served.team.root / "projects" / "demo")
    added = [r for r in store.transcripts.redactions(1) if r["source"] == "review"]
    store.close()
    assert added, "the missed word was not redacted"
    pseudonym = added[0]["pseudonym"]
    form = page.locator(f'form.release[data-pseudonym="{pseudonym}"]')
    form.locator("input").fill(word)
    form.locator("button").click()
    expect(page.locator("#red-message")).to_contain_text("Released")
    store = Store(served.team.root / "projects" / "demo")
    status = {r["pseudonym"]: r["status"] for r in store.transcripts.redactions(1)}
    store.close()
    assert status[pseudonym] != "active"


def test_sign_in_and_home_have_no_serious_accessibility_problem(page: Page, served: Served) -> None:  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    page.goto(served.url + "/")
    for signed_in in (False, True):  # the sign-in page, then the home page
        if signed_in:
            sign_in(page, served, "rita", "/p/demo/transcripts")
            page.goto(served.url + "/")
        found = Axe().run(page).response["violations"]
        bad = [(v["id"], len(v["nodes"])) for v in found if v["impact"] in ("serious", "critical")]
        assert bad == [], bad


def test_a_coder_switches_the_page_to_russian(page: Page, served: Served) -> None:  # noqa: F811
    sign_in(page, served, "cem", "/p/demo/codebook")
    page.select_option("#lang-select", "ru")
    page.click("form.lang button[type=submit]")
    page.wait_for_url(served.url + "/p/demo/codebook")
    expect(page.locator("h1")).to_have_text("Кодовая книга")
    assert page.get_attribute("html", "lang") == "ru"
    page.goto(served.url + "/p/demo/t/1")  # the workbench's scripts speak Russian too
    page.wait_for_selector('#wb[data-busy="0"]', state="attached")
    expect(page.locator("body")).to_contain_text("Найти")


def test_a_researcher_adds_and_removes_a_member(page: Page, served: Served) -> None:  # noqa: F811
    from qualcode.project import auth

    home = Store(served.team.root)
    auth.create_user(home, "zarina", ["coder"])
    home.close()
    sign_in(page, served, "rita", "/p/demo/members")
    page.fill("#member-name", "zarina")
    page.click("#add-member button[type=submit]")
    expect(page.locator("#members")).to_contain_text("zarina")
    page.click('button.remove-member[data-user="zarina"]')
    expect(page.locator("#members")).not_to_contain_text("zarina")
