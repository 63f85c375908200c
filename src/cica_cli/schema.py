"""JSON Schemas of the data files, made from the record classes of `model.KINDS`.

The record classes are the one source of truth: a schema is generated from a kind's class,
its fields' types and defaults (required or not), `model.CHOICES` (allowed values) and
`model.YEAR_FIELDS`, so a kind added to `model.KINDS` gets its schema with no other change.
The generated files are shipped in `schemas/` beside `data/` (and inside the installed
package's dataset), and each data file names its own with the yaml-language-server modeline
(its last line: the server reads it anywhere, and at the end it moves no line of the file),
so that editors validate and complete while a curator types.
A test regenerates every schema and compares it with the shipped file.

The schema says what the loader (`model.build`) accepts for one file; rules between records
(unique ids, references, quotes found in their article, EDTF dates that parse) are
`cica check`'s.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import types
import typing
from typing import Any, Union

from . import model

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schemas"  # beside data/ and seeds/

# What editors show on hovering a field: written once here for fields of that name in any
# record, or for (class, field) where one class means something of its own.
HELP = {
    "id": "A unique id: lower-case letters, digits and hyphens (e.g. 2002-first-summit).",
    "date": "An EDTF date at the precision the words give: 1992, 1992-10, 1992-10-05, "
            "2022-10-12/2022-10-13 (an interval), 2007~ (about), [2022-10-12..2022-10-13] "
            "(one day in the span), [..2021] (by 2021). Put it in quotes so YAML keeps it as written.",
    "as_of": "When the fact held (EDTF, as for date), in quotes.",
    "published": "When the article appeared (EDTF, in quotes); say how you know in published_basis.",
    "published_basis": "How `published` was worked out: where in the text, or from outside it (say where).",
    "as_of_basis": "How `as_of` was worked out: the day the facts are as of (for a page that changes, "
                   "the day it was retrieved).",
    "quote": "The exact words of the article that say it (whitespace and quote marks need not match).",
    "source": "The id of a source in data/sources.yaml.",
    "citations": "Each: a source, the exact words (quote) and, on a dated record, the date those "
                 "words give (date, with `inferred` saying how where they do not state it).",
    "inferred": "How it was worked out, where the words do not say it outright.",
    "notes": "Anything a reader should know: doubts, what the article does not say.",
    "qualifier": "The source's own words narrowing or placing the count (shown, not compared).",
    "file": "The article's file name in seeds/ (NNN_HASH.txt; `cica add` names it).",
    "authors": "The authors as the article names them; [] when it names none.",
    "title": "The title as printed; null when the article has none.",
    "outlet": "The publication as named; null when not named.",
    "members": "Ids of members (data/members.yaml).",
    "documents": "Ids of documents (data/documents.yaml).",
    "metric": "The id of a metric in data/metrics.yaml.",
    "value": "The count as stated: a number (a word such as 'half' written as its number, with `inferred`), "
             "a range [9, 10] (\"nine or ten\"), or a bound: {over: 20} (\"over 20\"), {min: 21}, {max: 30}, "
             "{under: 30}, or a lower and an upper end together.",
    ("Figure", "scope"): "What the figure counts: " + "; ".join(f"{k}: {v}" for k, v in model.SCOPES.items()),
    ("Event", "context"): "true for Kazakhstan's related initiatives, shown apart from CICA's own events.",
    ("Event", "status"): "held; planned (a future event as the article saw it, what became of it not "
                         "reported); postponed, moved (held later or elsewhere) or cancelled.",
    ("Event", "outcome"): "The id of the event that fulfilled or replaced this plan, an event of the same kind; "
                          "the plan's status then says what became of it.",
    ("Metric", "sum_of"): "The ids of the metrics this one adds up (\"14 observer states and organizations\"); "
                          "its figures are compared with the sum of theirs.",
    ("Roster", "status"): "The status the quote gives every member it names.",
    ("Roster", "members"): "The members the quote names: ids, names or aliases from data/members.yaml.",
    ("Exclusion", "text"): "The exact words of the date or number left out.",
    ("Exclusion", "reason"): "Why it is not recorded.",
    ("Event", "place_id"): "The id of the place in data/places.yaml where `place` (the source's wording) is; "
                           "`place` must be one of its names.",
    "until": "When it ended (EDTF, as for date), in quotes; only where a source says so.",
    "names": "Its names over time: each with the sources using it (a name used again after another is a new entry).",
    ("Person", "name"): "The person's name, as commonly written in English.",
    ("Person", "aliases"): "Other ways the articles write the person: a surname, a form of address, "
                           "another transliteration or script.",
    ("Person", "offices"): "Each office as a source titled it, with its citations.",
    ("Office", "office"): "The title in the source's own words (President, the first President); "
                          "it must appear in one of the quotes.",
    ("Office", "of"): "The id of the member (data/members.yaml) or body (data/bodies.yaml) it is an office of.",
    ("Office", "post"): "The id of the CICA post (a body of kind post) it is, to follow one post across its names.",
    ("Office", "date"): "Since when the person held it: derived from the citations' dates; state it only "
                        "with `inferred` saying why.",
    ("Name", "name"): "The name or abbreviation as the sources write it; it must appear in one of the quotes.",
    ("Name", "kind"): "name or abbreviation.",
    ("Name", "lang"): "The language of the name when it is not English (ru).",
    ("Name", "date"): "Since when the name was in use: derived from the citations' dates (give a citation a "
                      "date only where its words say when the name began).",
    ("Place", "name"): "The name the place is listed under.",
    ("Place", "kind"): "city, country or other.",
    ("Place", "country"): "The id of the member (a state) it lies in, where the dataset has it.",
    ("Body", "name"): "The name it is listed under.",
    ("Body", "kind"): "organisation (CICA itself), organ (one of its bodies) or post (one of its posts).",
    ("Body", "part_of"): "The id of the body it belongs to.",
}


def file_name(kind: model.Kind) -> str:
    return f"{kind.name}.schema.json"


def modeline(kind: model.Kind) -> str:
    """The first line of a data file, naming its schema for yaml-language-server (VS Code's
    YAML extension and others): a path relative to the data file."""
    return f"# yaml-language-server: $schema=../{FOLDER}/{file_name(kind)}"


def schema(kind: model.Kind) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one data file: a list of the kind's records."""
    definitions: dict[str, Any] = {}
    _define(kind.cls, definitions)
    return {
        "$schema": DRAFT,
        "title": kind.label,
        "description": f"A list of {kind.singular} records: {_doc(kind.cls)} Generated from the record classes "
                       "of cica_cli.model; do not edit (see `cica schema`).",
        "type": ["array", "null"],
        "items": {"$ref": f"#/definitions/{kind.cls.__name__}"},
        "definitions": dict(sorted(definitions.items())),
    }


def text(kind: model.Kind) -> str:
    """A schema as the file holds it: stable order, UTF-8, a final newline."""
    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"


def find_kind(name: str) -> model.Kind:
    """A kind by its data file (`events.yaml`, `data/events.yaml`, any path ending so), its
    plural or its singular; a UsageError with the closest names otherwise."""
    from .names import choose

    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".schema.json", ".yaml", ".yml"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    for kind in model.KINDS:
        if base in (kind.name, kind.singular):
            return kind
    return model.KIND[choose(base, [k.name for k in model.KINDS], "file", "data file")]


def _doc(cls: type) -> str:
    return " ".join((inspect.getdoc(cls) or cls.__name__).split())


def _define(cls: type, definitions: dict[str, Any]) -> None:
    name = cls.__name__
    if name in definitions:
        return
    definitions[name] = {}  # reserved: a class nested in itself is defined once
    hints = typing.get_type_hints(cls)
    properties, required = {}, []
    for f in model.public_fields(cls):
        if (name, f.name) in model.COUNT_FIELDS:
            prop = _count()
        else:
            prop = _type(hints[f.name], f.name in model.YEAR_FIELDS, definitions)
        choices = model.CHOICES.get((name, f.name))
        if choices:
            prop["enum"] = list(choices)
        if f.name == "id" and prop.get("type") == "string":
            prop["pattern"] = model.ID_PATTERN
        if f.default is not dataclasses.MISSING and f.default is not None and type(f.default) in (str, int, bool):
            prop["default"] = f.default
        described = HELP.get((name, f.name)) or HELP.get(f.name)
        if described:
            prop = {"description": described, **prop}
        properties[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    definitions[name] = {
        "type": "object",
        "description": _doc(cls),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


_NOT_BLANK = r"\S"  # `check`: no empty or blank text


def _count() -> dict[str, Any]:
    """A count as written (counts.py): a number, a range [low, high], or a bound with at most
    one lower end (min or over) and one upper end (max or under). Ends in order are `check`'s."""
    number = {"type": "number"}
    ends = {key: number for key in ("min", "over", "max", "under")}
    return {"anyOf": [
        number,
        {"type": "array", "items": number, "minItems": 2, "maxItems": 2},
        {"type": "object", "properties": ends, "additionalProperties": False, "minProperties": 1,
         "not": {"anyOf": [{"required": ["min", "over"]}, {"required": ["max", "under"]}]}},
    ]}


def _type(hint: Any, is_date: bool, definitions: dict[str, Any]) -> dict[str, Any]:
    """The schema of one field's type, accepting what `model.build` accepts."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [_type(o, is_date, definitions) for o in typing.get_args(hint)]
        if all(set(o) <= {"type", "pattern"} for o in options):  # plain types: one "type" list
            names: list[str] = []
            for o in options:
                for t in o["type"] if isinstance(o["type"], list) else [o["type"]]:
                    if t not in names:
                        names.append(t)
            if "number" in names and "integer" in names:
                names.remove("integer")
            merged: dict[str, Any] = {"type": names if len(names) > 1 else names[0]}
            if any("pattern" in o for o in options):
                merged["pattern"] = _NOT_BLANK
            return merged
        return {"anyOf": options}
    if origin is list:
        (item,) = typing.get_args(hint)
        return {"type": "array", "items": _type(item, is_date, definitions)}
    if dataclasses.is_dataclass(hint):
        _define(hint, definitions)
        return {"$ref": f"#/definitions/{hint.__name__}"}
    if hint is str:
        # an unquoted year (`date: 1992`) is read as that year
        return {"type": ["string", "integer"] if is_date else "string", "pattern": _NOT_BLANK}
    simple = {int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if hint in simple:
        if hint is int and is_date:
            return {"type": ["string", "integer"]}
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")  # a new field type: teach _type about it
