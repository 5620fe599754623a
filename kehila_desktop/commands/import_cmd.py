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
    from kehila_desktop.commands._common import writing
    from kehila_desktop.commands.errors import SheetError
    from kehila_desktop.core.file.programfile import open_program
    from kehila_desktop.core.people.sheet_io import plan_import, read_people_sheet, run_import
    from kehila_desktop.core.sheets import SheetReadError

    source = str(args.sheet).replace("\\", "/").rsplit("/", 1)[-1]
    try:
        if args.dry_run:
            with open_program(args.file, read_only=True) as pf:
                grid = read_people_sheet(args.sheet, args.worksheet)
                _show(grid, plan_import(pf.conn, grid, source))
            print(tr("Dry run: nothing was written."))
            return 0
        with writing(args.file, "kehila import") as (_pf, ops):
            grid = read_people_sheet(args.sheet, args.worksheet)
            # planned and written in one write transaction: no second writer in between
            _plan, done = run_import(ops, grid, source, show=lambda plan: _show(grid, plan))
    except SheetReadError as exc:
        raise SheetError(exc.message, **exc.fields) from None
    print(tr("Imported: {added} added, {updated} updated.", **done))
    return 0


def _show(grid, plan) -> None:
    if grid.sheet_name:
        print(tr("Worksheet: {sheet}", sheet=grid.sheet_name))
    print(plan.summary())
    for row in plan.rows:
        if row.action == "reject":
            print(tr("Row {line} ({name}): {reason}", line=row.line,
                     name=row.name or "—", reason=row.reason))
