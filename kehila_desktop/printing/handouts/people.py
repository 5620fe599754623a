"""Handouts about people: ``people`` (the partner mapping), ``roster`` (a body's members),
``signin`` (a meeting's sign-in sheet) and ``role-letter`` (a member's role, one per page)."""

from __future__ import annotations

from kehila_desktop.printing.engine.document import NewNumbering
from kehila_desktop.printing.engine.kit import Handout, Kit
from kehila_desktop.printing.handouts.source import Source


def _contact(src: Source, row: dict, contacts: bool) -> tuple[str, str]:
    """Phone and e-mail, only when asked for and the person agreed to keep them."""
    if not contacts or not row.get("contact_consent", 1):
        return "", ""
    return row.get("phone") or "", row.get("email") or ""


def people(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    contacts = opts.get("contacts", True)
    areas = src.area_names()
    rows = []
    for p in src.all("SELECT * FROM live_person ORDER BY name"):
        phone, email = _contact(src, p, contacts)
        org = " – ".join(x for x in (p["organisation"], p["title"]) if x)
        row = [p["name"], org, src.cap_label("SECTORS", p["sector"]), areas.get(p["area_id"], "")]
        if contacts:
            row += [phone, email]
        rows.append(row)
    header = [src.tr("Name"), src.tr("Organisation"), src.tr("Sector"), src.tr("Area")]
    weights = [3, 3.5, 2.8, 2.2]
    if contacts:
        header += [src.tr("Phone"), src.tr("E-mail")]
        weights += [2.5, 4.8]
    title = src.tr("Partner mapping")
    story = kit.title(title, src.ntr("{n} person", "{n} people", len(rows)))
    story += kit.table(header, rows, weights)
    return Handout(title, "", story)


def _body_from(src: Source, opts: dict) -> dict:
    if opts.get("body"):
        return src.body(opts["body"])
    if opts.get("meeting"):
        return src.body(src.meeting(opts["meeting"])["body_id"])
    return src.body_of_kind("design") or src.bodies()[0]


def roster(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    contacts = opts.get("contacts", True)
    body = _body_from(src, opts)
    name = src.body_name(body)
    consent = {
        r["id"]: r["contact_consent"]
        for r in src.all("SELECT id, contact_consent FROM live_person")
    }
    rows = []
    for i, m in enumerate(src.members(body["id"]), 1):
        phone, email = _contact(
            src, {**m, "contact_consent": consent.get(m["person_id"], 0)}, contacts
        )
        row = [
            str(i),
            m["name"],
            m["organisation"],
            src.cap_label("SECTORS", m["sector"]),
            src.cap_label("ROLES", m["role"]),
            src.cap_label("PIPELINE", m["status"]),
        ]
        if contacts:
            row += [phone, email]
        rows.append(row)
    header = [
        src.tr("No."),
        src.tr("Name"),
        src.tr("Organisation"),
        src.tr("Sector"),
        src.tr("Role"),
        src.tr("Status"),
    ]
    weights = [1.0, 2.7, 2.8, 2.6, 1.9, 1.6]
    if contacts:
        header += [src.tr("Phone"), src.tr("E-mail")]
        weights += [2.5, 5.2]
    title = src.tr("Members of the {body}", body=src.body_name(body, definite=True))
    # members are those who joined (as the composition and structure handouts count them);
    # the roster also lists those on the way, with their status
    joined = sum(1 for m in src.members(body["id"]) if m["status"] == "joined")
    subtitle = src.ntr("{n} member", "{n} members", joined)
    if len(rows) > joined:
        subtitle += " · " + src.ntr(
            "{n} more on the way (proposed, approved or invited)",
            "{n} more on the way (proposed, approved or invited)",
            len(rows) - joined,
        )
    story = kit.title(title, subtitle)
    story += kit.table(header, rows, weights)
    return Handout(title, name, story)


def signin(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    meeting = _meeting_from(src, opts)
    body = src.body(meeting["body_id"])
    name = src.body_name(body)
    rows = [
        [str(i), m["name"], m["organisation"], src.cap_label("ROLES", m["role"]), ""]
        for i, m in enumerate(src.members(body["id"], ("joined",)), 1)
    ]
    header = [
        src.tr("No."),
        src.tr("Name"),
        src.tr("Organisation"),
        src.tr("Role"),
        src.tr("Signature"),
    ]
    weights = [0.8, 4, 4, 2.4, 4]
    title = src.tr("Sign-in sheet")
    when = src.tr(
        "{date} at {time}", date=src.date(meeting["starts_at"]), time=src.time(meeting["starts_at"])
    )
    story = kit.title(title, f"{name} · {when}")
    story += kit.facts(
        [
            (src.tr("Place"), meeting["place"]),
            (src.tr("Meeting"), src.cap_label("MEETING_KINDS", meeting["kind"])),
        ]
    )
    story += kit.table(header, rows, weights, min_row_height=22, fixed=True)
    story += kit.heading(src.tr("Guests"))
    guests = [["", "", "", "", ""] for _ in range(8)]
    story += kit.table(
        [
            src.tr("No."),
            src.tr("Name"),
            src.tr("Organisation"),
            src.tr("Phone"),
            src.tr("Signature"),
        ],
        guests,
        weights,
        min_row_height=22,
        fixed=True,
    )
    return Handout(title, name, story)


def _meeting_from(src: Source, opts: dict) -> dict:
    if opts.get("meeting"):
        return src.meeting(opts["meeting"])
    from kehila_desktop.printing.handouts.source import Missing

    raise Missing("This handout needs a meeting (--meeting ID).")


LETTER_STATUSES = ("approved", "invited", "joined")  # who gets a role letter


def role_letter(src: Source, opts: dict) -> Handout:
    """One letter per member, each with its own page numbers ("page 1 of 1" on a one-page
    letter) in one PDF: an invitation for members approved or invited, a welcome for those
    who joined."""
    kit = Kit(src)
    if opts.get("member"):
        person = src.person(opts["member"])
        marks = ",".join("?" * len(LETTER_STATUSES))
        memberships = src.all(
            f"SELECT * FROM live_membership WHERE person_id=? AND status IN ({marks})",
            (person["id"], *LETTER_STATUSES),
        )
        if opts.get("body"):
            memberships = [m for m in memberships if m["body_id"] == opts["body"]]
        if not memberships:
            from kehila_desktop.printing.handouts.source import Missing

            raise Missing("{name} is not a member of any body.", name=person["name"])
        letters = [(person, m) for m in memberships]
    else:
        body = _body_from(src, opts)
        letters = [
            (src.person(m["person_id"]), m) for m in src.members(body["id"], LETTER_STATUSES)
        ]
    story: list = []
    bodies_named = set()
    program = src.program.get("name", "")
    for n, (person, m) in enumerate(letters):
        body = src.body(m["body_id"])
        name = src.body_name(body)
        bodies_named.add(name)
        if n:
            story += kit.page_break()
        story.append(NewNumbering())
        story += kit.title(src.tr("Role letter"), src.cap(name))
        story += kit.para(src.tr("Dear {name},", name=person["name"]), space_after=6)
        if m["status"] == "joined":
            opening = src.tr(
                "We welcome you {to_body} of the {program} program, and thank you "
                "for joining. This letter sets out, from the start, what the role "
                "involves.",
                to_body=src.to_body(body),
                program=program,
            )
        else:
            opening = src.tr(
                "You are invited {to_body} of the {program} program, as a "
                "member. This letter sets out, from the start, what the role "
                "involves.",
                to_body=src.to_body(body),
                program=program,
            )
        story += kit.para(opening, space_after=8)
        story += kit.facts(
            [
                (src.tr("Body"), src.cap(name)),
                (src.tr("Role"), src.cap_label("ROLES", m["role"])),
                src.chair_fact(body),
                (
                    src.tr("Meetings"),
                    src.cap(
                        src.tr(
                            "{cadence}, {minutes} each",
                            cadence=src.label("CADENCES", body["cadence"]),
                            minutes=src.minutes(body["meeting_minutes"]),
                        )
                    ),
                ),
            ]
        )
        story += kit.heading(src.tr("Role requirements"))
        story += kit.para(m["role_requirements"] or src.tr("Not set yet."))
        story += kit.heading(src.tr("Expected regular attendance"))
        story += kit.para(src.tr("At least {pct}% of the meetings.", pct=m["expected_attendance"]))
        story += kit.heading(src.tr("Areas of responsibility"))
        story += kit.para(
            m["responsibilities"] or body.get("responsibilities") or src.tr("Not set yet.")
        )
        if body["kind"] == "design":
            story += kit.para(
                src.tr("Every member has an equal voice and equal weight in decisions."),
                space_before=6,
            )
        story += kit.space(18)
        story += kit.keep_together(
            kit.para(src.tr("With thanks,"))
            + kit.para(src.program.get("authority") or src.program.get("locality", ""))
        )
    if not letters:
        body = _body_from(src, opts)
        bodies_named.add(src.body_name(body))
        story += kit.title(src.tr("Role letter"), src.cap(src.body_name(body)))
        story += kit.para(src.tr("This body has no members yet."))
    body_label = bodies_named.pop() if len(bodies_named) == 1 else ""
    return Handout(src.tr("Role letter"), body_label, story)
