"""Translations for the whole app (core, printing, CLI and GUI): gettext catalogues.

One catalogue per language, ``resources/translations/LANG/LC_MESSAGES/kehila.po`` (domain
``kehila``), keyed by English sentences. Hebrew is the default. Placeholders use ``str.format``
names (``{name}``), which every translation keeps.

- ``tr(message, **fields)`` — a sentence;
- ``ntr(singular, plural, n, **fields)`` — a sentence with a count, in the language's plural
  form (CLDR: Hebrew one/two/other, Arabic zero/one/two/few/many/other); ``{n}`` is the count;
- ``ptr(context, message, **fields)`` — one English word with two senses ("Minutes" the
  document / the duration column), told apart by ``msgctxt``; ``nptr`` both at once.

At run time only the standard library's ``gettext`` reads compiled ``.mo`` files: the package
build (``hatch_build.py``) and the bundle (``packaging/kehila-desktop.spec``) compile them.
In a source tree without ``.mo`` files (a fresh clone) the ``.po`` is compiled once with Babel
into the user's cache, keyed by the catalogue's content. A missing translation falls back to
the English id (and tests/test_translations.py makes sure none is missing). Editing the
catalogues: docs/TRANSLATING.md.
"""

from __future__ import annotations

import io
import os
import sys
import threading
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kehila_desktop.core import enums
from kehila_desktop.core.paths import resource

if TYPE_CHECKING:
    import gettext
    from collections.abc import Iterable

LANGUAGES = ("he", "ar", "en")
RTL_LANGUAGES = ("he", "ar")
DEFAULT_LANGUAGE = "he"
LANGUAGE_NAMES = {"he": "עברית", "ar": "العربية", "en": "English"}
DOMAIN = "kehila"

_current = DEFAULT_LANGUAGE
_isolating = threading.local()  # per thread: the Overview checks health in a worker
FSI, PDI = "\u2068", "\u2069"  # Unicode bidi isolates: first strong isolate … pop


def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return resource("translations", language, "LC_MESSAGES", DOMAIN + suffix)


def _cache_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kehila-desktop" / "catalogues"


def compile_po(po_bytes: bytes) -> bytes:
    """The ``.mo`` of a ``.po`` (Babel; fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po_bytes)), use_fuzzy=False)
    return out.getvalue()


def _compiled(language: str) -> bytes | None:
    mo, po = catalogue_path(language, ".mo"), catalogue_path(language)
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        return mo.read_bytes()
    if not po.is_file():
        return None
    import zlib  # (not hashlib: loading OpenSSL costs the start-up 15-20 ms)

    source = po.read_bytes()
    cached = _cache_dir() / f"{language}-{zlib.crc32(source):08x}-{len(source)}.mo"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    try:
        data = compile_po(source)
    except ImportError:  # a bundle without Babel: its .mo, however old its date looks
        return mo.read_bytes() if mo.is_file() else None
    try:  # a cache, atomically: another process may be writing the same file
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, cached)
    except OSError:
        pass
    return data


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's gettext catalogue (an empty one for an unknown language)."""
    import gettext  # the standard library's; imported on first use (re, locale)

    data = _compiled(language) if language in LANGUAGES else None
    if data is None:
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(data))


def catalogue(language: str) -> dict[str, str]:
    """English id → text of every singular message; ids with a context are
    ``"context\x04id"`` (gettext's own key). Plural messages: ``plural_catalogue``."""
    entries = getattr(translations(language), "_catalog", {})
    return {key: value for key, value in entries.items() if isinstance(key, str) and key}


def plural_catalogue(language: str) -> dict[str, list[str]]:
    """Singular English id (``"context\x04id"`` with a context) → the plural forms' texts."""
    forms: dict[str, list[tuple[int, str]]] = {}
    for key, value in getattr(translations(language), "_catalog", {}).items():
        if isinstance(key, tuple):
            forms.setdefault(key[0], []).append((key[1], value))
    return {key: [text for _, text in sorted(values)] for key, values in forms.items()}


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
    if not message:
        return message
    text = translations(language_code or _current).gettext(message)
    return _fill(text, message, fields)


def ntr(
    singular: str, plural: str, n: int, language_code: str | None = None, /, **fields: object
) -> str:
    """A sentence with a count in the language's plural form for ``n``; ``{n}`` is ``n``."""
    text = translations(language_code or _current).ngettext(singular, plural, n)
    fields.setdefault("n", n)
    return _fill(text, singular if n == 1 else plural, fields)


def ptr(context: str, message: str, language_code: str | None = None, /, **fields: object) -> str:
    """``message`` in the sense ``context`` names (gettext's msgctxt)."""
    text = translations(language_code or _current).pgettext(context, message)
    return _fill(text, message, fields)


def nptr(
    context: str,
    singular: str,
    plural: str,
    n: int,
    language_code: str | None = None,
    /,
    **fields: object,
) -> str:
    """``ntr`` with a message context."""
    text = translations(language_code or _current).npgettext(context, singular, plural, n)
    fields.setdefault("n", n)
    return _fill(text, singular if n == 1 else plural, fields)


def _fill(text: str, english: str, fields: dict) -> str:
    if fields and getattr(_isolating, "on", False):
        fields = {
            k: isolate(v) if isinstance(v, str) and v and not isinstance(v, Isolated) else v
            for k, v in fields.items()
        }
    if fields:
        try:
            return text.format(**fields)
        except (KeyError, IndexError, ValueError, AttributeError):
            return english.format(**fields)
    return text


def translate_argparse() -> None:
    """argparse's own texts ("usage:", "options", its errors) in the current language:
    argparse looks its messages up through the module's ``_`` and ``ngettext``."""
    import argparse

    argparse._ = lambda message: translations(_current).gettext(message)  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: (  # type: ignore[attr-defined]
        translations(_current).ngettext(singular, plural, n)
    )


def isolate(text: str) -> str:
    """``text`` as a bidi isolate: laid out in its own direction without disturbing the
    sentence around it (for text shown on screen)."""
    return f"{FSI}{text}{PDI}"


class Isolated(str):
    """Text whose parts are already isolated (a list of names): ``tr()`` fills it in as it is,
    so the list is not wrapped once more and read in its first name's direction."""


def isolated_list(items: Iterable[str], language_code: str | None = None) -> str:
    """``items`` joined with the language's list comma (``join_list``), each in its own
    direction when fields are isolated (on screen), so a list of Latin names in a Hebrew
    sentence still starts at the sentence's start."""
    if not getattr(_isolating, "on", False):
        return join_list(items, language_code)
    return Isolated(join_list((isolate(item) for item in items), language_code))


@contextmanager
def isolated_fields():
    """Inside it, the text fields ``tr()`` fills in are wrapped in bidi isolates (FSI … PDI),
    so a Hebrew name in an English sentence (or a Latin one in a Hebrew sentence) cannot pull
    the numbers and brackets next to it into its own direction ("of (40%) ועדה מעצבת"). For
    text shown on screen (Qt honours isolates); printed pages and files are made without."""
    before, _isolating.on = getattr(_isolating, "on", False), True
    try:
        yield
    finally:
        _isolating.on = before


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(month: int, language_code: str | None = None) -> str:
    """The name of ``month`` (1–12) in the language: the one set of month names the app's
    date labels and the printed calendar use. Arabic: the names of CLDR's Arabic for Israel
    (يناير، فبراير …), which Qt's calendar widget shows too (docs/GLOSSARY.md, Typography)."""
    return tr(MONTHS[month - 1], language_code)


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


def parse_date(text: str | None) -> str | None:
    """A date as people write it, as ISO ``YYYY-MM-DD`` (None when empty).

    Accepts D/M/YYYY (also with "." or "-" between the parts, as written in Israel: day
    first), and ISO YYYY-MM-DD. Arabic-Indic digits are read as 0-9. Raises ``ValueError``
    for anything else, or a day that does not exist (31/2/2027)."""
    import re
    from datetime import date

    clean = (text or "").strip().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2))
    clean = clean.strip("\u200e\u200f\u2068\u2069")
    if not clean:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", clean)
    local = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", clean)
    if iso:
        year, month, day = (int(x) for x in iso.groups())
    elif local:
        day, month, year = (int(x) for x in local.groups())
    else:
        raise ValueError(text)
    return date(year, month, day).isoformat()


# Vocabularies whose words agree with a noun of their own (a meeting is "planned" in the
# masculine, an action in the feminine …): their labels are looked up in this context.
VOCABULARY_CONTEXTS = {
    "MEETING_STATUSES": "meeting status",
    "ACTION_STATUSES": "action status",
    "ACTION_ITEM_STATUSES": "action item status",
    "AGENDA_KINDS": "agenda item kind",
}


def label(vocabulary: str, key: str | None, language_code: str | None = None) -> str:
    """The translated label of a vocabulary key, e.g. ``label("SECTORS", "academia")``."""
    if not key:
        return ""
    table = getattr(enums, vocabulary)
    context = VOCABULARY_CONTEXTS.get(vocabulary)
    if context and key in table:
        return ptr(context, table[key], language_code)
    return tr(table.get(key, key), language_code)


_LEADING_MARKS = "\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def capitalised(text: str, language_code: str | None = None) -> str:
    """A name or label where it stands alone — a heading, a title, a table cell, a list
    item, a choice in a list: English begins with a capital ("design committee" → "Design
    committee"), past any bidi marks; Hebrew and Arabic as they are. Inside a sentence a
    label keeps its lower case (``label``)."""
    if (language_code or _current) != "en" or not text:
        return text
    body = text.lstrip(_LEADING_MARKS)
    lead = text[: len(text) - len(body)]
    return lead + body[:1].upper() + body[1:]


def standalone_label(vocabulary: str, key: str | None, language_code: str | None = None) -> str:
    """A vocabulary label standing alone (``capitalised``): "Residents / public
    representatives" in a table cell, "Monthly" in a list of cadences."""
    return capitalised(label(vocabulary, key, language_code), language_code)


DEFINITE_CONTEXTS = {"CHANNELS": "channel, definite"}  # "הכלכלי" / "الاقتصادي" whole


def definite(vocabulary: str, key: str | None, language_code: str | None = None) -> str:
    """A vocabulary word in its definite form, article and all ("the economic channel" →
    he "האפיק הכלכלי", ar "المسار الاقتصادي"): a message never glues ה/ال to a field, and an
    isolate around the field keeps the article with its word."""
    if not key:
        return ""
    table = getattr(enums, vocabulary)
    if key not in table:
        return key
    return ptr(DEFINITE_CONTEXTS[vocabulary], table[key], language_code)


def body_in_sentence(name: str, kind: str | None, language_code: str | None = None) -> str:
    """A body's name where it stands inside a sentence or a construct ("the meetings of
    {body}"): a default name in its definite form (ועדת היגוי → ועדת ההיגוי, ועדה מעצבת →
    הוועדה המעצבת); a name the user gave, as given."""
    if kind in enums.BODY_KINDS and name == tr(enums.BODY_KINDS[kind], language_code):
        return ptr("body, definite", enums.BODY_KINDS[kind], language_code)
    return name


def minutes(n: int, language_code: str | None = None) -> str:
    """A length of time, "90 minutes", in the language's plural form (pass it whole as a
    field: "The agenda runs {over} over")."""
    return ntr("{n} minute", "{n} minutes", n, language_code)


def join_list(items, language_code: str | None = None) -> str:
    """Items joined with the language's list comma (Arabic "، ")."""
    comma = "، " if (language_code or _current) == "ar" else ", "
    return comma.join(str(item) for item in items)
