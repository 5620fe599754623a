"""The merge report: what merging a copy added, changed, deleted, kept, and its conflicts.

Built by ``core.merge`` before anything is written (the dry run shows it), saved in the file
after, printed by ``kehila merge`` and shown by the GUI. ``text()`` renders it in the user's
language; ``to_dict()`` is the JSON form (``--json``), which ``from_dict`` reads back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kehila_desktop.core.i18n import format_date, isolated_list, label as vocab_label, tr

TABLES = (
    "program",
    "channel",
    "situation_section",
    "area",
    "body",
    "person",
    "membership",
    "meeting",
    "agenda_item",
    "attendance",
    "decision",
    "action_item",
    "goal",
    "objective",
    "action",
    "action_area",
    "plan_approval",
)


def table_name(table: str, language: str | None = None) -> str:
    """What a user calls a table's rows (message id ``table:NAME``)."""
    return tr(f"table:{table}", language) if table in TABLES else table


def field_name(table: str, name: str, language: str | None = None) -> str:
    """What a user calls a field (``field:NAME``; a person's title is a job title)."""
    if name == "title":
        return tr("field:person.title" if table == "person" else "field:title", language)
    text = tr(f"field:{name}", language)
    return name if text == f"field:{name}" else text


_FLAGS = {"chosen", "in_focus", "contact_consent", "adopted", "deleted"}
# fields whose stored codes are a vocabulary's keys (shown as the vocabulary's words)
_VOCABULARIES = {
    ("channel", "start"): "CHANNEL_START",
    ("area", "kind"): "AREA_KINDS",
    ("body", "kind"): "BODY_KINDS",
    ("body", "cadence"): "CADENCES",
    ("person", "sector"): "SECTORS",
    ("membership", "role"): "ROLES",
    ("membership", "status"): "PIPELINE",
    ("membership", "source"): "MEMBERSHIP_SOURCES",
    ("meeting", "kind"): "MEETING_KINDS",
    ("meeting", "status"): "MEETING_STATUSES",
    ("agenda_item", "kind"): "AGENDA_KINDS",
    ("attendance", "status"): "ATTENDANCE",
    ("decision", "kind"): "DECISION_KINDS",
    ("action_item", "status"): "ACTION_ITEM_STATUSES",
    ("action", "status"): "ACTION_STATUSES",
}
_DATES = {
    "start_date",
    "end_date",
    "chosen_on",
    "joined_on",
    "left_on",
    "due",
    "target_date",
    "approved_at",
    "starts_at",
}


def _names(names: list[str], language: str | None) -> str:
    """Names joined with the language's commas, each in its own direction when shown on screen."""
    return isolated_list(names, language)


def shown_date(value) -> str:
    """A stored date (or date and time) as the app shows it: DD/MM/YYYY [HH:MM]."""
    text = str(value or "")
    day = format_date(text)
    if len(text) >= 16 and text[10] in "T ":
        return f"{day} {text[11:16]}"
    return day


_LIMIT = 60


def _cut(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def row_label(conn: sqlite3.Connection, table: str, row: dict, names: dict | None = None) -> str:
    """A few words a user recognises the row by (a name, a title, a date); ``names`` keeps
    the names of the rows it points at between calls (for many labels at once)."""

    def name_of(tbl: str, row_id: str | None) -> str:
        if not row_id:
            return ""
        if names is not None and (tbl, row_id) in names:
            return names[(tbl, row_id)]
        col = "starts_at" if tbl == "meeting" else "name"
        found = conn.execute(f"SELECT {col} FROM {tbl} WHERE id=?", (row_id,)).fetchone()
        text = found[0] if found else ""
        if names is not None:
            names[(tbl, row_id)] = text
        return text

    if table == "channel":
        return vocab_label("CHANNELS", row.get("key"))
    if table == "meeting":
        return _cut(f"{name_of('body', row.get('body_id'))} {row.get('starts_at', '')}".strip())
    if table == "membership":
        return _cut(
            f"{name_of('person', row.get('person_id'))} · {name_of('body', row.get('body_id'))}"
        )
    if table == "attendance":
        return _cut(name_of("person", row.get("person_id")) or row.get("guest_name") or "")
    for col in ("name", "title", "text", "approved_at"):
        if row.get(col):
            return _cut(row[col])
    return ""


@dataclass
class MergeReport:
    """What a merge does; lists of plain dicts so that it saves and reads back as JSON."""

    source: str = ""
    added: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    deleted: list[dict] = field(default_factory=list)
    kept: list[dict] = field(default_factory=list)
    history_added: int = 0
    names: dict[str, str] = field(default_factory=dict)  # row id → label, for id values
    step_id: int | None = None  # the merge step's number in this file
    backup: str = ""
    repaired: list[dict] = field(default_factory=list)  # rows the domain's rules deleted
    duplicates: list[dict] = field(default_factory=list)  # people sharing an e-mail/phone

    # --- building ---------------------------------------------------------------------
    def add_added(self, table: str, row_id: str, label: str) -> None:
        self.added.append({"table": table, "row": row_id, "label": label})

    def add_changed(self, table, row_id, label, name, old, new) -> None:
        self.changed.append(
            {"table": table, "row": row_id, "label": label, "field": name, "old": old, "new": new}
        )

    def add_conflict(
        self, table, row_id, label, name, *, kept, kept_side, lost, lost_side, lost_at
    ) -> None:
        self.conflicts.append(
            {
                "table": table,
                "row": row_id,
                "label": label,
                "field": name,
                "kept": kept,
                "kept_side": kept_side,
                "lost": lost,
                "lost_side": lost_side,
                "lost_at": lost_at,
            }
        )

    def add_deleted(self, table: str, row_id: str, label: str) -> None:
        self.deleted.append({"table": table, "row": row_id, "label": label})

    def add_kept(self, table: str, row_id: str, label: str, *, deleted_side: str) -> None:
        self.kept.append(
            {"table": table, "row": row_id, "label": label, "deleted_side": deleted_side}
        )

    # --- reading ----------------------------------------------------------------------
    @property
    def nothing_new(self) -> bool:
        return self.history_added == 0

    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "changed": len(self.changed),
            "conflicts": len(self.conflicts),
            "deleted": len(self.deleted),
            "kept": len(self.kept),
        }

    def to_dict(self) -> dict:
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        out["counts"] = self.counts()
        return out

    @classmethod
    def from_dict(cls, data: dict) -> MergeReport:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})

    def summary(self, language: str | None = None) -> str:
        """One line: the counts."""
        if self.nothing_new:
            return tr("This copy has nothing that this file does not already have.", language)
        return tr(
            "{added} added, {changed} changed, {conflicts} in conflict, {deleted} "
            "deleted, {kept} kept although deleted.",
            language,
            **self.counts(),
        )

    def text(self, language: str | None = None) -> str:
        """The whole report, in the user's language."""
        lines = [tr("Merge of the copy {name}", language, name=self.source), self.summary(language)]
        if self.nothing_new:
            return "\n".join(lines)

        def head(item: dict) -> str:
            return tr(
                "{table} “{label}”",
                language,
                table=table_name(item["table"], language),
                label=item["label"],
            )

        def fld(item: dict) -> str:
            return field_name(item["table"], item["field"], language)

        def val(item: dict, key: str) -> str:
            value = item[key]
            if item["field"] in _FLAGS:
                return tr("yes", language) if value else tr("no", language)
            if value is None or value == "":
                return tr("(empty)", language)
            if item["field"].endswith("_id") and value in self.names:
                return self.names[value]
            vocabulary = _VOCABULARIES.get((item["table"], item["field"]))
            if vocabulary is not None:
                return vocab_label(vocabulary, str(value), language)
            if item["field"] in _DATES:
                return shown_date(value)
            return _cut(value)

        def side(name: str) -> str:
            return tr("this file", language) if name == "here" else tr("the copy", language)

        sections: tuple[tuple[str, list[dict], Callable[[Any], str]], ...] = (
            ("Added from the copy", self.added, lambda i: head(i)),
            (
                "Changed by the copy",
                self.changed,
                lambda i: tr(
                    "{row}: {field} was {old}, now {new}",
                    language,
                    row=head(i),
                    field=fld(i),
                    old=val(i, "old"),
                    new=val(i, "new"),
                ),
            ),
            (
                "Conflicts (the value not kept stays in the history and can be restored)",
                self.conflicts,
                lambda i: tr(
                    "{row}: {field} — kept {kept} (from {kept_side}); not kept {lost} "
                    "(from {lost_side}, {at})",
                    language,
                    row=head(i),
                    field=fld(i),
                    kept=val(i, "kept"),
                    kept_side=side(i["kept_side"]),
                    lost=val(i, "lost"),
                    lost_side=side(i["lost_side"]),
                    at=shown_date(i["lost_at"]),
                ),
            ),
            ("Deleted by the copy", self.deleted, lambda i: head(i)),
            (
                "Kept although deleted on one side",
                self.kept,
                lambda i: (
                    tr(
                        "{row}: deleted in this file but edited in the copy — kept.",
                        language,
                        row=head(i),
                    )
                    if i["deleted_side"] == "here"
                    else tr(
                        "{row}: deleted in the copy but edited in this file — kept.",
                        language,
                        row=head(i),
                    )
                ),
            ),
        )
        sections += (
            (
                "Deleted to keep the program's rules",
                self.repaired,
                lambda i: (
                    tr("{row}: the person was deleted on one side.", language, row=head(i))
                    if i["why"] == "deleted_person"
                    else tr(
                        "{row}: the same person was added to the same body on both sides; one is "
                        "kept.",
                        language,
                        row=head(i),
                    )
                ),
            ),
            (
                "Likely the same person (the same e-mail or phone); join them in People",
                self.duplicates,
                lambda i: (
                    tr(
                        "{names} — the same e-mail {value}",
                        language,
                        names=_names(i["names"], language),
                        value=i["value"],
                    )
                    if i["by"] == "email"
                    else tr(
                        "{names} — the same phone {value}",
                        language,
                        names=_names(i["names"], language),
                        value=i["value"],
                    )
                ),
            ),
        )
        for title, items, render in sections:
            if items:
                lines.append("")
                lines.append(tr(title, language) + ":")
                lines.extend("  • " + render(item) for item in items)
        if self.backup:
            lines.append("")
            lines.append(
                tr(
                    "A copy of the file as it was before the merge: {path}",
                    language,
                    path=self.backup,
                )
            )
        return "\n".join(lines)
