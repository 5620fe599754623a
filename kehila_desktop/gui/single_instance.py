"""One running Kehila Desktop per user: a second launch hands its file to the running app.

When a facilitator double-clicks a ``.kehila`` while the app already runs, the new process
calls :func:`hand_over` — it connects to the running app's local socket (one name per user;
a Unix socket or a Windows named pipe, readable only by that user), sends the file's absolute
path (and the meeting of ``--in-room``, if given), waits for "ok" and exits. The running app
(:func:`serve`) then shows the file:

- if one of its windows has that file open, that window comes to the front (one process,
  one window, one writer per file — the lock file in ``core/lock.py`` guards the other
  processes);
- else if a window has no file open, the file opens there;
- else it opens in a new window, and closing that window releases its file.

With ``--in-room MEETING_ID`` that window then opens the meeting in in-room mode (without a
file: the meeting of the front window's file). A launch without a file just brings the running
app's window to the front. macOS does not
start a second process on a double-click: it sends the running app a ``FileOpen`` event,
which :func:`serve` routes the same way. When no app answers (none runs, or it hangs), the
new process starts normally.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

TIMEOUT_MS = 4000  # a busy running app (opening a big file) still answers in time
_MAX_MESSAGE = 64 * 1024
FILE_OPEN_DELAY_MS = 600  # after app.py's start-up open (first paint, or 300 ms at most)


def server_name() -> str:
    """The per-user name of the running app's socket (``KEHILA_INSTANCE_KEY`` overrides it,
    for tests and for side-by-side versions)."""
    override = os.environ.get("KEHILA_INSTANCE_KEY")
    if override:
        return override
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment
        user = str(Path.home())
    digest = hashlib.sha1(f"{user}\0{Path.home()}".encode("utf-8", "replace")).hexdigest()
    return f"kehila-desktop-{digest[:16]}"


def _message(path: str | os.PathLike | None, in_room: str | None = None) -> bytes:
    target = str(Path(path).expanduser().absolute()) if path else None
    request: dict[str, str | None] = {"open": target}
    if in_room:
        request["in_room"] = in_room
    return (json.dumps(request) + "\n").encode("utf-8")


def hand_over(
    path: str | os.PathLike | None,
    *,
    in_room: str | None = None,
    name: str | None = None,
    timeout_ms: int = TIMEOUT_MS,
) -> bool:
    """Give ``path`` (or just "come to the front" when None) to a running Kehila Desktop,
    with ``in_room``: the meeting (its id or the start of it) to open in in-room mode.

    True when a running app took it (this process should exit); False when none answered."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(_message(path, in_room))
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = b""
        while b"\n" not in reply:
            if not socket.waitForReadyRead(timeout_ms):
                return False
            reply += bytes(socket.readAll())
        return reply.strip() == b"ok"
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """The running app's end: receives paths from later launches and shows them."""

    fileRequested = Signal(object, object)  # path (None: "come to the front"), in-room meeting

    def __init__(
        self,
        window: QWidget | None = None,
        *,
        name: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else QApplication.instance())
        self.name = name or server_name()
        self.windows: list[QWidget] = []
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self.fileRequested.connect(self.show_file)
        if window is not None:
            self.add_window(window)

    # --- listening ----------------------------------------------------------------------
    def listen(self) -> bool:
        """Start answering; False when another live instance already answers this name.

        Ask first, listen after: with per-user access Qt binds the socket elsewhere and
        renames it into place (a live server's name would be taken over), and Windows lets
        two servers share a pipe name."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(300):  # a live app owns the name: stay on our own
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed app
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setProperty("buffer", b"")
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.property("buffer") or b"") + bytes(socket.readAll())
        if b"\n" not in data:
            if len(data) > _MAX_MESSAGE:
                socket.abort()
            else:
                socket.setProperty("buffer", data)
            return
        line = data.split(b"\n", 1)[0]
        try:
            request = json.loads(line.decode("utf-8"))
            path = request.get("open")
            in_room = request.get("in_room")
            if path is not None and not isinstance(path, str):
                raise ValueError("open must be a path")
            if in_room is not None and not isinstance(in_room, str):
                raise ValueError("in_room must be a meeting id")
        except (ValueError, AttributeError, UnicodeDecodeError):
            log.warning("ignored a malformed request from another launch")
            socket.write(b"error\n")
            socket.flush()
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        # After the reply: the other process exits while this one may show dialogs.
        QTimer.singleShot(0, lambda: self.fileRequested.emit(path, in_room))

    # --- windows ------------------------------------------------------------------------
    def add_window(self, window: QWidget) -> None:
        self.windows.append(window)
        window.destroyed.connect(lambda *_a, w=window: self._forget(w))

    def _forget(self, window: QWidget) -> None:
        self.windows = [w for w in self.windows if w is not window]

    def _live_windows(self) -> list[QWidget]:
        alive = []
        for window in self.windows:
            try:
                window.isVisible()
            except RuntimeError:  # already deleted on the C++ side
                continue
            alive.append(window)
        self.windows = alive
        return alive

    def window_for(self, path: str | os.PathLike) -> QWidget | None:
        """The window that has ``path`` open, if any."""
        for window in self._live_windows():
            pf = window.context.pf
            if pf is not None and _same(pf.path, path):
                return window
        return None

    def show_file(self, path: str | None, in_room: str | None = None) -> QWidget | None:
        """Bring ``path`` to the front: its window, an empty window, or a new one; then, with
        ``in_room``, open that meeting of it in in-room mode."""
        window = self._show_file(path)
        if window is not None and in_room and window.context.pf is not None:
            from kehila_desktop.gui.views.meetings.room_start import open_in_room

            open_in_room(window, in_room)
        return window

    def _show_file(self, path: str | None) -> QWidget | None:
        windows = self._live_windows()
        if path is None:
            target = next((w for w in windows if w.isVisible()), windows[0] if windows else None)
            if target is not None:
                _activate(target)
            return target
        existing = self.window_for(path)
        if existing is not None:
            _activate(existing)
            return existing
        empty = next((w for w in windows if w.context.pf is None), None)
        if empty is not None:
            _activate(empty)
            empty.files.open_path(path)
            return empty
        return self._new_window(path)

    def _new_window(self, path: str) -> QWidget | None:
        from PySide6.QtCore import Qt

        from kehila_desktop.gui.mainwindow import MainWindow

        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(window.files.close)
        if not window.files.open_path(path):  # the dialog said why; no empty extra window
            window.close()
            return None
        self.add_window(window)
        _activate(window)
        return window

    # --- macOS: Finder sends the running app a FileOpen event -------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()
            if path:
                # A double-click that starts the app sends this right away: let the first
                # window finish opening what it opens at start-up, then show this file.
                QTimer.singleShot(FILE_OPEN_DELAY_MS, lambda: self.show_file(path))
                return True
        return False


def serve(window: QWidget, *, name: str | None = None) -> InstanceServer:
    """Make this process the one later launches hand their files to (and, on macOS, the
    one Finder's FileOpen events reach). Returns the server (listening unless another live
    instance already owns the name)."""
    server = InstanceServer(window, name=name)
    if not server.listen():
        log.info("another Kehila Desktop answers %s; this one runs on its own", server.name)
    app = QApplication.instance()
    if app is not None and sys.platform == "darwin":  # a global filter: only where needed
        app.installEventFilter(server)
    return server


def _activate(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()


def _same(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False
