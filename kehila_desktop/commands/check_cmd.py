"""``kehila check FILE [--json]``: file integrity plus the program-health findings."""

from __future__ import annotations

import json

from kehila_desktop.core import health, i18n
from kehila_desktop.core.i18n import tr


def register(subparsers) -> None:
    p = subparsers.add_parser("check", help=tr("file integrity and program health"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.add_argument("--language", choices=("he", "ar", "en"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.core.file.programfile import open_program

    language = i18n.language()
    with open_program(args.file, read_only=True, allow_newer=True) as pf:
        integrity = [r[0] for r in pf.conn.execute("PRAGMA integrity_check")]
        fk = pf.conn.execute("PRAGMA foreign_key_check").fetchall()
        found = health.findings(pf.conn, language)
    ok = integrity == ["ok"] and not fk
    if args.json:
        print(json.dumps({"integrity": {"ok": ok, "integrity_check": integrity,
                                        "foreign_key_errors": len(fk)},
                          "findings": [f.as_json() for f in found]},
                         ensure_ascii=False, indent=2))
    else:
        print(tr("File integrity: ok") if ok else tr("File integrity: damaged"))
        if not found:
            print(tr("Program health: no findings."))
        for f in found:
            print(f"[{tr(f.severity)}] {f.message}")
    return 0 if ok else 3
