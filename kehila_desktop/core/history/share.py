"""Copies of a program file to send by e-mail (``kehila share``, "Share by e-mail…").

A copy is made with ``VACUUM INTO`` from the open connection (never by copying the file):
compact, consistent and self-contained. It gets its own ``copy_id`` in ``meta`` (so its
later edits are told apart from ours when it comes back to be merged) and notes where and
when it was made. Without contacts, every phone and e-mail is removed from the person rows
*and* from the change history (field changes and whole-row insert records), with
``secure_delete`` on, and the result is vacuumed once more into the final file, so no byte of
them is left in free pages either. ``meta.contacts_stripped = 1`` then tells ``merge`` that
the empty contacts of this copy are not edits.

The copy's history is compacted (``compact_history``): it keeps every step and every
change record (which row and field, when, on which copy: all that merge and the audit of
personal data need) but not the old and new values of the edits made before it was
shared. Those stay in the history of the file it was made from; the copy records its own
edits in full. docs/HISTORY.md has the layout.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.file import recovery
from kehila_desktop.core.file.programfile import (
    SUFFIX,
    ProgramFile,
    new_id,
    now_utc,
    open_program,
)

CONTACT_FIELDS = ("phone", "email")


class ShareError(KehilaError):
    """The copy cannot be written where asked."""


@dataclass
class SharedCopy:
    path: Path
    program_name: str
    copy_id: str
    contacts_stripped: bool


def copy_name(program_name: str, day: date | None = None) -> str:
    """A file name for the copy: the program's name and the date, safe on every system."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", program_name).strip(" .") or "Kehila"
    return f"{name[:80]} {(day or date.today()).isoformat()}{SUFFIX}"


def _target(out: Path, program_name: str, day: date | None) -> Path:
    if out.is_dir():
        target = out / copy_name(program_name, day)
        n = 2
        while target.exists():
            target = out / copy_name(program_name, day).replace(SUFFIX, f" ({n}){SUFFIX}")
            n += 1
        return target
    if out.exists():
        raise ShareError("{path} already exists; it was not overwritten.", path=out)
    if not out.parent.is_dir():
        raise ShareError("The folder {path} does not exist.", path=out.parent)
    return out


def share_copy(
    source: ProgramFile | str | os.PathLike,
    out: str | os.PathLike,
    *,
    no_contacts: bool = False,
    day: date | None = None,
) -> SharedCopy:
    """Write a copy of ``source`` (an open file or a path) to ``out`` (a file or a folder)."""
    if isinstance(source, ProgramFile):
        return _share(source, Path(out), no_contacts, day)
    with open_program(source, read_only=True) as pf:
        return _share(pf, Path(out), no_contacts, day)


def _share(pf: ProgramFile, out: Path, no_contacts: bool, day: date | None) -> SharedCopy:
    row = pf.conn.execute("SELECT name FROM live_program").fetchone()
    program_name = row[0] if row else ""
    target = _target(out, program_name, day)
    recovery.sweep(target.parent)  # what a killed share left there
    work = recovery.temp_name(target, "sharing")
    final = recovery.temp_name(target, "final")
    copy_id = new_id()
    try:
        try:
            pf.conn.execute("VACUUM INTO ?", (str(work),))
        except sqlite3.Error as exc:
            raise ShareError(
                "{path} cannot be written ({error}).", path=target, error=exc
            ) from None
        conn = sqlite3.connect(str(work), isolation_level=None)
        try:
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("BEGIN IMMEDIATE")
            stripped = no_contacts or is_stripped(conn)  # a copy of a stripped copy is too
            facts = {
                "copy_id": copy_id,
                "shared_from": pf.copy_id,
                "shared_at": now_utc(),
                "contacts_stripped": "1" if stripped else "0",
            }
            conn.executemany(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", list(facts.items())
            )
            if no_contacts:
                _strip_contacts(conn)
            compact_history(conn)
            conn.execute("COMMIT")
            conn.execute("VACUUM INTO ?", (str(final),))
        finally:
            conn.close()
        _place(final, target)
    finally:
        for leftover in (work, final):
            recovery.remove_with_side_files(leftover)
    return SharedCopy(target, program_name, copy_id, stripped)


def compact_history(conn: sqlite3.Connection) -> None:
    """Drop the old and new values from the history (a shared copy's: see the module)."""
    conn.execute("UPDATE change SET old=NULL, new=NULL WHERE old IS NOT NULL OR new IS NOT NULL")


def _strip_contacts(conn: sqlite3.Connection) -> None:
    """Phones and e-mails out of the rows and out of every history record of them."""
    conn.execute("UPDATE person SET phone='', email=''")
    conn.execute(
        "UPDATE change SET old=CASE WHEN old IS NULL THEN NULL ELSE '' END, "
        "new=CASE WHEN new IS NULL THEN NULL ELSE '' END "
        "WHERE tbl IN (SELECT n FROM history_name WHERE text='person') "
        "AND field IN (SELECT n FROM history_name WHERE text IN ('phone', 'email'))"
    )
    # the reports of earlier merges show the values they changed
    for key, value in conn.execute(
        "SELECT key, value FROM meta WHERE key LIKE 'merge_report:%'"
    ).fetchall():
        report = json.loads(value)
        for section in ("changed", "conflicts"):
            for item in report.get(section, []):
                if item.get("table") == "person" and item.get("field") in CONTACT_FIELDS:
                    for name in ("old", "new", "kept", "lost"):
                        if name in item:
                            item[name] = ""
        conn.execute(
            "UPDATE meta SET value=? WHERE key=?", (json.dumps(report, ensure_ascii=False), key)
        )


def _place(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)  # fails if the target appeared meanwhile: never overwrite
    except FileExistsError:
        raise ShareError("{path} already exists; it was not overwritten.", path=target) from None
    except OSError:
        if target.exists():
            raise ShareError(
                "{path} already exists; it was not overwritten.", path=target
            ) from None
        os.replace(tmp, target)


def is_stripped(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key='contacts_stripped'").fetchone()
    return bool(row and row[0] == "1")
