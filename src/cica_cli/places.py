"""Names over time: places (Astana, Nur-Sultan, Astana again) and CICA with its bodies and
posts. Finding one by any of its names, when each name was in use as the sources show it,
and, for each source using a name, which names were current at that source's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional, Union

from . import dates
from .dataset import Dataset
from .model import Body, Name, Place
from .names import fold, resolve

Named = Union[Place, Body]


def named_keys(record: Named) -> list[str]:
    """What a place or body answers to: its name, id and every name it has had."""
    return [record.name, record.id, *(n.name for n in record.names)]


def find_named(ds: Dataset, query: str) -> Named:
    """A place, or CICA and its bodies, by any of its names (any case, accents, punctuation)."""
    return resolve(query, [*ds.places, *ds.bodies], named_keys, "place or body")


def attested(ds: Dataset, name: Name) -> list[dates.Span]:
    """The times a name is known to be current: its own `as_of`, else each citing source's."""
    if name.as_of:
        return [ds.span(name.as_of)]
    return [ds.span(when) for when in citation_dates(ds, name) if when]


def citation_dates(ds: Dataset, name: Name) -> list[Optional[str]]:
    """One date per citation of a name, in the citations' order: when that citation shows the
    name in use (the name's own `as_of`, else the citing source's; None for an unknown source)."""
    from .claims import held_as_of

    return [held_as_of(ds, name, citation.source)[0] for citation in name.citations]


@dataclass
class Window:
    """When a name was in use, as far as the sources show: from its `date` (since), else its
    first attestation, to its `until`, else its last attestation."""

    name: Name
    lower: date
    upper: date
    since_stated: bool
    until_stated: bool

    def text(self) -> str:
        low = dates.human(self.name.date) if self.since_stated else f"attested {_day(self.lower)}"
        high = dates.human(self.name.until) if self.until_stated else f"attested {_day(self.upper)}"
        return f"{low} – {high}"


def _day(day: date) -> str:
    return dates.human(f"{day.year:04d}-{day.month:02d}-{day.day:02d}") if day not in (date.min, date.max) else "…"


def window(ds: Dataset, name: Name) -> Window:
    seen = attested(ds, name)
    since = ds.span(name.date) if name.date else None
    until = ds.span(name.until) if name.until else None
    lower = since.lower if since else min((s.lower for s in seen), default=date.min)
    upper = until.upper if until else max((s.upper for s in seen), default=date.max)
    return Window(name, lower, upper, since is not None, until is not None)


def names_over_time(ds: Dataset, record: Named) -> list[Window]:
    """A record's names in the order they came into use."""
    return sorted((window(ds, n) for n in record.names), key=lambda w: (w.lower, w.upper))


def current_at(ds: Dataset, record: Named, when: str, kind: Optional[str] = None) -> list[Name]:
    """The names of a record in use at some time in `when` (EDTF), as the sources show them;
    `kind` keeps names or abbreviations only."""
    span = ds.span(when)
    return [w.name for w in names_over_time(ds, record)
            if w.lower <= span.upper and span.lower <= w.upper and (kind is None or w.name.kind == kind)]


@dataclass
class Usage:
    """One source using one name, and the names of the same kind current at that source's date."""

    source: str
    as_of: str
    used: Name
    quote: str
    current: list[Name]


def usages(ds: Dataset, record: Named) -> list[Usage]:
    """Every citation of every name of a record, in time order of the source."""
    found = []
    for name in record.names:
        for citation in name.citations:
            source = ds.source(citation.source)
            if source is None:
                continue
            found.append(Usage(source.id, source.as_of, name, citation.quote,
                               current_at(ds, record, source.as_of, name.kind)))
    return sorted(found, key=lambda u: (dates.sort_key(ds.span(u.as_of)), u.source))


def place_of_wording(place: Place, wording: str) -> bool:
    """Whether an event's `place` wording is one of the place's names."""
    folded = fold(wording)
    return any(fold(key) == folded for key in named_keys(place) if type(key) is str)  # None: a name written wrong


def events_at(ds: Dataset, place_id: str) -> list:
    """The events held at a place, in time order."""
    return ds.in_time_order(e for e in ds.events if e.place_id == place_id)


def parts_of(ds: Dataset, body_id: str) -> list:
    """The bodies and posts that are part of a body (CICA's Secretariat, its head)."""
    return [b for b in ds.bodies if b.part_of == body_id]
