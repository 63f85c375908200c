"""`cica timeline`."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import DataOption, JsonOption, command


@command("timeline", "cica timeline --from 2002 --to 2010 --kind summit --cite")
def timeline_command(
    start: Annotated[Optional[str], typer.Option("--from", metavar="DATE", help="Only events that may fall on or after this year or EDTF date.")] = None,
    end: Annotated[Optional[str], typer.Option("--to", metavar="DATE", help="Only events that may fall on or before this year or EDTF date.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only events of this kind (summit, proposal, adoption, ...).")] = None,
    source: Annotated[Optional[str], typer.Option("--source", metavar="SOURCE", help="Only events cited from this source (id, file name or unique prefix).")] = None,
    member: Annotated[Optional[str], typer.Option("--member", metavar="NAME", help="Only events involving this state or organisation.")] = None,
    context: Annotated[bool, typer.Option("--context/--no-context", help="Include Kazakhstan's related initiatives (tagged context).")] = True,
    cite: Annotated[bool, typer.Option("--cite", help="Show the quotes behind each event.")] = False,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """The events in chronological order, dated at the precision the sources give."""
    from .. import dates, render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..lookup import find_member, find_source
    from ..model import to_dict
    from ..timeline import sources_of, timeline

    ds = open_dataset(data)
    source_id = find_source(ds, source).id if source else None
    member_id = find_member(ds, member).id if member else None
    events = timeline(ds, start, end, kind, source_id, member_id, context)
    if json:
        render.print_json([to_dict(e) for e in events])
        return
    if not events:
        raise NotFound("no events match these filters")
    rows = []
    for e in events:
        title = e.title + (" (planned)" if e.status == "planned" else "")
        date = dates.human(e.date) + (" *" if e.inferred else "")
        kind_text = e.kind + (" (context)" if e.context else "")
        if cite:
            evidence = "\n".join(f"{c.source}: “{c.quote}”" for c in e.citations)
        else:
            evidence = ", ".join(sources_of(e))
        rows.append([date, title, kind_text, evidence])
    columns = ["Date", "Event", "Kind", "Evidence" if cite else "Sources"]
    render.print_table(
        f"CICA timeline: {len(events)} event(s)", columns, rows,
        caption="* date or link inferred: see `cica timeline --json` (field `inferred`)"
        if any(e.inferred for e in events) else None,
        nowrap=("Date", "Kind"),
    )
