"""The ``kehila`` command: program files from the command line, over core/ and printing/ only.

Each subcommand lives in ``kehila_desktop/commands/NAME.py`` with ``register(subparsers)``
(which sets ``func``) and is listed in ``COMMANDS``. Exit status: 0 success, 2 usage error,
3 the program file cannot be used, 4 an input sheet cannot be read. Errors are one plain line
on stderr, never a traceback. This module must not import Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys

from kehila_desktop.core.errors import KehilaError, ProgramFileError
from kehila_desktop.commands._common import use_language
from kehila_desktop.commands.errors import (
    EXIT_FILE,
    EXIT_OK,
    EXIT_SHEET,
    EXIT_USAGE,
    SheetError,
    UsageError,
)
from kehila_desktop.core.i18n import tr, translate_argparse

__all__ = ["EXIT_FILE", "EXIT_OK", "EXIT_SHEET", "EXIT_USAGE", "SheetError", "UsageError", "main"]

COMMANDS = (
    "new",
    "info",
    "check",
    "print",
    "import",
    "export",
    "calendar",
    "share",
    "merge",
    "join",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from kehila_desktop import __version__

    parser = _Parser(prog="kehila", description=tr("Kehila Desktop program files."))
    parser.add_argument(
        "--version",
        action="version",
        version=f"kehila {__version__}",
        help=tr("show the version and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"{__package__}.commands.{name}_cmd").register(subparsers)
    translate_help(parser)
    return parser


# What an argument means when its command does not say (the same in every command).
COMMON_HELP = {
    "file": "the program file (.kehila)",
    "json": "print it as JSON (for scripts)",
    "language": "the language of the messages and of what is written (he, ar or en)",
}


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Every description and argument help of ``parser`` and its subcommands in the current
    language (the commands write them in English, the catalogue's ids)."""
    if parser.description:
        parser.description = tr(parser.description)
    for action in parser._actions:
        if action.help is None and action.dest in COMMON_HELP:
            action.help = COMMON_HELP[action.dest]
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = tr(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = tr(choice.help) if choice.help else choice.help
            for sub in action.choices.values():
                translate_help(sub)


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
    except sqlite3.Error as exc:  # busy, interrupted (too long), damaged: one sentence
        from kehila_desktop.core.file.programfile import explain_sqlite_error

        error = explain_sqlite_error(getattr(args, "file", ""), exc)
        print(f"kehila: {error.text(tr)}", file=sys.stderr)
        return EXIT_FILE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
