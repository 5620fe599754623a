"""The frozen app's entry script (PyInstaller needs a file): ``kehila_desktop.gui.app:main``."""

import sys

from kehila_desktop.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
