"""`cica export`: the whole dataset, with every claim and quote, as a Frictionless Data Package
or a SQLite database for Datasette."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import DataOption, JsonOption, command

FORMATS = ("datapackage", "sqlite")


def _complete_formats(incomplete: str) -> list:
    return [f for f in FORMATS if f.startswith(incomplete.lower())]


@command("export", "cica export sqlite cica.db && datasette cica.db --metadata metadata.json")
def export_command(
    fmt: Annotated[str, typer.Argument(
        metavar="FORMAT", help="datapackage (a directory: datapackage.json and one CSV per table) or sqlite (a database file).",
        show_default=False, autocompletion=_complete_formats,
    )],
    target: Annotated[str, typer.Argument(
        metavar="PATH", help="The directory (datapackage) or the database file (sqlite) to write.", show_default=False,
    )],
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Write the whole dataset for the tools its users have: every record, and every claim with
    its source, quote and date, as related tables with primary and foreign keys.

    datapackage DIR: a Frictionless Data Package (datapackage.json with a Table Schema per
    table, and a CSV per table; EDTF dates as written, with earliest and latest ISO days).
    sqlite FILE: a SQLite database with the same tables, indexes and full-text search over
    quotes and articles, and metadata.json beside it for Datasette.

    The dataset must pass `cica check` first: only checked data is published. Says on stderr
    what it wrote; --json prints it as JSON."""
    from .. import render
    from ..check import check
    from ..dataset import open_dataset
    from ..errors import DataError, UsageError
    from ..names import choose

    fmt = choose(fmt, FORMATS, "fmt", "format")
    if not target.strip():
        raise UsageError("give a directory (datapackage) or a file name (sqlite)", "target")
    ds = open_dataset(data)
    problems = check(ds)
    if problems:
        raise DataError(problems)
    if fmt == "datapackage":
        from ..datapackage import write

        written, tables = write(ds, target)
        where = f"{target} (datapackage.json and {len(written) - 1} CSV files)"
    else:
        from ..sqlitedb import write_file

        written, tables = write_file(ds, target)
        where = f"{written[0]}, and {written[1]} for Datasette"
    rows = sum(len(t.rows) for t in tables)
    if json:
        render.print_json({"format": fmt, "path": target, "files": written,
                           "tables": {t.name: len(t.rows) for t in tables}})
    render.error(f"wrote {len(tables)} tables ({rows} rows) to {where}")
