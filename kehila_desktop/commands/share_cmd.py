"""``kehila share FILE OUT [--no-contacts]``: a compact copy of a program file to send."""

from __future__ import annotations

from kehila_desktop.core.i18n import tr


def register(subparsers) -> None:
    p = subparsers.add_parser("share", help=tr("write a copy of a program file to send by e-mail"))
    p.add_argument("file", help=tr("the program file (.kehila)"))
    p.add_argument(
        "out", help=tr("the copy to write, or a folder (named after the program and the date)")
    )
    p.add_argument(
        "--no-contacts",
        action="store_true",
        help=tr("leave out every phone number and e-mail address"),
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.core.history.share import share_copy

    copy = share_copy(args.file, args.out, no_contacts=args.no_contacts)
    if copy.contacts_stripped:
        print(tr("A copy without phones and e-mails was written to {path}.", path=copy.path))
    else:
        print(tr("A copy was written to {path}.", path=copy.path))
    return 0
