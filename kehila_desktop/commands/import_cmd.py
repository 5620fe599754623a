"""``kehila import FILE SHEET [--dry-run] [--worksheet NAME]``: import people from a sheet.

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
    p.add_argument("--language", choices=("he", "ar", "en"))
    p.set_defaults(func=run)


def run(args) -> int:
    from kehila_desktop.commands.errors import SheetError
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
            plan = plan_import(pf.conn, grid, str(args.sheet).rsplit("/", 1)[-1])
        except SheetReadError as exc:
            raise SheetError(exc.message, **exc.fields) from None
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
    return 0
