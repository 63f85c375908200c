"""The dataset as one SQLite database for Datasette and sqlite-utils: the tables of tables.py
with their primary and foreign keys, an index on each column people filter by (kinds,
statuses, references, the earliest and latest days of dates), and FTS5 full-text indexes
over the quotes (`claims_fts`) and the articles' text (`article_lines_fts`) in the form
Datasette detects, so `datasette FILE` offers search with no other step. `metadata(...)` is
the metadata.json Datasette reads for titles, descriptions, the licence and source links."""

from __future__ import annotations

from typing import Any

from .dataset import Dataset
from .errors import CicaError
from .tables import Table, tables

_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_sql(table: Table, by_name: dict[str, Table]) -> list[str]:
    """CREATE TABLE, its indexes and its full-text index."""
    q = _quote
    lines = []
    for c in table.columns:
        line = f"{q(c.name)} {_TYPES[c.type]}"
        if c.required:
            line += " NOT NULL"
        if c.type == "boolean":
            line += f" CHECK ({q(c.name)} IN (0, 1))"
        if c.choices:
            allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in c.choices)
            line += f" CHECK ({q(c.name)} IN ({allowed}))"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(q(k) for k in table.key)})")
    for c in table.columns:
        if c.references:
            target = by_name[c.references]
            lines.append(f"FOREIGN KEY ({q(c.name)}) REFERENCES {q(target.name)} ({q(target.key[0])})")
    statements = [f"CREATE TABLE {q(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"]
    for c in table.columns:
        if c.filter and c.name != table.key[0]:
            statements.append(f"CREATE INDEX {q(f'idx_{table.name}_{c.name}')} ON {q(table.name)} ({q(c.name)})")
    if table.search:
        fts = f"{table.name}_fts"
        statements.append(f'CREATE VIRTUAL TABLE {q(fts)} USING fts5({q(table.search)}, content="{table.name}", '
                          "tokenize='unicode61 remove_diacritics 2')")
        statements.append(f"INSERT INTO {q(fts)} ({q(fts)}) VALUES ('rebuild')")
    return statements


def _value(value: Any) -> Any:
    if value is True or value is False:
        return int(value)
    return value


def write(ds: Dataset, path: str) -> list[Table]:
    """Create the database at `path` (a new file: the caller renames it into place); the tables.
    The foreign keys are checked once every row is in: a dangling one is an error."""
    import sqlite3

    all_tables = tables(ds)
    by_name = {t.name: t for t in all_tables}
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        with db:
            for table in all_tables:
                create = create_sql(table, by_name)
                db.execute(create[0])
                marks = ", ".join("?" for _ in table.columns)
                db.executemany(f"INSERT INTO {_quote(table.name)} VALUES ({marks})",
                               ([_value(v) for v in row] for row in table.rows))
                for statement in create[1:]:
                    db.execute(statement)
        dangling = db.execute("PRAGMA foreign_key_check").fetchall()
        if dangling:
            table, rowid, target, _ = dangling[0]
            raise CicaError(f"export: {len(dangling)} row(s) refer to records that do not exist "
                            f"(first: {table} row {rowid} -> {target}); run `cica check`")
        db.execute("PRAGMA optimize")
    finally:
        db.close()
    return all_tables


def metadata(ds: Dataset, all_tables: list[Table], database: str) -> dict:
    """Datasette's metadata.json: the database's title, description, licence and sources, and
    each table's title, description and column descriptions; the full-text tables hidden."""
    from . import datapackage
    from .cite import reference

    sources = " ".join(f"({n}) {s.id}: {reference(s)}" for n, s in enumerate(ds.sources, 1))
    tables_meta: dict[str, Any] = {}
    for t in all_tables:
        entry: dict[str, Any] = {"title": t.title, "description": t.description,
                                 "columns": {c.name: c.description for c in t.columns}}
        facets = [c.name for c in t.columns if c.choices]
        if facets:
            entry["facets"] = facets
        tables_meta[t.name] = entry
        if t.search:
            tables_meta[f"{t.name}_fts"] = {"hidden": True}
    return {
        "title": datapackage.TITLE,
        "description": datapackage.DESCRIPTION.format(version=datapackage.__version__),
        "license": datapackage.LICENSE["name"],
        "license_url": datapackage.LICENSE["path"],
        "source": f"{len(ds.sources)} articles, listed in the sources table",
        "source_url": f"/{database}/sources",
        "databases": {database: {"title": datapackage.TITLE, "description": "Sources: " + sources,
                                 "tables": tables_meta}},
    }


def write_file(ds: Dataset, target: str) -> tuple[list[str], list[Table]]:
    """Write the database to `target`, built in a new file beside it and renamed over it once
    whole, and metadata.json beside it; the paths written, and the tables."""
    import os
    import secrets
    import sqlite3

    from . import output
    from .errors import UsageError

    if target == "-":
        raise UsageError("a SQLite database is a file: give a file name, not - (standard output)", "target")
    if os.path.isdir(target):
        raise UsageError(f"{target!r} is a directory; give the database's file name (e.g. cica.db)", "target")
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {target}: no such directory {os.path.dirname(target)!r}", "target")
    temporary = os.path.join(folder, f".{os.path.basename(target)}.{secrets.token_hex(6)}.tmp")
    try:
        all_tables = write(ds, temporary)
        os.replace(temporary, target)
    except sqlite3.Error as exc:
        raise CicaError(f"cannot write {target}: {exc}") from None
    except OSError as exc:
        raise output.write_error(target, exc) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    import json

    database = os.path.splitext(os.path.basename(target))[0]
    meta = os.path.join(os.path.dirname(target), "metadata.json")
    output.write_file(meta, (json.dumps(metadata(ds, all_tables, database), ensure_ascii=False, indent=2)
                             + "\n").encode("utf-8"))
    return [target, meta], all_tables
