"""`cica timeline`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import options
from .app import DataOption, JsonOption, command
from .sharing import FormatOption, export_listing
from ..vocabulary import EVENT_KINDS
from .views import MARKED, marked_date


@command("timeline", "cica timeline --from 2002 --to 2010 --kind summit --cite")
def timeline_command(
    start: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="Only events that may fall on or after this year or EDTF date (all of a rough date need not: see --within).")] = None,
    end: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Only events that may fall on or before this year or EDTF date.")] = None,
    within: Annotated[bool, typer.Option("--within", help="With --from/--to: only events certainly within the range, every day their date allows. The default keeps those that may fall in it, so that a rough date (a year, \"Oct 2009 or later\") is never silently dropped.")] = False,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help=f"Only events of these kinds ({', '.join(EVENT_KINDS)}): repeat it or separate with commas.", autocompletion=options.complete_event_kinds)] = None,
    source: Annotated[Optional[str], typer.Option("--source", metavar="SOURCE", help="Only events cited from this source (id, file name or unique prefix).", autocompletion=options.complete_sources)] = None,
    member: Annotated[Optional[str], typer.Option("--member", metavar="NAME", help="Only events involving this state or organisation.", autocompletion=options.complete_members)] = None,
    person: Annotated[Optional[str], typer.Option("--person", metavar="NAME", help="Only events whose quotes name this person (a name, alias or id).", autocompletion=options.complete_people)] = None,
    context: Annotated[bool, typer.Option("--context/--no-context", help="Include Kazakhstan's related initiatives (tagged context).")] = True,
    cite: Annotated[bool, typer.Option("--cite", help="Show the quotes behind each event.")] = False,
    ics: Annotated[Optional[str], typer.Option("--ics", metavar="FILE", help="Write the events as an iCalendar file (- for standard output); open-ended dates are left out, with a note on stderr.")] = None,
    html: Annotated[Optional[str], typer.Option("--html", metavar="FILE", help="Write the timeline as one self-contained HTML page (- for standard output).")] = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """The events in chronological order, dated at the precision the sources give.

    Also as a file to share: --format csv or markdown, --ics cica.ics (a calendar),
    --html cica.html (a page with a time axis)."""
    from .. import render
    from ..claims import marked
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..model import EVENT_KINDS, Event, cited_sources
    from ..timeline import timeline
    from .. import plans

    for option, value in (("--ics", ics), ("--html", html)):
        if value is not None and not value.strip():
            from ..errors import UsageError

            raise UsageError(f"{option}: give a file name, or - for standard output")
    ds = open_dataset(data)
    source_id = member_id = person_id = None
    if source or member:  # the finders are loaded only when a filter needs them
        from ..lookup import find_member, find_source

        source_id = find_source(ds, source).id if source else None
        member_id = find_member(ds, member).id if member else None
    if person:
        from ..people import find_person

        person_id = find_person(ds, person).id
    kinds = options.many(kind, EVENT_KINDS, "kind")
    events = timeline(ds, start, end, kinds, source_id, member_id, context, within, person_id)
    if ics or html:
        _write_files(ds, events, ics, html, fmt, json)
        return
    if export_listing(events, fmt, json, of=Event):
        return
    if not events:
        raise NotFound("no events match these filters")
    rows = []
    for e in events:
        title = e.title + plans.label(ds, e)
        date = marked_date(e)
        kind_text = e.kind + (" (context)" if e.context else "")
        if cite:
            evidence = render.evidence(e.citations)
        else:
            evidence = ", ".join(cited_sources(e.citations))
        rows.append([date, title, kind_text, evidence])
    columns = ["Date", "Event", "Kind", "Evidence" if cite else "Sources"]
    render.print_table(
        f"CICA timeline: {len(events)} event(s)", columns, rows,
        caption=MARKED if any(marked(e) for e in events) else None,
        nowrap=("Date",), drop=("Kind",) if cite else ("Sources",),
    )


def _write_files(ds, events, ics, html, fmt, json) -> None:
    """--ics and --html: write the files, and say what was written on stderr."""
    from .. import render
    from ..errors import NotFound, UsageError

    if fmt or json:
        raise UsageError("--ics and --html write files; they cannot be combined with --format or --json")
    if ics == "-" and html == "-":
        raise UsageError("--ics - and --html - cannot both write to standard output")
    if not events:
        raise NotFound("no events match these filters")
    notes = []
    if ics:
        from ..ics import calendar

        content, skipped = calendar(ds, events)
        _write(ics, content)
        notes.append(f"wrote {len(events) - len(skipped)} event(s) to {'standard output' if ics == '-' else ics}")
        if skipped:
            render.error(f"{len(skipped)} event(s) with an open-ended date left out of the calendar: "
                         + ", ".join(f"{e.id} ({e.date})" for e in skipped))
    if html:
        from ..timeline_page import page

        _write(html, page(ds, events).encode("utf-8"))
        notes.append(f"wrote {len(events)} event(s) to {'standard output' if html == '-' else html}")
    for note in notes:
        render.error(note)


def _write(target: str, content: bytes) -> None:
    from .. import output

    output.write_file(target, content)
