"""The core and the CLI never import Qt (they must start fast and run anywhere)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path


def test_core_printing_and_cli_do_not_import_qt():
    code = (
        "import sys, pkgutil, importlib\n"
        "import kehila_desktop.core, kehila_desktop.commands\n"
        "names = ['kehila_desktop.cli']\n"
        "for pkg in ('kehila_desktop.core', 'kehila_desktop.commands', 'kehila_desktop.printing'):\n"
        "    try:\n"
        "        mod = importlib.import_module(pkg)\n"
        "    except ModuleNotFoundError:\n"
        "        continue\n"
        "    names += [pkg + '.' + m.name for m in pkgutil.walk_packages(mod.__path__)]\n"
        "for n in names:\n"
        "    importlib.import_module(n)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt'))]\n"
        "print(len(names), qt)\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[0]) > 10


PACKAGE = Path(__file__).resolve().parent.parent / "kehila_desktop"
PRIMITIVES = {"insert", "update", "delete"}


def _primitive_calls(paths) -> list[str]:
    """``ops.insert/update/delete(...)`` calls in ``paths``: the receiver is an
    ``Operations``, held as a name or attribute called ``ops`` (``ops``, ``self.ops``,
    ``context.ops``, ``self.context.ops``, ``self._ops``) — the ways the app holds one."""
    found = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in PRIMITIVES
            ):
                receiver = node.func.value
                name = getattr(receiver, "id", None) or getattr(receiver, "attr", None)
                if name in ("ops", "_ops"):
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_only_the_core_calls_the_primitive_edits():
    """Views, the CLI, the API and printing call the core's named operations (which hold the
    domain's rules); ``Operations.insert/update/delete`` are used only inside the core."""
    core = PACKAGE / "core"
    outside = [p for p in sorted(PACKAGE.rglob("*.py")) if core not in p.parents]
    calls = _primitive_calls(outside)
    assert not calls, "call a named operation of the core instead:\n" + "\n".join(calls)
    assert _primitive_calls(core.rglob("*.py"))  # the check does see such calls


# the core's named-operation modules: the only code that calls Operations.insert/update/delete
NAMED_OPERATION_MODULES = {
    "core/people/edits.py",
    "core/structure/edits.py",
    "core/structure/memberships.py",
    "core/structure/areas.py",
    "core/structure/approval.py",
    "core/meetings/edits.py",
    "core/meetings/records.py",
    "core/meetings/schedule.py",
    "core/meetings/clock.py",
    "core/workplan/plans.py",
    "core/workplan/budget.py",
    "core/history/merge.py",
}


def test_inside_the_core_only_the_named_operations_call_the_primitive_edits():
    """The rest of the core (the sample, imports, reads) goes through the named operations,
    so it obeys the rules a user's edits obey; a new caller of the primitives shows here."""
    callers = {c.split(":")[0] for c in _primitive_calls((PACKAGE / "core").rglob("*.py"))}
    others = sorted(callers - NAMED_OPERATION_MODULES)
    assert not others, "call a named operation instead (or list a new one):\n" + "\n".join(
        c for c in _primitive_calls((PACKAGE / "core").rglob("*.py")) if c.split(":")[0] in others
    )
    assert "core/sample/build.py" not in NAMED_OPERATION_MODULES
    assert callers >= {"core/people/edits.py", "core/structure/memberships.py"}  # it sees them


SQL = re.compile(
    r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
    r"CREATE\s+(TABLE|VIEW|INDEX)|PRAGMA)\b",
    re.S,
)


def _sql_in_gui() -> list[str]:
    """``.execute*(`` calls and SQL text in string constants under ``gui/``."""
    found = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', '?')}"
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "executescript")
            ):
                found.append(where + " calls ." + node.func.attr)
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and SQL.search(node.value)
            ):
                found.append(where + " holds SQL")
    return found


def test_the_gui_holds_no_sql():
    """Views read through the core's query functions (``core/<feature>/queries.py``) over
    the live-row views: the tombstone filter is written once, not in every view."""
    found = _sql_in_gui()
    assert not found, "read through a core query function instead:\n" + "\n".join(found)
    assert SQL.search("SELECT id FROM live_body WHERE kind=?")  # the pattern does match SQL


def _import_graph() -> dict[str, set[str]]:
    """Module → the project's modules it imports (top-level and inside functions alike)."""
    import ast

    root = Path(__file__).resolve().parents[1]
    modules: dict[str, Path] = {}
    for path in (root / "kehila_desktop").rglob("*.py"):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([node.module] if node.module else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in modules else base)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_module_imports_in_a_cycle():
    """Nothing imports upward or in a circle (imports inside functions count too: a lazy import
    only hides a cycle)."""
    graph = _import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert not cycles, f"modules importing each other: {cycles}"
