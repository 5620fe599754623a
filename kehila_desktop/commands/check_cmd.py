"""``kehila check FILE [--json] [--all]``: file integrity plus the program-health findings.

Repeated findings are grouped: one line per kind (rule) with its count and the first
``SHOWN`` of them; ``--all`` lists every one, and ``--json`` always holds every one."""

from __future__ import annotations

import json

from kehila_desktop.core import health, i18n
from kehila_desktop.core.i18n import ntr, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("check", help=tr("file integrity and program health"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--all", action="store_true", help="list every finding, not the first few of each kind"
    )
    p.add_argument("--language", choices=("he", "ar", "en"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.core.file.programfile import integrity_check, open_program

    language = i18n.language()
    with open_program(args.file, read_only=True, allow_newer=True) as pf:
        integrity = integrity_check(pf.conn, pf.path)  # a page cache sized to the file
        fk = pf.conn.execute("PRAGMA foreign_key_check").fetchall()
        found = health.findings(pf.conn, language)
    ok = integrity == ["ok"] and not fk
    if args.json:
        print(
            json.dumps(
                {
                    "integrity": {
                        "ok": ok,
                        "integrity_check": integrity,
                        "foreign_key_errors": len(fk),
                    },
                    "findings": [f.as_json() for f in found],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(tr("File integrity: ok") if ok else tr("File integrity: damaged"))
        if not found:
            print(tr("Program health: no findings."))
        for line in grouped(found, show_all=args.all):
            print(line)
    return 0 if ok else 3


SHOWN = 3  # findings of one kind listed before "… and N more"


def grouped(found, *, show_all: bool = False) -> list[str]:
    """One line per finding of a kind seen at most ``SHOWN`` times; a kind seen more often gets
    a heading with its count, its first ``SHOWN`` findings and how many more there are."""
    kinds: dict[str, list] = {}
    for f in found:
        kinds.setdefault(f.code, []).append(f)
    lines: list[str] = []
    for items in kinds.values():
        severity = tr(items[0].severity)
        if show_all or len(items) <= SHOWN:
            lines += [f"[{tr(f.severity)}] {f.message}" for f in items]
            continue
        lines.append(
            f"[{severity}] "
            + ntr("{n} finding of this kind:", "{n} findings of this kind:", len(items))
        )
        lines += [f"  {f.message}" for f in items[:SHOWN]]
        lines.append(
            "  "
            + ntr(
                "… and {n} more (all of them with --all or --json).",
                "… and {n} more (all of them with --all or --json).",
                len(items) - SHOWN,
            )
        )
    return lines
