"""Every sentence of sharing and merging, and every table and field name the merge report
uses, is translated into Hebrew, Arabic and English, keeping its placeholders."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kehila_desktop.core import i18n
from kehila_desktop.core.history.merge_report import TABLES
from kehila_desktop.core.file.schema import TABLE_CLASSES, columns

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "kehila_desktop/core/history/share.py",
    "kehila_desktop/core/history/merge.py",
    "kehila_desktop/core/history/merge_report.py",
    "kehila_desktop/commands/share_cmd.py",
    "kehila_desktop/commands/merge_cmd.py",
    "kehila_desktop/gui/sharing.py",
]
ERRORS = {"ShareError": 0, "MergeRefused": 1}  # which argument is the message


def _ids() -> set[str]:
    found = set()
    for module in MODULES:
        for node in ast.walk(ast.parse((ROOT / module).read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.Call, ast.Tuple)):
                continue
            if isinstance(node, ast.Tuple):  # the report's section titles
                first = node.elts[0] if node.elts else None
                if (
                    isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and len(node.elts) == 3
                    and first.value[:1].isupper()
                ):
                    found.add(first.value)
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            index = 0 if name == "tr" else ERRORS.get(name)
            if (
                index is not None
                and len(node.args) > index
                and isinstance(node.args[index], ast.Constant)
            ):
                found.add(node.args[index].value)
    for table in TABLE_CLASSES():
        found.add(f"table:{table}")
        found.update(f"field:{name}" for name in columns(table) if name != "id")
    found.add("field:person.title")
    return found


def test_the_scan_sees_the_report():
    ids = _ids()
    assert {"Merge of the copy {name}", "Added from the copy", "field:phone", "table:person"} <= ids
    assert set(TABLES) == set(TABLE_CLASSES())


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_every_merge_sentence_is_translated_with_its_placeholders(language):
    catalogue = i18n.catalogue(language)
    missing = sorted(m for m in _ids() if not catalogue.get(m))
    assert not missing
    bad = [
        m
        for m in _ids()
        if set(re.findall(r"\{(\w+)\}", catalogue[m])) != set(re.findall(r"\{(\w+)\}", m))
    ]
    assert not bad
