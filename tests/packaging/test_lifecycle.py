"""The app process starts and ends safely: no screen → one sentence and exit 1 (no abort);
SIGTERM/SIGINT close the file the normal way (its lock released, so another computer can
open it); --version on both commands; the lock names the user."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kehila_desktop.core.file import lock
from kehila_desktop.core.file.create import create_program
from kehila_desktop.gui import lifecycle

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path, **extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        KEHILA_DATA_DIR=str(tmp_path / "data"),
        KEHILA_INSTANCE_KEY=f"kehila-test-{uuid.uuid4().hex[:12]}",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def _app(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "kehila_desktop.gui.app", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_no_display_is_one_sentence_and_exit_1(tmp_path):
    done = _app("--language", "he", env=_env(tmp_path))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "צריכה מסך" in lines[0] and "kehila" in lines[0]
    # an X display that nobody serves is no screen either
    done = _app("--language", "en", env=_env(tmp_path, DISPLAY=":987"))
    assert done.returncode == 1 and "needs a screen" in done.stderr


def test_display_rule():
    assert lifecycle.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    if sys.platform.startswith("linux"):
        assert lifecycle.display_problem({}) is not None
        assert lifecycle.display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
        assert lifecycle.display_problem({"DISPLAY": ":987"}) is not None
        assert lifecycle.display_problem({"DISPLAY": "otherhost:0"}) is None


def test_version_on_both_commands(tmp_path):
    from kehila_desktop import __version__

    app = _app("--version", env=_env(tmp_path, QT_QPA_PLATFORM="offscreen"))
    assert app.returncode == 0 and app.stdout.strip() == f"kehila-desktop {__version__}"
    cli = subprocess.run(
        [sys.executable, "-m", "kehila_desktop.cli", "--version"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert cli.returncode == 0 and cli.stdout.strip() == f"kehila {__version__}"


@pytest.mark.skipif(
    not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals"
)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_file_and_releases_its_lock(tmp_path, signum):
    path = create_program(tmp_path / "p.kehila", name="p")
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kehila_desktop.gui.app", str(path), "--language", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # the app has the file once its lock names this process
        deadline_polls = 0
        while deadline_polls < 1200:
            info = lock.read_lock(path)
            if info is not None and info.pid == proc.pid:
                break
            try:
                proc.wait(timeout=0.1)
                pytest.fail(f"the app ended early: {proc.stderr.read()}")
            except subprocess.TimeoutExpired:
                deadline_polls += 1
        else:
            pytest.fail("the app never opened the file")
        proc.send_signal(signum)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert code == 0, proc.stderr.read()
    assert not lock.lock_path(path).exists()


def test_the_lock_names_the_user_without_environment(monkeypatch):
    for key in ("USER", "USERNAME", "LOGNAME", "LNAME"):
        monkeypatch.delenv(key, raising=False)
    if sys.platform == "win32":
        pytest.skip("getpass needs USERNAME on Windows")
    import pwd

    assert lock._user() == pwd.getpwuid(os.getuid()).pw_name
