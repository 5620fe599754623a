"""The domain's fixed vocabularies (keys used in code and in the file), in the seed's order.

Each vocabulary maps a key to its English label; the label is the message id that the
translation catalogues (he, ar, en) translate. See ``core.i18n``.
"""

from __future__ import annotations

CHANNELS = {
    "economic": "economic",
    "urban": "urban",
    "social": "social",
    "educational": "educational",
}

BODY_KINDS = {
    "steering": "steering committee",
    "design": "design committee",
    "work_team": "work team",
    "program_team": "program team",
}

SECTORS = {
    "authority": "authority professionals",
    "resident": "residents / public representatives",
    "neighborhood": "neighbourhood representatives",
    "community": "community representatives",
    "government": "government representatives",
    "civil_society": "civil-society organisations",
    "academia": "academia",
    "business": "business sector",
    "initiative": "initiative team",
}

AREA_KINDS = {
    "neighborhood": "neighbourhood",
    "quarter": "quarter",
    "area": "area",
}

ROLES = {
    "chair": "chair",
    "member": "member",
    "team_representative": "team representative",
    "manager": "program manager",
    "companion": "community companion",
    "fellow": "fellow",
}

PIPELINE = {
    "mapped": "mapped",
    "proposed": "proposed",
    "approved": "approved by steering",
    "invited": "invited",
    "joined": "joined",
    "declined": "declined",
    "left": "left",
}

MEMBERSHIP_SOURCES = {
    "mapping": "partner mapping",
    "open_call": "open call",
}

CADENCES = {
    "monthly": "monthly",
    "quarterly": "quarterly",
    "monthly_then_quarterly": "monthly in year one, then quarterly",
    "biweekly": "every two weeks",
    "weekly": "weekly",
}

MEETING_KINDS = {
    "regular": "regular meeting",
    "training": "training",
    "team_day": "team day",
}

MEETING_STATUSES = {
    "planned": "planned",
    "held": "held",
    "cancelled": "cancelled",
}

AGENDA_KINDS = {
    "information": "information",
    "discussion": "discussion",
    "decision": "decision",
}

ATTENDANCE = {
    "present": "present",
    "absent": "absent",
    "excused": "excused",
    "late": "late",
}

DECISION_KINDS = {
    "scope": "scope",
    "timeline": "timeline",
    "focus": "geographic focus",
    "channels": "channels",
    "composition": "design-committee composition",
    "budget": "budget",
    "process": "process",
    "work_plan": "work plan",
    "other": "other",
}

DECISION_OUTCOMES = {
    "passed_vote": "passed by vote",
    "passed_consensus": "passed by consensus",
    "rejected": "rejected",
    "deferred": "deferred",
}
PASSED_OUTCOMES = ("passed_vote", "passed_consensus")

ACTION_ITEM_STATUSES = {
    "open": "open",
    "done": "done",
    "cancelled": "cancelled",
}

ACTION_STATUSES = {
    "planned": "planned",
    "in_progress": "in progress",
    "done": "done",
    "stopped": "stopped",
}

CHANNEL_START = {
    "start": "at the start",
    "later": "later",
}
