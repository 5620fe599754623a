"""One running app per user: a second launch (a real second process, as a double-click
makes) hands its file to the running app, which shows it — in the window that already has
it, in an empty window, or in a new window — and never opens one file twice."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from kehila_desktop.core.file.lock import read_lock
from kehila_desktop.core.file.create import create_program

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def name():
    return f"kehila-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def env(tmp_path, name, monkeypatch):
    """This process and the launched ones: one private socket name, settings, data."""
    from PySide6.QtCore import QSettings

    from kehila_desktop.gui import dialogs

    conf = tmp_path / "config"
    conf.mkdir()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(conf))
    monkeypatch.setenv("KEHILA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KEHILA_INSTANCE_KEY", name)
    monkeypatch.setattr(dialogs, "answer", lambda box, buttons: "cancel")
    child = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(conf),
        KEHILA_DATA_DIR=str(tmp_path / "data"),
        KEHILA_INSTANCE_KEY=name,
        PYTHONPATH=str(ROOT),
    )
    return child


@pytest.fixture
def files(tmp_path):
    return {key: create_program(tmp_path / f"{key}.kehila", name=key) for key in ("a", "b")}


@pytest.fixture
def running(qtbot, env, files, name):
    """The running app: one main window with a.kehila open, answering on ``name``."""
    from kehila_desktop.gui.app import create_application
    from kehila_desktop.gui.mainwindow import MainWindow
    from kehila_desktop.gui.single_instance import serve

    create_application(language="en", exception_hook=False)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.files.open_path(files["a"])
    server = serve(window, name=name)
    assert server.server.isListening()
    yield server
    for other in list(server.windows):
        try:
            other.files.close()
            other.close()
        except RuntimeError:
            pass
    server.close()
    server.deleteLater()


def launch(qtbot, env, *args, timeout=30.0) -> int:
    """``kehila-desktop ARGS`` as a second process; its exit status (it must exit)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kehila_desktop.gui.app", *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=int(timeout * 1000))
    except AssertionError:
        proc.kill()
        proc.wait()
        pytest.fail("the second launch did not hand over and exit: it started a second app")
    return proc.returncode


def windows_with_files(server) -> dict[str, object]:
    return {Path(w.context.pf.path).stem: w for w in server.windows if w.context.pf}


def test_second_launch_opens_its_file_in_a_new_window(qtbot, running, env, files):
    first = running.windows[0]
    assert launch(qtbot, env, files["b"]) == 0
    qtbot.waitUntil(lambda: running.window_for(files["b"]) is not None, timeout=10000)
    opened = running.window_for(files["b"])
    assert opened is not first and opened.isVisible()
    assert Path(first.context.pf.path).stem == "a"  # the first window keeps its file
    assert read_lock(files["b"]).pid == os.getpid()  # this process is the one writer
    opened.close()  # closing the extra window releases its file
    qtbot.waitUntil(lambda: read_lock(files["b"]) is None, timeout=20000)


def test_second_launch_of_an_open_file_uses_its_window(qtbot, running, env, files):
    assert launch(qtbot, env, files["a"]) == 0
    qtbot.wait(300)
    assert list(windows_with_files(running)) == ["a"]
    assert len(running.windows) == 1
    assert read_lock(files["a"]).pid == os.getpid()


def test_relative_path_is_made_absolute_by_the_launcher(qtbot, running, env, files):
    child = dict(env)
    proc_cwd = files["b"].parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "kehila_desktop.gui.app", "b.kehila"], env=child, cwd=proc_cwd
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    qtbot.waitUntil(lambda: running.window_for(files["b"]) is not None, timeout=10000)


def test_launch_without_a_file_only_raises_the_running_app(qtbot, running, env):
    assert launch(qtbot, env) == 0
    qtbot.wait(300)
    assert len(running.windows) == 1


def test_an_empty_window_takes_the_file(qtbot, running, files):
    first = running.windows[0]
    first.files.close()
    assert running.show_file(str(files["b"])) is first
    assert Path(first.context.pf.path).stem == "b"
    assert len(running.windows) == 1


def test_a_file_that_cannot_open_leaves_no_extra_window(qtbot, running, tmp_path):
    from kehila_desktop.gui import dialogs

    bad = tmp_path / "not-a-program.kehila"
    bad.write_bytes(b"hello")
    dialogs.shown.clear()
    assert running.show_file(str(bad)) is None
    assert len(running.windows) == 1
    assert dialogs.shown and dialogs.shown[-1][0] == "error"


def test_no_running_app_means_start_normally(env, name):
    from kehila_desktop.gui.single_instance import hand_over

    assert hand_over("/tmp/x.kehila", name=name + "-nobody", timeout_ms=500) is False


def test_a_second_server_with_the_same_name_does_not_steal_it(qtbot, running, name):
    from kehila_desktop.gui.single_instance import InstanceServer

    other = InstanceServer(name=name)
    assert other.listen() is False
    assert running.server.isListening()
    other.deleteLater()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_socket_left_by_a_crashed_app_is_replaced(qtbot, env, name):
    from PySide6.QtCore import QDir

    from kehila_desktop.gui.single_instance import InstanceServer

    path = os.path.join(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)  # a socket file no one listens on: what a killed app leaves
    stale.close()
    assert os.path.exists(path)
    server = InstanceServer(name=name)
    try:
        assert server.listen() is True
    finally:
        server.close()
        server.deleteLater()


@pytest.mark.skipif(sys.platform == "win32", reason="uses a Unix socket client")
def test_malformed_request_is_refused_and_opens_nothing(qtbot, running):
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(running.server.fullServerName())
    client.sendall(b'{"open": 42}\n')
    client.setblocking(False)
    reply = b""

    def answered() -> bool:
        nonlocal reply
        try:
            reply += client.recv(100)
        except BlockingIOError:
            pass
        return b"\n" in reply

    qtbot.waitUntil(answered, timeout=20000)
    client.close()
    assert reply.strip() == b"error"
    qtbot.wait(100)
    assert len(running.windows) == 1


def test_macos_file_open_event_shows_the_file(qtbot, running, files):
    """Finder's double-click reaches a running app as a FileOpen event, not a launch."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    app.installEventFilter(running)  # serve() does this on macOS only
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(files["b"])))
        qtbot.waitUntil(lambda: running.window_for(files["b"]) is not None, timeout=20000)
    finally:
        app.removeEventFilter(running)
    assert len(running.windows) == 2


def _meeting_in(path) -> str:
    """A meeting of the design committee in the (closed) file ``path``; returns its id."""
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.meetings.edits import new_meeting

    with open_program(path) as pf:
        body = pf.conn.execute("SELECT id FROM live_body WHERE kind='design'").fetchone()[0]
        return new_meeting(Operations(pf), body, "2026-05-04")


def _room_of(window):
    room = window.views.get("meetings") and window.views["meetings"].inroom
    return room if room is not None and room.isVisible() else None


def test_second_launch_in_room_opens_the_file_and_its_meeting_in_the_room(
    qtbot, running, env, files
):
    meeting = _meeting_in(files["b"])
    assert launch(qtbot, env, files["b"], "--in-room", meeting[:8]) == 0
    qtbot.waitUntil(lambda: running.window_for(files["b"]) is not None, timeout=10000)
    opened = running.window_for(files["b"])
    qtbot.waitUntil(lambda: _room_of(opened) is not None, timeout=10000)
    room = _room_of(opened)
    assert room.meeting_id == meeting
    assert _room_of(running.windows[0]) is None  # the first window's file has no such meeting
    room.timer.stop()
    room.close()


def test_second_launch_in_room_of_the_open_file_enters_the_room_in_its_window(
    qtbot, running, env, files
):
    first = running.windows[0]
    first.files.close()
    meeting = _meeting_in(files["a"])
    assert first.files.open_path(files["a"])
    assert launch(qtbot, env, files["a"], "--in-room", meeting) == 0
    qtbot.waitUntil(lambda: _room_of(first) is not None, timeout=10000)
    assert _room_of(first).meeting_id == meeting
    assert len(running.windows) == 1  # no second window, no second writer
    _room_of(first).timer.stop()
    _room_of(first).close()


def test_an_unknown_meeting_in_the_room_request_says_so_once(qtbot, running, files):
    from kehila_desktop.gui import dialogs

    dialogs.shown.clear()
    window = running.show_file(str(files["a"]), "no-such-meeting")
    assert window is running.windows[0] and _room_of(window) is None
    assert [kind for kind, _text in dialogs.shown] == ["error"]
