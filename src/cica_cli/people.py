"""People and the offices they held: finding a person by any name, when an office holds, who
held a post, and the events whose quotes name a person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import dates
from .dataset import Dataset
from .model import Event, Office, Person
from .names import fold, fold_words, resolve


def person_keys(person: Person) -> list[str]:
    return [person.name, person.id, *person.aliases]


def find_person(ds: Dataset, query: str) -> Person:
    return resolve(query, ds.people, person_keys, "person")


def people(ds: Dataset) -> list[Person]:
    """Everyone, by name."""
    return sorted(ds.people, key=lambda p: fold(p.name))


def office_as_of(ds: Dataset, office: Office) -> tuple[Optional[str], bool]:
    """When an office is known to be held: its own `as_of`, else its first citing source's
    (flag True), as for a member's status."""
    from .claims import first_held_as_of

    return first_held_as_of(ds, office)


def offices_in_order(ds: Dataset, person: Person) -> list[Office]:
    """A person's offices by when they held them (since, else as of)."""
    def key(office: Office):
        when = office.date or office_as_of(ds, office)[0]
        return dates.sort_key(ds.span(when)) if when else ()

    return sorted(person.offices, key=key)


def of_name(ds: Dataset, office: Office) -> str:
    """What an office is of: the member's or body's name, else its id, else ""."""
    if not office.of:
        return ""
    member = ds.by_id("members").get(office.of)
    if member is not None:
        return member.name
    body = ds.by_id("bodies").get(office.of)
    if body is None:
        return office.of
    return next((n.name for n in body.names if n.kind == "abbreviation"), body.name)


@dataclass
class Holding:
    """One person holding one office: for listings of a post's holders."""

    person: Person
    office: Office


def holders(ds: Dataset, post_id: str) -> list[Holding]:
    """Everyone recorded in a post (a body of kind post), in time order."""
    found = [Holding(p, o) for p in ds.people for o in p.offices if o.post == post_id]

    def key(h: Holding):
        when = h.office.date or office_as_of(ds, h.office)[0]
        return dates.sort_key(ds.span(when)) if when else ()

    return sorted(found, key=key)


def _named_in(text: str, names: list[str]) -> bool:
    padded = f" {fold_words(text)} "
    return any(f" {n} " in padded for n in names if n)


def mentions(person: Person) -> list[str]:
    """The folded names a quote may call a person by: their name and aliases."""
    return list(dict.fromkeys(fold_words(n) for n in (person.name, *person.aliases)))


def events_of_person(ds: Dataset, person: Person) -> list[Event]:
    """The events one of whose quotes names the person (by name or alias, whole words), by date."""
    names = mentions(person)
    chosen = [e for e in ds.events if any(_named_in(c.quote, names) for c in e.citations)]
    return ds.in_time_order(chosen)


def people_of_event(ds: Dataset, event: Event) -> list[Person]:
    """The people an event's quotes name."""
    return [p for p in people(ds) if any(_named_in(c.quote, mentions(p)) for c in event.citations)]
