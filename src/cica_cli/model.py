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

from . import counts
from .errors import Problem
from .names import did_you_mean
from .vocabulary import (  # noqa: F401  (the model's closed lists, re-exported)
    BODY_KINDS, DOCUMENT_KINDS, EVENT_KINDS, EVENT_STATUSES, MEMBER_KINDS, NAME_KINDS, PLACE_KINDS, ROLES, SCOPES,
    STATUSES,
)
from .yamlfile import LineDict


def scope_words(scope: str | None, qualifier: str | None) -> str | None:
    """How a figure's scope is named beside its value: the scope unless it is `all`, then the
    source's own words (the qualifier): "participants: attended an anniversary seminar"."""
    parts = [scope] if scope not in (None, "all") else []
    if qualifier:
        parts.append(qualifier)
    return ": ".join(parts) or None


# Allowed values for fields named here; checked by `build`.
CHOICES = {
    ("Event", "kind"): EVENT_KINDS,
    ("Event", "status"): EVENT_STATUSES,
    ("Status", "status"): STATUSES,
    ("Roster", "status"): STATUSES,
    ("Role", "role"): ROLES,
    ("Document", "kind"): DOCUMENT_KINDS,
    ("Member", "kind"): MEMBER_KINDS,
    ("Name", "kind"): NAME_KINDS,
    ("Place", "kind"): PLACE_KINDS,
    ("Body", "kind"): BODY_KINDS,
    ("Figure", "scope"): tuple(SCOPES),
}
# Fields whose value is checked and made plain by a function (ValueError: the problem).
NORMALISE = {
    ("Figure", "value"): counts.written,
}
# What a field must be, where its type alone would say it less clearly.
WANTED = {"figure.value": counts.SHAPES}
# Fields holding EDTF dates.
DATE_FIELDS = frozenset({"date", "as_of", "published", "until"})
# Fields whose values are ids of records of another kind: (class name, field) -> the kinds
# (KINDS names) they may name. The exports make them foreign keys.
REFERENCES = {
    ("Citation", "source"): ("sources",),
    ("Event", "members"): ("members",),
    ("Event", "documents"): ("documents",),
    ("Document", "adopted_at"): ("events",),
    ("Document", "related"): ("documents",),
    ("Document", "members"): ("members",),
    ("Figure", "metric"): ("metrics",),
    ("Figure", "source"): ("sources",),
    ("Exclusion", "source"): ("sources",),
    ("Answer", "record"): ("events", "documents"),
    ("Tension", "source"): ("sources",),
    ("Event", "place_id"): ("places",),
    ("Office", "of"): ("members", "bodies"),
    ("Office", "post"): ("bodies",),
    ("Place", "country"): ("members",),
    ("Body", "part_of"): ("bodies",),
    ("Event", "outcome"): ("events",),
    ("Metric", "sum_of"): ("metrics",),
    ("Roster", "source"): ("sources",),
}
# Fields holding words of an article, verbatim (found in it by `check`).
VERBATIM_FIELDS = frozenset({"quote", "text"})
# Fields holding a count as written (a number, a range or a bound: see counts.py).
COUNT_FIELDS = frozenset({("Figure", "value")})
# Date fields where an unquoted year (`date: 1992`) is read as that year.
YEAR_FIELDS = frozenset({"date", "as_of", "published"})
# What an `id` may be: lower-case letters, digits and hyphens (checked by `check`).
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

class Record:
    """The base of the record classes: the line of the record in its data file (`line`,
    keyword-only and kept out of the YAML/JSON fields), and equality and repr over the YAML
    fields, written once here rather than generated for each class (which keeps importing
    this module cheap)."""

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass with eq
    line: int = field(default=0, kw_only=True, compare=False, repr=False, metadata={"internal": True})

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in field_names(self.__class__))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in field_names(self.__class__))
        return f"{self.__class__.__qualname__}({shown})"


Record = dataclass(Record, repr=False, eq=False)


def record(cls: type) -> type:
    """A record class: a dataclass whose __eq__ and __repr__ come from Record."""
    return dataclass(cls, repr=False, eq=False)


def _basis() -> Any:
    """How a dated record's `date` was settled (see claims.settle): "stated" by the curator,
    "claims" (derived from its citations' dates), "conflict" (claims that share no day; the
    date spans them all) or "" (no date). Kept out of the YAML/JSON fields."""
    return field(default="", compare=False, repr=False, metadata={"internal": True})


@record
class Citation(Record):
    """A verbatim quote from a source and, on a dated record, the date *that source* gives for
    it (EDTF, at the source's own precision), with `inferred` saying how where the quote does
    not state that date outright. A citation without a date supports the fact, not a date."""

    source: str
    quote: str
    date: Union[str, None] = None
    inferred: Union[str, None] = None


@record
class Source(Record):
    """An article in seeds/."""

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


@record
class Event(Record):
    """A dated happening."""

    id: str
    date: Union[str, None] = field(default=None, kw_only=True)
    title: str
    kind: str
    summary: str
    citations: list[Citation]
    place: Union[str, None] = None
    place_id: Union[str, None] = None
    status: str = "held"
    outcome: Union[str, None] = None
    context: bool = False
    members: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    inferred: Union[str, None] = None
    notes: Union[str, None] = None
    date_basis: str = _basis()


def _claimed(name: str, doc: str, head: list, until: bool = False) -> type:
    """A record class whose date comes from its citations' claims (see claims.settle): its
    own `head` fields, then `date` (since when), `until` where it can end, `as_of`, `inferred`
    and `notes`, in that order in the YAML and the JSON. Statuses, roles, names and offices
    share this tail; it is written here once."""
    optional = [("date", Union[str, None], field(default=None))]
    if until:
        optional.append(("until", Union[str, None], field(default=None)))
    optional += [("as_of", Union[str, None], field(default=None)),
                 ("inferred", Union[str, None], field(default=None)),
                 ("notes", Union[str, None], field(default=None)),
                 ("date_basis", str, _basis())]
    return dataclasses.make_dataclass(name, [*head, *optional], bases=(Record,), repr=False, eq=False,
                                      namespace={"__doc__": doc, "__module__": __name__})


def _cited(value: str) -> list:
    """The head of a status or role: its value field first (`status: member`, `role: chair`)."""
    return [(value, str), ("citations", list[Citation])]


Status = _claimed("Status", "A member's relation to CICA (member, observer, ...).", _cited("status"))
Role = _claimed("Role", "A member's role (chair, host, initiator).", _cited("role"))


@record
class Member(Record):
    """A state or organisation in a relation to CICA."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    iso_alpha2: Union[str, None] = None
    iso_alpha3: Union[str, None] = None
    identifier: Union[str, None] = None
    identifier_scheme: Union[str, None] = None
    statuses: list[Status] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    notes: Union[str, None] = None


def member_keys(member: "Member") -> list[str]:
    """The names a member answers to: its name, its id, its aliases."""
    return [member.name, member.id, *member.aliases]


@record
class Roster(Record):
    """A list of named members in one quote ("the observers are A, B and C"), entered once:
    the loader gives each member named (an id, name or alias) a status citing the quote,
    as if entered under the member (see rosters.py)."""

    status: str
    members: list[str]
    source: str
    quote: str
    as_of: Union[str, None] = None
    inferred: Union[str, None] = None
    notes: Union[str, None] = None


Name = _claimed("Name", """One name of a place or of CICA and its bodies, as the sources write it, with when it
    was in use. Its citations are the sources using it; a citation's `date` is when that
    source says the name came into use (its "since"), and the name's `date` is derived from
    those claims. `as_of` is a time the name is known to be current (default: the citing
    sources' as_of); `until` when it stopped being the name, where a source says so.""", [
    ("name", str), ("citations", list[Citation]),
    ("kind", str, field(default="name")), ("lang", Union[str, None], field(default=None)),
], until=True)


@record
class Place(Record):
    """A place, with its names over time (Astana, Nur-Sultan, Astana again)."""

    id: str
    name: str
    kind: str
    names: list[Name]
    country: Union[str, None] = None
    notes: Union[str, None] = None


@record
class Body(Record):
    """CICA itself, one of its bodies (the Secretariat) or one of its posts (the head of the
    Secretariat), with its names over time."""

    id: str
    name: str
    kind: str
    names: list[Name]
    part_of: Union[str, None] = None
    notes: Union[str, None] = None


Office = _claimed("Office", """An office a person held, named as the source wrote it (`office`), of a member or one of
    CICA's bodies (`of`), and the post it is (`post`, a body of kind post) where that is
    known. A citation's `date` is when that source says the person took it up (its "since");
    `as_of` a time the person is known to hold it (default: the citing source's as_of);
    `until` when they left it, where a source says so.""", [
    ("office", str), ("citations", list[Citation]),
    ("of", Union[str, None], field(default=None)), ("post", Union[str, None], field(default=None)),
], until=True)


@record
class Person(Record):
    """A person the articles name in a role touching CICA, with the offices they held."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    notes: Union[str, None] = None


@record
class Document(Record):
    """A CICA document."""

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
    date_basis: str = _basis()


@record
class Metric(Record):
    """A measured quantity; with `sum_of`, the sum of other metrics ("observer states and
    organisations"), whose figures are compared with the sum of the parts' figures."""

    id: str
    description: str
    unit: str
    sum_of: list[str] = field(default_factory=list)
    notes: Union[str, None] = None


@record
class Figure(Record):
    """An observation of a metric. `value` is the count as written: a number, a range
    `[low, high]` or a bound (`{over: 20}`, `{min: 21}`); see counts.py."""

    id: str
    metric: str
    value: Union[int, float, list, dict]
    source: str
    quote: str
    as_of: Union[str, None] = None
    qualifier: Union[str, None] = None
    scope: str = "all"
    inferred: Union[str, None] = None
    notes: Union[str, None] = None


@record
class Exclusion(Record):
    """A date or number in an article deliberately not recorded."""

    source: str
    text: str
    reason: str


@record
class Answer(Record):
    """One record that answers a question, and what it is an answer to (its scope)."""

    record: str
    scope: str
    notes: Union[str, None] = None


@record
class Question(Record):
    """One question that different records answer ("when was CICA founded": the proposal,
    the first summit, the founding declaration). Their dates are laid side by side; answers
    of different scope are never a conflict."""

    id: str
    question: str
    answers: list[Answer]
    notes: Union[str, None] = None


@record
class Tension(Record):
    """Two or more statements of one source that do not add up, each with its quote."""

    id: str
    source: str
    summary: str
    citations: list[Citation]
    notes: Union[str, None] = None


@dataclass(frozen=True)
class Kind:
    """One kind of record: its class, the data file holding it, and how people name it."""

    name: str  # plural, the Dataset attribute: "events"
    singular: str  # "event"
    cls: type
    required: bool = False  # the data file must exist
    named: bool = True  # has an `id` that look-ups, `show` and completion offer

    @property
    def file(self) -> str:
        return f"{self.name}.yaml"

    @property
    def label(self) -> str:
        return f"data/{self.file}"


# Every kind of record, in the order files are loaded and checked. A new kind is one line
# here (plus its class above); the loader, `check`, `show`, search and completion read this.
KINDS: tuple[Kind, ...] = (
    Kind("sources", "source", Source, required=True),
    Kind("events", "event", Event, required=True),
    Kind("members", "member", Member, required=True),
    Kind("rosters", "roster", Roster, named=False),
    Kind("documents", "document", Document),
    Kind("metrics", "metric", Metric),
    Kind("figures", "figure", Figure),
    Kind("questions", "question", Question),
    Kind("tensions", "tension", Tension),
    Kind("people", "person", Person),
    Kind("places", "place", Place),
    Kind("bodies", "body", Body),
    Kind("excluded", "exclusion", Exclusion, named=False),
)
KIND = {k.name: k for k in KINDS}

_PUBLIC: dict[type, tuple[dataclasses.Field, ...]] = {}


def cited_sources(citations: list[Citation]) -> list[str]:
    """The distinct sources of some citations, in citation order."""
    return list(dict.fromkeys(c.source for c in citations))


def walk(record: Any) -> Any:
    """The record and every record nested in it (citations, statuses, roles), depth first:
    the one walk over a record that the loader, `check`, look-ups and search share."""
    yield record
    for name in nested_fields(type(record)):
        value = getattr(record, name)
        if isinstance(value, list):
            for item in value:
                yield from walk(item)
        elif value is not None:
            yield from walk(value)


def public_fields(cls: type) -> tuple[dataclasses.Field, ...]:
    """The YAML/JSON fields of a record class, in order (computed once per class)."""
    found = _PUBLIC.get(cls)
    if found is None:
        found = _PUBLIC[cls] = tuple(f for f in dataclasses.fields(cls) if not f.metadata.get("internal"))
    return found


def field_names(cls: type) -> tuple[str, ...]:
    """The names of `public_fields(cls)`."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in public_fields(cls))
    return names


def nested_fields(cls: type) -> tuple[str, ...]:
    """The names of the fields of a record class that hold records (or lists of them)."""
    names = _NESTED.get(cls)
    if names is None:
        hints = typing.get_type_hints(cls)
        names = _NESTED[cls] = tuple(f.name for f in public_fields(cls) if _holds_records(hints[f.name]))
    return names


def _holds_records(hint: Any) -> bool:
    return dataclasses.is_dataclass(hint) or any(_holds_records(arg) for arg in typing.get_args(hint))


_ATOMS = frozenset({str, int, float, bool, type(None)})
_DATED = frozenset({Event, Document, Status, Role, Name, Office})  # records whose date may be derived
_NAMES: dict[type, tuple[str, ...]] = {}
_NESTED: dict[type, tuple[str, ...]] = {}


def to_dict(record: Any) -> Any:
    """A record as JSON-ready data with the YAML field names (internal fields left out)."""
    cls = type(record)
    if cls in _ATOMS:
        return record
    names = _NAMES.get(cls)
    if names is not None:
        result = {}
        for name in names:
            value = getattr(record, name)
            result[name] = value if type(value) in _ATOMS else to_dict(value)
        if cls in _DATED:  # how `date` was settled: stated, claims, conflict (see claims.py)
            result["date_basis"] = record.date_basis or None
        return result
    if isinstance(record, list):
        return [item if type(item) in _ATOMS else to_dict(item) for item in record]
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        field_names(cls)
        return to_dict(record)
    return record


_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list",
               dict: "a mapping"}

# A converter takes (value, file, line, problems) and returns (converted value, ok).
Converter = typing.Callable[[Any, str, int, list], tuple[Any, bool]]
# Per record class: its name, its field names, and per field (name, converter, required,
# allowed values, is a date field, normaliser, the stand-in for a value that is missing or
# wrong: an empty list or None). Worked out once per class, not once per record.
_Plan = tuple[str, frozenset, list[tuple[str, Converter, bool, Any, bool, Any]]]
_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        name, hints, fields = cls.__name__.lower(), typing.get_type_hints(cls), []
        for f in public_fields(cls):
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            stand_in = list if typing.get_origin(hints[f.name]) is list else None
            fields.append((f.name, _converter(hints[f.name], f"{name}.{f.name}"), required,
                           CHOICES.get((cls.__name__, f.name)), f.name in DATE_FIELDS,
                           NORMALISE.get((cls.__name__, f.name)), stand_in))
        plan = _PLANS[cls] = (name, frozenset(f[0] for f in fields), fields)
    return plan


def build(cls: type, data: Any, file: str, line: int, problems: list[Problem]) -> Any:
    """Build a `cls` from YAML data, appending a Problem for each thing wrong; None only when
    `data` is not a mapping.

    A record with a wrong field is still built, with the field empty (None, or an empty list;
    a wrong item of a list is left out), and marked `broken(record)` with the names of those
    fields, so that `check` goes on to report its other problems (a bad date, a quote not in
    its article, an unknown source) in the same run. Other commands refuse a dataset with
    any problem, so they never see such a record."""
    name, known, fields = _plan(cls)
    if not isinstance(data, LineDict):
        problems.append(Problem(file, line, f"{name} must be a mapping, not {_describe(data)}"))
        return None
    bad: list[str] = []
    if not known.issuperset(data):
        for key in data:
            if key not in known:
                problems.append(Problem(file, data.line_of(key), f"unknown field '{key}' in {name}{_fields_hint(key, field_names(cls))}"))
                bad.append(key)
    values: dict[str, Any] = {}
    lines, start = data.lines, data.line
    missing = []
    for fname, convert, required, choices, is_date, normalise, stand_in in fields:
        if fname not in data:
            if required:
                missing.append(fname)
                values[fname] = stand_in() if stand_in else None
            continue
        where = lines.get(fname, start)
        value, good = convert(data[fname], file, where, problems)
        if good and is_date and type(value) is int:
            value = str(value)  # an unquoted year such as `date: 1992`
        if good and choices and value not in choices:
            problems.append(Problem(file, where, f"{name}.{fname} must be one of {', '.join(choices)}; "
                                                 f"got {value!r}{did_you_mean(value, choices)}"))
            good = False
        if good and normalise is not None:
            try:
                value = normalise(value)
            except ValueError as exc:
                problems.append(Problem(file, where, f"{name}.{fname}: {exc}"))
                good = False
        if not good:
            bad.append(fname)
            if not (stand_in is list and isinstance(value, list)):  # a list keeps its good items
                value = stand_in() if stand_in else None
        values[fname] = value
    if missing:  # one line for them all
        listed = ", ".join(f"'{f}'" for f in missing)
        problems.append(Problem(file, start, f"{name} is missing required field{'s' if len(missing) > 1 else ''} {listed}"))
        bad += missing
    made = cls(**values, line=start)
    made._lines = lines  # where each field is, for problems found later (line_of); not a field
    if bad:
        made._broken = tuple(bad)
    return made


def broken(record: Any) -> tuple[str, ...]:
    """The fields of a record built from a data file that were missing, wrong or unknown
    (known while the file is built, before the record cache; empty for a sound record)."""
    return getattr(record, "_broken", ())


def _fields_hint(key: Any, known: tuple[str, ...]) -> str:
    """What to write instead of an unknown field: the closest field, or every field."""
    return did_you_mean(key, known) or f" (its fields: {', '.join(known)})"


def line_of(record: Any, name: str) -> int:
    """The line of field `name` of a record built from a data file; the record's own line if
    the field is absent (or the record was made some other way)."""
    lines = getattr(record, "_lines", None)
    return lines.get(name, record.line) if lines else record.line


def _converter(hint: Any, what: str) -> Converter:
    """A function checking and converting a YAML value to the type `hint` (`what` names the field)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = typing.get_args(hint)
        nullable = type(None) in options
        concrete = [o for o in options if o is not type(None)]
        choices = [(_matcher(o), _converter(o, what)) for o in concrete]
        int_date = what.rsplit(".", 1)[-1] in YEAR_FIELDS
        wanted = WANTED.get(what) or " or ".join(_TYPE_NAMES.get(o, o.__name__) for o in concrete)

        def convert_union(value, file, line, problems):
            if value is None and nullable:
                return None, True
            for matches, convert in choices:
                if matches(value):
                    return convert(value, file, line, problems)
            if int_date and _is_int(value):
                return value, True
            problems.append(Problem(file, line, f"{what} must be {wanted}, not {_describe(value)}"))
            return None, False

        return convert_union
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        convert_item = _converter(item_hint, what)

        def convert_list(value, file, line, problems):
            if not isinstance(value, list):
                problems.append(Problem(file, line, f"{what} must be a list, not {_describe(value)}"))
                return None, False
            items, ok = [], True
            for item in value:
                item_line = item.line if isinstance(item, LineDict) else line
                converted, good = convert_item(item, file, item_line, problems)
                ok = ok and good
                if converted is not None:  # a record with a wrong field is kept (see `build`)
                    items.append(converted)
            return items, ok

        return convert_list
    if dataclasses.is_dataclass(hint):
        def convert_record(value, file, line, problems):
            record = build(hint, value, file, line, problems)
            return record, record is not None and not broken(record)

        return convert_record
    matches = _matcher(hint)
    int_text = hint is str and what.rsplit(".", 1)[-1] in YEAR_FIELDS
    wanted = _TYPE_NAMES.get(hint, hint.__name__)

    def convert_plain(value, file, line, problems):
        if matches(value) or (int_text and _is_int(value)):
            return value, True
        problems.append(Problem(file, line, f"{what} must be {wanted}, not {_describe(value)}"))
        return None, False

    return convert_plain


def _matcher(hint: Any) -> typing.Callable[[Any], bool]:
    """A test of whether a value has the type `hint` (a bool is not a number)."""
    if hint is float:
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is int:
        return _is_int
    if dataclasses.is_dataclass(hint):
        return lambda value: isinstance(value, dict)
    if typing.get_origin(hint) is list:
        return lambda value: isinstance(value, list)
    if hint is str:
        return lambda value: type(value) is str
    return lambda value: isinstance(value, hint)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a mapping"
    return _TYPE_NAMES.get(type(value), type(value).__name__)
