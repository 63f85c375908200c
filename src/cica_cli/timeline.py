"""The timeline query: events in chronological order, filtered."""

from __future__ import annotations

from typing import Optional

from . import dates
from .dataset import Dataset
from .errors import UsageError
from .model import EVENT_KINDS, Event, cited_sources


def parse_bound(value: Optional[str], option: str) -> Optional[dates.Span]:
    """A --from/--to value (a year or any EDTF date) as a Span."""
    if value is None:
        return None
    try:
        return dates.parse(value.strip())
    except dates.EDTFError as exc:
        raise UsageError(f"{option}: {exc}") from None


def timeline(
    ds: Dataset,
    start: Optional[str] = None,
    end: Optional[str] = None,
    kind: Optional[str] = None,
    source: Optional[str] = None,
    member: Optional[str] = None,
    context: bool = True,
) -> list[Event]:
    """Events sorted by date (rough dates placed by their earliest possible day), filtered.

    `start`/`end` keep every event that could fall in the range; `source` and `member` are ids.
    """
    low, high = parse_bound(start, "--from"), parse_bound(end, "--to")
    if low and high and low.lower > high.upper:
        raise UsageError(f"--from {start} is after --to {end}")
    if kind is not None and kind not in EVENT_KINDS:
        raise UsageError(f"--kind: unknown kind {kind!r}; choose from {', '.join(EVENT_KINDS)}")
    chosen = []
    for event in ds.events:
        span = dates.parse(event.date)
        if not dates.within(span, low, high):
            continue
        if kind and event.kind != kind:
            continue
        if source and source not in cited_sources(event.citations):
            continue
        if member and member not in event.members:
            continue
        if not context and event.context:
            continue
        chosen.append(event)
    return sorted(chosen, key=lambda e: dates.sort_key(dates.parse(e.date)))
