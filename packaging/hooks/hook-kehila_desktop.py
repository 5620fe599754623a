"""PyInstaller hook for ``kehila_desktop``: the modules it loads by name at run time.

The views (``gui/views/<key>/view.py``) and the CLI subcommands (``commands/<name>_cmd.py``)
are imported with ``importlib``, so PyInstaller's static analysis cannot see them; the
``holidays`` package finds its countries the same way and translates holiday names from
its own ``.mo`` catalogues (only Hebrew, Arabic and English are kept).
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("kehila_desktop") + [
    "holidays.countries.israel",
]

datas = collect_data_files(
    "holidays",
    includes=["locale/he/**/IL.mo", "locale/ar/**/IL.mo", "locale/en_US/**/IL.mo"],
)
