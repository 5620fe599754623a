"""Start-up of ``kehila-desktop --quit-when-ready`` beside bare PySide6 baselines, one run.

Each figure is the median over several fresh processes of the seconds from spawning the
process to (a) the first paint of the main window and (b) the first view filled, read from the
marks the app prints with ``KEHILA_STARTUP_TIMING=1``. Baselines, measured the same way in
the same run: a bare PySide6 ``QMainWindow`` (first paint) and the same window after
``import sqlmodel`` (ready). Targets (issue 3): first paint ≤ 1.5× the bare window; first
view filled ≤ 1.3× bare window + ``import sqlmodel``. Run with
``uv run python -m bench startup`` (offscreen unless ``QT_QPA_PLATFORM`` is set).

All processes run with cached bytecode (``PYTHONPYCACHEPREFIX`` in a temporary folder, filled
by a warm-up run; the environment may set ``PYTHONDONTWRITEBYTECODE``, which would make every
process compile every module, as no installed app does), and the candidates run in turns so
that load on the machine falls on all of them alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import big_program

REPEAT = 7

BARE = r"""
import os, sys, time
T0 = float(os.environ["KEHILA_T0"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
if os.environ.get("WITH_SQLMODEL"):
    import sqlmodel  # noqa: F401
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 780); w.setCentralWidget(QLabel("ready"))
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.UpdateRequest:
            print(f"first-paint {time.time() - T0:.4f}", file=sys.stderr, flush=True)
            print(f"view-filled {time.time() - T0:.4f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, app.quit)
            w.removeEventFilter(self)
        return False
watch = Watch(); w.installEventFilter(watch)
w.show()
app.exec()
"""


def _marks(args: list[str], env_extra: dict[str, str]) -> dict[str, float]:
    env = dict(os.environ, KEHILA_STARTUP_TIMING="1", **env_extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["KEHILA_T0"] = repr(time.time())
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                          timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{args} exited {done.returncode}: {done.stderr[-2000:]}")
    marks = {}
    for line in done.stderr.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("first-paint", "view-filled"):
            marks.setdefault(parts[0], float(parts[1]))
    return marks


def _medians(candidates: dict[str, tuple[list[str], dict[str, str]]]) -> dict[str, dict]:
    """Median marks per candidate; one warm-up each, then REPEAT rounds taking turns."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in candidates}
    for name, (args, env) in candidates.items():
        _marks(args, env)  # warm-up: bytecode, font and file caches
    for _ in range(REPEAT):
        for name, (args, env) in candidates.items():
            runs[name].append(_marks(args, env))
    return {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            for name, rs in runs.items()}


def run(report) -> None:
    data = Path(tempfile.mkdtemp(prefix="kehila-startup-"))
    env = {"KEHILA_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(data)}
    from kehila_desktop.core.file.create import create_program
    from kehila_desktop.core.sample.build import populate_sample

    sample = create_program(data / "sample.kehila", populate=populate_sample)
    big = big_program(5000)
    env["PYTHONPYCACHEPREFIX"] = str(data / "pycache")
    app = ["-m", "kehila_desktop.gui.app", "--quit-when-ready"]
    marks = _medians({
        "bare": (["-c", BARE], env),
        "bare+sqlmodel": (["-c", BARE], {**env, "WITH_SQLMODEL": "1"}),
        "sample": ([*app, str(sample)], env),
        "5000 people": ([*app, str(big)], env),
    })
    bare, bare_sqlmodel = marks["bare"], marks["bare+sqlmodel"]
    for name in ("sample", "5000 people"):
        report.add(f"first paint, {name}", marks[name]["first-paint"], "bare PySide6 window",
                   bare["first-paint"], 1.5)
        report.add(f"first view filled, {name}", marks[name]["view-filled"],
                   "bare window + import sqlmodel", bare_sqlmodel["view-filled"], 1.3)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.common import Report

    run(Report())
