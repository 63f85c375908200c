"""The records of the dataset, as plain dataclasses, and how they are built from YAML.

Each dataclass is also the schema of its file: `build` checks required fields, unknown
fields, types and allowed values, and reports problems at the line of the offending field.
Field order is the order of the YAML and of the JSON output.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Union

from .errors import Problem
from .yamlfile import LineDict

EVENT_KINDS = (
    "proposal", "summit", "ministerial", "meeting", "adoption", "institutional",
    "membership", "anniversary", "statement", "initiative", "forum",
)
STATUSES = ("member", "observer", "partner", "applicant", "non-member", "cooperating")
ROLES = ("chair", "host", "initiator")
DOCUMENT_KINDS = (
    "declaration", "act", "catalogue", "action-plan", "concept-paper", "perception-paper",
    "statement", "other",
)
MEMBER_KINDS = ("state", "organisation")
EVENT_STATUSES = ("held", "planned")

# Allowed values for fields named here; checked by `build`.
CHOICES = {
    ("Event", "kind"): EVENT_KINDS,
    ("Event", "status"): EVENT_STATUSES,
    ("Status", "status"): STATUSES,
    ("Role", "role"): ROLES,
    ("Document", "kind"): DOCUMENT_KINDS,
    ("Member", "kind"): MEMBER_KINDS,
}
# Fields holding EDTF dates.
DATE_FIELDS = frozenset({"date", "as_of", "published"})

def _meta() -> Any:
    """The position of a record in its file: kept out of the YAML/JSON fields."""
    return field(default=0, compare=False, repr=False, metadata={"internal": True})


@dataclass
class Citation:
    source: str
    quote: str
    line: int = _meta()


@dataclass
class Source:
    id: str
    file: str
    title: Union[str, None]
    authors: list[str]
    outlet: Union[str, None]
    published: str
    published_basis: str
    as_of: str
    as_of_basis: str
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Event:
    id: str
    date: str
    title: str
    kind: str
    summary: str
    citations: list[Citation]
    place: Union[str, None] = None
    status: str = "held"
    context: bool = False
    members: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    inferred: Union[str, None] = None
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Status:
    status: str
    citations: list[Citation]
    date: Union[str, None] = None
    as_of: Union[str, None] = None
    inferred: Union[str, None] = None
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Role:
    role: str
    citations: list[Citation]
    date: Union[str, None] = None
    as_of: Union[str, None] = None
    inferred: Union[str, None] = None
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Member:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Document:
    id: str
    title: str
    kind: str
    citations: list[Citation]
    aliases: list[str] = field(default_factory=list)
    date: Union[str, None] = None
    adopted_at: Union[str, None] = None
    related: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    inferred: Union[str, None] = None
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Metric:
    id: str
    description: str
    unit: str
    line: int = _meta()


@dataclass
class Figure:
    id: str
    metric: str
    value: Union[int, float]
    source: str
    quote: str
    as_of: Union[str, None] = None
    qualifier: Union[str, None] = None
    inferred: Union[str, None] = None
    notes: Union[str, None] = None
    line: int = _meta()


@dataclass
class Exclusion:
    source: str
    text: str
    reason: str
    line: int = _meta()


def public_fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def to_dict(record: Any) -> Any:
    """A record as JSON-ready data with the YAML field names (internal fields left out)."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_dict(getattr(record, f.name)) for f in public_fields(type(record))}
    if isinstance(record, list):
        return [to_dict(item) for item in record]
    return record


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list"}


def build(cls: type, data: Any, file: str, line: int, problems: list[Problem]) -> Any:
    """Build a `cls` from YAML data, appending a Problem for each thing wrong; None if unusable."""
    name = cls.__name__.lower()
    if not isinstance(data, LineDict):
        problems.append(Problem(file, line, f"{name} must be a mapping, not {_describe(data)}"))
        return None
    ok = True
    values: dict[str, Any] = {}
    fields = {f.name: f for f in public_fields(cls)}
    for key in data:
        if key not in fields:
            problems.append(Problem(file, data.line_of(key), f"unknown field '{key}' in {name}"))
            ok = False
    for fname, f in fields.items():
        where = data.line_of(fname)
        if fname not in data:
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required:
                problems.append(Problem(file, data.line, f"{name} is missing required field '{fname}'"))
                ok = False
            continue
        value, good = _convert(_hints(cls)[fname], data[fname], f"{name}.{fname}", file, where, problems)
        if good and fname in DATE_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # an unquoted year such as `date: 1992`
        choices = CHOICES.get((cls.__name__, fname))
        if good and choices and value not in choices:
            problems.append(Problem(file, where, f"{name}.{fname} must be one of {', '.join(choices)}; got {value!r}"))
            good = False
        ok &= good
        values[fname] = value
    if not ok:
        return None
    return cls(**values, line=data.line)


def _convert(hint: Any, value: Any, what: str, file: str, line: int, problems: list[Problem]) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None, True
        concrete = [o for o in options if o is not type(None)]
        for option in concrete:
            if _matches(option, value):
                return _convert(option, value, what, file, line, problems)
        if what.endswith((".date", ".as_of")) and isinstance(value, int) and not isinstance(value, bool):
            return value, True
        wanted = " or ".join(_TYPE_NAMES.get(o, o.__name__) for o in concrete)
        problems.append(Problem(file, line, f"{what} must be {wanted}, not {_describe(value)}"))
        return None, False
    if origin is list:
        if not isinstance(value, list):
            problems.append(Problem(file, line, f"{what} must be a list, not {_describe(value)}"))
            return None, False
        (item_hint,) = typing.get_args(hint)
        items, ok = [], True
        for item in value:
            item_line = item.line if isinstance(item, LineDict) else line
            converted, good = _convert(item_hint, item, what, file, item_line, problems)
            ok &= good
            items.append(converted)
        return items, ok
    if dataclasses.is_dataclass(hint):
        record = build(hint, value, file, line, problems)
        return record, record is not None
    if _matches(hint, value) or (hint is str and what.endswith((".date", ".published")) and _is_int(value)):
        return value, True
    problems.append(Problem(file, line, f"{what} must be {_TYPE_NAMES.get(hint, hint.__name__)}, not {_describe(value)}"))
    return None, False


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _matches(hint: Any, value: Any) -> bool:
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return _is_int(value)
    if dataclasses.is_dataclass(hint):
        return isinstance(value, dict)
    if typing.get_origin(hint) is list:
        return isinstance(value, list)
    return isinstance(value, hint)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    return _TYPE_NAMES.get(type(value), type(value).__name__)
