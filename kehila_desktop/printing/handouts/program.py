"""Handouts about the whole program: ``structure`` (the four mechanisms as a diagram),
``composition`` (the design committee by sector against the target), ``workplan`` (per
chosen channel) and ``open-call`` (the public invitation to join the design committee)."""

from __future__ import annotations

from kehila_desktop.core.i18n import definite
from kehila_desktop.core.structure.composition import composition as body_composition
from kehila_desktop.core.structure.composition import residents_definition
from kehila_desktop.core.workplan.plans import quarter_label, quarters_between, read_plans
from kehila_desktop.core.workplan.budget import budget_totals
from kehila_desktop.printing.engine.diagrams import BarChart, Box, StructureDiagram, Timeline
from kehila_desktop.printing.engine.kit import Handout, Kit
from kehila_desktop.printing.engine.text import keep_together
from kehila_desktop.printing.handouts.source import Source


def _box(src: Source, body: dict) -> Box:
    members = src.members(body["id"], ("joined",))
    chair = src.chair_line(body)
    lines = [chair] if chair else []
    lines.append(src.ntr("{n} member", "{n} members", len(members)))
    lines.append(src.cap_label("CADENCES", body["cadence"]))
    return Box(src.cap(src.body_name(body)), lines)


def structure(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    bodies = src.bodies()
    by_kind: dict[str, list[dict]] = {}
    for b in bodies:
        by_kind.setdefault(b["kind"], []).append(b)
    chosen = {r["key"] for r in src.all("SELECT key FROM live_channel WHERE chosen=1")}
    teams = [b for b in by_kind.get("work_team", []) if b.get("channel_key") in chosen]
    empty = Box("", [])
    steering, design, team = (src.body_of_kind(k) for k in ("steering", "design", "program_team"))
    title = src.tr("The program's collaborative mechanisms")
    story = kit.title(title, src.program.get("name", ""))
    story.append(
        StructureDiagram(
            _box(src, steering) if steering else empty,
            _box(src, design) if design else empty,
            _box(src, team) if team else None,
            [_box(src, t) for t in teams],
            src.rtl,
        )
    )
    for body in bodies:
        if body["kind"] == "work_team" and body.get("channel_key") not in chosen:
            continue
        members = src.members(body["id"], ("joined",))
        story += kit.heading(src.body_name(body))
        story += kit.facts(
            [
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
                (src.tr("Areas of responsibility"), body.get("responsibilities")),
                (
                    src.tr("Members"),
                    src.join(
                        f"{src.user(m['name'])} ({src.label('ROLES', m['role'])})"
                        if m["role"] != "member"
                        else m["name"]
                        for m in members
                    ),
                ),
            ]
        )
    return Handout(title, "", story)


def composition(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    body = src.body(opts["body"]) if opts.get("body") else src.body_of_kind("design")
    if body is None:
        from kehila_desktop.printing.handouts.source import Missing

        raise Missing("There is no design committee in this program file.")
    name = src.body_name(body)
    comp = body_composition(src.conn, body["id"])  # the share the app shows, one definition
    total = comp.total
    counts = {key: comp.by_sector.get(key, 0) for key in src.vocab_keys("SECTORS")}
    target = comp.target_pct
    share = round(comp.residents_pct)
    title = src.tr("Composition of the {body}", body=src.body_name(body, definite=True))
    story = kit.title(title, src.ntr("{n} member", "{n} members", total))
    story += kit.para(
        src.tr(
            "Residents: {share}% of the members (target: {target}%).", share=share, target=target
        ),
    )
    story += kit.small(residents_definition(total, src.language))
    story += kit.space()
    rows = [
        [src.cap_label("SECTORS", key), str(n), f"{round(100 * n / total) if total else 0}%"]
        for key, n in counts.items()
    ]
    chart_rows = [
        (
            src.cap_label("SECTORS", key),
            100 * n / total if total else 0,
            f"{round(100 * n / total) if total else 0}%",
        )
        for key, n in counts.items()
    ]
    story += kit.subheading(src.tr("Share of members by sector"))
    top = max([v for _, v, _ in chart_rows] + [10])
    story.append(BarChart(chart_rows, src.rtl, maximum=min(100, -(-top // 10) * 10)))
    story += kit.subheading(src.tr("Residents' share against the target"))
    story.append(
        BarChart(
            [(src.tr("Residents"), share, f"{share}%")],
            src.rtl,
            target=target,
            maximum=100,
            target_label=src.tr("target {target}%", target=target),
        )
    )
    story += kit.table([src.tr("Sector"), src.tr("Members"), src.tr("Share")], rows, [6, 1.5, 1.5])
    missing = [src.label("SECTORS", k) for k, n in counts.items() if n == 0]
    if missing:
        story += kit.para(src.tr("Sectors with no member: {sectors}.", sectors=src.join(missing)))
    return Handout(title, name, story)


def workplan(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    title = src.tr("Work plan")
    story = kit.title(title, src.program.get("name", ""))
    plans = [p for p in read_plans(src.conn) if p.chosen]
    bodies = {b["id"]: b for b in src.bodies()}
    for n, plan in enumerate(plans):
        if n:
            story += kit.page_break()
        story += kit.heading(
            src.tr("{channel} channel", channel=definite("CHANNELS", plan.key, src.language))
        )
        story += kit.subheading(src.tr("Situation picture"))
        story += kit.para(plan.situation_picture or src.tr("Not written yet."))
        if plan.sections:
            story += kit.table(
                [src.tr("Topic"), src.tr("Description"), src.tr("Key figure")],
                [[s.title, s.text, s.figure] for s in plan.sections],
                [2, 6, 2],
            )
        for label, text in (
            (src.tr("Problem space"), plan.problem_space),
            (src.tr("Solution space"), plan.solution_space),
        ):
            if text:
                story += kit.subheading(label)
                story += kit.para(text)
        timeline: list[tuple[str, set[str]]] = []
        quarters: set[str] = set()
        budget = 0
        for g_i, goal in enumerate(plan.goals, 1):
            adopted = src.tr("adopted") if goal.adopted else src.tr("not adopted yet")
            story += kit.subheading(src.tr("Goal {n}: {title}", n=g_i, title=goal.title))
            story += kit.small(adopted)
            story += kit.para(goal.description)
            if goal.objectives:
                story += kit.table(
                    [
                        src.tr("Objective"),
                        src.tr("Indicator"),
                        src.tr("Baseline"),
                        src.tr("Target"),
                        src.tr("By"),
                    ],
                    [
                        [o.title, o.indicator, o.baseline, o.target, src.date(o.target_date)]
                        for o in goal.objectives
                    ],
                    [5, 4, 1.6, 1.6, 2.2],
                )
            rows = []
            for o in goal.objectives:
                for a in o.actions:
                    owner = (
                        src.cap(src.body_name(bodies[a.owner_body_id]))
                        if a.owner_body_id in bodies
                        else a.owner_name
                    )
                    span = keep_together(
                        " – ".join(
                            quarter_label(q, src.language)
                            for q in dict.fromkeys(q for q in (a.start_quarter, a.end_quarter) if q)
                        )
                    )
                    rows.append(
                        [
                            a.title,
                            owner,
                            src.join(a.area_names),
                            span,
                            src.money(a.budget),
                            a.budget_source,
                            src.cap_label("ACTION_STATUSES", a.status),
                        ]
                    )
                    active = set(quarters_between(a.start_quarter, a.end_quarter))
                    quarters |= active
                    timeline.append((a.title, active))
                    budget += a.budget
            if rows:
                story += kit.table(
                    [
                        src.tr("Action"),
                        src.tr("Owner"),
                        src.tr("Areas"),
                        src.tr("Quarters"),
                        src.tr("Budget"),
                        src.tr("Source"),
                        src.tr("Status"),
                    ],
                    rows,
                    [4.2, 3, 2.4, 3.2, 1.9, 2.2, 1.8],
                )
        story += kit.para(
            src.tr("Budget of the channel: {amount}", amount=src.money(budget)), space_before=4
        )
        if timeline and quarters:
            story += kit.subheading(src.tr("Quarter timeline"))
            story.append(Timeline(sorted(quarters), timeline, src.rtl, src.language))
    if not plans:
        story += kit.para(src.tr("No channel has been chosen yet."))
    else:
        totals = budget_totals(src.conn, plans)
        story += kit.heading(src.tr("Budget summary"))
        rows = [
            [
                src.cap_label("CHANNELS", p.key),
                src.money(totals.per_channel.get(p.key, 0)),
                src.money(totals.approved_per_channel.get(p.key, 0)),
            ]
            for p in plans
        ]
        rows.append([src.tr("Total"), src.money(totals.total), src.money(totals.approved)])
        story += kit.table(
            [src.tr("Channel"), src.tr("Budget"), src.tr("Approved")], rows, [4, 2, 2]
        )
        rows = [
            [source or src.tr("No source given"), src.money(amount)]
            for source, amount in totals.per_source.items()
        ]
        story += kit.table([src.tr("Source"), src.tr("Budget")], rows, [6, 2])
    return Handout(title, "", story)


def open_call(src: Source, opts: dict) -> Handout:
    kit = Kit(src)
    design = src.body_of_kind("design")
    program = src.program.get("name", "")
    locality = src.program.get("locality", "")
    title = src.tr("Open invitation to join the design committee")
    story = kit.title(title, program)
    story += kit.para(
        src.tr(
            "Residents of {locality}, professionals and organisations are invited to join the "
            "design committee of the {program} program.",
            locality=locality,
            program=program,
        ),
        space_after=8,
    )
    story += kit.heading(src.tr("What is the design committee?"))
    story += kit.para(
        src.tr(
            "A local, multi-sector committee of significant players in the locality, with "
            "diverse points of view. Together it defines shared goals and targets and formulates "
            "the local work plan of the program."
        )
    )
    story += kit.para(src.tr("Every member has an equal voice and equal weight in decisions."))
    story += kit.para(
        src.tr(
            "The design committee is not a statutory body and no substitute for the municipal "
            "leadership: it is a voluntary space that helps advance municipal moves."
        )
    )
    story += kit.heading(src.tr("Who is invited?"))
    for key in src.vocab_keys("SECTORS"):
        story += kit.para("• " + src.cap_label("SECTORS", key), space_after=1)
    target = src.program.get("residents_target_pct")
    if target:
        story += kit.para(
            src.tr(
                "We aim for residents to be at least {target}% of the committee.", target=target
            ),
            space_before=4,
        )
    story += kit.heading(src.tr("What is expected?"))
    if design:
        story += kit.para(
            src.cap(
                src.tr(
                    "{cadence}, {minutes} each",
                    cadence=src.label("CADENCES", design["cadence"]),
                    minutes=src.minutes(design["meeting_minutes"]),
                )
            )
        )
    story += kit.para(
        src.tr(
            "Role requirements, the regular attendance expected and each member's areas of "
            "responsibility are set out in writing from the start."
        )
    )
    manager = src.one(
        "SELECT p.name, p.phone, p.email, p.contact_consent FROM live_membership m JOIN live_person p "
        "ON p.id=m.person_id WHERE m.role='manager' LIMIT 1"
    )
    story += kit.heading(src.tr("How to join"))
    if manager:
        contact = [manager["name"]]
        if opts.get("contacts", True) and manager["contact_consent"]:
            contact += [manager["phone"], manager["email"]]
        story += kit.para(
            src.tr("Contact the program manager: {contact}", contact=src.join(contact))
        )
    else:
        story += kit.para(src.tr("Contact the program manager in the authority."))
    return Handout(title, src.body_name(design) if design else "", story)
