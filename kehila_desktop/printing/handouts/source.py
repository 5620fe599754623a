"""What handouts read from a program file: plain SQL over the live rows (``live_<table>``), never a write.

``Source`` wraps an open ``ProgramFile`` (or opens one read-only) and gives handouts the rows
they need plus the words to print them in one language: vocabulary labels, body names,
dates and times, person names. Unknown ids raise ``Missing`` (the CLI exits 2).
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from kehila_desktop.core import enums
from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import definite as definite_word
from kehila_desktop.core.i18n import (
    capitalised,
    standalone_label,
    format_date,
    is_rtl,
    isolate,
    isolated_fields,
    join_list,
    label,
    minutes,
    ntr,
    ptr,
    tr,
)
from kehila_desktop.core.file.programfile import ProgramFile, open_program
from kehila_desktop.core.structure.composition import proposed_chairs
from kehila_desktop.core.structure.queries import live_body_id

BODY_ORDER = (
    "CASE kind WHEN 'steering' THEN 0 WHEN 'design' THEN 1 WHEN 'work_team' THEN 2 "
    "ELSE 3 END, position"
)
ACTIVE = ("proposed", "approved", "invited", "joined")
ROLE_ORDER = ["chair", "manager", "companion", "team_representative", "member", "fellow"]


class Missing(KehilaError):
    """A meeting, body or member the handout needs is not in the file."""


class Source:
    def __init__(self, pf_or_path, language: str | None = None):
        if isinstance(pf_or_path, ProgramFile):
            self.pf, self._own = pf_or_path, False
        else:
            self.pf, self._own = open_program(pf_or_path, read_only=True), True
        self.conn: sqlite3.Connection = self.pf.conn
        self.program = self.one("SELECT * FROM live_program LIMIT 1") or {}
        self.language = language or self.program.get("language") or "he"
        self.rtl = is_rtl(self.language)
        self._names: dict[str, str] | None = None
        self._proposed: set[str] | None = None

    def close(self) -> None:
        if self._own:
            self.pf.close()

    # rows -------------------------------------------------------------------------------
    def all(self, sql: str, params: tuple = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def one(self, sql: str, params: tuple = ()) -> dict | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def body(self, body_id: str) -> dict:
        row = self.one("SELECT * FROM live_body WHERE id=?", (body_id,))
        if row is None:
            raise Missing("There is no body {id} in this program file.", id=body_id)
        return row

    def bodies(self) -> list[dict]:
        return self.all(f"SELECT * FROM live_body ORDER BY {BODY_ORDER}")

    def body_of_kind(self, kind: str) -> dict | None:
        """The program's body of ``kind``: the first live one (as the health rules judge)."""
        body_id = live_body_id(self.conn, kind)
        return self.body(body_id) if body_id else None

    def meeting(self, meeting_id: str) -> dict:
        row = self.one("SELECT * FROM live_meeting WHERE id=?", (meeting_id,))
        if row is None:
            raise Missing("There is no meeting {id} in this program file.", id=meeting_id)
        return row

    def person(self, person_id: str) -> dict:
        row = self.one("SELECT * FROM live_person WHERE id=?", (person_id,))
        if row is None:
            raise Missing("There is no member {id} in this program file.", id=person_id)
        return row

    def members(self, body_id: str, statuses=ACTIVE) -> list[dict]:
        """Memberships of a body joined with their person, chair first, then by name."""
        marks = ",".join("?" * len(statuses))
        rows = self.all(
            "SELECT m.*, p.name, p.organisation, p.title, p.sector, p.phone, p.email, "
            "p.area_id, p.community FROM live_membership m JOIN live_person p ON p.id=m.person_id "
            f"WHERE m.body_id=? AND m.status IN ({marks}) "
            "ORDER BY p.name",
            (body_id, *statuses),
        )
        rank = {r: i for i, r in enumerate(ROLE_ORDER)}
        rows.sort(key=lambda r: rank.get(r["role"], len(rank)))
        return rows

    def area_names(self) -> dict[str, str]:
        return {r["id"]: r["name"] for r in self.all("SELECT id, name FROM live_area")}

    def person_name(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        if self._names is None:
            self._names = {r["id"]: r["name"] for r in self.all("SELECT id, name FROM person")}
        return self._names.get(person_id, "")

    def chair_proposed(self, body: dict) -> bool:
        """Whether the body's chair has not joined yet (the app says "proposed chair")."""
        if self._proposed is None:
            self._proposed = proposed_chairs(self.conn)
        return body["id"] in self._proposed

    def chair_fact(self, body: dict) -> tuple[str, str]:
        """The (label, name) row of the body's chair, as the app says it: "Chair" or, for a
        chair who has not joined yet, "Proposed chair"."""
        name = self.person_name(body.get("chair_person_id"))
        return (self.tr("Proposed chair") if self.chair_proposed(body) else self.tr("Chair")), name

    def chair_line(self, body: dict) -> str:
        """ "Chair: X" or "Proposed chair: X" ("" when the body has no chair)."""
        name = self.person_name(body.get("chair_person_id"))
        if not name:
            return ""
        if self.chair_proposed(body):
            return self.tr("Proposed chair: {name}", name=name)
        return self.tr("Chair: {name}", name=name)

    # words ------------------------------------------------------------------------------
    # Every text field of a sentence is a bidi isolate (FSI … PDI, ``core.i18n.isolate``):
    # a Hebrew name in an English sentence is laid out right to left as one unit without
    # pulling the numbers and punctuation around it into its direction (the printing
    # engine honours isolates and never draws their marks).
    def tr(self, message: str, **fields) -> str:
        with isolated_fields():
            return tr(message, self.language, **fields)

    def ntr(self, singular: str, plural: str, n: int, **fields) -> str:
        with isolated_fields():
            return ntr(singular, plural, n, self.language, **fields)

    def ptr(self, context: str, message: str, **fields) -> str:
        with isolated_fields():
            return ptr(context, message, self.language, **fields)

    def user(self, text: object) -> str:
        """User text (a name, a note) as a bidi isolate, for a line built around it."""
        text = "" if text is None else str(text)
        return isolate(text) if text else ""

    def join(self, items) -> str:
        """Items joined with the handout language's list comma (Arabic "، "), each an
        isolate of its own (names typed in either script keep their order)."""
        return join_list(
            (self.user(item) for item in items if item not in (None, "")), self.language
        )

    def minutes(self, n: int) -> str:
        """ "90 minutes" in the handout's language (its plural form)."""
        return minutes(n, self.language)

    def cap(self, text: str) -> str:
        """``text`` as an English heading or table label begins: a capital first letter
        ("design committee" → "Design committee"); Hebrew and Arabic as they are
        (``core.i18n.capitalised``)."""
        return capitalised(text, self.language)

    def cap_label(self, vocabulary: str, key: str | None) -> str:
        """A vocabulary label as a table cell or list item shows it (``cap``)."""
        return standalone_label(vocabulary, key, self.language)

    def to_body(self, body: dict) -> str:
        """ "to the {body}" with the language's grammar (Hebrew "לוועדה המעצבת", with the
        article the bare name lacks), for sentences such as an invitation to join."""
        name = self.body_name(body)
        if name == self.label("BODY_KINDS", body["kind"]):
            if body["kind"] == "steering":
                return self.tr("to the steering committee")
            if body["kind"] == "design":
                return self.tr("to the design committee")
            if body["kind"] == "program_team":
                return self.tr("to the program team")
        if (
            body["kind"] == "work_team"
            and body.get("channel_key")
            and name
            == self.tr("{channel} work team", channel=self.label("CHANNELS", body["channel_key"]))
        ):
            return self.tr(
                "to the {channel} work team", channel=self.label("CHANNELS", body["channel_key"])
            )
        return self.tr("to the {body}", body=name)

    def label(self, vocabulary: str, key: str | None) -> str:
        return label(vocabulary, key, self.language)

    def body_name(self, body: dict, definite: bool = False) -> str:
        """The body's own name, or its kind's default name in this language — in its definite
        form (ועדת ההיגוי, הוועדה המעצבת) when ``definite``, for a name inside a sentence or a
        construct ("חברי הוועדה המעצבת"). A name the user gave is printed as given."""
        name = (body.get("name") or "").strip()
        defaults = set()
        for lang in ("en", "he", "ar"):
            defaults.add(label("BODY_KINDS", body["kind"], lang))
            if body.get("channel_key"):
                defaults.add(
                    tr(
                        "{channel} work team",
                        lang,
                        channel=label("CHANNELS", body["channel_key"], lang),
                    )
                )
        if (not name or name in defaults) and definite:
            if body["kind"] == "work_team" and body.get("channel_key"):
                return self.ptr(
                    "work team, definite",
                    "{channel} work team",
                    channel=definite_word("CHANNELS", body["channel_key"], self.language),
                )
            return self.ptr("body, definite", enums.BODY_KINDS.get(body["kind"], body["kind"]))
        if not name or name in defaults:
            if body["kind"] == "work_team" and body.get("channel_key"):
                return self.tr(
                    "{channel} work team", channel=self.label("CHANNELS", body["channel_key"])
                )
            return self.label("BODY_KINDS", body["kind"])
        return name

    def date(self, value: str | None) -> str:
        """A date as the handout prints it (DD/MM/YYYY, ``core.i18n.format_date``)."""
        return format_date(value)

    def time(self, value: str | None) -> str:
        if not value or "T" not in value:
            return ""
        return value.split("T", 1)[1][:5]

    def weekday(self, value: str) -> str:
        try:
            day = datetime.fromisoformat(value).weekday()
        except ValueError:
            return ""
        names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        return self.tr(names[day])

    def today(self) -> str:
        return date.today().strftime("%d/%m/%Y")

    def money(self, amount: int | None) -> str:
        return f"₪{int(amount or 0):,}"

    def vocab_keys(self, vocabulary: str) -> list[str]:
        return list(getattr(enums, vocabulary))
