"""User SQL against the warehouse (`scrapeline sql`): a connection that cannot change anything.

DuckDB's own switches do the work: the database is opened read-only, external access is off
except to the warehouse folder (so views and `read_parquet` of its files work), extensions are
never installed or loaded behind the user's back, and the configuration is locked so that a
`SET` cannot undo any of it. Reading the warehouse folder also allows writing it (`COPY … TO`,
`EXPORT DATABASE`), so statements are also checked by their type, as DuckDB's parser reports
it: only queries run.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from tasks.load import open_for_reading

# Statement types that only read: SELECT covers FROM-first queries, WITH, DESCRIBE, SHOW, SUMMARIZE.
READING = {"SELECT", "EXPLAIN", "PRAGMA", "CALL"}


class RefusedStatement(Exception):
    """A statement `scrapeline sql` does not run, with the reason in words."""


_WHY = {
    "COPY": "COPY writes or reads files",
    "EXPORT": "EXPORT DATABASE writes files",
    "LOAD": "INSTALL and LOAD change the extensions of the session",
    "ATTACH": "ATTACH opens another database",
    "DETACH": "DETACH changes the open databases",
    "SET": "SET changes settings",
    "VARIABLE_SET": "SET changes settings",
    "COPY_DATABASE": "COPY FROM DATABASE writes a database",
}


def open_readonly(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """The warehouse, read-only, able to read its own files and nothing else on disk."""
    con = open_for_reading(
        warehouse,
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False},
    )
    folder = str(warehouse.resolve()) + "/"
    con.execute("SET allowed_directories = [?]", [folder])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def check_statements(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Raise RefusedStatement unless every statement of `sql` only reads."""
    for statement in con.extract_statements(sql):
        kind = statement.type.name
        if kind not in READING:
            why = _WHY.get(kind, f"{kind} statements change the warehouse")
            raise RefusedStatement(
                f"refused: {why}; `scrapeline sql` only runs queries (SELECT, DESCRIBE, SHOW, EXPLAIN)"
            )
