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

from kehila_desktop.core.i18n import tr


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="import people from an .xlsx or .csv sheet")
    p.add_argument("file", help="the program file (.kehila)")
    p.add_argument("sheet", help="the sheet to import (.xlsx or .csv)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--worksheet", help="the worksheet of an .xlsx (default: the first)")
    p.add_argument("--add-areas", action="store_true",
                   help="add the areas the sheet names that the program does not have")
    p.add_argument("--consent", choices=("yes", "no"),
                   help="for a sheet without a consent column: did its people consent to "
                        "keeping their contact details")
    p.add_argument("--language", choices=("he", "ar", "en"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.commands.errors import SheetError, UsageError
    from kehila_desktop.core.history.operations import Operations
    from kehila_desktop.core.people.sheet_io import apply_import, plan_import, read_people_sheet
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.sheets import SheetReadError

    with open_program(args.file, read_only=args.dry_run) as pf:
        if pf.read_only and not args.dry_run:
            from kehila_desktop.core.errors import ReadOnlyError

            raise ReadOnlyError("This program file is open read-only; changes cannot be saved.")
        try:
            grid = read_people_sheet(args.sheet, args.worksheet)
            consent = None if args.consent is None else args.consent == "yes"
            plan = plan_import(pf.conn, grid, str(args.sheet).rsplit("/", 1)[-1],
                               add_areas=args.add_areas, consent=consent)
        except SheetReadError as exc:
            raise SheetError(exc.message, **exc.fields) from None
        if (consent is None and not plan.has_consent_column
                and {"phone", "email"} & set(plan.columns)):
            raise UsageError("The sheet has phones or e-mails but no consent column; say "
                             "whether its people consented with --consent yes or --consent "
                             "no. Nothing was imported.")
        if grid.sheet_name:
            print(tr("Worksheet: {sheet}", sheet=grid.sheet_name))
        print(plan.summary())
        for row in plan.rows:
            if row.action == "reject":
                print(tr("Row {line} ({name}): {reason}", line=row.line,
                         name=row.name or "—", reason=row.reason))
        if args.dry_run:
            print(tr("Dry run: nothing was written."))
            return 0
        done = apply_import(Operations(pf), plan)
        print(tr("Imported: {added} added, {updated} updated.", **done))
        if done["areas"]:
            print(tr("Areas added: {count}.", count=done["areas"]))
        if done["dropped"]:
            print(tr("Contact details not kept (no consent): {count} people.",
                     count=done["dropped"]))
    return 0
