"""``kehila new FILE [--sample] [--people N] [--locality TEXT] [--language he|ar|en]``."""

from __future__ import annotations

from kehila_desktop.core.i18n import LANGUAGES, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("new", help=tr("create a program file (never overwrites one)"))
    p.add_argument("file", help=tr("the program file to create (.kehila)"))
    p.add_argument("--sample", action="store_true", help=tr("fill it with the sample program"))
    p.add_argument("--people", type=int, default=None, help=tr("scale the sample to N people"))
    p.add_argument("--locality", default="", help=tr("the locality (authority) the program is in"))
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        default="he",
        help=tr("the program's language (he, ar or en; default he)"),
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.commands.errors import UsageError
    from kehila_desktop.core.file.create import create_program

    from kehila_desktop.core.sample.build import MIN_PEOPLE

    if args.people is not None and (args.people < MIN_PEOPLE or not args.sample):
        raise UsageError(
            "--people needs --sample and a number of at least {minimum}.", minimum=MIN_PEOPLE
        )
    populate = None
    if args.sample:
        from kehila_desktop.core.sample.build import populate_sample

        def populate(ops):
            populate_sample(ops, people=args.people or 40)

    path = create_program(
        args.file, locality=args.locality, language=args.language, populate=populate
    )
    print(tr("Created {path}.", path=path))
    return 0
