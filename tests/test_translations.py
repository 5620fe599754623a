"""Every user-visible message has a Hebrew, Arabic and English text in the gettext catalogues
(nothing empty or fuzzy, every plural with all its forms, CLDR's plural rules, msgfmt --check
clean) and keeps its placeholders; argparse speaks the user's language."""

from __future__ import annotations

import ast
import os
import re
import string
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from kehila_desktop.core import enums, i18n

PACKAGE = Path(__file__).resolve().parent.parent / "kehila_desktop"


def _error_classes() -> set[str]:
    """Every KehilaError subclass in the package: their first sentence argument is a message."""
    import importlib
    import pkgutil

    import kehila_desktop
    from kehila_desktop.core.errors import KehilaError

    for info in pkgutil.walk_packages(kehila_desktop.__path__, "kehila_desktop."):
        if ".gui" not in info.name and "__main__" not in info.name:
            importlib.import_module(info.name)
    found, todo = set(), [KehilaError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


# call name → (index of the context argument or None, index of the message, of the plural)
CALLS = {"tr": (None, 0, None), "ptr": (0, 1, None), "ntr": (None, 0, 1), "nptr": (0, 1, 2)}
ERROR_CLASSES = _error_classes()
LANGUAGES = ("he", "ar", "en")
PLURAL_CATEGORIES = {
    "he": ("one", "two", "other"),
    "ar": ("zero", "one", "two", "few", "many", "other"),
    "en": ("one", "other"),
}


def _string(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _message_keys() -> dict[tuple[str | None, str, str | None], str]:
    """(context, msgid, plural id) → where it is used: tr/ptr/ntr/nptr calls, the first
    string argument of error classes, and the vocabularies in core/enums.py."""
    found: dict[tuple[str | None, str, str | None], str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            if name in CALLS:
                context, message, plural = CALLS[name]
                args = node.args
                if len(args) <= max(i for i in (context, message, plural) if i is not None):
                    continue
                key = (
                    None if context is None else _string(args[context]),
                    _string(args[message]),
                    None if plural is None else _string(args[plural]),
                )
                if key[1] and (context is None or key[0]) and (plural is None or key[2]):
                    found.setdefault(key, where)
            elif name in ERROR_CLASSES:
                for arg in node.args[:2]:
                    text = _string(arg)
                    if text is not None:
                        if not text.isidentifier():  # else a reason code, not a sentence
                            found.setdefault((None, text, None), where)
                        break
    for vocabulary in dir(enums):
        table = getattr(enums, vocabulary)
        if vocabulary.isupper() and isinstance(table, dict):
            context = i18n.VOCABULARY_CONTEXTS.get(vocabulary)
            for text in table.values():
                found.setdefault((context, text, None), f"enums.{vocabulary}")
            if vocabulary in i18n.DEFINITE_CONTEXTS:
                for text in table.values():
                    found.setdefault(
                        (i18n.DEFINITE_CONTEXTS[vocabulary], text, None),
                        f"enums.{vocabulary} (definite)",
                    )
    return found


KEYS = _message_keys()
MESSAGES = {
    msgid: where
    for (context, msgid, plural), where in KEYS.items()
    if context is None and plural is None
}


@cache
def po(language: str):
    """The language's catalogue as a translator's tool reads it (Babel)."""
    from babel.messages.pofile import read_po

    with open(i18n.catalogue_path(language), "rb") as handle:
        return read_po(handle, locale=language)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    catalogue = po(language)
    missing = []
    for (context, msgid, plural), where in sorted(KEYS.items(), key=lambda kv: kv[1]):
        message = catalogue.get(msgid, context=context)
        what = f"{where}: {msgid!r}" + (f" (context {context!r})" if context else "")
        if message is None or not all(_forms(message)):
            missing.append(what + " has no text")
        elif message.fuzzy:
            missing.append(what + " is fuzzy")
        elif plural is not None and (not message.pluralizable or message.id[1] != plural):
            missing.append(what + f" is not the plural message {plural!r} in the catalogue")
        elif plural is None and message.pluralizable:
            missing.append(what + " is a plural message in the catalogue: call ntr()")
    assert not missing, f"{len(missing)} messages lack a {language} text:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_entry_is_untranslated_or_fuzzy(language):
    catalogue = po(language)
    bad = [
        f"{m.id!r}" + (" (fuzzy)" if m.fuzzy else " (empty)")
        for m in catalogue
        if m.id and (m.fuzzy or not all(_forms(m)))
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_has_all_its_forms(language):
    catalogue = po(language)
    wanted = len(PLURAL_CATEGORIES[language])
    assert catalogue.num_plurals == wanted
    bad = [
        f"{m.id[0]!r}: {len(_forms(m))} forms, {sum(map(bool, _forms(m)))} filled"
        for m in catalogue
        if m.id and m.pluralizable and (len(_forms(m)) != wanted or not all(_forms(m)))
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_header_follows_cldr(language):
    """The catalogue's Plural-Forms picks the form of CLDR's category for each number."""
    import gettext

    from babel import Locale

    header = po(language).plural_forms
    expression = header.split("plural=", 1)[1].rstrip(";")
    choose = gettext.c2py(expression)
    rule = Locale.parse(language).plural_form
    categories = PLURAL_CATEGORIES[language]
    for n in list(range(250)) + [1000, 1001, 1002, 1003, 1011, 1100]:
        assert categories[choose(n)] == rule(n), (language, n)


def test_every_catalogue_passes_msgfmt_check(tmp_path):
    for language in LANGUAGES:
        done = subprocess.run(
            [
                "msgfmt",
                "--check",
                "--statistics",
                "-o",
                str(tmp_path / f"{language}.mo"),
                str(i18n.catalogue_path(language)),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    wrong = []
    for message in po(language):
        if not message.id:
            continue
        if message.pluralizable:
            singular, plural = message.id
            keep = _fields(plural) - {"n"}  # a form may say the number in words
            for form in _forms(message):
                if not keep <= _fields(form) <= _fields(plural) | _fields(singular):
                    wrong.append(f"{singular!r} → {form!r}")
        elif _fields(message.id) != _fields(message.string):
            wrong.append(f"{message.id!r} → {message.string!r}")
    assert not wrong, "\n".join(wrong)


def test_hebrew_and_arabic_texts_are_in_their_script():
    hebrew = re.compile(r"[\u0590-\u05FF]")
    arabic = re.compile(r"[\u0600-\u06FF]")
    for language, script in (("he", hebrew), ("ar", arabic)):
        untranslated = [
            k
            for k, v in i18n.catalogue(language).items()
            if re.search(r"[A-Za-z]{3}", k)
            and not script.search(v)
            and not re.fullmatch(r"[\W\d{}a-z_]*", v)
        ]
        assert len(untranslated) <= 3, f"{language}: copied English? {untranslated[:20]}"


def test_tr_ntr_ptr_read_the_catalogues():
    assert i18n.tr("Overview", "he") != "Overview"
    assert i18n.ntr("{n} member", "{n} members", 1, "en") == "1 member"
    assert i18n.ntr("{n} member", "{n} members", 7, "en") == "7 members"
    assert i18n.ptr("no such context", "Overview", "he") == "Overview"  # falls back to English


def test_argparse_speaks_the_language():
    for language, usage in (("he", "שימוש:"), ("ar", "الاستخدام:")):
        done = subprocess.run(
            [sys.executable, "-m", "kehila_desktop.cli", "info", "--help"],
            capture_output=True,
            text=True,
            env={**os.environ, "KEHILA_LANGUAGE": language},
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(usage), done.stdout
        assert i18n.tr("show this help message and exit", language) in done.stdout
        done = subprocess.run(
            [sys.executable, "-m", "kehila_desktop.cli", "info"],
            capture_output=True,
            text=True,
            env={**os.environ, "KEHILA_LANGUAGE": language},
        )
        assert done.returncode == 2
        assert i18n.tr("the following arguments are required: %s", language) % "file" in done.stderr


def test_a_fresh_clone_compiles_its_catalogues_into_the_cache(tmp_path, monkeypatch):
    """Without .mo files the .po is compiled once (Babel) into the user's cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setattr(i18n, "_cache_dir", lambda: tmp_path / "catalogues")
    if i18n.catalogue_path("ar", ".mo").exists():
        pytest.skip("an installed build: its .mo files are used")
    data = i18n._compiled("ar")
    assert data and list((tmp_path / "catalogues").glob("ar-*.mo"))
    assert i18n._compiled("ar") == data


GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "GLOSSARY.md"
# a Hebrew or Arabic letter (or the Arabic tatweel ـ), maybe a hyphen or maqaf, then a field
GLUED = re.compile(r"[\u05d0-\u05ea\u0621-\u064a\u0640][\u0640\u05be\u2011-]?\{")


def _texts(language: str):
    for message in po(language):
        if message.id:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            for form in _forms(message):
                yield msgid, form


def forbidden_forms() -> list[tuple[str, re.Pattern, str]]:
    """(language, pattern, what to write instead) from docs/GLOSSARY.md's "Forbidden forms"."""
    text = GLOSSARY.read_text(encoding="utf-8").split("## Forbidden forms", 1)[1]
    rows = []
    for line in text.splitlines():
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 4 and cells[0] in ("he", "ar") and cells[1].startswith("`"):
            rows.append((cells[0], re.compile(cells[1].strip("`")), cells[2]))
    return rows


@pytest.mark.parametrize("language", ["he", "ar"])
def test_no_prefix_letter_is_glued_to_a_placeholder(language):
    """ל{body} reads "לועדת היגוי" and لـ{body} "لـلجنة": write "{body}: …", give the
    sentence its own noun, or pass the phrase whole (docs/GLOSSARY.md, Typography)."""
    glued = [f"{msgid!r} → {text!r}" for msgid, text in _texts(language) if GLUED.search(text)]
    assert not glued, "\n".join(glued)


def test_the_glued_prefix_check_can_fail():
    assert GLUED.search('ל{body} אין יו"ר') and GLUED.search("ليس لـ{body} رئيس")
    assert GLUED.search("הוזז מ-{date}") and GLUED.search("المسار ال{channel}")
    assert not GLUED.search('{body}: אין יו"ר') and not GLUED.search("خطة عمل المسار {channel}")


def test_the_glossary_lists_forbidden_forms_for_both_languages():
    rows = forbidden_forms()
    assert {language for language, _, _ in rows} == {"he", "ar"} and len(rows) >= 15
    assert any(p.search("ليس لها إطار") for lang, p, _ in rows if lang == "ar")


@pytest.mark.parametrize("language", ["he", "ar"])
def test_no_glossary_term_in_a_forbidden_form(language):
    bad = [
        f"{msgid!r} → {text!r}: write {instead!r}"
        for lang, pattern, instead in forbidden_forms()
        if lang == language
        for msgid, text in _texts(language)
        if pattern.search(text)
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("language", ["he", "ar"])
def test_undo_and_cancel_read_differently(language):
    undo = i18n.tr("&Undo", language).replace("&", "")
    assert undo != i18n.tr("Cancel", language)
    assert i18n.tr("&Undo: {action}", language, action="x").replace("&", "").startswith(undo)
