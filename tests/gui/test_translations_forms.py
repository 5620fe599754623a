"""Every user-visible string of the GUI is translated (he, ar, en); forms are not stale and
do not hard-code a layout direction; every control of the shell has an accessible name."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kehila_desktop.core import i18n

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "kehila_desktop" / "gui"


def _tr_ids(path: Path) -> list[tuple[str, int]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if (
                name == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                out.append((node.args[0].value, node.lineno))
    return out


def _messages():
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for message, line in _tr_ids(path):
            found.append((message, f"{path.relative_to(ROOT)}:{line}"))
    return found


def test_the_scan_finds_the_shell_strings():
    ids = {m for m, _ in _messages()}
    assert {"Overview", "&Undo: {action}", "Program health"} <= ids


@pytest.mark.parametrize("language", ["he", "ar", "en"])
def test_no_gui_string_lacks_a_translation(language):
    catalogue = i18n.catalogue(language)
    missing = sorted({f"{where}: {m!r}" for m, where in _messages() if not catalogue.get(m)})
    assert not missing, f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", ["he", "ar"])
def test_translations_keep_their_placeholders(language):
    catalogue = i18n.catalogue(language)
    bad = []
    for message, where in _messages():
        text = catalogue.get(message)
        if text and set(re.findall(r"\{(\w+)\}", text)) != set(re.findall(r"\{(\w+)\}", message)):
            bad.append(f"{where}: {message!r}")
    assert not bad, "\n".join(bad)


def test_generated_forms_are_up_to_date():
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_forms.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_no_form_sets_a_layout_direction():
    forms = list((ROOT / "ui").glob("*.ui"))
    assert forms
    for form in forms:
        assert "layoutDirection" not in form.read_text(encoding="utf-8"), form.name


def test_every_control_of_overview_and_structure_has_an_accessible_name(main_window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
    )
    nameless = []
    for key in ("overview", "structure"):
        view = main_window.show_view(key)
        for widget in [w for w in view.findChildren(QWidget) if isinstance(w, kinds)]:
            if type(widget).__name__ in ("QTabBar", "QToolButton", "QScrollBar"):
                continue  # parts of a tab widget / scroll area, named by their owner
            if (
                widget.parent() is not None
                and widget.parent().metaObject().className() == "QComboBoxPrivateContainer"
            ):
                continue  # a combo box's popup list, named by its combo box
            if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox):
                continue  # the line edit inside a spin box
            name = widget.accessibleName() or (
                isinstance(widget, QAbstractButton) and widget.text()
            )
            if not name:
                nameless.append(f"{key}: {type(widget).__name__} {widget.objectName()}")
    assert not nameless, nameless
