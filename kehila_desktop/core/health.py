"""Program health: every "should" of the seed, checked against the file. Derived, never stored.

A *rule* is a function ``rule(conn, language) -> list[Finding]`` reading the file through the
given sqlite3 connection. Rules live beside their feature (``core/<feature>/rules.py``); each module lists its rules
in ``RULES``. ``findings()`` runs them all.
"""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import asdict, dataclass, field

SEVERITIES = ("problem", "warning", "advice")
RULE_MODULES = (
    "structure.rules",
    "structure.composition_rules",
    "meetings.rules",
    "workplan.rules",
)


@dataclass(frozen=True)
class Finding:
    """One finding: ``code`` names the rule, ``message`` is a sentence in the user's language,
    ``target`` says where it is fixed: (view, table, row id), e.g. ("structure", "body", id)."""

    code: str
    severity: str  # one of SEVERITIES
    message: str
    target: tuple[str, str, str] = ("overview", "", "")
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        out = asdict(self)
        out["target"] = {"view": self.target[0], "table": self.target[1], "id": self.target[2]}
        return out


def _modules():
    # imported when first needed: the rule modules import Finding from here
    for name in RULE_MODULES:
        yield importlib.import_module(f"{__package__}.{name}")


def findings(conn: sqlite3.Connection, language: str | None = None) -> list[Finding]:
    """All findings, problems first."""
    out: list[Finding] = []
    for module in _modules():
        for rule in module.RULES:
            out.extend(rule(conn, language))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(out, key=lambda f: order.get(f.severity, 9))


def findings_in_file(path, language: str | None = None) -> list[Finding]:
    """``findings()`` read through a read-only connection of its own to the program file at
    ``path``, closed after: for a worker thread (the Overview checks health off its paint path;
    a sqlite3 connection is not shared between threads). The file was checked when opened."""
    from pathlib import Path

    from kehila_desktop.core.file.programfile import _connect
    from kehila_desktop.core.file.tables import create_live_views

    conn = _connect(Path(path), read_only=True)
    try:
        create_live_views(conn)  # the rules read the live rows through them
        return findings(conn, language)
    finally:
        conn.close()
