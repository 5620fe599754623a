"""Searching people: text normalisation (Hebrew, Arabic, English) and the people query.

``normalise(text)`` makes what a user types comparable with what is stored: Hebrew final
letters become their regular forms (ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ), Hebrew niqqud and cantillation,
Arabic harakat and tatweel are removed, Arabic alef forms become a bare alef, and the text is
case-folded. ``people_rows(conn)`` reads every person once (one query: the columns of the
people table plus the bodies each person sits in); on the first search each row gets a
normalised search key (``ensure_keys``), so ``filter_rows`` answers a keystroke with a
substring test per row and no SQL, narrowing the previous result while the user types on.
Qt-free: the GUI's table model and the CLI both use it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

_FINALS = {"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"}
_ARABIC_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in {**_FINALS, **_ARABIC_LETTERS}.items()}
    drop = [
        range(0x0591, 0x05BE),
        [0x05BF],
        range(0x05C1, 0x05C3),
        range(0x05C4, 0x05C6),
        [0x05C7],  # Hebrew niqqud and cantillation
        range(0x0610, 0x061B),
        range(0x064B, 0x0660),
        [0x0670],
        range(0x06D6, 0x06DD),
        range(0x06DF, 0x06E9),
        range(0x06EA, 0x06EE),  # Arabic harakat, Quranic marks
        [0x0640],  # tatweel
        [
            0x200E,
            0x200F,
            0x202A,
            0x202B,
            0x202C,
            0x202D,
            0x202E,
            0x2066,
            0x2067,
            0x2068,
            0x2069,
            0x200B,
            0x200C,
            0x200D,
            0xFEFF,
        ],
    ]  # direction marks, zero widths
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


def search_key(text: str) -> str:
    """``normalise`` without collapsing spaces: the fast form for a row's search key."""
    return text.translate(_TABLE).casefold()


def phone_digits(phone: str | None) -> str:
    """Only the digits of a phone number (so 050-123 4567 and 0501234567 match)."""
    return _NOT_DIGITS.sub("", phone or "")


@dataclass(slots=True)
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
    bodies: str = ""  # body names, joined with ", "
    statuses: frozenset[str] = frozenset()  # pipeline statuses of the memberships
    key: str = field(default="", repr=False)  # filled on the first search (ensure_keys)


PEOPLE_SQL = """
SELECT p.id, p.name, p.organisation, p.title, p.sector, p.area_id, coalesce(a.name, ''),
       p.community, p.phone, p.email, p.contact_consent,
       ms.memberships
  FROM live_person p LEFT JOIN live_area a ON a.id = p.area_id
  LEFT JOIN (SELECT m.person_id, group_concat(m.body_id || char(31) || m.status || char(31)
                                              || b.name, char(30)) AS memberships
               FROM live_membership m JOIN live_body b ON b.id = m.body_id
               GROUP BY m.person_id) ms
         ON ms.person_id = p.id
 ORDER BY p.name
"""


def people_rows(conn: sqlite3.Connection) -> list[PersonRow]:
    """Every person (not deleted), with the bodies they sit in and a search key."""
    out: list[PersonRow] = []
    append = out.append
    for (
        pid,
        name,
        org,
        title,
        sector,
        area_id,
        area,
        community,
        phone,
        email,
        consent,
        memberships,
    ) in conn.execute(PEOPLE_SQL):
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
        append(
            PersonRow(
                pid,
                name,
                org,
                title,
                sector,
                area_id,
                area,
                community,
                phone,
                email,
                bool(consent),
                frozenset(body_ids),
                ", ".join(names),
                frozenset(statuses),
            )
        )
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
        return not (self.text.strip() or self.sector or self.area_id or self.body_id or self.status)


def ensure_keys(rows: list[PersonRow]) -> None:
    """Give each row its normalised search key (name, organisation, community, e-mail,
    phone, title, and the phone's bare digits) — done once, on the first search, so that
    opening the view does not pay for it."""
    todo = [row for row in rows if not row.key]
    if not todo:
        return
    texts = [
        "\x1f".join((r.name, r.organisation, r.community, r.email, r.phone, r.title)) for r in todo
    ]
    keys = search_key("\x1e".join(texts)).split("\x1e")  # one translate for all rows
    if len(keys) != len(todo):  # a record separator inside someone's data: row by row
        keys = [search_key(text) for text in texts]
    for row, key in zip(todo, keys):
        digits = phone_digits(row.phone)
        row.key = key + "\x1f" + digits


def filter_rows(rows: list[PersonRow], flt: PeopleFilter) -> list[PersonRow]:
    """The rows that match every part of ``flt``, in their order; each word of the text must
    appear (a word with digits also matches a phone written with other separators)."""
    if flt.is_empty():
        return list(rows)
    if flt.sector:
        rows = [r for r in rows if r.sector == flt.sector]
    if flt.area_id:
        rows = [r for r in rows if r.area_id == flt.area_id]
    if flt.body_id:
        rows = [r for r in rows if flt.body_id in r.body_ids]
    if flt.status:
        rows = [r for r in rows if flt.status in r.statuses]
    words = normalise(flt.text).split()
    if words:
        ensure_keys(rows)
    for word in words:
        digits = phone_digits(word) if any(c.isdigit() for c in word) else ""
        if digits and digits != word:
            rows = [r for r in rows if word in r.key or digits in r.key]
        else:
            rows = [r for r in rows if word in r.key]
    return list(rows)


def narrows(old: PeopleFilter, new: PeopleFilter) -> bool:
    """True when every row matching ``new`` also matches ``old`` (the user typed on), so the
    new result can be filtered from the old one instead of from everyone."""
    return (old.sector, old.area_id, old.body_id, old.status) == (
        new.sector,
        new.area_id,
        new.body_id,
        new.status,
    ) and normalise(new.text).startswith(normalise(old.text))


def search_people(conn: sqlite3.Connection, text: str = "", **filters) -> list[PersonRow]:
    """One call for the CLI and tests: read and filter in one go."""
    return filter_rows(people_rows(conn), PeopleFilter(text=text, **filters))
