"""The installed app after an update: the bundle's modules are not files, so the cache of the
current schema (core/file/guard.py) must not be keyed by SQLite's version alone, or the new
release reads the old release's schema and refuses every file, even one it has just made."""

from __future__ import annotations

import json
import sys

import pytest

from kehila_desktop.core.file import guard
from kehila_desktop.core.file.create import create_program
from kehila_desktop.core.file.programfile import open_program


@pytest.fixture
def frozen_app(tmp_path, monkeypatch):
    """A PyInstaller bundle as the guard sees it: frozen, no module sources beside it, the
    program file standing in for the modules packed inside it."""
    program = tmp_path / "kehila-desktop"
    program.write_bytes(b"release 1")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.setattr(guard, "_model_sources", lambda: [tmp_path / "inside" / "model.py"])
    monkeypatch.setenv("KEHILA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(guard, "_cache", {})
    return program


def test_an_updated_bundle_does_not_read_the_old_releases_schema(frozen_app, tmp_path, monkeypatch):
    guard.current()  # release 1 runs once and caches its schema
    (cached,) = (tmp_path / "cache").glob("schema-*.json")
    old = json.loads(cached.read_text(encoding="utf-8"))  # release 1 had one column less
    old["tables"]["area"]["columns"] = old["tables"]["area"]["columns"][:-1]
    cached.write_text(json.dumps(old), encoding="utf-8")

    frozen_app.write_bytes(b"release 2, a changed schema inside")  # the update is installed
    monkeypatch.setattr(guard, "_cache", {})  # and started afresh
    made = create_program(tmp_path / "new.kehila", name="Program", locality="Ein Gedi")
    with open_program(made) as pf:
        assert pf.conn.execute("SELECT count(*) FROM live_body").fetchone()[0] > 0


def test_the_same_bundle_reads_its_own_cache(frozen_app, tmp_path, monkeypatch):
    first = guard.current()
    monkeypatch.setattr(guard, "_cache", {})
    assert guard.current() == first
    assert len(list((tmp_path / "cache").glob("schema-*.json"))) == 1
