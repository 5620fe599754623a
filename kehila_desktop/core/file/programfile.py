"""The program file (``*.kehila``): create, check and open it, as DESIGN §2 says.

One SQLite 3 file with a rollback journal (never WAL), ``synchronous=FULL`` and foreign
keys on. ``application_id`` marks it as ours and ``user_version`` is its format version.
Opening reads the header bytes *before* SQLite runs any of the file's SQL, recovers a crashed
writer's journal (``recovery``), connects with ``trusted_schema=OFF`` and a time limit on every
statement, refuses a schema that is not exactly the format's (``guard``) and runs
``quick_check``. A newer format opens read-only (or is
refused); an older one is upgraded after a backup copy is kept beside it.

This module does not import sqlmodel: reading a file stays fast. Creating one does.
"""

from __future__ import annotations

import base64
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path
from collections.abc import Callable

from kehila_desktop.core.errors import ProgramFileError
from kehila_desktop.core.file import recovery
from kehila_desktop.core.file.tables import create_live_views

APPLICATION_ID = 0x4B484C41  # "KHLA"
FORMAT_VERSION = 3
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".kehila"

# Upgrade steps: MIGRATIONS[n] turns a version-n file into version n+1 (runs in one transaction).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def _upgrade_v1(conn: sqlite3.Connection) -> None:
    from kehila_desktop.core.file import upgrade_v2

    upgrade_v2.upgrade(conn)


def _upgrade_v2(conn: sqlite3.Connection) -> None:
    from kehila_desktop.core.file import upgrade_v3

    upgrade_v3.upgrade(conn)


MIGRATIONS[1] = _upgrade_v1
MIGRATIONS[2] = _upgrade_v2


@dataclass
class Header:
    application_id: int
    format_version: int
    journal_wal: bool


def read_header(path: Path) -> Header:
    """Check the first 100 bytes of ``path`` without letting SQLite parse anything."""
    path = Path(path)
    if not path.exists():
        raise ProgramFileError("missing", "The file {path} does not exist.", path=path)
    if path.is_dir():
        raise ProgramFileError("not_program", "{path} is a folder, not a program file.", path=path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except PermissionError:
        raise ProgramFileError(
            "no_permission", "You do not have permission to read {path}.", path=path
        ) from None
    except OSError as exc:
        raise ProgramFileError(
            "unreadable",
            "The file {path} cannot be read ({error}).",
            path=path,
            error=exc.strerror or exc,
        ) from None
    if not head:
        raise ProgramFileError(
            "empty", "The file {path} is empty: it is not a program file.", path=path
        )
    if not head.startswith(SQLITE_MAGIC):
        raise ProgramFileError("not_program", "{path} is not a Kehila program file.", path=path)
    if len(head) < 100:
        raise ProgramFileError(
            "damaged", "The program file {path} is damaged (it is cut short).", path=path
        )
    app_id = int.from_bytes(head[68:72], "big")
    version = int.from_bytes(head[60:64], "big")
    if app_id != APPLICATION_ID or version < 1:
        raise ProgramFileError("not_program", "{path} is not a Kehila program file.", path=path)
    return Header(app_id, version, head[18] == 2 or head[19] == 2)


TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now_utc() -> str:
    """UTC time with microseconds, as the history stores it (sorts as text)."""
    return datetime.now(UTC).strftime(TIME_FORMAT)


def bump_time(at: str) -> str:
    """The history time one microsecond after ``at``."""
    from datetime import timedelta

    return (datetime.strptime(at, TIME_FORMAT) + timedelta(microseconds=1)).strftime(TIME_FORMAT)


def new_id() -> str:
    """A random 128-bit id as 32 hex digits (copy ids, temporary names)."""
    return uuid.uuid4().hex


def new_row_id() -> str:
    """A random key for a new row: 80 random bits as 16 base-32 characters.

    Rows meet the rows of other copies of the program when copies are merged, so their keys
    are random, never counted; 80 bits keep a clash out of reach (a program of ten million
    rows has a chance below 10^-10) at half the bytes of a hex UUID. Keys of rows made
    before format 2 (32 hex digits) stay as they are."""
    return base64.b32encode(os.urandom(10)).decode("ascii").lower()


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    from kehila_desktop.core.file.guard import install_limit

    if read_only:
        uri = "file:" + _uri_path(path) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    install_limit(conn)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=3000")
    return conn


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(Path(path).resolve()).replace(os.sep, "/"))


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    from kehila_desktop.core.file.guard import limited_without_python

    try:
        with limited_without_python(conn):
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise explain_sqlite_error(path, exc) from None
    if rows != [("ok",)]:
        raise ProgramFileError(
            "damaged",
            "The program file {path} is damaged ({error}).",
            path=path,
            error=rows[0][0] if rows else "?",
        )


def integrity_check(conn: sqlite3.Connection, path: Path) -> list[str]:
    """SQLite's full ``integrity_check`` (indexes included) with a page cache sized to the file
    (up to 256 MB), so it reads each page once; ``["ok"]`` when the file is whole."""
    pages, size = (
        conn.execute("PRAGMA page_count").fetchone()[0],
        conn.execute("PRAGMA page_size").fetchone()[0],
    )
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size=-{min(256 * 1024, max(2048, pages * size // 1024 + 1))}")
    from kehila_desktop.core.file.guard import limited_without_python

    try:
        with limited_without_python(conn):
            return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        raise explain_sqlite_error(path, exc) from None
    finally:
        conn.execute(f"PRAGMA cache_size={before}")


def check_before_writing(pf: ProgramFile) -> None:
    """Refuse to write a batch (an import, a merge) into a file whose indexes or pages are
    damaged: the full integrity check, not only the quick one done on opening."""
    found = integrity_check(pf.conn, pf.path)
    if found != ["ok"]:
        raise ProgramFileError(
            "damaged", "The program file {path} is damaged ({error}).", path=pf.path, error=found[0]
        )


@dataclass
class ProgramFile:
    """An open program file: its connection and what opening found."""

    path: Path
    conn: sqlite3.Connection
    read_only: bool
    format_version: int
    copy_id: str
    backup_path: Path | None = None
    notes: list[str] = field(default_factory=list)
    recovered_from: Path | None = None  # a temporary recovered copy being read instead

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        if self.recovered_from is not None:
            from kehila_desktop.core.file.recovery import discard_copy

            discard_copy(self.recovered_from)
            self.recovered_from = None

    def __enter__(self) -> ProgramFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def program_row(self) -> sqlite3.Row | None:
        cur = self.conn.execute("SELECT * FROM live_program LIMIT 1")
        cur.row_factory = sqlite3.Row
        return cur.fetchone()


def open_program(
    path: str | os.PathLike,
    *,
    read_only: bool = False,
    allow_newer: bool = False,
    upgrade: bool = True,
    _new: bool = False,
) -> ProgramFile:
    """Open a program file after checking it; raise ``ProgramFileError`` when it can't be used.

    A newer format raises, unless ``allow_newer`` (then it opens read-only). An older format
    is upgraded (after a backup ``NAME.vN.bak.kehila`` is kept beside it) unless read-only.
    """
    path = Path(path)
    header = read_header(path)
    newer = header.format_version > FORMAT_VERSION
    if newer and not allow_newer:
        raise ProgramFileError(
            "newer",
            "{path} was made by a newer Kehila Desktop (format {version}); this one "
            "reads format {supported} and older. Update Kehila Desktop to open it.",
            path=path,
            version=header.format_version,
            supported=FORMAT_VERSION,
        )
    if not read_only and not newer and not recovery.writable(path):
        read_only = True
    read_only = read_only or newer
    recovery.sweep(path.parent)
    source = path  # what SQLite opens: the file, or a recovered temporary copy of it
    if recovery.needs_recovery(path, header.journal_wal):
        source = _recover(path, read_only)
    try:
        return _open_checked(
            path, source, header, read_only=read_only, newer=newer, upgrade=upgrade, _new=_new
        )
    except BaseException:
        if source != path:
            recovery.discard_copy(source)
        raise


def _recover(path: Path, read_only: bool) -> Path:
    """Roll back a crashed writer's journal (in place when the file can be written, else in a
    temporary copy, which is returned); a WAL-mode file is read through such a copy."""
    try:
        if recovery.writable(path) and not (read_only and read_header(path).journal_wal):
            recovery.roll_back_in_place(path, _connect)
            return path
        return recovery.recovered_copy(path, _connect)
    except ProgramFileError:
        raise
    except OSError as exc:
        raise ProgramFileError(
            "unreadable",
            "The file {path} cannot be read ({error}).",
            path=path,
            error=exc.strerror or exc,
        ) from None
    except sqlite3.Error as exc:
        raise explain_sqlite_error(path, exc) from None


def explain_sqlite_error(path: Path, exc: BaseException) -> ProgramFileError:
    """One sentence for an SQLite error met while opening or using ``path``: a statement that
    ran too long, a file another program is writing, or damage."""
    from kehila_desktop.core.file.guard import is_interrupted, too_long

    if is_interrupted(exc):
        return too_long(path)
    if recovery.is_busy(exc):
        return busy(path)
    return ProgramFileError(
        "damaged", "The program file {path} is damaged ({error}).", path=path, error=exc
    )


def busy(path: Path) -> ProgramFileError:
    """The file is being written by another program (no lock file says who)."""
    from kehila_desktop.core.file.lock import holder

    held = holder(path)
    if held is not None:
        return ProgramFileError(
            "locked",
            "{path} is open in {program} on {host} (by {user}); try again when it is closed.",
            path=Path(path).name,
            program=held.program or "Kehila Desktop",
            host=held.host,
            user=held.user or "?",
        )
    return ProgramFileError(
        "locked",
        "{path} is being changed by another program; try again when it is closed.",
        path=Path(path).name,
    )


def _open_checked(
    path: Path,
    source: Path,
    header: Header,
    *,
    read_only: bool,
    newer: bool,
    upgrade: bool,
    _new: bool,
) -> ProgramFile:
    from kehila_desktop.core.file import guard

    backup = None
    if header.format_version < FORMAT_VERSION and not read_only and upgrade:
        backup = _upgrade(path, header.format_version)
        header = read_header(path)
    try:
        conn = _connect(source, read_only or source != path)
    except sqlite3.Error as exc:
        raise ProgramFileError(
            "unreadable", "The file {path} cannot be opened ({error}).", path=path, error=exc
        ) from None
    try:
        guard.check_schema(conn, path, header.format_version, FORMAT_VERSION)
        _quick_check(conn, path)
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if mode.lower() != "delete":
                raise ProgramFileError(
                    "damaged",
                    "The program file {path} is damaged ({error}).",
                    path=path,
                    error="journal mode " + mode,
                )
            conn.execute("PRAGMA synchronous=FULL")
        copy_id = _meta(conn, "copy_id") or ""
        create_live_views(conn)  # after any upgrade: the views name the tables as they are now
        programs = conn.execute("SELECT count(*) FROM live_program").fetchone()[0]
        if programs != (0 if _new else 1):
            raise ProgramFileError(
                "damaged",
                "The program file {path} is damaged ({error}).",
                path=path,
                error="no program",
            )
    except ProgramFileError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise explain_sqlite_error(path, exc) from None
    version = FORMAT_VERSION if backup is not None else header.format_version
    pf = ProgramFile(path, conn, read_only, version, copy_id, backup)
    if source != path:
        pf.recovered_from = source
    return pf


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def backup_path_for(path: Path, tag: str) -> Path:
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    candidate = path.with_name(f"{stem}.{tag}.bak{SUFFIX}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}.{tag}.bak{n}{SUFFIX}")
        n += 1
    return candidate


def keep_last_backups(path: Path, tag: str, keep: int) -> list[Path]:
    """Remove all but the ``keep`` newest ``NAME.TAG.bak*.kehila`` copies beside ``path``."""
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.name
    prefix = f"{stem}.{tag}.bak"
    found = []
    for candidate in path.parent.glob(f"{glob_escape(prefix)}*{SUFFIX}"):
        middle = candidate.name[len(prefix) : -len(SUFFIX)]
        if middle == "" or middle.isdigit():
            try:
                found.append((candidate.stat().st_mtime_ns, int(middle or 1), candidate))
            except OSError:
                continue
    removed = []
    for _mtime, _n, old in sorted(found, reverse=True)[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass
    return removed


def glob_escape(text: str) -> str:
    import glob

    return glob.escape(text)


def copy_consistent(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent, self-contained copy of an open database (SQLite's backup API)."""
    tmp = recovery.temp_name(target, "copying")
    try:
        out = sqlite3.connect(str(tmp))
        with out:
            conn.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
        out.close()
        os.replace(tmp, target)
    finally:
        recovery.remove_with_side_files(tmp)


def copy_held(path: Path, target: Path) -> None:
    """A backup of ``path`` by copying its bytes (a reflink where the file system has them),
    synced to disk before it takes its name.

    Only while THIS process holds the file's write transaction (``BEGIN IMMEDIATE``) and has
    written nothing in it yet: no other process can write the file then (they need the lock
    we hold), nothing of ours is in it yet (SQLite writes the file at commit, after the
    journal), and no hot journal is left (taking the lock rolls one back). The bytes are then
    exactly the file's committed state, as the backup API would copy them page by page, at
    the cost of a plain file copy."""
    tmp = recovery.temp_name(target, "copying")
    try:
        if not _reflink(path, tmp):
            shutil.copyfile(path, tmp)  # in the kernel where it can (sendfile)
        with open(tmp, "rb+") as out:
            os.fsync(out.fileno())
        os.replace(tmp, target)
    finally:
        recovery.remove_with_side_files(tmp)


def _reflink(path: Path, target: Path) -> bool:
    """Make ``target`` share ``path``'s blocks (btrfs, XFS: FICLONE); False where the file
    system has no reflinks (and no ``target`` is left)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        with open(path, "rb") as src, open(target, "wb") as out:
            fcntl.ioctl(out.fileno(), 0x40049409, src.fileno())  # FICLONE
        return True
    except OSError:
        Path(target).unlink(missing_ok=True)
        return False


def _upgrade(path: Path, version: int) -> Path:
    """Keep a backup, then run the upgrade steps from ``version`` to the current format."""
    backup = backup_path_for(path, f"v{version}")
    from kehila_desktop.core.file.guard import check_schema

    src = _connect(path, read_only=True)
    try:
        check_schema(src, path, version, FORMAT_VERSION)  # before any of its SQL runs
        _quick_check(src, path)
        copy_consistent(src, backup)
    finally:
        src.close()
    conn = _connect(path, read_only=False)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")  # tables are rebuilt (upgrade_v2.rebuild)
        conn.execute("BEGIN IMMEDIATE")
        for step in range(version, FORMAT_VERSION):
            migrate = MIGRATIONS.get(step)
            if migrate is None:
                raise ProgramFileError(
                    "damaged", "No upgrade is known from format {version}.", version=step
                )
            migrate(conn)
        conn.execute(f"PRAGMA user_version={FORMAT_VERSION}")
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # give back the pages of the old tables
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return backup
