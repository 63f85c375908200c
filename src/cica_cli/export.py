"""Listings as CSV (RFC 4180) and GitHub-flavoured Markdown tables, one row per record.

Records are flattened to text cells: a date field (EDTF) is followed by a `<field>_human`
column, lists are joined with "; ", citations become `source: “quote”` lines, anything else
nested is written as compact JSON. Every cell is escaped for its format: control characters
are shown as escapes (`\\x1b`), as in the tables; in CSV a cell that a spreadsheet would read
as a formula gets a leading `'`; in Markdown, `|`, newlines and markup characters are escaped.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable, Optional, Sequence, Union

from . import dates
from .model import DATE_FIELDS, Citation, public_fields, to_dict
from .claims import evidence
from .safetext import clean

FORMATS = ("table", "csv", "markdown", "json")

# A column: a field name, or (header, function of the record giving the cell).
Column = Union[str, tuple[str, Callable[[Any], Any]]]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One value as cell text (before format escaping)."""
    import json

    if value is None:
        return ""
    if type(value) is tuple:
        value = list(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if dataclasses.is_dataclass(value):
        value = to_dict(value)
    if isinstance(value, list):
        if value and all(isinstance(v, Citation) for v in value):
            return evidence(value)
        value = [to_dict(v) if dataclasses.is_dataclass(v) else v for v in value]
        if all(not isinstance(v, (dict, list)) and not dataclasses.is_dataclass(v) for v in value):
            return "; ".join(cell(v) for v in value)
        value = to_dict(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def default_columns(cls: type) -> list[Column]:
    """Every public field of a record class, in YAML order."""
    return [f.name for f in public_fields(cls)]


def table_rows(records: Sequence[Any], columns: Optional[Sequence[Column]] = None,
               of: Optional[type] = None) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of cell text; each date field gets a human column after it. The columns
    default to the fields of `of` (else of the first record's class)."""
    if columns is None:
        cls = of or (type(records[0]) if records else None)
        columns = default_columns(cls) if cls else []
    header: list[str] = []
    getters: list[Callable[[Any], str]] = []
    for column in columns:
        if isinstance(column, tuple):
            name, get = column
            header.append(name)
            getters.append(lambda r, get=get: cell(get(r)))
            continue
        header.append(column)
        getters.append(lambda r, name=column: cell(getattr(r, name, None)))
        if column in DATE_FIELDS:
            header.append(f"{column}_human")
            getters.append(lambda r, name=column: _human(getattr(r, name, None)))
    return header, [[get(r) for get in getters] for r in records]


def _human(value: Any) -> str:
    if value is None:
        return ""
    try:
        return dates.human(str(value))
    except dates.EDTFError:
        return ""


def csv_cell(text: str) -> str:
    """Control characters escaped; a leading formula character defused with `'`."""
    risky = text.startswith(_FORMULA_START)
    text = clean(text.replace("\r\n", "\n"))  # keeps \n and \t, escapes \r and the rest
    return "'" + text if risky or text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """RFC 4180: comma-separated, CRLF line ends, fields quoted when they need it.
    Newlines inside a cell are kept (quoted), as RFC 4180 allows."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([csv_cell(c) for c in row])
    return out.getvalue()


def md_cell(text: str) -> str:
    """A GitHub-flavoured Markdown table cell that shows `text` as written."""
    import re

    text = clean(text.replace("\r\n", "\n"))
    text = text.replace("&", "&amp;")
    text = re.sub(r"([\\`*_\[\]<>|~#])", r"\\\1", text)
    return text.replace("\n", "<br>")


def to_markdown(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def export(records: Sequence[Any], fmt: str, columns: Optional[Sequence[Column]] = None,
           of: Optional[type] = None) -> str:
    """The records as CSV or Markdown text (a header alone when there are none)."""
    header, rows = table_rows(records, columns, of)
    if not header:
        return ""
    if fmt == "csv":
        return to_csv(header, rows)
    if fmt == "markdown":
        return to_markdown(header, rows)
    raise ValueError(f"export: unknown format {fmt!r}")
