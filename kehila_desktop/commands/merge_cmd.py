"""``kehila merge FILE INCOMING [--dry-run] [--json]``: merge a copy that came back."""

from __future__ import annotations

import json

from kehila_desktop.core.i18n import tr


def register(subparsers) -> None:
    p = subparsers.add_parser("merge", help=tr("merge a copy of the program that came back"))
    p.add_argument("file", help=tr("the program file (.kehila) to merge into"))
    p.add_argument("incoming", help=tr("the copy that came back (.kehila)"))
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("only show what the merge would do; change nothing"),
    )
    p.add_argument("--json", action="store_true", help=tr("print the report as JSON"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.commands._common import writing
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.history.merge import merge_copy
    from kehila_desktop.core.history.operations import Operations

    if args.dry_run:
        with open_program(args.file, read_only=True) as pf:
            report = merge_copy(Operations(pf), args.incoming, dry_run=True)
    else:  # not while Kehila Desktop or another command has the file open
        with writing(args.file, "kehila merge") as (_pf, ops):
            report = merge_copy(ops, args.incoming)
    if args.json:
        data = report.to_dict()
        data["dry_run"] = bool(args.dry_run)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(report.text())
    for keep, drop in join_suggestions(args.file, report) if not args.dry_run else ():
        print(
            tr(
                "To join them: kehila join {file} {keep} {drop}",
                file=args.file,
                keep=keep,
                drop=drop,
            )
        )
    if args.dry_run and not report.nothing_new:
        print(tr("Nothing was changed (a dry run)."))
    return 0


def join_suggestions(path, report) -> list[tuple[str, str]]:
    """(keep, drop) id starts for each likely duplicate the merge listed: the one to keep is
    the one in more bodies, else the one added earlier (``core.people.queries.join_order``)."""
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.people.queries import join_order

    if not report.duplicates:
        return []
    out = []
    with open_program(path, read_only=True) as pf:
        for group in report.duplicates:
            out += [(k[:8], d[:8]) for k, d in join_order(pf.conn, group["people"])]
    return out
