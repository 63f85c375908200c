"""The dataset as a Frictionless Data Package: `datapackage.json` (a Table Schema per table,
with primary and foreign keys and each field's description from the model, the licence and
the sources) and one CSV file per table (tables.py).

Pure: a dataset in, file names and bytes out; the caller writes them."""

from __future__ import annotations

from typing import Any

from . import __version__
from .dataset import Dataset
from .tables import EDTF_URI, Table, tables

NAME = "cica"
TITLE = "CICA: a cited timeline and facts about the Conference on Interaction and Confidence-Building Measures in Asia"
DESCRIPTION = (
    "Events, members with their statuses and roles, documents, figures and the claims behind them, each "
    "with the verbatim quote of a named article and the date that article gives, at its own precision "
    "(EDTF). Exported by cica {version}. The quotes and the article text are the words of the sources "
    "listed, whose rights stay with their authors and publishers."
)
# The project's licence (pyproject.toml), which covers the curated data.
LICENSE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def csv_bytes(table: Table) -> bytes:
    """The table as CSV (RFC 4180: CRLF line ends, fields quoted when they need it), UTF-8."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_cell(v) for v in row] for row in table.rows)
    return out.getvalue().encode("utf-8")


def _field(column) -> dict:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.edtf:
        field["rdfType"] = EDTF_URI
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.choices:
        constraints["enum"] = list(column.choices)
    if constraints:
        field["constraints"] = constraints
    return field


def resource(table: Table, by_name: dict[str, Table]) -> dict:
    """The Data Resource describing one table's CSV file."""
    schema: dict[str, Any] = {"fields": [_field(c) for c in table.columns], "missingValues": [""],
                              "primaryKey": table.key}
    keys = [{"fields": [c.name], "reference": {"resource": c.references, "fields": by_name[c.references].key[:1]}}
            for c in table.columns if c.references]
    if keys:
        schema["foreignKeys"] = keys
    return {
        "name": table.name, "path": f"{table.name}.csv", "title": table.title, "description": table.description,
        "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "schema": schema,
    }


def descriptor(ds: Dataset, all_tables: list[Table]) -> dict:
    """datapackage.json as data."""
    from .cite import reference

    by_name = {t.name: t for t in all_tables}
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION.format(version=__version__),
        "version": __version__,
        "licenses": [LICENSE],
        "sources": [{"title": f"{source.id}: {reference(source)}"} for source in ds.sources],
        "keywords": ["CICA", "Asia", "international organisations", "EDTF", "citations"],
        "resources": [resource(t, by_name) for t in all_tables],
    }


def package(ds: Dataset) -> tuple[list[tuple[str, bytes]], list[Table]]:
    """(file name, content) for datapackage.json and each table's CSV, and the tables."""
    import json

    all_tables = tables(ds)
    files = [(f"{t.name}.csv", csv_bytes(t)) for t in all_tables]
    meta = json.dumps(descriptor(ds, all_tables), ensure_ascii=False, indent=2) + "\n"
    return files + [("datapackage.json", meta.encode("utf-8"))], all_tables


def write(ds: Dataset, directory: str) -> tuple[list[str], list[Table]]:
    """Write the package into `directory` (made if missing; files of the same names are
    replaced, each whole); the names of the files written, and the tables."""
    import os

    from . import output
    from .errors import UsageError

    if directory == "-":
        raise UsageError("a Data Package is a directory: give its name, not - (standard output)", "target")
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise UsageError(f"{directory!r} exists and is not a directory; a Data Package is a directory", "target")
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as exc:
        raise output.write_error(directory, exc) from None
    files, all_tables = package(ds)
    for name, content in files:
        output.write_file(os.path.join(directory, name), content)
    return [name for name, _ in files], all_tables
