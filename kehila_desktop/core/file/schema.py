"""Creates the tables of the current format from the domain model (``core.model``)."""

from __future__ import annotations

import sqlite3


def create_schema(conn: sqlite3.Connection) -> None:
    """Create every table and index of the current format on a new, empty database."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlalchemy.schema import CreateIndex, CreateTable

    from kehila_desktop.core.file.model import SQLModel
    from kehila_desktop.core.file import model

    dialect = sqlite_dialect.dialect()
    conn.execute("BEGIN")
    for table in model.SQLModel.metadata.sorted_tables:
        conn.execute(str(CreateTable(table).compile(dialect=dialect)))
        for index in table.indexes:
            conn.execute(str(CreateIndex(index).compile(dialect=dialect)))
    conn.execute("COMMIT")


def columns(table: str) -> dict[str, object]:
    """The columns of a domain table with their defaults (for the operations layer)."""
    from kehila_desktop.core.file import model

    cls = TABLE_CLASSES().get(table)
    if cls is None:
        return {}
    out = {}
    for name, info in cls.model_fields.items():
        default = info.default
        out[name] = None if repr(default) == "PydanticUndefined" else default
    return out


_classes: dict[str, type] | None = None


def TABLE_CLASSES() -> dict[str, type]:  # noqa: N802
    global _classes
    if _classes is None:
        from kehila_desktop.core.file import model

        _classes = {cls.__tablename__: cls for cls in model.DOMAIN_TABLES}
    return _classes
