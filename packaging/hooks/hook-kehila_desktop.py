"""PyInstaller hook for ``kehila_desktop``: the modules it loads by name at run time.

The views (``gui/views/<key>/view.py``) and the CLI subcommands (``commands/<name>_cmd.py``)
are imported with ``importlib``, so PyInstaller's static analysis cannot see them; the
``holidays`` package finds its countries the same way and translates holiday names from
its own ``.mo`` catalogues (only Hebrew, Arabic and English are kept). The frozen schemas of
the older formats (``core/file/schemas/vN.sql``, read beside ``guard.py``) must ship too, or
every format-1 and format-2 file is refused as "not a program file made by Kehila Desktop".
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("kehila_desktop") + [
    "holidays.countries.israel",
]

datas = collect_data_files("kehila_desktop", includes=["core/file/schemas/*.sql"])
datas += collect_data_files(
    "holidays",
    includes=["locale/he/**/IL.mo", "locale/ar/**/IL.mo", "locale/en_US/**/IL.mo"],
)
