"""``kehila info FILE [--json]``: what is in a program file."""

from __future__ import annotations

import json

from kehila_desktop.core.file import summary
from kehila_desktop.core.i18n import label, ntr, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("info", help=tr("what is in a program file"))
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def collect(conn, format_version: int) -> dict:
    program = summary.program(conn)
    return {
        "format_version": format_version,
        "program": {
            "id": program["id"],
            "name": program["name"],
            "locality": program["locality"],
            "language": program["language"],
            "start_date": program["start_date"],
            "end_date": program["end_date"],
        },
        "counts": summary.counts(conn),
        "bodies": [
            {k: b[k] for k in ("id", "kind", "name", "channel", "members")}
            for b in summary.bodies(conn)
        ],
        "channels": summary.channels(conn),
        "meetings": summary.meetings(conn),
    }


def run(args) -> int:
    from kehila_desktop.core.file.programfile import open_program

    with open_program(args.file, read_only=True, allow_newer=True) as pf:
        data = collect(pf.conn, pf.format_version)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    p = data["program"]
    print(f"{p['name']} — {p['locality']}")
    print(tr("Format version: {version}", version=data["format_version"]))
    for key, value in data["counts"].items():
        print(f"  {tr(key)}: {value}")
    chosen = [label("CHANNELS", c["key"]) for c in data["channels"] if c["chosen"]]
    print(tr("Chosen channels: {channels}", channels=", ".join(chosen) or "—"))
    for body in data["bodies"]:
        print(
            f"  {body['name']} ({label('BODY_KINDS', body['kind'])}): "
            + ntr("{n} member", "{n} members", body["members"])
        )
    return 0
