"""The timeline as an iCalendar file (RFC 5545), built with the `icalendar` library.

Every event is an all-day event (DTSTART/DTEND as dates, DTEND exclusive):

* a day is that day; a month or a year spans the whole month or year, and the title says
  "(month)" or "(year)";
* an approximate date ("2007~") spans its nominal year or month, titled "(c. year)";
  the description gives the wider span EDTF allows;
* an interval spans from its first to its last day; a "one of" set ([A..B]) likewise, titled
  "(one day in this span)", since the event happened on one unknown day within it;
* an open-ended date ("../2021", "[2009-10..]") has no end a calendar can show, so the event
  is left out; `calendar` returns those events so the caller can report them.

UIDs are `<event id>@cica`, stable across exports. The description carries the event's
summary, its quotes and a reference to each article.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Sequence

from . import dates
from .claims import basis, quoted
from .cite import quotes_by_source, reference
from .dataset import Dataset
from .model import Event
from .placing import place
from .safetext import clean

# An event's status as iCalendar's: a plan whose outcome is unknown is tentative; one that did
# not take place as planned (postponed, moved, cancelled) is cancelled at its planned date.
_STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE"}

PRODID = "-//cica//CICA timeline//EN"
UID_DOMAIN = "cica"


def uid(event: Event) -> str:
    return f"{clean(event.id)}@{UID_DOMAIN}"


def summary_line(event: Event) -> str:
    """The calendar title: the event's title, "(planned)", and what the date's precision is."""
    label = place(event.date).label()
    parts = [event.title, f"({event.status})" if event.status != "held" else "", label]
    return " ".join(p for p in parts if p)


def description(ds: Dataset, event: Event) -> str:
    p = place(event.date)
    lines = [f"Date: {dates.human(event.date)} (EDTF {event.date})"]
    if p.approximate:
        low, high = p.widened
        lines.append(f"Approximate: shown over its nominal span; it may fall between {low.isoformat()} and {high.isoformat()}.")
    if p.kind == "set":
        lines.append("One day somewhere in this span; which day is not known.")
    elif p.kind == "interval":
        lines.append("An interval: from the first to the last day shown.")
    lines.append(f"Dated: {basis(event)}")
    if event.inferred:
        lines.append(f"Inferred: {event.inferred}")
    lines += ["", event.summary]
    if event.notes:
        lines += ["", f"Note: {event.notes}"]
    lines += ["", "Sources:"]
    for source_id, quotes in quotes_by_source(event.citations).items():
        source = ds.source(source_id)
        lines += [quoted(c) for c in quotes]
        lines.append(f"— {reference(source) if source else source_id}")
    return "\n".join(clean(line) for line in lines)


def _stamp() -> datetime:
    """DTSTAMP: now, or $SOURCE_DATE_EPOCH when set (the reproducible-builds convention), so
    that the same data can give the same file byte for byte."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit() and len(epoch) <= 12:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def calendar(ds: Dataset, events: Sequence[Event], name: str = "CICA timeline") -> tuple[bytes, list[Event]]:
    """(the .ics file's bytes, the events left out because their date is open-ended)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = _stamp()
    skipped = []
    for event in events:
        p = place(event.date)
        if p.open:
            skipped.append(event)
            continue
        item = CalendarEvent()
        item.add("uid", uid(event))
        item.add("dtstamp", stamp)
        item.add("dtstart", p.first)
        item.add("dtend", p.last + timedelta(days=1))
        item.add("summary", clean(summary_line(event)))
        item.add("description", description(ds, event))
        item.add("categories", [event.kind] + (["context"] if event.context else []))
        if event.place:
            item.add("location", clean(event.place))
        item.add("status", _STATUS.get(event.status, "CANCELLED"))
        item.add("transp", "TRANSPARENT")
        cal.add_component(item)
    return cal.to_ical(), skipped
