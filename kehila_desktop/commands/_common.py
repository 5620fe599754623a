"""What the subcommands share: the CLI's language and opening a file for reading."""

from __future__ import annotations

import os

from kehila_desktop.core import i18n


def cli_language(explicit: str | None = None) -> str:
    """``--language`` if given, else KEHILA_LANGUAGE, else the locale (he/ar), else English."""
    for candidate in (explicit, os.environ.get("KEHILA_LANGUAGE"),
                      (os.environ.get("LC_ALL") or os.environ.get("LANG") or "")[:2]):
        if candidate in i18n.LANGUAGES:
            return candidate
    return "en"


def use_language(explicit: str | None = None) -> str:
    language = cli_language(explicit)
    i18n.set_language(language)
    return language
