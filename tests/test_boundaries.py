"""The core and the CLI never import Qt (they must start fast and run anywhere)."""

from __future__ import annotations

import subprocess
import sys


def test_core_printing_and_cli_do_not_import_qt():
    code = (
        "import sys, pkgutil, importlib\n"
        "import kehila_desktop.core, kehila_desktop.commands\n"
        "names = ['kehila_desktop.cli']\n"
        "for pkg in ('kehila_desktop.core', 'kehila_desktop.commands', 'kehila_desktop.printing'):\n"
        "    try:\n"
        "        mod = importlib.import_module(pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    names += [pkg + '.' + m.name for m in pkgutil.walk_packages(mod.__path__)]\n"
        "for n in names:\n"
        "    importlib.import_module(n)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(len(names), qt)\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[0]) > 10
