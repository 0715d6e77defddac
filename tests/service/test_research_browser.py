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
