"""How the app process starts and ends safely: a screen to show on, signals that close the file
cleanly (logout, shutdown, ``kill``, Ctrl+C), and crash records for what Python cannot catch
(a fault) or does not report (an exception in a thread).
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading

from kehila_desktop.core.i18n import tr


def _x_server_answers(display: str) -> bool:
    """Whether the X server named by ``display`` (":0", ":1.0", "host:0") can be reached."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host not in ("", "unix"):
        return True  # a remote or forwarded display: let Qt try it
    path = f"/tmp/.X11-unix/X{number}"
    for address in ("\0" + path, path):  # Linux's abstract socket first, then the file
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(2)
                sock.connect(address)
                return True
        except OSError:
            continue
    return False


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """One sentence when there is no screen the app could open on (Linux), else None.

    Without this, Qt aborts the process with a message that blames a missing library."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if display and _x_server_answers(display):
        return None
    return tr(
        "Kehila Desktop needs a screen to open its window, and none was found. "
        "To work with a program file without a window, use the kehila command."
    )


def close_on_signals(app) -> None:
    """SIGTERM, SIGINT and SIGHUP quit the app the normal way: the half-typed field is saved
    and the lock files are released (``aboutToQuit``)."""
    from PySide6.QtCore import QSocketNotifier

    read, write = socket.socketpair()
    read.setblocking(False)
    write.setblocking(False)
    signal.set_wakeup_fd(write.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(read.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            read.recv(64)
        except OSError:
            pass

    notifier.activated.connect(woken)

    def quit_app(signum, frame) -> None:  # runs in Python once the wake-up fd woke Qt
        app.quit()

    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), quit_app)
    app._kehila_signal_sockets = (read, write, notifier)  # kept alive with the app


def record_faults(log_path, hook) -> None:
    """A fault (segfault, abort) is written to the crash log by ``faulthandler``; an uncaught
    exception in a thread goes to the same ``hook`` as one on the main thread."""
    import faulthandler

    try:
        handle = open(log_path, "a", encoding="utf-8")
    except OSError:
        handle = None
    if handle is not None:
        faulthandler.enable(file=handle, all_threads=True)
        record_faults.handle = handle  # type: ignore[attr-defined]

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
