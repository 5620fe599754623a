"""``kehila print FILE HANDOUT OUT.pdf [--language he|ar|en] [--meeting ID] [--body ID]
[--member ID] [--no-contacts]``: one PDF handout from a program file.

Exit 2 (naming what is missing) for an unknown handout, meeting, body or member; exit 3 for a
program file that cannot be read. The PDF is written whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import LANGUAGES, ntr, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("print", help=tr("print a handout as PDF"))
    p.add_argument("file", help=tr("the program file (.kehila)"))
    p.add_argument(
        "handout",
        help="structure, people, roster, composition, agenda, signin, "
        "minutes, workplan, calendar, role-letter, open-call",
    )
    p.add_argument("out", help=tr("the PDF to write"))
    p.add_argument(
        "--language", choices=LANGUAGES, help=tr("the handout's language (default: the program's)")
    )
    p.add_argument("--meeting", help=tr("meeting id (agenda, signin, minutes)"))
    p.add_argument("--body", help=tr("body id (roster, role-letter, calendar, composition)"))
    p.add_argument("--member", help=tr("person id (role-letter)"))
    p.add_argument("--no-contacts", action="store_true", help=tr("leave out phones and e-mails"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop import printing

    out = Path(args.out)
    if not out.parent.is_dir():
        raise KehilaError("The folder {path} does not exist.", path=out.parent)
    try:
        pages = printing.build(
            args.handout,
            args.file,
            out,
            language=args.language,
            meeting=args.meeting,
            body=args.body,
            member=args.member,
            contacts=not args.no_contacts,
        )
    except PermissionError:
        raise KehilaError("You do not have permission to write {path}.", path=out) from None
    print(ntr("Wrote {path} ({n} page).", "Wrote {path} ({n} pages).", pages, path=out))
    return 0
