"""Translations for the whole app (core, printing, CLI and GUI): one catalogue per language.

Message ids are English sentences; the JSON files in ``resources/translations/LANG/`` (one
per part of the app: ``core.json``, ``gui.json``, ``printing.json`` …) map them to the
language's text. Hebrew is the default. Placeholders use ``str.format`` names
(``{name}``), which every translation keeps. A missing translation falls back to the English
id (and a test makes sure none is missing).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from functools import lru_cache

from kehila_desktop.core import enums
from kehila_desktop.core.paths import resource

LANGUAGES = ("he", "ar", "en")
RTL_LANGUAGES = ("he", "ar")
DEFAULT_LANGUAGE = "he"
LANGUAGE_NAMES = {"he": "עברית", "ar": "العربية", "en": "English"}

_current = DEFAULT_LANGUAGE
_isolating = False
FSI, PDI = "\u2068", "\u2069"  # Unicode bidi isolates: first strong isolate … pop


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    folder = resource("translations", language)
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        with open(path, encoding="utf-8") as handle:
            merged.update(json.load(handle))
    return merged


def set_language(language: str) -> None:
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _current = language


def language() -> str:
    return _current


def is_rtl(language_code: str | None = None) -> bool:
    return (language_code or _current) in RTL_LANGUAGES


def tr(message: str, language_code: str | None = None, /, **fields: object) -> str:
    """``message`` in the current (or given) language, with ``fields`` filled in."""
    text = catalogue(language_code or _current).get(message) or message
    if fields and _isolating:
        fields = {k: isolate(v) if isinstance(v, str) and v else v for k, v in fields.items()}
    if fields:
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError):
            return message.format(**fields)
    return text


def isolate(text: str) -> str:
    """``text`` as a bidi isolate: laid out in its own direction without disturbing the
    sentence around it (for text shown on screen)."""
    return f"{FSI}{text}{PDI}"


@contextmanager
def isolated_fields():
    """Inside it, the text fields ``tr()`` fills in are wrapped in bidi isolates (FSI … PDI),
    so a Hebrew name in an English sentence (or a Latin one in a Hebrew sentence) cannot pull
    the numbers and brackets next to it into its own direction ("of (40%) ועדה מעצבת"). For
    text shown on screen (Qt honours isolates); printed pages and files are made without."""
    global _isolating
    before, _isolating = _isolating, True
    try:
        yield
    finally:
        _isolating = before


def format_date(value: str | None) -> str:
    """A date for people to read, in every language: DD/MM/YYYY.

    Slashes (not ISO's hyphens) keep the date in one piece inside Arabic text: the bidi
    algorithm joins digits across "/" but splits them at "-" after Arabic letters, which
    would print 2026-06-02 as 02-06-2026.
    """
    if not value:
        return ""
    from datetime import date

    try:
        return date.fromisoformat(str(value)[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return str(value)


def label(vocabulary: str, key: str | None, language_code: str | None = None) -> str:
    """The translated label of a vocabulary key, e.g. ``label("SECTORS", "academia")``."""
    if not key:
        return ""
    table = getattr(enums, vocabulary)
    return tr(table.get(key, key), language_code)
