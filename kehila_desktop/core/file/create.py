"""A new program file: built under a temporary name beside the target, its schema made from
the model, initialised through the operations layer (``structure.edits.init_program``) and
moved into place whole, never over an existing file.

It lives apart from ``programfile`` (which opens and checks files) because it writes through
the operations layer, which itself stands on ``programfile``."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path
from collections.abc import Callable

from kehila_desktop.core.errors import ProgramFileError
from kehila_desktop.core.file import recovery
from kehila_desktop.core.file.programfile import (
    APPLICATION_ID,
    FORMAT_VERSION,
    new_id,
    now_utc,
    open_program,
)
from kehila_desktop.core.history.operations import Operations
from kehila_desktop.core.structure.edits import init_program


def create_program(
    path: str | os.PathLike,
    *,
    name: str = "",
    locality: str = "",
    language: str = "he",
    populate: Callable[[object], None] | None = None,
) -> Path:
    """Create a new program file at ``path`` (never overwriting one) and return its path.

    The file is built under a temporary name beside the target and moved into place whole;
    ``populate(ops)`` may fill it through the operations layer first.
    """
    from kehila_desktop.core.file.schema import create_schema

    path = Path(path)
    if path.exists():
        raise ProgramFileError(
            "exists", "{path} already exists; it was not overwritten.", path=path
        )
    if not path.parent.is_dir():
        raise ProgramFileError("missing", "The folder {path} does not exist.", path=path.parent)
    recovery.sweep(path.parent)
    tmp = recovery.temp_name(path, "creating")
    try:
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={FORMAT_VERSION}")
        create_schema(conn)
        copy_id = new_id()
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('copy_id', ?), ('created_at', ?), "
            "('created_by', ?)",
            (copy_id, now_utc(), json.dumps("kehila-desktop")),
        )
        conn.close()
        pf = open_program(tmp, _new=True)
        try:
            ops = Operations(pf)
            init_program(ops, name=name, locality=locality, language=language)
            if populate is not None:
                populate(ops)
            ops.forget_undo()
        finally:
            pf.close()
        _place_without_overwrite(tmp, path)
    finally:
        recovery.remove_with_side_files(tmp)
    return path


def _place_without_overwrite(tmp: Path, target: Path) -> None:
    try:
        os.link(tmp, target)  # atomic, and fails if target exists
    except FileExistsError:
        raise ProgramFileError(
            "exists", "{path} already exists; it was not overwritten.", path=target
        ) from None
    except OSError:
        if target.exists():
            raise ProgramFileError(
                "exists", "{path} already exists; it was not overwritten.", path=target
            ) from None
        shutil.move(str(tmp), str(target))
        return
    tmp.unlink()
