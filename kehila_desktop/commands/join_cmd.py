"""``kehila join FILE KEEP_ID DROP_ID``: join two records of one person (a likely duplicate
that ``kehila merge`` lists) into the first; ids or their first characters (four or more).

Exit 2 for an id that names no live person (or several), or a refused join; exit 3 when the
file cannot be used (missing, locked, read-only)."""

from __future__ import annotations

from kehila_desktop.core.i18n import tr


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "join", help=tr("join two records of one person (a likely duplicate) into one")
    )
    p.add_argument("file", help=tr("the program file (.kehila)"))
    p.add_argument("keep", help=tr("the id of the person to keep (or its first characters)"))
    p.add_argument("drop", help=tr("the id of the person joined into it and deleted"))
    p.set_defaults(func=run)


def _one(conn, wanted: str) -> str:
    from kehila_desktop.commands.errors import UsageError
    from kehila_desktop.core.people.queries import find_person

    found = find_person(conn, wanted)
    if not found:
        raise UsageError("There is no person {id} in this program file.", id=wanted)
    if len(found) > 1:
        raise UsageError(
            "{id} is the start of more than one person's id; give more of it.", id=wanted
        )
    return found[0]


def run(args) -> int:
    from kehila_desktop.commands._common import writing
    from kehila_desktop.core.people.edits import join_people
    from kehila_desktop.core.people.queries import person_name

    with writing(args.file, "kehila join") as (pf, ops):
        keep, drop = _one(pf.conn, args.keep), _one(pf.conn, args.drop)
        names = person_name(pf.conn, keep), person_name(pf.conn, drop)
        join_people(ops, keep, drop)
    print(
        tr(
            "Joined {other} into {person}; Undo in the app takes it back.",
            person=names[0],
            other=names[1],
        )
    )
    return 0
