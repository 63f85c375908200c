"""`cica place`: a place, or CICA and its bodies and posts, by any of its names: its names
over time with the sources, which name each source used and which were in use then, and what
links to it (events held there, holders of a post, parts of a body)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from . import options
from .views import MARKED, VIEWS, dagger, held, look_up_command, marked_date, remarks, source_ids


def _find_named(ds, name):
    from ..places import find_named

    return find_named(ds, name)


def named_json(ds, record) -> dict[str, Any]:
    from ..model import Place, to_dict
    from ..people import holders
    from ..places import events_at, parts_of

    data = to_dict(record)
    if isinstance(record, Place):
        data["events"] = [e.id for e in events_at(ds, record.id)]
    else:
        data["parts"] = [b.id for b in parts_of(ds, record.id)]
        data["holders"] = [h.person.id for h in holders(ds, record.id)]
    return data


def _attested(ds, name) -> str:
    """One date per citation, even where two share it, so each lines up with its quote in
    the Evidence column."""
    from .. import dates
    from ..places import citation_dates

    return "\n".join(dates.short(when) if when else "" for when in citation_dates(ds, name))


def show_named(ds, record) -> None:
    """A place or body: its names over time, which name each source used and which were in
    use at that source's date, and what links to it."""
    from .. import dates, render
    from ..claims import date_inferred, marked
    from ..model import Place
    from ..people import holders
    from ..places import events_at, names_over_time, parts_of, usages

    members, bodies = ds.by_id("members"), ds.by_id("bodies")
    fields = [("Id", record.id)]
    if isinstance(record, Place):
        country = members.get(record.country) if record.country else None
        fields.append(("Country", f"{country.id}: {country.name}" if country else record.country))
    else:
        parent = bodies.get(record.part_of) if record.part_of else None
        fields.append(("Part of", f"{parent.id}: {parent.name}" if parent else record.part_of))
    fields.append(("Notes", record.notes))
    render.print_fields(f"{record.name} ({record.kind})", fields)
    render.print_lines([""])
    rows = []
    for w in names_over_time(ds, record):
        n = w.name
        since = dates.short(n.date) + (" *" if date_inferred(n) else "") if n.date else ""
        rows.append([n.name, n.kind, since, dates.short(n.until) + (" *" if n.inferred else "") if n.until else "",
                     _attested(ds, n), render.evidence(n.citations), remarks(n)])
    render.print_table("Names over time", ["Name", "Kind", "Since", "Until", "In use as of", "Evidence", "Remarks"], rows,
                       caption="Since and Until only where a source says so (* inferred: see the evidence and remarks); "
                               "In use as of: the citing sources' dates",
                       nowrap=("Kind", "Since", "Until", "In use as of"), drop=("Remarks", "Evidence", "Kind"))
    render.print_lines([""])
    seen, urows = set(), []
    for u in usages(ds, record):
        if (u.source, id(u.used)) in seen:
            continue
        seen.add((u.source, id(u.used)))
        current = ", ".join(dict.fromkeys(n.name for n in u.current)) or "(the sources do not say)"
        urows.append([u.source, dates.short(u.as_of), u.used.name, current])
    render.print_table("Which name each source used, and the names in use at its date", ["Source", "As of", "Used", "In use then"],
                       urows, nowrap=("Source", "As of"))
    if isinstance(record, Place):
        events = events_at(ds, record.id)
        render.print_lines([""])
        if events:
            render.print_table("Events here", ["Date", "Id", "Title", "Place as written"],
                               [[marked_date(e), e.id, e.title, e.place] for e in events],
                               caption=MARKED if any(marked(e) for e in events) else None,
                               nowrap=("Date", "Id"))
        else:
            render.print_lines(["Events here: none"])
        return
    parts = parts_of(ds, record.id)
    if parts:
        render.print_lines([""])
        render.print_table("Parts", ["Id", "Name", "Kind"], [[b.id, b.name, b.kind] for b in parts], nowrap=("Id",))
    found = holders(ds, record.id)
    if found:
        render.print_lines([""])
        render.print_table("Holders (the title as each source wrote it)", ["Person", "Office", "When", "Source"],
                           [[f"{h.person.name}\n{h.person.id}", h.office.office, held(ds, h.office),
                             source_ids(h.office.citations)] for h in found],
                           caption=dagger(ds, [h.office for h in found]),
                           nowrap=("When", "Source"))


VIEWS["places"] = VIEWS["bodies"] = (show_named, named_json)


look_up_command(
    "place", "cica place nur-sultan",
    Annotated[str, typer.Argument(metavar="NAME", help="Any name the place or body has had (Nur-Sultan, ICCA, Secretary General), its id, or a unique prefix; any case, accents and punctuation.", autocompletion=options.complete_places)],
    _find_named, named_json, show_named,
    """A place, or CICA and its bodies and posts, found by any of its names: its names over time
    with the sources, which name each source used and which were in use at its date, and what
    links to it (events held there, a post's holders).""")
