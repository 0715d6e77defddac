"""The web page's language: English, Russian or Uzbek, from gettext catalogs (Babel).

Catalogs live in ``api/locales/<lang>/LC_MESSAGES/messages.po`` (``make i18n`` extracts
the strings of the templates and scripts and updates them); they are compiled in memory
when first used, so no binary ``.mo`` file is committed.  A request's language is the
``qualcode_lang`` cookie (set by the switcher in the page header), else the best match
of the browser's Accept-Language, else English; ``LANGUAGE`` holds it for the request.
Scripts get the catalog as JSON (``static/i18n.js`` makes it ``window.QC_I18N``).
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGUAGES = {"en": "English", "ru": "Русский", "uz": "Oʻzbekcha"}
DEFAULT = "en"
LANG_COOKIE = "qualcode_lang"
LOCALES = Path(__file__).with_name("locales")
LANGUAGE: ContextVar[str] = ContextVar("qualcode_language", default=DEFAULT)
HERE: ContextVar[str] = ContextVar("qualcode_page_path", default="/")  # for the switcher

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang`` (English: the strings as written)."""
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not path.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@lru_cache(maxsize=len(LANGUAGES))
def script_messages(lang: str) -> dict[str, str]:
    """The translated strings the page's scripts use (those found in ``static/*.js``)."""
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not path.is_file():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and m.string and any(f.endswith(".js") for f, _ in m.locations)
    }


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    """The cookie's language if known, else the browser's best known one, else English."""
    if cookie in LANGUAGES:
        return cookie
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        base = tag.split("-")[0]
        if base in LANGUAGES:
            return base
    return DEFAULT


class LanguageMiddleware:
    """Sets ``LANGUAGE`` for each HTTP request from its cookie and Accept-Language."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            from starlette.requests import Request

            request = Request(scope)
            lang = negotiate(
                request.cookies.get(LANG_COOKIE), request.headers.get("accept-language")
            )
            token, here = LANGUAGE.set(lang), HERE.set(request.url.path)
            try:
                await self.app(scope, receive, send)
            finally:
                LANGUAGE.reset(token)
                HERE.reset(here)
            return
        await self.app(scope, receive, send)
