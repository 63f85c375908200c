"""The dataset as related tables, for the Data Package and SQLite exports.

Everything here is derived from the record classes and `model.KINDS`, so a new kind of record
becomes a table with no change here:

* each kind is a table of its scalar fields, keyed by `id` (or by `row`, its position in its
  file, for a kind without ids); a field naming other records (`model.REFERENCES`) is a
  foreign key;
* an EDTF date field keeps its EDTF string and gains `<field>_earliest` and `<field>_latest`,
  the first and last day it allows as ISO dates (`dates.parse`: an approximate date widened
  as EDTF widens it, an open end empty), so a spreadsheet can sort and filter;
* a dated record gains `date_basis` (claims, stated or conflict: see claims.py);
* a list of plain values (aliases, authors, an event's members) is a table of its own,
  `<kind>_<field>`, one row per value with its position;
* a list of nested records (a member's statuses and roles, a question's answers) is a table
  named by the field, each row keyed `OWNER:status:N` as `cica cite` names it;
* every citation, and every record quoting its source itself (a figure), is a row of
  `claims`: source, quote, the date that source gives, how it was inferred, and which record
  it supports (`record_kind`, `record`, and a foreign key to that record's table);
* each article's text is `article_lines`, one row per non-blank line, numbered as
  `cica source REF --text` numbers them.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union

from . import dates, model
from .descriptions import HOLDS, holds, of_class
from .dataset import Dataset

EDTF_DOC = ("EDTF (Extended Date/Time Format, ISO 8601-2), at the precision the source gives: 1992, "
            "1992-10, 1992-10-05; 2022-10-12/2022-10-13 (interval); 2007~ (approximate), 2009? "
            "(uncertain); ../2021 (until 2021); [2009-10..2009-12] (one day in that range), "
            "[2009-10..] (on or after).")
EDTF_URI = "https://www.loc.gov/standards/datetime/"  # the EDTF specification (Library of Congress)
BASIS_DOC = ("How `date` was settled: claims (derived from its citations' dates), stated (given on the "
             "record), conflict (the claims share no day; the date spans them), empty (no date).")


@dataclass
class Column:
    name: str
    type: str  # string, integer, number, boolean, date (Table Schema types)
    description: str
    references: Optional[str] = None  # the table whose key this column holds
    edtf: bool = False
    required: bool = False
    filter: bool = False  # people filter by it: indexed in SQLite
    choices: Optional[tuple] = None  # the values allowed


@dataclass
class Table:
    name: str
    title: str
    description: str
    columns: list[Column]
    key: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    search: Optional[str] = None  # the column of text indexed for full-text search

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def singular(name: str) -> str:
    """"members" -> "member", "aliases" -> "alias", "statuses" -> "status"."""
    for plural, one in (("ses", "s"), ("ies", "y"), ("s", "")):
        if name.endswith(plural) and not name.endswith("ss"):
            return name[: -len(plural)] + one
    return name


def _options(hint: Any) -> list[Any]:
    if typing.get_origin(hint) in (Union, types.UnionType):
        return [h for h in typing.get_args(hint) if h is not type(None)]
    return [hint]


def _scalar_type(hint: Any) -> Optional[str]:
    """The Table Schema type of a scalar field, None for a list or a record."""
    options = _options(hint)
    if float in options and all(o in (int, float) for o in options):
        return "number"
    return {int: "integer", bool: "boolean", str: "string"}.get(options[0]) if len(options) == 1 else None


def _item(hint: Any) -> Any:
    """The item type of a list field, None for anything else."""
    return typing.get_args(hint)[0] if typing.get_origin(hint) is list else None


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _dated(cls: type) -> bool:
    return any(f.name == "date_basis" for f in dataclasses.fields(cls))


def _span(value: Any, parse: Callable[[str], dates.Span]) -> tuple[Optional[str], Optional[str]]:
    """The first and last day `value` (EDTF, read by `parse`) allows, ISO; None when open."""
    if value is None:
        return None, None
    span = parse(value)
    lower = None if span.lower == date.min else span.lower.isoformat()
    upper = None if span.upper == date.max else span.upper.isoformat()
    return lower, upper


def _count_part(value: Any, part: str) -> Any:
    """One column of a count as written: the number itself, or a range's or bound's end."""
    if isinstance(value, list):
        return {"min": value[0], "max": value[1]}.get(part)
    if isinstance(value, dict):
        return value.get(part)
    return value if part == "value" else None


class _Builder:
    """Builds every table from a dataset; the table layout comes from the classes alone."""

    def __init__(self, ds: Optional[Dataset]):
        self.ds = ds
        self.tables: dict[str, Table] = {}
        self.key_of = {k.name: ("id" if k.named else "row") for k in model.KINDS}
        # nested record fields (statuses, roles, answers) -> the table name; a field name
        # shared by two kinds gets the owner's name in front
        counts: dict[str, int] = {}
        for kind in model.KINDS:
            for name in self._nested(kind.cls):
                counts[name] = counts.get(name, 0) + 1
        self.nested_name = {(kind.name, name): name if counts[name] == 1 else f"{kind.singular}_{name}"
                            for kind in model.KINDS for name in self._nested(kind.cls)}
        self.claims = Table("claims", "Claims",
                            "Every quote in the dataset and what it supports: the source, its verbatim words, the "
                            "date that source gives (at its own precision) and how it was inferred, and the record "
                            "it is quoted for.", [], ["id"], search="quote")
        self.claim_owners: list[tuple[str, str]] = []  # (column, table)

    @staticmethod
    def _nested(cls: type) -> list[str]:
        hints = typing.get_type_hints(cls)  # citations are the claims table, not a nested one
        return [name for name in model.nested_fields(cls) if _item(hints[name]) is not model.Citation]

    # --- layout ------------------------------------------------------------------------

    def _columns(self, cls: type) -> list[tuple[str, Column, Any]]:
        """(field, column, extra) for the scalar fields of `cls`, with the date columns."""
        hints = typing.get_type_hints(cls)
        out = []
        for f in model.public_fields(cls):
            if (cls.__name__, f.name) in model.COUNT_FIELDS:  # a number, a range or a bound
                for part in ("value", "min", "over", "max", "under"):
                    out.append((f.name, Column(f.name if part == "value" else f"{f.name}_{part}", "number",
                                               holds(cls, f"{f.name}.{part}")), ("count", part)))
                continue
            kind = _scalar_type(hints[f.name])
            if kind is None:
                continue
            targets = model.REFERENCES.get((cls.__name__, f.name), ())
            edtf = f.name in model.DATE_FIELDS
            choices = model.CHOICES.get((cls.__name__, f.name))
            description = holds(cls, f.name) + (" " + EDTF_DOC if edtf else "")
            nullable = type(None) in typing.get_args(hints[f.name])
            column = Column(f.name, kind, description.strip(), required=_required(f) and not nullable,
                            edtf=edtf, filter=bool(choices) or len(targets) == 1, choices=choices)
            if len(targets) == 1:
                column.references = targets[0]
                column.filter = True
            out.append((f.name, column, None))
            for target in targets if len(targets) > 1 else ():
                one = model.KIND[target].singular
                out.append((f.name, Column(f"{f.name}_{one}", "string",
                                           f"`{f.name}` when it names a{'n' if one[0] in 'aeiou' else ''} {one}.",
                                           references=target, filter=True), target))
            if edtf:
                out.append((f.name, Column(f"{f.name}_earliest", "date",
                                           f"The earliest day `{f.name}` allows (ISO 8601); empty when its start "
                                           "is open. An approximate date is widened as EDTF widens it "
                                           "(2007~ from 2006-01-01).", filter=True), "earliest"))
                out.append((f.name, Column(f"{f.name}_latest", "date",
                                           f"The latest day `{f.name}` allows (ISO 8601); empty when its end is open.",
                                           filter=True), "latest"))
                if f.name == "date" and _dated(cls):
                    out.append(("date_basis", Column("date_basis", "string", BASIS_DOC, filter=True), "basis"))
        return out

    def table_for(self, name: str, title: str, cls: type, owner: Optional[tuple[str, str]], key: str,
                  key_type: str, key_doc: str) -> tuple[Table, list]:
        """A table for records of `cls` (and its list tables), keyed by `key`; `owner` is the
        (column, table) of the record it is nested in."""
        columns = self._columns(cls)
        head = [Column(key, key_type, key_doc, required=True)] if key not in {c.name for _, c, _ in columns} else []
        if owner is not None:
            head += [Column(owner[0], "string", f"The {owner[0]} it belongs to (its id).", references=owner[1],
                            required=True, filter=True),
                     Column("position", "integer", f"Its number among its {owner[0]}'s {name}, from 1.", required=True)]
        table = Table(name, title, of_class(cls, first_paragraph=True), head + [c for _, c, _ in columns], [key])
        self.tables[name] = table
        return table, columns

    # --- rows --------------------------------------------------------------------------

    def _values(self, record: Any, columns: list) -> list[Any]:
        row = []
        for fname, column, extra in columns:
            value = getattr(record, fname, None)
            if extra is None:
                row.append(value)
            elif extra == "basis":
                row.append(record.date_basis or None)
            elif isinstance(extra, tuple):  # a count as written, spread over its columns
                row.append(_count_part(value, extra[1]))
            elif extra in ("earliest", "latest"):
                lower, upper = _span(value, self.ds.span)
                row.append(lower if extra == "earliest" else upper)
            else:  # a reference that may name one of several kinds: this kind's column
                row.append(value if value is not None and value in self.ds.by_id(extra) else None)
        return row

    def _lists(self, kind_singular: str, owner_table: str, owner_key: str, cls: type, records: list) -> None:
        """A table per list-of-values field: `<kind>_<field>` (owner, position, value)."""
        hints = typing.get_type_hints(cls)
        for f in model.public_fields(cls):
            if _item(hints[f.name]) is not str:
                continue
            targets = model.REFERENCES.get((cls.__name__, f.name), ())
            value_name = singular(f.name)
            if value_name == kind_singular:
                value_name += "_id"
            name = f"{kind_singular}_{f.name}"
            value = Column(value_name, "string", holds(cls, f.name), required=True,
                           references=targets[0] if len(targets) == 1 else None, filter=bool(targets))
            table = Table(name, f"{kind_singular.capitalize()} {f.name.replace('_', ' ')}",
                          f"One row per value of the {kind_singular}'s `{f.name}`: {holds(cls, f.name)}",
                          [Column(kind_singular, "string", f"The {kind_singular} (its id).", references=owner_table,
                                  required=True, filter=True),
                           Column("position", "integer", "Its place in the list, from 1.", required=True), value],
                          [kind_singular, "position"])
            self.tables[name] = table
            for record in records:
                for n, item in enumerate(getattr(record, f.name), 1):
                    table.rows.append([getattr(record, owner_key), n, item])

    def _claims_of(self, record: Any, record_kind: str, ref: str, owner_column: str) -> None:
        citations = getattr(record, "citations", None)
        if isinstance(citations, list):
            for c in citations:
                self.claim_rows.append((c.source, c.quote, c.date, c.inferred, record_kind, ref, owner_column))
        elif isinstance(getattr(record, "quote", None), str) and isinstance(getattr(record, "source", None), str):
            self.claim_rows.append((record.source, record.quote, None, None, record_kind, ref, owner_column))

    def _quotes(self, cls: type) -> bool:
        names = set(model.field_names(cls))
        return "citations" in names or {"source", "quote"} <= names

    def build(self) -> list[Table]:
        ds = self.ds
        self.claim_rows: list[tuple] = []
        for kind in model.KINDS:
            key = self.key_of[kind.name]
            table, columns = self.table_for(kind.name, kind.name.capitalize(), kind.cls, None, key,
                                            "string" if kind.named else "integer",
                                            HOLDS["id"] if kind.named else
                                            f"The {kind.singular}'s position in data/{kind.file}, from 1.")
            if kind.named:
                table.column("id").required = True
            records = getattr(ds, kind.name) if ds is not None else []
            if self._quotes(kind.cls):
                self.claim_owners.append((kind.singular, kind.name))
            for n, record in enumerate(records, 1):
                row = self._values(record, columns)
                table.rows.append(row if kind.named else [n, *row])
                if self._quotes(kind.cls):
                    self._claims_of(record, kind.singular, record.id if kind.named else str(n), kind.singular)
            if kind.named:
                self._lists(kind.singular, kind.name, "id", kind.cls, records)
            hints = typing.get_type_hints(kind.cls)
            for fname in self._nested(kind.cls):
                cls = _item(hints[fname])
                one = cls.__name__.lower()
                name = self.nested_name[kind.name, fname]
                child, child_columns = self.table_for(
                    name, fname.capitalize(), cls, (kind.singular, kind.name), "id", "string",
                    f"`{kind.singular.upper()}:{one}:N`, as `cica cite` names it.")
                child.key = ["id"]
                # the claims' link column: the class's name, or the table's where two kinds
                # nest the same class (a place's names and a body's: place_name, body_name)
                link = one if name == fname else singular(name)
                if self._quotes(cls):
                    self.claim_owners.append((link, name))
                for record in records:
                    for n, item in enumerate(getattr(record, fname), 1):
                        ref = f"{record.id}:{one}:{n}"
                        child.rows.append([ref, record.id, n, *self._values(item, child_columns)])
                        if self._quotes(cls):
                            self._claims_of(item, one, ref, link)
        self._claims_table()
        self._articles_table()
        return list(self.tables.values())

    def _claims_table(self) -> None:
        cite = model.Citation
        claims = self.claims
        claims.columns = [
            Column("id", "integer", "The claim's number, from 1, in the order of the data files.", required=True),
            Column("source", "string", holds(cite, "source"), references="sources", required=True, filter=True),
            Column("quote", "string", holds(cite, "quote"), required=True),
            Column("date", "string", holds(cite, "date") + " " + EDTF_DOC, edtf=True),
            Column("date_earliest", "date", "The earliest day `date` allows (ISO 8601); empty when open.", filter=True),
            Column("date_latest", "date", "The latest day `date` allows (ISO 8601); empty when open.", filter=True),
            Column("inferred", "string", holds(cite, "inferred")),
            Column("record_kind", "string", "The kind of record the quote supports: "
                   + ", ".join(c for c, _ in self.claim_owners) + ".", required=True, filter=True),
            Column("record", "string", "The record it supports, as `cica cite` and `cica show` name it.",
                   required=True, filter=True),
        ]
        for column, table in self.claim_owners:
            key = self.tables[table].key[0]
            claims.columns.append(Column(column, "integer" if key == "row" else "string",
                                         f"The {column} it supports, when it supports one (its key).",
                                         references=table, filter=True))
        # per owner column: its place among the link columns, and whether its key is a row number
        place = {column: (i, self.tables[table].key[0] == "row") for i, (column, table) in enumerate(self.claim_owners)}
        for n, (source, quote, date, inferred, kind, ref, owner) in enumerate(self.claim_rows, 1):
            earliest, latest = _span(date, self.ds.span)
            links: list[Any] = [None] * len(place)
            at, numbered = place[owner]
            links[at] = int(ref) if numbered else ref
            claims.rows.append([n, source, quote, date, earliest, latest, inferred, kind, ref, *links])
        self.tables["claims"] = claims

    def _articles_table(self) -> None:
        table = Table("article_lines", "Article lines",
                      "The text of each article in seeds/, one row per line that is not blank, numbered as "
                      "`cica source REF --text` numbers them.",
                      [Column("source", "string", "The article's source (its id).", references="sources",
                              required=True, filter=True),
                       Column("line", "integer", "The line number in the article, from 1.", required=True),
                       Column("text", "string", "The line, verbatim.", required=True)],
                      ["source", "line"], search="text")
        if self.ds is not None:
            for source in self.ds.sources:
                text = self.ds.article(source.id).text
                for n, line in enumerate(text.split("\n"), 1):
                    if line.strip():
                        table.rows.append([source.id, n, line.rstrip("\r")])
        self.tables["article_lines"] = table


def tables(ds: Optional[Dataset]) -> list[Table]:
    """Every table of the dataset, with its rows (with `ds` None, the layout alone)."""
    return _Builder(ds).build()


def foreign_keys(table: Table, all_tables: dict[str, Table]) -> list[tuple[str, str, str]]:
    """(column, referenced table, its key column) for each foreign key of `table`."""
    return [(c.name, c.references, all_tables[c.references].key[0]) for c in table.columns if c.references]
