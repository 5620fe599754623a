"""The schema of the current format, written from the domain model (``core.file.model``).

``statements()`` gives the ``CREATE TABLE … STRICT`` and ``CREATE INDEX`` statements of a
new file (they need the model, so sqlmodel is imported). Everything the operations layer
and merge need to *read* about a file's tables (columns with their defaults, which tables
are domain tables, the foreign keys, the order of tables) comes from the file itself with
``PRAGMA table_info`` / ``foreign_key_list``: no ORM on those paths.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import SQLModel

# Tables that are not domain tables (rows with an ``id`` and a ``deleted`` tombstone).
HISTORY_TABLES = ("meta", "history_copy", "history_name", "step", "change")

_TYPES = {
    "Integer": "INTEGER",
    "Boolean": "INTEGER",
    "Float": "REAL",
    "AutoString": "TEXT",
    "String": "TEXT",
}


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def statements() -> list[str]:
    """The CREATE statements of the current format, in dependency order (from the model)."""
    from sqlalchemy.sql.schema import ColumnDefault

    from kehila_desktop.core.file import model

    out: list[str] = []
    for table in model.SQLModel.metadata.sorted_tables:
        cols = []
        for col in table.columns:
            kind = col.info.get("type") or _TYPES[type(col.type).__name__]
            text = f"{col.name} {kind}"
            if col.primary_key:
                text += " PRIMARY KEY" if kind == "INTEGER" else " NOT NULL PRIMARY KEY"
            else:
                if not col.nullable:
                    text += " NOT NULL"
                if col.unique:
                    text += " UNIQUE"
                default = col.default.arg if isinstance(col.default, ColumnDefault) else None
                if default is not None and not callable(default):
                    text += f" DEFAULT {_literal(default)}"
            for fk in col.foreign_keys:
                text += f" REFERENCES {fk.column.table.name}({fk.column.name})"
            cols.append(text)
        out.append(f"CREATE TABLE {table.name} (\n    " + ",\n    ".join(cols) + "\n) STRICT")
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            unique = "UNIQUE " if index.unique else ""
            names = ", ".join(c.name for c in index.columns)
            out.append(f"CREATE {unique}INDEX {index.name} ON {table.name} ({names})")
    return out


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table and index of the current format on a new, empty database."""
    conn.execute("BEGIN")
    for statement in statements():
        conn.execute(statement)
    conn.execute("COMMIT")


def _default(text: str | None) -> object:
    """A column default as ``PRAGMA table_info`` shows it (SQL literal text) → a value."""
    if text is None or text.upper() == "NULL":
        return None
    if text.startswith("'") and text.endswith("'"):
        return text[1:-1].replace("''", "'")
    try:
        return int(text)
    except ValueError:
        return float(text)


def columns_of(conn: sqlite3.Connection, table: str) -> dict[str, object]:
    """The columns of a table in this file with their defaults (empty if there is none)."""
    return {
        row[1]: _default(row[4])
        for row in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))
    }


def domain_tables(conn: sqlite3.Connection) -> list[str]:
    """The file's domain tables, each after the tables it refers to (parents first)."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if r[0] not in HISTORY_TABLES
    ]
    refs = {
        name: {target for target in references(conn, name).values() if target != name}
        for name in names
    }
    ordered: list[str] = []
    while refs:
        ready = sorted(n for n, parents in refs.items() if not (parents - set(ordered)))
        if not ready:  # a cycle: keep the rest in name order
            ready = sorted(refs)
        for name in ready:
            ordered.append(name)
            del refs[name]
    return ordered


def references(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """field → the table a field's id points to (the table's foreign keys)."""
    return {
        row[3]: row[2] for row in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (table,))
    }


def columns(table: str) -> dict[str, object]:
    """The columns of a domain table with their defaults, from the model (for tests)."""
    cls = TABLE_CLASSES().get(table)
    if cls is None:
        return {}
    out = {}
    for name, info in cls.model_fields.items():
        default = info.default
        out[name] = None if repr(default) == "PydanticUndefined" else default
    return out


_classes: dict[str, type[SQLModel]] | None = None


def TABLE_CLASSES() -> dict[str, type[SQLModel]]:
    """Domain table name → model class (imports the ORM: for creating files and tests)."""
    global _classes
    if _classes is None:
        from kehila_desktop.core.file import model

        # SQLModel types __tablename__ as str | a declared_attr callable; here always str.
        _classes = {str(cls.__tablename__): cls for cls in model.DOMAIN_TABLES}
    return _classes
