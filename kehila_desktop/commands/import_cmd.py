"""``kehila import FILE SHEET [--dry-run] [--worksheet NAME] [--add-areas] [--consent yes|no]``:
import people from a sheet.

``--add-areas`` adds the neighbourhoods, quarters and areas the sheet names that the program
does not have (else their rows are rejected). A sheet with phones or e-mails but no consent
column needs ``--consent yes`` or ``--consent no`` (exit 2 without it); people without
consent keep no contact details, and the report says how many lost theirs.

Prints the encoding used (for a CSV), what will be added, updated and rejected (with the
reason per row), then applies it as one step — unless ``--dry-run``. A sheet that cannot be
read exits 4 with the reason, and nothing is written.
"""

from __future__ import annotations

from kehila_desktop.core.i18n import ntr, tr


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import", help=tr("import people from a sheet (.xlsx .xls .xlsb .ods .csv)")
    )
    p.add_argument("file", help=tr("the program file (.kehila)"))
    p.add_argument("sheet", help=tr("the sheet to import (.xlsx .xls .xlsb .ods .csv)"))
    p.add_argument(
        "--dry-run", action="store_true", help=tr("show what would change; write nothing")
    )
    p.add_argument(
        "--worksheet",
        help=tr("the worksheet of a workbook (default: the first with a column of names)"),
    )
    p.add_argument(
        "--add-areas",
        action="store_true",
        help=tr("add the areas the sheet names that the program does not have"),
    )
    p.add_argument(
        "--consent",
        choices=("yes", "no"),
        help=tr(
            "for a sheet without a consent column: did its people consent to "
            "keeping their contact details"
        ),
    )
    p.add_argument("--language", choices=("he", "ar", "en"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.commands._common import writing
    from kehila_desktop.commands.errors import SheetError
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.people.sheet_io import plan_import, read_people_sheet, run_import
    from kehila_desktop.core.sheets import SheetReadError

    source = str(args.sheet).replace("\\", "/").rsplit("/", 1)[-1]
    options = {
        "add_areas": args.add_areas,
        "consent": None if args.consent is None else args.consent == "yes",
    }
    try:
        if args.dry_run:
            with open_program(args.file, read_only=True) as pf:
                grid = read_people_sheet(args.sheet, args.worksheet)
                _show(grid, plan_import(pf.conn, grid, source, **options), options)
            print(tr("Dry run: nothing was written."))
            return 0
        with writing(args.file, "kehila import") as (_pf, ops):
            grid = read_people_sheet(args.sheet, args.worksheet)
            # planned and written in one write transaction: no second writer in between
            _plan, done = run_import(
                ops, grid, source, show=lambda plan: _show(grid, plan, options), **options
            )
    except SheetReadError as exc:
        raise SheetError(exc.message, **exc.fields) from None
    print(tr("Imported: {added} added, {updated} updated.", **done))
    if done["areas"]:
        print(tr("Areas added: {count}.", count=done["areas"]))
    if done["dropped"]:
        print(
            ntr(
                "Contact details not kept (no consent): {n} person.",
                "Contact details not kept (no consent): {n} people.",
                done["dropped"],
            )
        )
    return 0


def _show(grid, plan, options) -> None:
    """Print the plan; refuse (nothing written) a sheet with contacts but no word on consent."""
    from kehila_desktop.commands.errors import UsageError

    if (
        options["consent"] is None
        and not plan.has_consent_column
        and {"phone", "email"} & set(plan.columns)
    ):
        raise UsageError(
            "The sheet has phones or e-mails but no consent column; say "
            "whether its people consented with --consent yes or --consent "
            "no. Nothing was imported."
        )
    if grid.sheet_name:
        print(tr("Worksheet: {sheet}", sheet=grid.sheet_name))
    print(plan.summary())
    for row in plan.rows:
        if row.action == "reject":
            print(
                tr(
                    "Row {line} ({name}): {reason}",
                    line=row.line,
                    name=row.name or "—",
                    reason=row.reason,
                )
            )
