"""People in and out of a program file: import from a sheet, export to a sheet.

Import is two stages. ``plan_import(conn, grid)`` reads a ``sheets.Grid`` (Hebrew, Arabic or
English headers, found in the first rows even under merged title cells) and decides, row by
row, without writing anything: *added* (a new person), *updated* (an existing person matched
by e-mail, then phone, then exact name — never a second copy of someone), *unchanged*, or
*rejected* with the reason. ``apply_import(ops, plan)`` then writes the added and updated
people as ONE operations step of kind "import" (one undo). Cancelling simply means not
calling it.

A name may come in one column or as first and last name ("שם פרטי" / "שם משפחה"), joined.
Rules a row must meet: a name; a valid e-mail and phone when given (``validate_email`` and
``validate_phone`` explain what is wrong); a known sector (key, or its label in Hebrew,
Arabic or English); a known area when one is given. Phones that a spreadsheet turned into
numbers get their leading zero back (501234567 → 0501234567).

Export writes people and their memberships: ``.xlsx`` with two worksheets, or ``.csv`` as two
files (``OUT.csv`` for people, ``OUT.memberships.csv`` beside it), headers in the current
language; in a CSV every text is formula-escaped, in an .xlsx texts are text cells and dates
real dates (see ``core.sheets``).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import LANGUAGES, join_list, label as vocab_label, ntr, tr
from kehila_desktop.core.file.tables import PERSON_FIELDS
from kehila_desktop.core.people.contacts import clean_phone, validate_email, validate_phone
from kehila_desktop.core.people.search import normalise, phone_digits
from kehila_desktop.core.sheets import (
    Grid,
    SheetReadError,
    iso_date,
    unescape_cell,
    write_csv,
    write_xlsx,
)

# Columns a people sheet may have: field → English header (a message id) and other names.
PERSON_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("name", ("שם", "שם מלא", "الاسم", "اسم", "full name")),
    "organisation": ("organisation", ("ארגון", "organization", "מוסד", "المنظمة", "مؤسسة")),
    "title": ("title", ("תפקיד", "role title", "job title", "الوظيفة", "المسمى")),
    "sector": ("sector", ("מגזר", "القطاع", "قطاع")),
    "area": (
        "neighbourhood / area",
        ("area", "שכונה", "אזור", "רובע", "neighbourhood", "neighborhood", "الحي", "المنطقة"),
    ),
    "community": ("community", ("קהילה", "المجتمع", "مجتمع")),
    "phone": ("phone", ("טלפון", "נייד", "mobile", "telephone", "tel", "الهاتف", "هاتف", "جوال")),
    "email": (
        "email",
        (
            'דוא"ל',
            "דואל",
            "אימייל",
            "מייל",
            "e-mail",
            "mail",
            "البريد الإلكتروني",
            "بريد الكتروني",
            "البريد",
        ),
    ),
    "notes": ("notes", ("הערות", "ملاحظات")),
    "contact_consent": (
        "consent to keep contact details",
        ("consent", "הסכמה", "הסכמה לשמירת פרטי קשר", "موافقة"),
    ),
}
# Names split in two columns (common in Israeli sheets) are joined: first name, then last name.
SPLIT_NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "given name", "שם פרטי", "الاسم الأول", "الاسم الاول"),
    "last_name": ("last name", "surname", "family name", "שם משפחה", "اسم العائلة"),
}
MEMBERSHIP_HEADERS = (
    "name",
    "email",
    "body",
    "role",
    "pipeline status",
    "source",
    "expected attendance (%)",
    "role requirements",
    "areas of responsibility",
    "represents",
    "joined on",
    "left on",
)

_YES = {normalise(w) for w in ("1", "yes", "y", "true", "כן", "v", "✓", "نعم", "x")}
_NO = {normalise(w) for w in ("", "0", "no", "n", "false", "לא", "لا")}


def _header_key(text: str) -> str:
    return re.sub(r"[\s\-_:*.]", "", normalise(unescape_cell(text)))


def _header_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for fld, (english, others) in PERSON_COLUMNS.items():
        names = {fld, english, *others}
        names.update(tr(english, lang) for lang in LANGUAGES)
        for name in names:
            aliases[_header_key(name)] = fld
    for fld, split_names in SPLIT_NAME_COLUMNS.items():
        for name in split_names:
            aliases[_header_key(name)] = fld
    return aliases


def _sector_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, english in enums.SECTORS.items():
        lookup[normalise(key)] = key
        lookup[normalise(english)] = key
        for lang in LANGUAGES:
            lookup[normalise(tr(english, lang))] = key
    extra = {
        "resident": ("תושב", "תושבים", "נציגי ציבור", "נציג ציבור", "residents", "سكان"),
        "authority": ("רשות", "עירייה", "authority", "السلطة"),
        "neighborhood": ("נציג שכונה", "שכונה", "neighbourhood"),
        "community": ("נציג קהילה", "קהילה"),
        "government": ("ממשלה", "משרד ממשלתי", "government", "حكومة"),
        "civil_society": ("חברה אזרחית", "עמותה", "ngo", "civil society"),
        "academia": ("אקדמיה", "university"),
        "business": ("עסקי", "עסקים", "business"),
        "initiative": ("יוזמה",),
    }
    for key, words in extra.items():
        for word in words:
            lookup[normalise(word)] = key
    return lookup


# --- the plan ------------------------------------------------------------------------------
@dataclass
class PlannedRow:
    """What importing one row of the sheet will do."""

    line: int  # row number in the sheet (1-based, as a spreadsheet shows it)
    action: str  # "add", "update", "unchanged", "reject"
    name: str = ""
    values: dict = field(default_factory=dict)  # person fields to write
    person_id: str | None = None  # the matched person (update / unchanged)
    matched_by: str = ""  # "email", "phone", "name"
    reason: str = ""  # why rejected (in the user's language)
    old: dict = field(default_factory=dict)  # an update: the values it replaces
    new_area: str = ""  # an area the sheet names that the import adds
    dropped_contacts: bool = False  # phone / e-mail not kept: no consent


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    encoding: str = ""
    columns: list[str] = field(default_factory=list)  # recognised fields, in sheet order
    ignored_columns: list[str] = field(default_factory=list)
    source: str = ""
    new_areas: list[str] = field(default_factory=list)  # named by the sheet, not in the file
    add_areas: bool = False  # add them (else their rows are rejected)
    consent: bool | None = None  # the answer for a sheet without a consent column

    @property
    def has_consent_column(self) -> bool:
        return "contact_consent" in self.columns

    @property
    def dropped_contacts(self) -> int:
        """People whose phone or e-mail is not kept because they gave no consent."""
        return sum(1 for r in self.rows if r.dropped_contacts and r.action != "reject")

    def of(self, action: str) -> list[PlannedRow]:
        return [r for r in self.rows if r.action == action]

    @property
    def counts(self) -> dict[str, int]:
        out = {"add": 0, "update": 0, "unchanged": 0, "reject": 0}
        for row in self.rows:
            out[row.action] += 1
        return out

    def summary(self) -> str:
        c = self.counts
        text = tr(
            "{added} to add, {updated} to update, {unchanged} unchanged, {rejected} rejected.",
            added=c["add"],
            updated=c["update"],
            unchanged=c["unchanged"],
            rejected=c["reject"],
        )
        if self.encoding:
            text = tr("Read as {encoding}.", encoding=tr(self.encoding)) + " " + text
        if self.new_areas:
            text += " " + (
                tr("Areas to add: {areas}.", areas=join_list(self.new_areas))
                if self.add_areas
                else tr(
                    "Areas the program does not have yet: {areas}.", areas=join_list(self.new_areas)
                )
            )
        if self.dropped_contacts:
            text += " " + ntr(
                "Contact details not kept (no consent): {n} person.",
                "Contact details not kept (no consent): {n} people.",
                self.dropped_contacts,
            )
        return text


def _find_header(rows: list[list[str]], aliases: dict[str, str]) -> tuple[int, dict[int, str]]:
    best: dict[int, str] = {}
    best_row = -1
    for r, row in enumerate(rows[:15]):
        found: dict[int, str] = {}
        for c, text in enumerate(row):
            fld = aliases.get(_header_key(text)) if text else None
            if fld and fld not in found.values():
                found[c] = fld
        if len(found) > len(best):
            best_row, best = r, found
    if best_row > 0:  # a header cell may sit one row higher (a two-row header, unmerged)
        for c, text in enumerate(rows[best_row - 1]):
            fld = aliases.get(_header_key(text)) if text else None
            if fld and c not in best and fld not in best.values():
                best[c] = fld
    if not {"name", "first_name", "last_name"} & set(best.values()):
        raise SheetReadError(
            'No column of names was found (a header such as "name" or '
            '"שם" in the first rows); nothing was imported.'
        )
    return best_row, best


def _existing(conn: sqlite3.Connection):
    by_email: dict[str, str] = {}
    by_phone: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    people: dict[str, dict] = {}
    cols = PERSON_FIELDS
    for row in conn.execute(f"SELECT id, {', '.join(cols)} FROM live_person"):
        pid, values = row[0], dict(zip(cols, row[1:]))
        people[pid] = values
        if values["email"]:
            by_email.setdefault(values["email"].strip().casefold(), pid)
        digits = phone_digits(values["phone"])
        if digits:
            by_phone.setdefault(_phone_key(digits), pid)
        by_name.setdefault(_name_key(values["name"]), []).append(pid)
    return people, by_email, by_phone, by_name


def _phone_key(digits: str) -> str:
    return "0" + digits[3:] if digits.startswith("972") else digits


def _name_key(name: str) -> str:
    return " ".join((name or "").split())


def plan_import(
    conn: sqlite3.Connection,
    grid: Grid,
    source: str = "",
    *,
    add_areas: bool = False,
    consent: bool | None = None,
) -> ImportPlan:
    """Decide what importing ``grid`` would do; writes nothing.

    ``add_areas``: areas the sheet names that the program does not have are added by the
    import (else those rows are rejected); ``plan.new_areas`` lists them either way.
    ``consent``: for a sheet without a consent column, whether its people consented to
    keeping their contact details (None: not asked — taken as no). A person without consent
    keeps no phone or e-mail; ``plan.dropped_contacts`` counts them."""
    aliases = _header_aliases()
    header_row, columns = _find_header(grid.rows, aliases)
    ignored = []
    for c in range(max(len(r) for r in grid.rows[max(0, header_row - 1) : header_row + 1])):
        if c in columns:
            continue
        for r in (header_row, header_row - 1):
            text = grid.rows[r][c].strip() if 0 <= r and c < len(grid.rows[r]) else ""
            if text:
                ignored.append(text)
                break
    sectors = _sector_lookup()
    areas = {normalise(name): aid for aid, name in conn.execute("SELECT id, name FROM live_area")}
    people, by_email, by_phone, by_name = _existing(conn)
    seen: dict[str, int] = {}  # match key → sheet line that claimed it
    plan = ImportPlan(
        [],
        grid.encoding,
        list(columns.values()),
        ignored,
        source,
        add_areas=add_areas,
        consent=consent,
    )
    new_areas: dict[str, str] = {}
    for r in range(header_row + 1, len(grid.rows)):
        raw = grid.rows[r]
        if not any(cell.strip() for cell in raw):
            continue  # blank row
        cells = {fld: _cell(raw[c]) if c < len(raw) else "" for c, fld in columns.items()}
        area = " ".join(cells.get("area", "").split())
        if area and normalise(area) not in areas:
            new_areas.setdefault(normalise(area), area)
        plan.rows.append(
            _plan_row(
                r + 1,
                cells,
                sectors,
                areas,
                people,
                by_email,
                by_phone,
                by_name,
                seen,
                add_areas=add_areas,
                consent=consent,
            )
        )
    plan.new_areas = list(new_areas.values())
    return plan


def _cell(text: str) -> str:
    """A cell's text: an escaped text exactly as it was written, any other text trimmed."""
    plain = unescape_cell(text)
    return plain if plain is not text else text.strip()


def _plan_row(
    line,
    cells,
    sectors,
    areas,
    people,
    by_email,
    by_phone,
    by_name,
    seen,
    *,
    add_areas=False,
    consent=None,
):
    name = cells.get("name", "")
    if not name.strip():
        name = " ".join(
            p
            for p in (cells.get("first_name", "").strip(), cells.get("last_name", "").strip())
            if p
        )
    row = PlannedRow(line, "reject", name)
    if not name.strip():
        row.reason = tr("The row has no name.")
        return row
    values: dict[str, object] = {"name": name}
    for fld in ("organisation", "title", "community", "notes"):
        if cells.get(fld):
            values[fld] = cells[fld]
    phone = clean_phone(cells.get("phone", ""))
    if phone:
        problem = validate_phone(phone)
        if problem:
            row.reason = tr("Phone {phone}: {problem}", phone=phone, problem=problem)
            return row
        values["phone"] = phone
    email = cells.get("email", "")
    if email:
        problem = validate_email(email)
        if problem:
            row.reason = tr("E-mail {email}: {problem}", email=email, problem=problem)
            return row
        values["email"] = email
    if cells.get("sector"):
        sector = sectors.get(normalise(cells["sector"]))
        if sector is None:
            row.reason = tr('Unknown sector "{sector}".', sector=cells["sector"])
            return row
        values["sector"] = sector
    if cells.get("area"):
        area_id = areas.get(normalise(cells["area"]))
        if area_id is None and add_areas:
            row.new_area = " ".join(cells["area"].split())
        elif area_id is None:
            row.reason = tr(
                'Unknown area "{area}"; import with its areas added, or add it '
                "in the program settings (Structure view) first.",
                area=cells["area"],
            )
            return row
        else:
            values["area_id"] = area_id
    if cells.get("contact_consent"):
        answer = normalise(cells["contact_consent"])
        if answer in _YES:
            values["contact_consent"] = True
        elif answer in _NO:
            values["contact_consent"] = False
        else:
            row.reason = tr(
                'Consent must be yes or no, not "{value}".', value=cells["contact_consent"]
            )
            return row
    elif consent is not None:
        values["contact_consent"] = bool(consent)
    # match: e-mail, then phone, then exact name
    keys = []
    if email:
        keys.append(("email", "e:" + email.casefold(), by_email.get(email.casefold())))
    if phone:
        pk = _phone_key(phone_digits(phone))
        keys.append(("phone", "p:" + pk, by_phone.get(pk)))
    name_key = _name_key(name)
    keys.append(("name", "n:" + name_key, None))
    for how, key, _ in keys:
        if how == "name" and (email or phone):
            continue  # namesakes with their own e-mail or phone are different people
        if key in seen:
            row.reason = tr("The same person as row {line} of this sheet.", line=seen[key])
            return row
    match, matched_by = None, ""
    for how, _, pid in keys:
        if pid:
            match, matched_by = pid, how
            break
    if match is None:
        namesakes = by_name.get(name_key, [])
        if len(namesakes) > 1:
            row.reason = tr(
                "Several people are named {name}; add an e-mail or phone to say which.", name=name
            )
            return row
        if namesakes:
            match, matched_by = namesakes[0], "name"
            other = people[match]
            if (email and other["email"] and other["email"].casefold() != email.casefold()) or (
                phone
                and other["phone"]
                and _phone_key(phone_digits(other["phone"])) != _phone_key(phone_digits(phone))
            ):
                row.reason = tr(
                    "{name} is already in the program with another e-mail or "
                    "phone; change that person by hand.",
                    name=name_key,
                )
                return row
    for _, key, _ in keys:
        seen[key] = line
    current = people[match] if match is not None else {}
    consented = values.get("contact_consent", bool(current.get("contact_consent")))
    if not consented:  # no consent: no contact details at all (also none kept from before)
        had = bool(
            values.get("phone")
            or values.get("email")
            or current.get("phone")
            or current.get("email")
        )
        values.pop("phone", None)
        values.pop("email", None)
        if current.get("phone"):
            values["phone"] = ""
        if current.get("email"):
            values["email"] = ""
        row.dropped_contacts = had
    if match is None:
        row.action, row.values = "add", values
        return row
    changes = {
        k: v for k, v in values.items() if (int(v) if isinstance(v, bool) else v) != current.get(k)
    }
    row.person_id, row.matched_by = match, matched_by
    row.action = "update" if changes else "unchanged"
    row.values = changes
    row.old = {k: current.get(k) for k in changes}
    return row


def run_import(
    ops, grid: Grid, source: str, show: Callable[[ImportPlan], None] | None = None, **options
) -> tuple[ImportPlan, dict]:
    """Plan and write an import inside ONE write transaction (``BEGIN IMMEDIATE``), after a
    full integrity check: no other writer can add the same people between the plan and the
    write. ``show(plan)`` sees the plan before it is written (and may refuse it by raising);
    ``options`` are ``plan_import``'s (``add_areas``, ``consent``)."""
    from kehila_desktop.core.file.programfile import check_before_writing

    with ops.step(tr("import people from {file}", file=source or "…"), kind="import"):
        check_before_writing(ops.pf)
        plan = plan_import(ops.conn, grid, source, **options)
        if show is not None:
            show(plan)
        done = apply_import(ops, plan)
    return plan, done


def apply_import(ops, plan: ImportPlan) -> dict[str, int]:
    """Write the plan's added and updated people (and the areas it adds) as ONE step of
    kind "import"."""
    from kehila_desktop.core.structure.areas import add_area, find_area

    todo = plan.of("add") + plan.of("update")
    areas_added = 0
    if not todo:
        return {"added": 0, "updated": 0, "areas": 0, "dropped": 0}
    from kehila_desktop.core.people.edits import add_person, update_person

    with ops.step(tr("import people from {file}", file=plan.source or "…"), kind="import"):
        for row in todo:
            values = dict(row.values)
            if row.new_area:
                area_id = find_area(ops.conn, row.new_area)
                if area_id is None:
                    area_id = add_area(ops, row.new_area)
                    areas_added += 1
                values["area_id"] = area_id
            if row.action == "add":
                row.person_id = add_person(ops, values)
            else:
                assert row.person_id is not None, "an update row has its matched person"
                update_person(ops, row.person_id, values)
    return {
        "added": len(plan.of("add")),
        "updated": len(plan.of("update")),
        "areas": areas_added,
        "dropped": plan.dropped_contacts,
    }


def read_people_sheet(path: str | os.PathLike, sheet: str | None = None) -> Grid:
    """Read the sheet to import: ``sheet`` if named, else (for a workbook) the first
    worksheet that has a column of names — an instructions sheet in front is passed over."""
    from kehila_desktop.core.sheets import WORKBOOK_SUFFIXES, open_workbook, read_sheet

    if sheet or Path(path).suffix.lower() not in WORKBOOK_SUFFIXES or not Path(path).is_file():
        return read_sheet(path, sheet)
    aliases = _header_aliases()
    with open_workbook(path) as book:
        first = None
        for name in book.names:
            grid = book.grid(name)
            first = first or grid
            try:
                _find_header(grid.rows, aliases)
                return grid
            except SheetReadError:
                continue
        return first or book.grid(None)


# --- export --------------------------------------------------------------------------------
def people_table(conn: sqlite3.Connection, language: str | None = None) -> list[list[object]]:
    """Header and one row per person, as a sheet shows them (labels in ``language``)."""
    fields = list(PERSON_COLUMNS)
    rows: list[list[object]] = [[tr(PERSON_COLUMNS[f][0], language) for f in fields]]
    query = (
        "SELECT p.name, p.organisation, p.title, p.sector, coalesce(a.name, ''), "
        "p.community, p.phone, p.email, p.notes, p.contact_consent FROM live_person p "
        "LEFT JOIN area a ON a.id = p.area_id ORDER BY p.name, p.id"
    )
    yes, no = tr("yes", language), tr("no", language)
    for name, org, title, sector, area, community, phone, email, notes, consent in conn.execute(
        query
    ):
        rows.append(
            [
                name,
                org,
                title,
                vocab_label("SECTORS", sector, language),
                area,
                community,
                phone,
                email,
                notes,
                yes if consent else no,
            ]
        )
    return rows


def memberships_table(conn: sqlite3.Connection, language: str | None = None) -> list[list[object]]:
    rows: list[list[object]] = [[tr(h, language) for h in MEMBERSHIP_HEADERS]]
    query = (
        "SELECT p.name, p.email, b.name, m.role, m.status, m.source, "
        "m.expected_attendance, m.role_requirements, m.responsibilities, "
        "coalesce(r.name, ''), coalesce(m.joined_on, ''), coalesce(m.left_on, '') "
        "FROM live_membership m JOIN live_person p ON p.id = m.person_id "
        "JOIN live_body b ON b.id = m.body_id LEFT JOIN body r ON r.id = m.represents_body_id "
        " "
        "ORDER BY b.position, p.name, m.id"
    )
    for (
        name,
        email,
        body,
        role,
        status,
        source,
        attendance,
        requirements,
        resp,
        represents,
        joined,
        left,
    ) in conn.execute(query):
        rows.append(
            [
                name,
                email,
                body,
                vocab_label("ROLES", role, language),
                vocab_label("PIPELINE", status, language),
                vocab_label("MEMBERSHIP_SOURCES", source, language),
                attendance,
                requirements,
                resp,
                represents,
                iso_date(joined),
                iso_date(left),
            ]
        )
    return rows


def export_people(
    conn: sqlite3.Connection, out: str | os.PathLike, language: str | None = None
) -> list[Path]:
    """Write people and memberships to ``out`` (.xlsx, or .csv + .memberships.csv)."""
    out = Path(out)
    suffix = out.suffix.lower()
    people = people_table(conn, language)
    memberships = memberships_table(conn, language)
    if suffix == ".xlsx":
        from kehila_desktop.core.i18n import is_rtl

        write_xlsx(
            out,
            {tr("people", language): people, tr("memberships", language): memberships},
            right_to_left=is_rtl(language),
        )
        return [out]
    if suffix == ".csv":
        second = out.with_name(out.stem + ".memberships.csv")
        write_csv(out, people)
        write_csv(second, memberships)
        return [out, second]
    raise SheetReadError(
        "People can be exported to .xlsx or .csv, not {suffix}.", suffix=suffix or out.name
    )
