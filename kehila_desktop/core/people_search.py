"""Searching people: text normalisation (Hebrew, Arabic, English) and the people query.

``normalise(text)`` makes what a user types comparable with what is stored: Hebrew final
letters become their regular forms (ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ), Hebrew niqqud and cantillation,
Arabic harakat and tatweel are removed, Arabic alef forms become a bare alef, and the text is
case-folded. ``people_rows(conn)`` reads every person once (one query: the columns of the
people table plus the bodies each person sits in); each row carries a normalised search
key, so ``filter_rows`` answers a keystroke with a substring test per row and no SQL.
Qt-free: the GUI's table model and the CLI both use it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

_FINALS = {"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"}
_ARABIC_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}


def _build_table() -> dict[int, object]:
    table: dict[int, object] = {ord(k): v for k, v in {**_FINALS, **_ARABIC_LETTERS}.items()}
    drop = [range(0x0591, 0x05BE), [0x05BF], range(0x05C1, 0x05C3), range(0x05C4, 0x05C6),
            [0x05C7],                                   # Hebrew niqqud and cantillation
            range(0x0610, 0x061B), range(0x064B, 0x0660), [0x0670], range(0x06D6, 0x06DD),
            range(0x06DF, 0x06E9), range(0x06EA, 0x06EE),  # Arabic harakat, Quranic marks
            [0x0640],                                   # tatweel
            [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
             0x2068, 0x2069, 0x200B, 0x200C, 0x200D, 0xFEFF]]  # direction marks, zero widths
    for block in drop:
        for code in block:
            table[code] = None
    table[ord("״")] = '"'  # gershayim typed as a double quote
    table[ord("׳")] = "'"  # geresh
    return table


_TABLE = _build_table()
_SPACES = re.compile(r"\s+")
_NOT_DIGITS = re.compile(r"\D+")


def normalise(text: str | None) -> str:
    """``text`` made comparable for search (see the module docstring)."""
    if not text:
        return ""
    return _SPACES.sub(" ", text.translate(_TABLE).casefold()).strip()


def phone_digits(phone: str | None) -> str:
    """Only the digits of a phone number (so 050-123 4567 and 0501234567 match)."""
    return _NOT_DIGITS.sub("", phone or "")


@dataclass
class PersonRow:
    """One person as the people table shows it."""

    id: str
    name: str
    organisation: str
    title: str
    sector: str
    area_id: str | None
    area: str
    community: str
    phone: str
    email: str
    contact_consent: bool
    body_ids: frozenset[str] = frozenset()
    bodies: str = ""            # body names, joined with ", "
    statuses: frozenset[str] = frozenset()  # pipeline statuses of the memberships
    key: str = field(default="", repr=False)


PEOPLE_SQL = """
SELECT p.id, p.name, p.organisation, p.title, p.sector, p.area_id, coalesce(a.name, ''),
       p.community, p.phone, p.email, p.contact_consent,
       (SELECT group_concat(m.body_id || char(31) || m.status || char(31) || b.name, char(30))
          FROM membership m JOIN body b ON b.id = m.body_id
         WHERE m.person_id = p.id AND m.deleted = 0 AND b.deleted = 0)
  FROM person p LEFT JOIN area a ON a.id = p.area_id AND a.deleted = 0
 WHERE p.deleted = 0
 ORDER BY p.name
"""


def people_rows(conn: sqlite3.Connection) -> list[PersonRow]:
    """Every person (not deleted), with the bodies they sit in and a search key."""
    out: list[PersonRow] = []
    append = out.append
    for (pid, name, org, title, sector, area_id, area, community, phone, email, consent,
         memberships) in conn.execute(PEOPLE_SQL):
        body_ids: set[str] = set()
        names: list[str] = []
        statuses: set[str] = set()
        if memberships:
            for part in memberships.split("\x1e"):
                body_id, status, body_name = part.split("\x1f", 2)
                body_ids.add(body_id)
                statuses.add(status)
                if body_name not in names:
                    names.append(body_name)
        key = normalise("\x1f".join((name, org, community, email, phone, title)))
        digits = phone_digits(phone)
        if digits:
            key += "\x1f" + digits
        append(PersonRow(pid, name, org, title, sector, area_id, area, community, phone, email,
                         bool(consent), frozenset(body_ids), ", ".join(names),
                         frozenset(statuses), key))
    return out


@dataclass
class PeopleFilter:
    """What the user asked to see: free text and optional sector / area / body / status."""

    text: str = ""
    sector: str | None = None
    area_id: str | None = None
    body_id: str | None = None
    status: str | None = None

    def is_empty(self) -> bool:
        return not (self.text.strip() or self.sector or self.area_id or self.body_id
                    or self.status)


def filter_rows(rows: list[PersonRow], flt: PeopleFilter) -> list[PersonRow]:
    """The rows that match every part of ``flt``; each word of the text must appear."""
    if flt.is_empty():
        return list(rows)
    words = normalise(flt.text).split()
    digit_words = [phone_digits(w) if any(c.isdigit() for c in w) else "" for w in words]
    out = []
    for row in rows:
        if flt.sector and row.sector != flt.sector:
            continue
        if flt.area_id and row.area_id != flt.area_id:
            continue
        if flt.body_id and flt.body_id not in row.body_ids:
            continue
        if flt.status and flt.status not in row.statuses:
            continue
        key = row.key
        if all(w in key or (d and d in key) for w, d in zip(words, digit_words)):
            out.append(row)
    return out


def search_people(conn: sqlite3.Connection, text: str = "", **filters) -> list[PersonRow]:
    """One call for the CLI and tests: read and filter in one go."""
    return filter_rows(people_rows(conn), PeopleFilter(text=text, **filters))
