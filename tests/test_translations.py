"""Every user-visible message has a Hebrew, Arabic and English text, keeps its placeholders,
and is worded the same way wherever it appears."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest

from kehila_desktop.core import enums, i18n
from kehila_desktop.core.paths import resource

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


MESSAGE_CALLS = {"tr"} | _error_classes()


def _message_ids() -> dict[str, str]:
    """msgid → where it is used: the first string argument of tr() and of error classes."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in MESSAGE_CALLS:
                continue
            for arg in node.args[:2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    if name != "tr" and arg.value.isidentifier():
                        continue  # a reason code, not a sentence
                    found.setdefault(arg.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
                    break
    for vocabulary in dir(enums):
        table = getattr(enums, vocabulary)
        if vocabulary.isupper() and isinstance(table, dict):
            for text in table.values():
                found.setdefault(text, f"enums.{vocabulary}")
    return found


MESSAGES = _message_ids()


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_every_message_is_translated(language):
    catalogue = i18n.catalogue(language)
    missing = sorted(f"{where}: {msg!r}" for msg, where in MESSAGES.items()
                     if msg not in catalogue)
    assert not missing, f"{len(missing)} messages lack a {language} text:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_translations_keep_their_placeholders(language):
    wrong = [f"{k!r} → {v!r}" for k, v in i18n.catalogue(language).items()
             if _fields(k) != _fields(v)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_one_wording_per_message(language):
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in sorted(resource("translations", language).glob("*.json")):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if key in seen and seen[key][1] != value:
                clashes.append(f"{key!r}: {seen[key][0]}={seen[key][1]!r} vs "
                               f"{path.name}={value!r}")
            seen.setdefault(key, (path.name, value))
    assert not clashes, "\n".join(clashes)


def test_hebrew_and_arabic_texts_are_in_their_script():
    hebrew = re.compile(r"[\u0590-\u05FF]")
    arabic = re.compile(r"[\u0600-\u06FF]")
    for language, script in (("he", hebrew), ("ar", arabic)):
        untranslated = [k for k, v in i18n.catalogue(language).items()
                        if re.search(r"[A-Za-z]{3}", k) and not script.search(v)
                        and not re.fullmatch(r"[\W\d{}a-z_]*", v)]
        assert len(untranslated) <= 3, f"{language}: copied English? {untranslated[:20]}"
