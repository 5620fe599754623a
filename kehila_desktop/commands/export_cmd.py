"""``kehila export FILE KIND OUT``: write a part of the program to a file.

Each kind is one entry of ``EXPORTERS``: a function ``(conn, out_path, language)`` that
writes ``out_path`` whole (or not at all). Add a kind by adding an entry.
"""

from __future__ import annotations

from kehila_desktop.core import i18n
from kehila_desktop.core.i18n import tr


def _workplan(conn, out, language):
    from kehila_desktop.core.workplan.export import export_workplan

    return export_workplan(conn, out, language)


def _people(conn, out, language):
    from kehila_desktop.core.people.sheet_io import export_people

    return ", ".join(str(p) for p in export_people(conn, out, language))


EXPORTERS = {
    "workplan": _workplan,
    "people": _people,
}


def register(subparsers) -> None:
    p = subparsers.add_parser("export", help=tr("export a part of the program to a file"))
    p.add_argument("file")
    p.add_argument("kind", choices=sorted(EXPORTERS), help=tr("what to export: people or workplan"))
    p.add_argument("out", help=tr("the sheet to write (.xlsx or .csv)"))
    p.add_argument("--language", choices=("he", "ar", "en"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.core.file.programfile import open_program

    language = i18n.language()
    with open_program(args.file, read_only=True, allow_newer=True) as pf:
        path = EXPORTERS[args.kind](pf.conn, args.out, language)
    print(tr("Written: {path}", path=path))
    return 0
