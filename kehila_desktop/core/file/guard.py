"""A program file is untrusted until its schema is exactly the format's; every query is bounded.

A file that came by e-mail could hold views, triggers or changed tables that make our own
queries run the file's SQL: a view named ``program`` with an endless recursive CTE hangs every
command, a trigger on ``change`` runs inside an import. ``trusted_schema=OFF`` does not stop
either. So, before any query touches a user table, ``check_schema`` reads ``sqlite_master``
(parsing the schema runs nothing) and the structure SQLite reports for each table (columns,
foreign keys, indexes, STRICT/WITHOUT ROWID, CHECK and COLLATE clauses) and refuses the file
unless it is exactly one the format defines:

- the current format: derived from the model (``schema.create_schema`` on an empty in-memory
  database), cached in memory and in the user's cache folder under a hash of the modules that
  define it, so reading a file does not import the ORM;
- an older format N: the frozen ``schemas/vN.sql`` (files opened to be upgraded);
- a newer format (opened read-only): no views or triggers, and the tables this version reads.

``install_limit`` gives a connection a progress handler: a statement running longer than
``query_limit()`` seconds is interrupted (``sqlite3.OperationalError: interrupted``), which the
CLI and the app turn into one sentence (``QueryTooLong``). No Qt, no ORM.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from kehila_desktop import __version__
from kehila_desktop.core.errors import ProgramFileError

SCHEMAS = Path(__file__).with_name("schemas")
_DEFAULT_LIMIT = 60.0  # seconds one statement may run
_PROGRESS_EVERY = 20_000  # virtual-machine steps between looks at the clock
_INTERNAL = ("sqlite_stat1", "sqlite_stat4", "sqlite_sequence")


def not_ours(path) -> ProgramFileError:
    return ProgramFileError(
        "not_program", "{path} is not a program file made by Kehila Desktop.", path=path
    )


def query_limit() -> float:
    """Seconds a statement may run (``KEHILA_QUERY_LIMIT`` overrides; tests make it short)."""
    try:
        value = float(os.environ.get("KEHILA_QUERY_LIMIT", ""))
    except ValueError:
        return _DEFAULT_LIMIT
    return value if value > 0 else _DEFAULT_LIMIT


def install_limit(conn: sqlite3.Connection, seconds: float | None = None) -> None:
    """Interrupt any statement of ``conn`` that runs longer than ``seconds``.

    The clock restarts at the start of every statement (SQLite's trace hook), so a long session
    of short queries is never interrupted; only one statement that keeps running is."""
    limit = query_limit() if seconds is None else seconds
    state = {"start": time.monotonic()}

    def started(_sql: str) -> None:
        state["start"] = time.monotonic()

    def progress() -> int:
        return 1 if time.monotonic() - state["start"] > limit else 0

    conn.set_trace_callback(started)
    conn.set_progress_handler(progress, _PROGRESS_EVERY)


@contextmanager
def limited_without_python(conn: sqlite3.Connection, seconds: float | None = None):
    """Run one long statement of ``conn`` (a full check of the file) under the same time
    limit, kept by a timer that interrupts it rather than by the Python hooks of
    ``install_limit``: those take Python's lock every few thousand steps, so a check in a
    worker thread would wait for the thread running Python each time (and slow it down);
    without them SQLite runs it beside Python, on its own core. The hooks are back after."""
    timer = threading.Timer(query_limit() if seconds is None else seconds, conn.interrupt)
    timer.daemon = True
    conn.set_trace_callback(None)
    conn.set_progress_handler(None, 0)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        install_limit(conn)  # the hooks every connection of ours has (``_connect``)


def is_interrupted(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc)


def too_long(path, seconds: float | None = None) -> ProgramFileError:
    return ProgramFileError(
        "too_long",
        "Reading {path} took longer than {seconds} seconds and was stopped; the file "
        "may be damaged or not made by Kehila Desktop.",
        path=path,
        seconds=round(query_limit() if seconds is None else seconds),
    )


# --- the structure of a schema ---------------------------------------------------------------


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _clauses(sql: str | None) -> dict:
    """What the table's CREATE text holds that no pragma reports."""
    text = re.sub(r"'(?:[^']|'')*'", "''", sql or "")  # string literals say nothing
    upper = text.upper()
    return {
        "check": len(re.findall(r"\bCHECK\b", upper)),
        "collate": sorted(re.findall(r"\bCOLLATE\s+\"?(\w+)", upper)),
        "generated": len(re.findall(r"\bGENERATED\b|\bAS\s*\(", upper)),
        "conflict": len(re.findall(r"\bON\s+CONFLICT\b", upper)),
    }


def fingerprint(conn: sqlite3.Connection) -> dict:
    """The schema of ``conn``'s main database as plain data (JSON-able), comparable exactly.

    Reads only ``sqlite_master`` and pragmas on tables and indexes (never a view)."""
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_master").fetchall()
    out: dict = {
        "objects": sorted([t, n, tb] for t, n, tb, _sql in objects if n not in _INTERNAL),
        "tables": {},
    }
    if any(t not in ("table", "index") for t, _n, _tb, _s in objects):
        return out  # views or triggers: no need to look further
    kinds = {
        row[1]: [row[2], row[4], row[5]]  # type, without rowid, strict
        for row in conn.execute("PRAGMA main.table_list")
    }
    index_sql = {n: " ".join((s or "").split()) for t, n, _tb, s in objects if t == "index"}
    for kind, name, _tbl, sql in objects:
        if kind != "table" or name in _INTERNAL:
            continue
        indexes = []
        for _seq, iname, unique, origin, partial in conn.execute(
            f"PRAGMA main.index_list({_q(name)})"
        ):
            cols = [list(r) for r in conn.execute(f"PRAGMA main.index_xinfo({_q(iname)})")]
            indexes.append(
                [
                    iname if origin == "c" else origin,
                    unique,
                    origin,
                    partial,
                    cols,
                    index_sql.get(iname, ""),
                ]
            )
        out["tables"][name] = {
            "kind": kinds.get(name),
            "columns": [list(r) for r in conn.execute(f"PRAGMA main.table_xinfo({_q(name)})")],
            "foreign_keys": sorted(
                list(r)[2:] for r in conn.execute(f"PRAGMA main.foreign_key_list({_q(name)})")
            ),
            "indexes": sorted(indexes, key=lambda i: (str(i[0]), json.dumps(i))),
            "clauses": _clauses(sql),
        }
    return json.loads(json.dumps(out))  # tuples → lists, as a cached copy would have them


def _from_sql(script: str) -> dict:
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(script)
        return fingerprint(conn)
    finally:
        conn.close()


_cache: dict[str, dict] = {}


def frozen(version: int) -> dict | None:
    """The frozen schema of an older format (``schemas/vN.sql``), or None."""
    key = f"v{version}"
    if key not in _cache:
        path = SCHEMAS / f"v{version}.sql"
        if not path.is_file():
            return None
        _cache[key] = _from_sql(path.read_text(encoding="utf-8"))
    return _cache[key]


def _model_sources() -> list[Path]:
    here = Path(__file__).parent
    return [
        here / name
        for name in ("model.py", "schema.py", "upgrade_v2.py", "upgrade_v3.py", "programfile.py")
    ]


def _schema_key() -> str:
    """The cache key of the current schema: SQLite's version and the code that defines the
    schema. In a frozen bundle the modules are not files (they live inside the program), so
    the program itself stands for them: a new release never reads an older release's schema
    (which would refuse every file, new ones too, as "not a program file")."""
    digest = hashlib.sha256(sqlite3.sqlite_version.encode())
    sources = [source for source in _model_sources() if source.is_file()]
    for source in sources:
        digest.update(source.read_bytes())
    if not sources or getattr(sys, "frozen", False):
        digest.update(__version__.encode())
        try:
            program = Path(sys.executable).stat()
            digest.update(f"{program.st_size}:{program.st_mtime_ns}".encode())
        except OSError:
            pass
    return digest.hexdigest()[:24]


def _cache_dir() -> Path:
    if os.environ.get("KEHILA_CACHE_DIR"):
        return Path(os.environ["KEHILA_CACHE_DIR"])
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return Path(os.environ.get("LOCALAPPDATA") or Path.home()) / "Kehila Desktop" / "cache"
    if sys.platform == "darwin":  # pragma: no cover - macOS only
        return Path.home() / "Library" / "Caches" / "Kehila Desktop"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kehila-desktop"


def current() -> dict:
    """The schema of a fresh file of the current format, derived from the model (cached)."""
    if "current" in _cache:
        return _cache["current"]
    cached = _cache_dir() / f"schema-{_schema_key()}.json"
    try:
        value = json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        value = None
    if not isinstance(value, dict) or "objects" not in value:
        from kehila_desktop.core.file.schema import create_schema

        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            create_schema(conn)
            value = fingerprint(conn)
        finally:
            conn.close()
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(value), encoding="utf-8")
            os.replace(tmp, cached)
        except OSError:
            pass  # no cache folder: derive it again next time
    _cache["current"] = value
    return value


def accepted(version: int, format_version: int) -> list[dict]:
    """The schemas a file of format ``version`` may have, for this build's ``format_version``."""
    out = []
    if version == format_version:
        out.append(current())
    old = frozen(version)
    if old is not None and version <= format_version:
        out.append(old)
    return out


def check_schema(conn: sqlite3.Connection, path, version: int, format_version: int) -> None:
    """Refuse the file (``not_program``) unless its schema is exactly one of format ``version``.

    A newer format than this build's cannot be known exactly: it must have no views or
    triggers and hold every table and column this build reads."""
    try:
        found = fingerprint(conn)
    except sqlite3.DatabaseError as exc:
        if is_interrupted(exc):
            raise too_long(path) from None
        raise ProgramFileError(
            "damaged", "The program file {path} is damaged ({error}).", path=path, error=exc
        ) from None
    if version > format_version:
        if any(kind not in ("table", "index") for kind, _n, _t in found["objects"]):
            raise not_ours(path)
        for name, table in current()["tables"].items():
            have = found["tables"].get(name)
            if have is None or not {c[1] for c in table["columns"]} <= {
                c[1] for c in have["columns"]
            }:
                raise not_ours(path)
        return
    if found not in accepted(version, format_version):
        raise not_ours(path)


def describe_difference(found: dict, expected: dict) -> list[str]:
    """What differs between two fingerprints (for tests and bug reports)."""
    out = []
    objects_found = {tuple(o) for o in found["objects"]}
    objects_expected = {tuple(o) for o in expected["objects"]}
    out += [f"extra {o[0]} {o[1]}" for o in sorted(objects_found - objects_expected)]
    out += [f"missing {o[0]} {o[1]}" for o in sorted(objects_expected - objects_found)]
    for name, table in expected["tables"].items():
        have = found["tables"].get(name)
        if have is not None and have != table:
            out += [f"{name}.{key} differs" for key in table if table[key] != have.get(key)]
    return out
