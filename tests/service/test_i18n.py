"""The web page in the user's language: catalogs complete for Russian, the language
chosen by cookie or browser, switched from the page header."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from helpers import Team

ROOT = Path(__file__).resolve().parents[2]
METHODS = [
    ("api/templates/**.html", "jinja2"),
    ("api/static/**.js", "javascript"),
    ("api/routes/web.py", "python"),
    ("api/routes/research.py", "python"),
    ("**", "ignore"),
]


def strings_in_the_page() -> set[str]:
    found = extract_from_dir(str(ROOT), METHODS, keywords={"_": None, "t": None, "N_": None})
    return {str(message) for _file, _line, message, _comments, _context in found}


def test_every_string_of_the_page_has_a_russian_translation() -> None:
    with (ROOT / "api/locales/ru/LC_MESSAGES/messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="ru")
    translated = {m.id for m in catalog if m.id and m.string}
    missing = sorted(strings_in_the_page() - translated)
    assert not missing, f"run `make i18n` and translate: {missing[:10]}"


def test_the_cookie_then_the_browser_chooses_the_language(client: TestClient) -> None:
    assert "Sign in" in client.get("/").text
    page = client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"}).text
    assert '<html lang="ru">' in page and "Войти" in page
    client.cookies.set("qualcode_lang", "uz")
    page = client.get("/", headers={"Accept-Language": "ru"}).text
    assert '<html lang="uz">' in page and "Kirish" in page
    client.cookies.set("qualcode_lang", "xx")  # unknown: falls back to the browser's
    assert '<html lang="en">' in client.get("/").text


def test_the_switcher_sets_the_language_and_returns(client: TestClient, team: Team) -> None:
    client.post("/", data={"token": team.tokens["cem"]}, follow_redirects=False)
    r = client.post(
        "/language", data={"language": "ru", "back": "/p/demo/codebook"}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"] == "/p/demo/codebook"
    assert "qualcode_lang=ru" in r.headers["set-cookie"]
    page = client.get("/p/demo/codebook").text
    assert "Кодовая книга" in page and "Выйти" in page
    for evil in ("//evil.example/", "https://evil.example/"):
        r = client.post("/language", data={"language": "ru", "back": evil}, follow_redirects=False)
        assert r.headers["location"] == "/"
    r = client.post(
        "/language", data={"language": "ru"}, headers={"origin": "https://evil.example"}
    )
    assert r.status_code == 403
