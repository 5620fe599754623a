"""The command line's errors and exit statuses (each subcommand raises these; ``cli`` maps
them to one line on stderr and the status)."""

from __future__ import annotations

from kehila_desktop.core.errors import KehilaError

EXIT_OK, EXIT_USAGE, EXIT_FILE, EXIT_SHEET = 0, 2, 3, 4


class UsageError(KehilaError):
    """A command given something that does not exist or does not fit (exit 2)."""


class SheetError(KehilaError):
    """An input sheet that cannot be read (exit 4)."""
