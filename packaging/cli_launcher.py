"""The frozen ``kehila.exe``'s entry script on Windows (a console program there; elsewhere the
bundle's ``kehila`` is a link to the app, see launcher.py): ``kehila_desktop.cli:main``."""

import sys

from kehila_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
