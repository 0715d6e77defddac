"""A user's own settings, kept on the user in the workspace's store: the interface
language (the web pages' gettext catalog)."""

from __future__ import annotations

from qualcode.errors import InputError
from qualcode.project.auth import User
from qualcode.store import Store

UI_LANGUAGES = ("en", "ru", "uz")
DEFAULT_LANGUAGE = "en"


def set_language(home: Store, user: User, language: str) -> None:
    """Store ``language`` as ``user``'s interface language (``InputError`` if unknown)."""
    if language not in UI_LANGUAGES:
        raise InputError(
            "Unknown interface language.", hint=f"Use one of {', '.join(UI_LANGUAGES)}."
        )
    home.auth.set_user_language(user.id, language)


def language_of(home: Store, user: User) -> str:
    """``user``'s interface language; English until they choose one."""
    return home.auth.user_language(user.id) or DEFAULT_LANGUAGE
