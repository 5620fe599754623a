"""The sample program: a realistic, fictional Hebrew program built through the operations layer.

``populate_sample(ops, people=40, today=None)`` fills a new program file with all four bodies
and their chairs, ~40 people across every sector and several neighbourhoods, memberships
through every pipeline status, a year of meetings on the seed's cadence (agendas, attendance,
decisions of every steering kind, action items) and a work plan for the three chosen
channels. It is built with deliberate gaps that program health should find (no academia in
the design committee, a work team with no representative there, a channel without a
situation picture, an objective without an indicator, an action without a budget, a member
below their expected attendance). ``people`` > 40 scales people, memberships, meetings,
attendance and plan rows for benchmarks. The year of meetings starts nine months before
``today`` (three months are still to come).

Everything is written through the core's named operations (people, areas, memberships and
chairs, bodies, meetings, attendance, decisions, action items, the work plan), so the sample
obeys the rules a user's edits obey; a pending membership is approved by the steering
committee's composition decision, as in the app.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from kehila_desktop.core.file import tables as T
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.meetings import edits as meeting_edits
from kehila_desktop.core.meetings import records, schedule
from kehila_desktop.core.people.edits import add_person
from kehila_desktop.core.sample import data as D
from kehila_desktop.core.structure import edits, queries
from kehila_desktop.core.structure.areas import add_area
from kehila_desktop.core.structure.memberships import add_membership
from kehila_desktop.core.workplan import plans

MAX_ATTENDANCE_PER_MEETING = 80
LOW_ATTENDER = 14  # D.PEOPLE index of the member built to fall below expected attendance
MIN_PEOPLE = len(D.PEOPLE)  # the sample's own cast; larger programs add generated people


def _first_weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _meeting_dates(start: date, months: int, cadence: str, weekday: int) -> list[date]:
    """One date per cadence period from ``start`` for ``months`` months (the simple sample rule;
    the real scheduler is ``core.schedule``)."""
    step_months = {"quarterly": 3, "monthly": 1, "monthly_then_quarterly": 1}.get(cadence)
    out = []
    if step_months is None:  # weekly / biweekly
        gap = 7 if cadence == "weekly" else 14
        day = _first_weekday_on_or_after(start, weekday)
        end = _add_months(start, months)
        while day < end:
            out.append(day)
            day += timedelta(days=gap)
        return out
    for m in range(0, months, step_months):
        first = _add_months(start, m)
        out.append(_first_weekday_on_or_after(first + timedelta(days=7), weekday))
    return out


def _add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    return date(day.year + y, m + 1, 1)


def _avoid_rest_days(day: date, holidays_il) -> tuple[date, str]:
    note = ""
    while day.weekday() in (4, 5) or day in holidays_il:
        if day in holidays_il and not note:
            note = holidays_il.get(day)
        day += timedelta(days=1)
    return day, note


def populate_sample(
    ops: Operations, people: int = 40, today: date | None = None, seed: int = 7
) -> None:
    """Fill a new program file (made by ``create_program``) with the sample program."""
    if people < MIN_PEOPLE:
        raise ValueError(f"the sample needs at least {MIN_PEOPLE} people")
    rng = random.Random(seed)
    today = today or date.today()
    start = _add_months(date(today.year, today.month, 1), -9)
    conn = ops.conn
    with ops.step("sample program"):
        _program(ops, start)
        areas = [add_area(ops, n, kind=k) for n, k, _ in D.AREAS]
        person_ids = _people(ops, areas, people, rng)
        edits.set_chosen_channels(ops, D.CHOSEN_CHANNELS, when=start.isoformat())
        bodies: dict[str, str] = {}
        teams: dict[str, str] = {}
        for bid, _name, kind in queries.bodies(conn):
            body = queries.body(conn, bid) or {}
            if kind == "work_team":
                teams[body["channel_key"]] = bid
            else:
                bodies[kind] = bid
        _bodies(ops, bodies, teams)
        members, pending = _memberships(ops, bodies, teams, person_ids, rng, start)
        meetings = _meetings(ops, bodies, teams, members, person_ids, start, today, people, rng)
        _decisions(ops, meetings, areas, bodies["design"], pending, person_ids)
        _work_plan(ops, teams, person_ids, areas, people, rng)
        _approve_urban_plan(ops, meetings)


def _program(ops: Operations, start: date) -> None:
    edits.edit_program(
        ops,
        {
            "name": D.PROGRAM_NAME,
            "locality": D.LOCALITY,
            "authority": D.AUTHORITY,
            "residents_target_pct": 40,
            "language": "he",
            "start_date": start.isoformat(),
            "end_date": _add_months(start, 36).isoformat(),
        },
    )


def _people(ops: Operations, areas: list[str], count: int, rng: random.Random) -> list[str]:
    ids = []
    for i, (name, org, title, sector, area, community) in enumerate(D.PEOPLE[:count]):
        ids.append(
            add_person(
                ops,
                {
                    "name": name,
                    "organisation": org,
                    "title": title,
                    "sector": sector,
                    "area_id": areas[area] if area is not None else None,
                    "community": community,
                    "phone": f"05{2 + i % 7}-{rng.randint(200, 999)}{rng.randint(1000, 9999)}",
                    "email": f"person{i + 1}@example.org",
                    "contact_consent": i % 9 != 4,
                    "notes": "" if i % 6 else "מעוניין/ת לקחת חלק פעיל בתכנון",
                },
            )
        )
    sectors = ["resident"] * 5 + [
        "neighborhood",
        "community",
        "civil_society",
        "authority",
        "business",
        "academia",
        "government",
    ]
    for i in range(len(D.PEOPLE), count):
        ids.append(
            add_person(
                ops,
                {
                    "name": f"{rng.choice(D.FIRST_NAMES)} {rng.choice(D.LAST_NAMES)}",
                    "sector": rng.choice(sectors),
                    "area_id": rng.choice(areas),
                    "phone": f"05{rng.randint(0, 8)}-{rng.randint(2000000, 9999999)}",
                    "email": f"member{i + 1}@example.org",
                    "contact_consent": True,
                },
            )
        )
    return ids


def _bodies(ops: Operations, bodies: dict, teams: dict) -> None:
    for kind, body_id in list(bodies.items()) + [("work_team", b) for b in teams.values()]:
        edits.edit_body(ops, body_id, {"responsibilities": D.RESPONSIBILITIES[kind]})


def _memberships(ops, bodies, teams, p, rng, start):
    """Who sits where (a chair is a member whose role is chair, so adding one names the body's
    chair); returns ({body id: [(person id, membership id)] of joined members}, [membership ids
    the steering committee is to approve])."""
    members: dict[str, list[tuple[str, str]]] = {}
    kinds = {bid: kind for kind, bid in bodies.items()} | dict.fromkeys(teams.values(), "work_team")

    def join(
        body_id,
        person,
        role="member",
        status="joined",
        source="mapping",
        expected=75,
        represents=None,
    ):
        kind = kinds[body_id]
        values = {
            "role": role,
            "status": status,
            "source": source,
            "expected_attendance": expected,
            "role_requirements": D.ROLE_REQUIREMENTS[kind],
            "responsibilities": D.RESPONSIBILITIES[kind].split(";")[0],
            "represents_body_id": represents,
        }
        if status == "joined":  # members since the program's start (not since today)
            values["joined_on"] = start.isoformat()
        elif status == "left":
            values["left_on"] = (start + timedelta(days=120)).isoformat()
        mid = add_membership(ops, person, body_id, values)
        if status == "joined":
            members.setdefault(body_id, []).append((person, mid))
        return mid

    steering, design, team = bodies["steering"], bodies["design"], bodies["program_team"]
    join(steering, p[0], "chair", expected=75)
    for i in (1, 2, 6, 7, 8, 22):
        join(steering, p[i], expected=75)

    join(design, p[1], "chair", expected=75)
    for i in (2, 3, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 22, 23, 25, 26, 30):
        join(design, p[i])
    join(design, p[LOW_ATTENDER], expected=90)  # will fall below expected attendance
    join(design, p[33], source="open_call")
    # proposed now; the steering committee's composition decision approves it
    pending = [join(design, p[35], source="open_call", status="proposed")]
    join(design, p[28], status="invited")  # academia invited, not yet joined
    join(design, p[29], status="declined")
    join(design, p[31], status="proposed")
    join(design, p[32], status="mapped")
    join(design, p[21], status="left")
    # work teams: professionals and residents; social and urban send representatives
    team_people = {
        "social": (6, 19, 26, 15, 36, 21),
        "urban": (7, 17, 27, 13, 34),
        "educational": (8, 37, 39, 12, 38),
    }
    for key, idxs in team_people.items():
        for n, i in enumerate(idxs):
            join(teams[key], p[i], "chair" if n == 0 else "member")
    join(design, p[15], "team_representative", represents=teams["social"])
    join(design, p[27], "team_representative", represents=teams["urban"])
    join(team, p[2], "manager", expected=75)
    join(team, p[3], "companion", expected=75)
    join(team, p[4], "fellow")
    join(team, p[5], "fellow")
    # scaled programs: the rest are mapped, proposed, or join the design committee / a team
    targets = [design] + list(teams.values())
    for person in p[len(D.PEOPLE) :]:
        r = rng.random()
        if r < 0.5:
            join(rng.choice(targets), person, status=rng.choice(["mapped", "proposed", "invited"]))
        else:
            join(rng.choice(targets), person, source=rng.choice(["mapping", "open_call"]))
    return members, pending


def _meetings(ops, bodies, teams, members, person_ids, start, today, scale, rng):
    """A year of meetings per body; returns [(meeting id, body kind, date, status)]."""
    import holidays

    holidays_il = holidays.Israel(years=range(start.year, start.year + 3), language="he")
    # a member's place in their body (stable, unlike ids): who misses which meeting
    places = {b: {pid: i for i, (pid, _) in enumerate(ms)} for b, ms in members.items()}
    out = []
    plan = [
        (bodies["steering"], "steering", 0),
        (bodies["design"], "design", 0),
        (bodies["program_team"], "program_team", 0),
    ]
    plan += [(b, "work_team", 0) for b in teams.values()]
    for body_id, kind, offset in plan:
        body = queries.body(ops.conn, body_id)
        cadence, minutes = body["cadence"], body["meeting_minutes"]
        weekday, hour = body["preferred_weekday"], body["preferred_hour"]
        for n, day in enumerate(
            _meeting_dates(_add_months(start, offset), 12 - offset, cadence, weekday)
        ):
            out.append(
                _meeting(
                    ops,
                    body_id,
                    kind,
                    day,
                    hour,
                    minutes,
                    "regular",
                    today,
                    members.get(body_id, []),
                    places.get(body_id, {}),
                    rng,
                    holidays_il,
                    n,
                    person_ids[LOW_ATTENDER],
                )
            )
    # the program team's trainings and team days, by their cadences, a quarter further ahead
    team = bodies["program_team"]
    training, team_day, weekday = ops.conn.execute(
        "SELECT training_cadence, team_day_cadence, preferred_weekday FROM body WHERE id=?",
        (team,),
    ).fetchone()
    for meeting_kind, cadence, hour, minutes, day_offset in (
        (
            "training",
            training,
            schedule.TRAINING_HOUR,
            schedule.TRAINING_MINUTES,
            schedule.TRAINING_DAY_OFFSET,
        ),
        (
            "team_day",
            team_day,
            schedule.TEAM_DAY_HOUR,
            schedule.TEAM_DAY_MINUTES,
            schedule.TEAM_DAY_OFFSET,
        ),
    ):
        if not cadence:
            continue
        for n, day in enumerate(_meeting_dates(start, 15, cadence, (weekday + day_offset) % 7)):
            out.append(
                _meeting(
                    ops,
                    team,
                    "program_team",
                    day,
                    hour,
                    minutes,
                    meeting_kind,
                    today,
                    members.get(team, []),
                    places.get(team, {}),
                    rng,
                    holidays_il,
                    n,
                    person_ids[LOW_ATTENDER],
                )
            )
    bodies_for_extra = [bodies["design"], *teams.values(), bodies["program_team"]]
    for i in range(max(0, (scale - 40) // 20)):
        body_id = bodies_for_extra[i % len(bodies_for_extra)]
        kind = "program_team" if body_id == bodies["program_team"] else "work_team"
        day = start + timedelta(days=rng.randint(0, 364))
        out.append(
            _meeting(
                ops,
                body_id,
                kind,
                day,
                "16:00",
                90,
                rng.choice(["regular", "training", "team_day"]),
                today,
                members.get(body_id, []),
                places.get(body_id, {}),
                rng,
                holidays_il,
                i + 1,
                person_ids[LOW_ATTENDER],
            )
        )
    return out


def _meeting(
    ops,
    body_id,
    kind,
    day,
    hour,
    minutes,
    meeting_kind,
    today,
    members,
    place,
    rng,
    holidays_il,
    n,
    low_attender,
):
    day, why = _avoid_rest_days(day, holidays_il)
    status = "held" if day < today else "planned"
    if kind == "work_team" and status == "planned" and n % 2:
        status = "cancelled"  # a future meeting called off
    meeting_id = meeting_edits.new_meeting(
        ops,
        body_id,
        day.isoformat(),
        {
            "kind": meeting_kind,
            "starts_at": f"{day.isoformat()}T{hour}",
            "minutes": minutes,
            "place": D.PLACES[n % len(D.PLACES)],
            "status": status,
            "schedule_note": f"הוזז בגלל {why}" if why else "",
        },
    )
    for pos, (title, agenda_kind, item_minutes) in enumerate(
        D.AGENDAS.get(meeting_kind) or D.AGENDAS[kind]
    ):
        records.add_agenda_item(
            ops,
            meeting_id,
            title,
            minutes=item_minutes,
            kind=agenda_kind,
            presenter="דנה כהן-לוי" if pos == 0 else "",
        )
    if status == "held":
        attendees = (
            members
            if len(members) <= MAX_ATTENDANCE_PER_MEETING
            else rng.sample(members, MAX_ATTENDANCE_PER_MEETING)
        )
        marks = {}
        for person_id, _ in attendees:
            # everyone misses at most one meeting in seven (above the expected 75%) …
            r = rng.random()
            state = "late" if r < 0.1 else "present"
            if (n + place[person_id]) % 7 == 0:
                state = "excused" if r < 0.5 else "absent"
            if person_id == low_attender:  # … except one member, built to fall below
                state = "absent" if n % 3 else "present"
            marks[person_id] = state
        records.record_attendance(ops, meeting_id, marks)
        if kind == "design" and n == 2:
            records.add_guest(ops, meeting_id, "נציגת עיריית השכנה")
    return meeting_id, kind, day, status


def _decide(ops, meeting_id, text, kind, votes, payload=None) -> str:
    """Record a decision as the secretary would; the votes in favour are trimmed to the
    members checked in (the votes cannot exceed them)."""
    v_for, v_against, v_abstain = votes
    present = records.members_present(ops.conn, meeting_id)
    if present is not None:
        v_for = max(0, min(v_for, present - v_against - v_abstain))
    return records.record_decision(
        ops, meeting_id, text, kind, votes=(v_for, v_against, v_abstain), payload=payload
    )


def _decisions(ops, meetings, areas, design_id, pending, person_ids):
    steering = [m for m in meetings if m[1] == "steering" and m[3] == "held"]
    design = [m for m in meetings if m[1] == "design" and m[3] == "held"]
    # the composition decision approves the design committee's invited and joined members
    # and the open-call candidate proposed to it (``apply_decision`` makes them "approved")
    approve = [
        mid
        for (mid,) in ops.conn.execute(
            f"SELECT id FROM {T.live(T.MEMBERSHIP)} WHERE body_id=? AND "
            "status IN ('invited', 'joined') ORDER BY rowid",
            (design_id,),
        )
    ] + pending
    focus = [a for a, (_, _, in_focus) in zip(areas, D.AREAS) if in_focus]
    first = [
        (
            "scope",
            "גבולות הגזרה של התוכנית: שלוש השכונות הוותיקות, בשיתוף מחלקות הרווחה, החינוך וההנדסה.",
            {"scope": D.SCOPE},
        ),
        (
            "timeline",
            "לוחות הזמנים: שלוש שנים, תוכנית עבודה עד סוף השנה הראשונה.",
            {"timeline": D.TIMELINE},
        ),
        ("focus", "המיקוד הגיאוגרפי: שכונת הזיתים, רובע המעיין ושכונת הרקפות.", {"areas": focus}),
        (
            "channels",
            "האפיקים הנבחרים: חברתי, אורבני וחינוכי (הכלכלי בהמשך).",
            {"channels": D.CHOSEN_CHANNELS},
        ),
        (
            "composition",
            "אישור הרכב הוועדה המעצבת לפי מיפוי השותפים, והזמנה פתוחה לציבור.",
            {"approve": approve},
        ),
    ]
    if steering:  # passed steering decisions apply what they decide (record_decision)
        for pos, (kind, text, payload) in enumerate(first):
            _decide(ops, steering[0][0], text, kind, (6, 0, 1 if pos == 4 else 0), payload)
    if len(steering) > 1:
        _decide(
            ops,
            steering[1][0],
            "אישור תקציב שנה א' בסך 250,000 ₪ (מתוכו 120,000 ₪ ממשרד הרווחה).",
            "budget",
            (7, 0, 0),
        )
    for n, (mid, _, day, _) in enumerate(design[:6]):
        did = _decide(
            ops,
            mid,
            [
                "אימוץ סדרי העבודה של הוועדה: מפגש חודשי בן שעתיים וחצי.",
                "הקמת צוותי עבודה לאפיקים החברתי, האורבני והחינוכי.",
                "אימוץ המטרה: חיזוק הקשרים בין השכנים בשכונות המיקוד.",
                "פרסום הזמנה פתוחה לציבור להצטרף לוועדה.",
                "המלצה לוועדת ההיגוי על תוכנית העבודה באפיק האורבני.",
                "קביעת סיור הליכה בשכונות המיקוד.",
            ][n],
            ["process", "process", "work_plan", "composition", "work_plan", "other"][n],
            (14 - n, n % 3, 1),
        )
        owner = person_ids[[2, 3, 6, 4, 7, 5][n]]
        item = records.add_action_item(
            ops,
            mid,
            [
                "הפצת סיכום המפגש",
                "גיוס חברי צוותים",
                "ניסוח המטרה לתוכנית",
                "פרסום ההזמנה ברשתות",
                "הכנת מצגת לוועדת ההיגוי",
                "תיאום הסיור",
            ][n],
            owner_person_id=owner,
            due=(day + timedelta(days=21)).isoformat(),
            decision_id=did,
        )
        if n < 3:
            records.set_action_item_status(ops, item, "done")


def _work_plan(ops, teams, person_ids, areas, scale, rng):
    channel_ids = {key: cid for cid, key, _chosen in plans.channel_rows(ops.conn)}
    objectives = []  # in the order they were added
    for key, plan in D.PLAN.items():
        cid = channel_ids[key]
        plans.set_channel_texts(
            ops,
            cid,
            {
                "situation_picture": plan["situation"],
                "problem_space": plan["problem"],
                "solution_space": plan["solution"],
            },
        )
        for title, text, figure in plan["sections"]:
            plans.add_item(ops, "section", cid, {"title": title, "text": text, "figure": figure})
        for goal, goal_objectives in plan["goals"]:
            gid = plans.add_item(
                ops,
                "goal",
                cid,
                {
                    "title": goal,
                    "recommended_by_body_id": teams[key],
                    "adopted": key != "educational",
                },
            )
            for title, indicator, baseline, target, actions in goal_objectives:
                oid = plans.add_item(
                    ops,
                    "objective",
                    gid,
                    {
                        "title": title,
                        "indicator": indicator,
                        "baseline": baseline,
                        "target": target,
                        "target_date": "2027-12-31",
                    },
                )
                objectives.append(oid)
                for apos, (atitle, q1, q2, budget, source) in enumerate(actions):
                    aid = plans.add_item(
                        ops,
                        "action",
                        oid,
                        {
                            "title": atitle,
                            "owner_body_id": teams[key],
                            "start_quarter": q1,
                            "end_quarter": q2,
                            "budget": budget,
                            "budget_source": source,
                            "status": "in_progress" if apos == 0 else "planned",
                        },
                    )
                    plans.set_action_areas(ops, aid, [areas[apos % 3]])
    extra = max(0, (scale - 40) // 50)
    if extra:
        for i in range(extra):
            plans.add_item(
                ops,
                "action",
                objectives[i % len(objectives)],
                {
                    "title": f"פעולה נוספת {i + 1}",
                    "owner_person_id": rng.choice(person_ids),
                    "start_quarter": f"2027Q{1 + i % 4}",
                    "end_quarter": f"2028Q{1 + i % 4}",
                    "budget": rng.randint(1, 40) * 1000,
                    "budget_source": rng.choice(["המועצה", "משרד הרווחה"]),
                },
            )


def _approve_urban_plan(ops, meetings):
    """The steering committee approved the urban plan at its latest held meeting."""
    from kehila_desktop.core.workplan.budget import approve_plan

    held = [m for m in meetings if m[1] == "steering" and m[3] == "held"]
    if len(held) < 2:
        return
    meeting_id, _, day, _ = held[-1]
    channel_ids = {key: cid for cid, key, _chosen in plans.channel_rows(ops.conn)}
    approve_plan(
        ops,
        channel_ids["urban"],
        meeting_id=meeting_id,
        when=day.isoformat(),
        text="אישור תוכנית העבודה באפיק האורבני כפי שהמליצה הוועדה המעצבת.",
    )
