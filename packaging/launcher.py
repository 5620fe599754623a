"""The frozen app's entry script (PyInstaller needs a file).

One program, two names: started as ``kehila`` (the link beside it in the bundle, or
``kehila.exe`` on Windows) it is the command line (``kehila_desktop.cli:main``, no Qt loaded);
under any other name it is the app (``kehila_desktop.gui.app:main``).
"""

import os
import sys


def _started_as_cli() -> bool:
    return os.path.splitext(os.path.basename(sys.argv[0]))[0].lower() == "kehila"


if __name__ == "__main__":
    if _started_as_cli():
        from kehila_desktop.cli import main
    else:
        from kehila_desktop.gui.app import main
    sys.exit(main())
