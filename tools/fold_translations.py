"""Fold JSON translation entries into the gettext catalogues, then delete the JSON.

    uv run python tools/fold_translations.py [--keep-json] [--dry-run]

Before the move to gettext, each part of the app had ``resources/translations/LANG/PART.json``
(English id → text). Run this after merging main into a branch that still adds entries to
those files: every entry whose id is not yet in ``LANG/LC_MESSAGES/kehila.po`` is added there
(or fills an empty/fuzzy one), and the JSON files are removed.

An id that is already translated in the .po keeps the .po's text — unless the JSON's text
differs from what that JSON file said before the move (the last commit that still had it),
i.e. the branch changed the translation on purpose; then the JSON's text wins. Every such
case is printed, so you can check it.

The catalogues are written sorted by context and id, unwrapped, so parallel additions land in
different places of the file and merge cleanly.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
from datetime import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("he", "ar", "en")
DOMAIN = "kehila"
# CLDR plural rules as gettext expressions. Hebrew: one / two / other (CLDR 42+ dropped
# "many"); Arabic: zero / one / two / few (3-10) / many (11-99) / other (100, 101, 102 …).
PLURAL_FORMS = {
    "he": "nplurals=3; plural=(n == 1 ? 0 : n == 2 ? 1 : 2);",
    "ar": (
        "nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : "
        "n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 && n % 100 <= 99 ? 4 : 5);"
    ),
    "en": "nplurals=2; plural=(n != 1);",
}
PERCENT_FORMAT = re.compile(r"%(\([a-z_]+\))?[sdr]")  # argparse's own messages
LANGUAGE_TEAMS = {"he": "Hebrew", "ar": "Arabic", "en": "English"}


def po_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_catalogue(language: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = po_path(language)
    if path.exists():
        with open(path, "rb") as handle:
            catalogue = read_po(handle, locale=language, domain=DOMAIN)
    else:
        catalogue = Catalog(
            locale=language,
            domain=DOMAIN,
            project="Kehila Desktop",
            version="",
            copyright_holder="Kehila Desktop contributors",
            language_team=LANGUAGE_TEAMS[language],
            fuzzy=False,
        )
    return catalogue


def save_catalogue(language: str, catalogue) -> None:
    from babel.messages.pofile import write_po

    catalogue.fuzzy = False
    catalogue.last_translator = "Kehila Desktop translators"
    if not isinstance(catalogue.revision_date, datetime):  # stable: no header churn to merge
        catalogue.revision_date = catalogue.creation_date
    for message in catalogue:
        if message.id and not PERCENT_FORMAT.search(_first(message.id)):
            message.flags.discard("python-format")  # "{pct}%" is not a %-format
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".po.tmp")
    with open(tmp, "wb") as handle:
        write_po(
            handle, catalogue, width=0, sort_output=True, omit_header=False, include_previous=False
        )
    text = tmp.read_text(encoding="utf-8")
    text = _set_header(text, "Plural-Forms", PLURAL_FORMS[language])
    text = _set_header(text, "Language", language)
    text = _set_header(text, "Project-Id-Version", "Kehila Desktop")
    text = _set_header(text, "Report-Msgid-Bugs-To", "")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("# FIRST AUTHOR"))
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _first(msgid) -> str:
    return msgid[0] if isinstance(msgid, (tuple, list)) else msgid


def _set_header(text: str, name: str, value: str) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith(f'"{name}: '):
            lines[index] = f'"{name}: {value}\\n"'
            return "\n".join(lines)
        if line == "":  # end of the header entry
            lines.insert(index, f'"{name}: {value}\\n"')
            return "\n".join(lines)
    return text


def _before_the_move(path: Path) -> dict[str, str]:
    """What this JSON file said in the last commit that still had it (the base of a branch's
    own edits); {} when git cannot tell."""
    rel = path.relative_to(ROOT).as_posix()
    try:
        deleted = subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "log",
                "-1",
                "--format=%H",
                "--diff-filter=D",
                "HEAD",
                "--",
                rel,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not deleted:
            return {}
        old = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{deleted}^:{rel}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(old)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return {}


def fold(language: str, dry_run: bool = False) -> tuple[int, int, list[Path]]:
    """(added, changed, JSON files folded) for one language."""
    files = sorted((TRANSLATIONS / language).glob("*.json"))
    if not files and po_path(language).exists():
        return 0, 0, []
    catalogue = load_catalogue(language)
    added = changed = 0
    for path in files:
        entries = json.loads(path.read_text(encoding="utf-8"))
        base = _before_the_move(path)
        for msgid, text in entries.items():
            if not msgid or not isinstance(text, str):
                continue
            message = catalogue.get(msgid)
            if message is None:
                catalogue.add(msgid, text)
                added += 1
            elif not message.string or message.fuzzy:
                message.string, message.flags = text, message.flags - {"fuzzy"}
                added += 1
            elif message.string != text and msgid in base and base[msgid] != text:
                print(
                    f"{language}: {msgid!r}: {message.string!r} → {text!r} (changed on this branch)"
                )
                message.string = text
                changed += 1
            elif message.string != text:
                print(
                    f"{language}: {msgid!r}: kept the catalogue's {message.string!r} "
                    f"(JSON {text!r} is older)"
                )
    if not dry_run:
        save_catalogue(language, catalogue)
    return added, changed, files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep-json", action="store_true", help="do not delete the JSON")
    parser.add_argument("--dry-run", action="store_true", help="change nothing, only report")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        added, changed, files = fold(language, args.dry_run)
        print(f"{language}: {added} added, {changed} changed, from {len(files)} JSON files")
        if not (args.keep_json or args.dry_run):
            for path in files:
                path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
