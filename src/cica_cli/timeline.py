"""The timeline query: events in chronological order, filtered."""

from __future__ import annotations

from typing import Optional, Sequence

from . import dates
from .dataset import Dataset
from .errors import UsageError
from .model import EVENT_KINDS, Event, cited_sources
from .names import choose


def parse_bound(value: Optional[str], field: str) -> Optional[dates.Span]:
    """A start or end of a range (a year or any EDTF date) as a Span."""
    if value is None:
        return None
    try:
        return dates.parse(value.strip())
    except dates.EDTFError as exc:
        raise UsageError(str(exc), field) from None


def timeline(
    ds: Dataset,
    start: Optional[str] = None,
    end: Optional[str] = None,
    kind: Optional[str | Sequence[str]] = None,
    source: Optional[str] = None,
    member: Optional[str] = None,
    context: bool = True,
    certain: bool = False,
    person: Optional[str] = None,
) -> list[Event]:
    """Events sorted by date (see `dates.sort_key`: by the earliest possible day; an open start
    by its end), filtered.

    `start`/`end` keep every event that may fall in the range, or with `certain` only those
    certainly within it; `kind` is one kind or several (any of them); `source` and `member`
    are ids; `person` (an id) keeps the events whose quotes name that person.
    """
    low, high = parse_bound(start, "start"), parse_bound(end, "end")
    if low and high and low.lower > high.upper:
        raise UsageError(f"{start} is after the end of the range ({end})", "start")
    if certain and not (low or high):
        raise UsageError("needs a start or an end date", "within")
    kinds = {choose(k, EVENT_KINDS, "kind") for k in ([kind] if isinstance(kind, str) else kind or ())}
    keep = dates.certainly_within if certain else dates.within
    naming = None
    if person is not None:
        from .people import events_of_person

        naming = {e.id for p in ds.people if p.id == person for e in events_of_person(ds, p)}
    chosen = []
    for event in ds.events:
        span = ds.span(event.date)
        if not keep(span, low, high):
            continue
        if kinds and event.kind not in kinds:
            continue
        if source and source not in cited_sources(event.citations):
            continue
        if member and member not in event.members:
            continue
        if not context and event.context:
            continue
        if naming is not None and event.id not in naming:
            continue
        chosen.append(event)
    return ds.in_time_order(chosen)
