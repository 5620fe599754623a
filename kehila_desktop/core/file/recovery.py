"""Crash recovery on every open, and the temporary files of commands that were killed.

- A *hot journal* (``NAME.kehila-journal`` left by a writer that died mid-transaction) is rolled
  back before the file is read — by reading commands too, which otherwise meet "attempt to
  write a readonly database". When the file or its folder cannot be written, the file and its
  journal are copied to a temporary folder, rolled back there, and the command reads the copy.
- A file in WAL mode (never ours, but a file can arrive so) is read through such a copy too,
  so reading never leaves ``-wal``/``-shm`` files beside it; writing commands turn it back into
  a rollback-journal file.
- Temporary files are named ``.NAME.KIND-PID-RANDOM.tmp`` (``temp_name``); ``sweep`` removes
  those of processes that are gone (and their journals) from a folder. No Qt.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

SIDE_FILES = ("-journal", "-wal", "-shm")
_TEMP = re.compile(
    r"^\.(?P<target>.+)\.(?P<kind>[a-z]+)-(?P<pid>\d+)-(?P<host>[0-9a-f]{6})-"
    r"[0-9a-f]{8}\.tmp(?:-journal|-wal|-shm)?$"
)
# names written before temporary files carried their process id (removed once an hour old)
_LEGACY = re.compile(
    r"^(?:\..+\.(?:creating|sharing|final)-[0-9a-f]{8}|.+\.tmp-[0-9a-f]{8})"
    r"(?:-journal)?$"
)
_LEGACY_AGE = 3600.0


def _host_tag() -> str:
    import hashlib

    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]


def temp_name(target: Path, kind: str) -> Path:
    """A hidden temporary file beside ``target`` that ``sweep`` removes if this process dies."""
    target = Path(target)
    return target.with_name(
        f".{target.name}.{kind}-{os.getpid()}-{_host_tag()}-{uuid.uuid4().hex[:8]}.tmp"
    )


def remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files that killed commands left in ``folder``; return them."""
    from kehila_desktop.core.file.lock import pid_alive

    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    host = _host_tag()
    now = time.time()
    for entry in entries:
        name = entry.name
        match = _TEMP.match(name)
        if match:
            if match["host"] != host or pid_alive(int(match["pid"])):
                continue
        elif not (_LEGACY.match(name) and _age(entry, now) > _LEGACY_AGE):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _age(entry: os.DirEntry, now: float) -> float:
    try:
        return now - entry.stat().st_mtime
    except OSError:
        return 0.0


def needs_recovery(path: Path, wal_header: bool) -> bool:
    """A journal or WAL beside the file, or a WAL-mode file: it must be recovered to be read."""
    if wal_header:
        return True
    for suffix in ("-journal", "-wal"):
        side = path.with_name(path.name + suffix)
        try:
            if side.stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


def writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def roll_back_in_place(path: Path, connect) -> None:
    """Let SQLite roll back a hot journal (reading takes the lock that does it)."""
    conn = connect(path, read_only=False)
    try:
        conn.execute("SELECT count(*) FROM main.sqlite_master").fetchone()
    finally:
        conn.close()


def recovered_copy(path: Path, connect) -> Path:
    """A temporary copy of ``path`` with its journal or WAL, recovered and in rollback-journal
    mode; the caller removes its folder (``Path.parent``) when done."""
    folder = Path(tempfile.mkdtemp(prefix="kehila-recover-"))
    copy = folder / path.name
    try:
        shutil.copyfile(path, copy)
        for suffix in ("-journal", "-wal"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.copyfile(side, copy.with_name(copy.name + suffix))
        conn = connect(copy, read_only=False)
        try:
            conn.execute("SELECT count(*) FROM main.sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return copy


def discard_copy(copy: Path | None) -> None:
    if copy is not None:
        shutil.rmtree(copy.parent, ignore_errors=True)


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)
