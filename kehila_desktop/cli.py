"""The ``kehila`` command: program files from the command line, over core/ and printing/ only.

Each subcommand lives in ``kehila_desktop/commands/NAME.py`` with ``register(subparsers)``
(which sets ``func``) and is listed in ``COMMANDS``. Exit status: 0 success, 2 usage error,
3 the program file cannot be used, 4 an input sheet cannot be read. Errors are one plain line
on stderr, never a traceback. This module must not import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kehila_desktop.core.errors import KehilaError, ProgramFileError
from kehila_desktop.commands._common import use_language
from kehila_desktop.commands.errors import EXIT_FILE, EXIT_OK, EXIT_SHEET, EXIT_USAGE, SheetError, UsageError
from kehila_desktop.core.i18n import tr, translate_argparse

__all__ = ["EXIT_FILE", "EXIT_OK", "EXIT_SHEET", "EXIT_USAGE", "SheetError", "UsageError", "main"]

COMMANDS = ("new", "info", "check", "print", "import", "export", "calendar", "share", "merge")



class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kehila", description="Kehila Desktop program files.")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"{__package__}.commands.{name}_cmd").register(subparsers)
    return parser


def _language_asked(argv: list[str]) -> str | None:
    """``--language`` before parsing (for --help and argparse's errors), except new's, which
    names the program's language."""
    if argv[:1] == ["new"]:
        return None
    for index, arg in enumerate(argv):
        if arg.startswith("--language="):
            return arg.split("=", 1)[1]
        if arg == "--language" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    use_language(_language_asked(argv))
    translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    # Messages: --language where it names the output's language (not new's program language),
    # else KEHILA_LANGUAGE or the locale.
    use_language(None if args.command == "new" else getattr(args, "language", None))
    try:
        return int(args.func(args) or 0)
    except ProgramFileError as exc:
        print(f"kehila: {exc.text(tr)}", file=sys.stderr)
        return EXIT_FILE
    except SheetError as exc:
        print(f"kehila: {exc.text(tr)}", file=sys.stderr)
        return EXIT_SHEET
    except (UsageError, KehilaError) as exc:
        print(f"kehila: {exc.text(tr)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
