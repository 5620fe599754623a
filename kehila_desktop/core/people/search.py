"""Searching people: text normalisation (Hebrew, Arabic, English) and the people query.

``normalise(text)`` makes what a user types comparable with what is stored: Hebrew final
letters become their regular forms (ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ), Hebrew niqqud and cantillation,
Arabic harakat and tatweel are removed, Arabic alef forms become a bare alef, and the text is
case-folded. ``people_rows(conn)`` reads every person once (one query: the columns of the
people table plus the bodies each person sits in; each row is the query's own tuple, read by
name, so the read costs no Python work per person); when the table is idle or on the first
search each row gets a normalised search key (``ensure_keys``), so ``filter_rows`` answers a keystroke with a
substring test per row and no SQL, narrowing the previous result while the user types on.
Qt-free: the GUI's table model and the CLI both use it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from operator import itemgetter

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


_SEPARATORS = str.maketrans("", "", " -()+./")


def phone_digits(phone: str | None) -> str:
    """Only the digits of a phone number (so 050-123 4567 and 0501234567 match)."""
    if not phone:
        return ""
    digits = phone.translate(_SEPARATORS)  # the usual separators, quicker than the pattern
    return digits if digits.isdecimal() else _NOT_DIGITS.sub("", phone)


class PersonRow(tuple):
    """One person as the people table shows it: the people query's row itself (so reading
    every person costs no Python work per row), its columns read by name. The memberships
    stay one string until something asks for the bodies or statuses (then parsed once, or
    ahead by ``prepare``); the search key is filled on the first search (``ensure_keys``)."""

    key: str = ""  # set per row by ensure_keys (kept in the row's own __dict__)

    @property
    def id(self) -> str:
        return self[0]

    @property
    def name(self) -> str:
        return self[1]

    @property
    def organisation(self) -> str:
        return self[2]

    @property
    def title(self) -> str:
        return self[3]

    @property
    def sector(self) -> str:
        return self[4]

    @property
    def area_id(self) -> str | None:
        return self[5]

    @property
    def area(self) -> str:
        return self[6]

    @property
    def community(self) -> str:
        return self[7]

    @property
    def phone(self) -> str:
        return self[8]

    @property
    def email(self) -> str:
        return self[9]

    @property
    def contact_consent(self) -> bool:
        return bool(self[10])

    @property
    def body_ids(self) -> frozenset[str]:
        """The bodies this person sits in (ids)."""
        return (self._parsed or self._parse())[0]

    @property
    def bodies(self) -> str:
        """The names of the bodies this person sits in, joined with ", "."""
        return (self._parsed or self._parse())[1]

    @property
    def statuses(self) -> frozenset[str]:
        """The pipeline statuses of this person's memberships."""
        return (self._parsed or self._parse())[2]

    _parsed: tuple[frozenset[str], str, frozenset[str]] | None = None

    def _parse(self) -> tuple[frozenset[str], str, frozenset[str]]:
        body_ids: set[str] = set()
        names: list[str] = []
        statuses: set[str] = set()
        if self[11]:
            for part in self[11].split("\x1e"):
                body_id, status, body_name = part.split("\x1f", 2)
                body_ids.add(body_id)
                statuses.add(status)
                if body_name not in names:
                    names.append(body_name)
        self._parsed = frozenset(body_ids), ", ".join(names), frozenset(statuses)
        return self._parsed


# The row's columns, in this order: PersonRow reads them by position. People are read in the
# file's order and then sorted by name ("+p.name" keeps the planner off the name index, whose
# walk costs a random seek per person); equal names keep the file's order, as the index gave
# them. Each person's memberships are one string (body id, status, body name per membership,
# in the order they were added), looked up by the membership's person index.
PEOPLE_SQL = """
SELECT p.id, p.name, p.organisation, p.title, p.sector, p.area_id, coalesce(a.name, ''),
       p.community, p.phone, p.email, p.contact_consent,
       (SELECT group_concat(m.body_id || char(31) || m.status || char(31) || b.name, char(30))
          FROM live_membership m JOIN live_body b ON b.id = m.body_id
         WHERE m.person_id = p.id)
  FROM live_person p LEFT JOIN live_area a ON a.id = p.area_id
 ORDER BY +p.name
"""


def people_rows(conn: sqlite3.Connection) -> list[PersonRow]:
    """Every person (not deleted), with the bodies they sit in, ordered by name."""
    return list(map(PersonRow, conn.execute(PEOPLE_SQL)))


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
    phone, title, and the phone's bare digits) — done once, when the table is idle or on the
    first search, so that opening the view does not pay for it."""
    todo = [row for row in rows if not row.key]
    if not todo:
        return
    texts = ["\x1f".join(_KEY_COLUMNS(r)) for r in todo]
    keys = search_key("\x1e".join(texts)).split("\x1e")  # one translate for all rows
    if len(keys) != len(todo):  # a record separator inside someone's data: row by row
        keys = [search_key(text) for text in texts]
    for row, key in zip(todo, keys):
        row.key = key + "\x1f" + phone_digits(row[8])


def prepare(rows: list[PersonRow]) -> None:
    """Everything a filter reads, made ahead (when the table is idle): the search keys and
    each row's bodies and statuses."""
    ensure_keys(rows)
    for row in rows:
        if row._parsed is None:
            row._parse()


# name, organisation, community, e-mail, phone, title (PersonRow's positions)
_KEY_COLUMNS = itemgetter(1, 2, 7, 9, 8, 3)


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
