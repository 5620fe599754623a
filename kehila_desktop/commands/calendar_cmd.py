"""``kehila calendar FILE OUT.ics [--body ID]``: export meetings as an .ics calendar."""

from __future__ import annotations

from kehila_desktop.core.i18n import ntr, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("calendar", help=tr("export meetings as an .ics calendar file"))
    p.add_argument("file", help=tr("the program file (.kehila)"))
    p.add_argument("out", help=tr("the calendar file to write (.ics)"))
    p.add_argument("--body", help=tr("only this body's meetings (its id or its name)"))
    p.add_argument(
        "--language",
        choices=("he", "ar", "en"),
        help=tr("the language of the events' titles and descriptions"),
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.commands.errors import UsageError
    from kehila_desktop.core.meetings.calendar_ics import write_ics
    from kehila_desktop.core.file.programfile import open_program

    with open_program(args.file, read_only=True) as pf:
        body_id = None
        if args.body:
            row = pf.conn.execute(
                "SELECT id FROM live_body WHERE (id=? OR name=?)", (args.body, args.body)
            ).fetchone()
            if row is None:
                raise UsageError("There is no body {body} in this program.", body=args.body)
            body_id = row[0]
        try:
            count = write_ics(pf.conn, args.out, body_id)
        except OSError as exc:
            raise UsageError(
                "{path} cannot be written ({error}).", path=args.out, error=exc.strerror or exc
            ) from None
    print(
        ntr(
            "{n} meeting written to {path}.",
            "{n} meetings written to {path}.",
            count,
            path=args.out,
        )
    )
    return 0
