"""`cica show`: any record by its id, drawn by the view its kind registered in `views.VIEWS`;
the views of events, figures, metrics, questions and tensions are here."""

from __future__ import annotations

from typing import Annotated

import typer

from . import options
from .app import DataOption, JsonOption, command
from .views import DAGGER, VIEWS, date_line, in_full, says, scope_note, section, short_date, source_dated


def _show_event(ds, event) -> None:
    from .. import render
    from ..plans import stories

    from ..people import people_of_event

    members = ds.by_id("members")
    documents = ds.by_id("documents")
    place = ds.by_id("places").get(event.place_id) if event.place_id else None
    render.print_fields(event.title, [
        ("Id", event.id),
        ("Date", date_line(event)),
        ("Kind", event.kind + (" (context)" if event.context else "")),
        ("Status", event.status),
        ("Plan", "\n".join(f"{s.plan.id}: {s.sentence}" for s in stories(ds, event))),
        ("Place", _place_line(event, place)),
        ("Summary", event.summary),
        ("Members", "\n".join(f"{i}: {members[i].name}" if i in members else i for i in event.members)),
        ("People", "\n".join(f"{p.id}: {p.name}" for p in people_of_event(ds, event))),
        ("Documents", "\n".join(f"{i}: {documents[i].title}" if i in documents else i for i in event.documents)),
        ("Inferred", event.inferred),
        ("Notes", event.notes),
    ])
    says(ds, event)


def _place_line(event, place) -> str | None:
    """An event's place as the source wrote it, and the place record it links to."""
    if not event.place:
        return None
    if place is None:
        return event.place
    named = place.id if place.name == event.place else f"{place.id}: {place.name}"
    return f"{event.place} (place {named})"


def _show_figure(ds, figure) -> None:
    from .. import counts, render
    from ..claims import first_held_as_of
    from ..model import SCOPES

    metric = ds.by_id("metrics").get(figure.metric)
    when, from_source = first_held_as_of(ds, figure)
    value = counts.text(figure.value)
    render.print_fields(f"{metric.description if metric else figure.metric}: {value}", [
        ("Id", figure.id),
        ("Metric", figure.metric),
        ("Value", f"{value} {metric.unit}" if metric else value),
        ("As of", in_full(when) + (" (the source's as_of)" if from_source else "")),
        ("Qualifier", figure.qualifier),
        ("Scope", f"{figure.scope}: {SCOPES.get(figure.scope, '')}"),
        ("Source", figure.source),
        ("Quote", f"“{figure.quote}”"),
        ("Inferred", figure.inferred),
        ("Notes", figure.notes),
    ])


def _show_metric(ds, metric) -> None:
    from .. import counts, render
    from ..claims import first_held_as_of

    render.print_fields(metric.description, [("Id", metric.id), ("Unit", metric.unit),
                                             ("Sum of", " + ".join(metric.sum_of)), ("Notes", metric.notes)])
    from .. import dates

    figures = sorted((f for f in ds.figures if f.metric == metric.id),
                     key=lambda f: dates.sort_key(ds.span(first_held_as_of(ds, f)[0] or "9999")))
    rows = []
    for f in figures:
        when, from_source = first_held_as_of(ds, f)
        rows.append([counts.text(f.value) + scope_note(f, "\n"), source_dated(when, from_source),
                     f"{f.source}\n{f.id}", f"“{f.quote}”"])
    render.print_lines([""])
    section(f"Figures for {metric.id}", ["Value", "As of", "Source and figure", "Quote"], rows,
             caption=DAGGER, nowrap=("Source and figure",))
    if metric.sum_of:
        from ..compare import in_time_order, sums

        added = [[f"{o.shown}\n= {o.inferred.removeprefix('the sum of the parts: ')}", short_date(o.as_of),
                  f"{o.source}\n{', '.join(o.parts)}", f"“{o.quote}”"] for o in in_time_order(sums(ds, metric))]
        section(f"Sums of the parts ({' + '.join(metric.sum_of)}) that one source states at one time",
                 ["Value", "As of", "Source and figures", "Quote"], added, nowrap=("Source and figures",))


def _show_question(ds, question) -> None:
    from .. import dates, render

    records = {**ds.by_id("events"), **ds.by_id("documents")}
    render.print_fields(question.question, [("Id", question.id), ("Notes", question.notes)])
    rows = []
    for a in question.answers:
        record = records.get(a.record)
        when = dates.human(record.date) if record is not None and record.date else "undated"
        rows.append([when, a.scope + (f"\n{a.notes}" if a.notes else ""), a.record])
    render.print_table("Answers (compare them: cica compare " + question.id + ")", ["Date", "Scope", "Record"], rows,
                       nowrap=("Record",))


def _show_tension(ds, tension) -> None:
    from .. import render

    render.print_fields(f"Within {tension.source}: {tension.summary}", [("Id", tension.id), ("Notes", tension.notes)])
    says(ds, tension)


@command("show", "cica show 2022-kuwait-application")
def show_command(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The id of an event, member, document, figure, source, metric, person, place or body (or a unique prefix).", autocompletion=options.complete_records)],
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Any record by its id (event, member, document, figure, source, metric, person, place,
    body) or a unique prefix of one, so that every id cica prints can be followed."""
    from .. import render
    from ..dataset import open_dataset
    from ..lookup import find_record
    from ..model import to_dict

    ds = open_dataset(data)
    kind, record = find_record(ds, record_id)
    draw, as_json = VIEWS.get(kind, (None, None))
    if json:
        render.print_json(as_json(ds, record) if as_json else to_dict(record))
    elif draw is not None:
        draw(ds, record)
    else:  # a kind with no view of its own: its fields
        render.print_json(to_dict(record))


def _metric_json(ds, metric) -> dict:
    from ..model import to_dict

    data = to_dict(metric)
    data["figures"] = [f.id for f in ds.figures if f.metric == metric.id]
    return data


VIEWS.update({
    "events": (_show_event, None), "figures": (_show_figure, None), "metrics": (_show_metric, _metric_json),
    "questions": (_show_question, None), "tensions": (_show_tension, None),
})
