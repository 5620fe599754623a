"""Every sentence of the work plan (core, export, rules, view) has Hebrew and Arabic text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kehila_desktop.core import enums, i18n
from kehila_desktop.core.workplan import table as workplan_table

ROOT = Path(__file__).resolve().parents[2] / "kehila_desktop"
FILES = sorted((ROOT / "core" / "workplan").glob("*.py"))
FILES += sorted((ROOT / "gui" / "views" / "workplan").glob("*.py"))
CALLS = {"tr", "InvalidEdit", "KehilaError"}


def message_ids() -> set[str]:
    ids = set()
    for path in FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                first = node.args[0]
                if (
                    name in CALLS
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and first.value.strip() not in ("", "x")
                ):
                    ids.add(first.value)
    from kehila_desktop.gui.views.workplan.view import ACTIONS

    ids |= {text for text, _key in ACTIONS.values()}
    ids |= set(workplan_table.COLUMNS.values()) | set(workplan_table.LEVELS.values())
    ids |= set(workplan_table.CHANGE_WORDS.values())
    ids |= {f"add {kind}" for kind in ("goal", "objective", "action")}
    ids |= set(enums.ACTION_STATUSES.values()) | set(enums.CHANNELS.values())
    return ids - {"add "}


def catalogue(language: str) -> dict:
    return i18n.catalogue(language)


@pytest.mark.parametrize("language", ["he", "ar"])
def test_every_work_plan_sentence_is_translated(language):
    ids = message_ids()
    assert len(ids) > 100
    texts = catalogue(language)
    missing = sorted(i for i in ids if not texts.get(i) or texts[i] == i)
    assert missing == []
    for message in ids:  # the same placeholders in the translation
        assert set(re.findall(r"{\w+}", message)) == set(re.findall(r"{\w+}", texts[message])), (
            message
        )
