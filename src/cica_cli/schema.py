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
import json
import types
import typing
from typing import Any, Union

from . import model
from .descriptions import of_class, writing

DRAFT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schemas"  # beside data/ and seeds/

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
        "description": f"A list of {kind.singular} records: {of_class(kind.cls)} Generated from the record classes "
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
        described = writing(cls, f.name)
        if described:
            prop = {"description": described, **prop}
        properties[f.name] = prop
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    definitions[name] = {
        "type": "object",
        "description": of_class(cls),
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
