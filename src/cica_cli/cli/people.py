"""`cica person` and `cica people`: people, the offices they held with the claims behind each,
and the events whose quotes name them."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from . import options
from .app import DataOption, JsonOption, command
from .views import MARKED, VIEWS, dagger, grouped_rows, held, look_up_command, marked_date, remarks, source_ids
from .sharing import FormatOption, export_listing


def _find_person(ds, name):
    from ..people import find_person

    return find_person(ds, name)


def _of(ds, office) -> str:
    from ..people import of_name

    return of_name(ds, office)


def person_json(ds, person) -> dict[str, Any]:
    from ..model import to_dict
    from ..people import events_of_person

    record = to_dict(person)
    record["events"] = [e.id for e in events_of_person(ds, person)]
    return record


def show_person(ds, person) -> None:
    """A person: names, each office as written with its claims, and the events naming them."""
    from .. import render
    from ..claims import marked
    from ..people import events_of_person, offices_in_order

    render.print_fields(person.name, [("Id", person.id), ("Aliases", ", ".join(person.aliases)), ("Notes", person.notes)])
    render.print_lines([""])
    rows = []
    for office in offices_in_order(ds, person):
        post = ds.by_id("bodies").get(office.post) if office.post else None
        rows.append([office.office, _of(ds, office) + (f"\npost: {post.id}" if post else ""), held(ds, office),
                     render.evidence(office.citations), remarks(office)])
    caption = dagger(ds, offices_in_order(ds, person))
    if rows:
        render.print_table("Offices (the title as each source wrote it)", ["Office", "Of", "When", "Evidence", "Remarks"],
                           rows, caption=caption, nowrap=("When",), drop=("Remarks", "Evidence"))
    else:
        render.print_lines(["Offices: none"])
    render.print_lines([""])
    events = events_of_person(ds, person)
    if events:
        render.print_table("Events whose quotes name them", ["Date", "Id", "Title"],
                           [[marked_date(e), e.id, e.title] for e in events],
                           caption=MARKED if any(marked(e) for e in events) else None,
                           nowrap=("Date", "Id"))
    else:
        render.print_lines(["Events whose quotes name them: none"])


VIEWS["people"] = (show_person, person_json)


look_up_command(
    "person", "cica person sarybay",
    Annotated[str, typer.Argument(metavar="NAME", help="A name, alias or id, in any case, with or without accents and punctuation, or a unique prefix.", autocompletion=options.complete_people)],
    _find_person, person_json, show_person,
    """One person: the offices they held, each with its title as the source wrote it, what it
    is an office of, when it holds (the sources' own dates) and the quotes; then the events
    whose quotes name them. NAME is a name, alias or id, or a unique prefix.""")


@command("people", "cica people --format csv")
def people_command(
    post: Annotated[Optional[str], typer.Option("--post", metavar="POST", help="Only those who held this post (an id or any of its names, e.g. secretariat-head or 'Secretary General').", autocompletion=options.complete_posts)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Everyone the articles name in a role touching CICA, with each office as the source wrote
    it, what it is of, when it holds and the source."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..export import default_columns
    from ..model import Person
    from ..people import offices_in_order, people
    from ..places import find_named

    ds = open_dataset(data)
    chosen = people(ds)
    post_id = None
    if post:
        found = find_named(ds, post)
        if getattr(found, "kind", None) != "post":
            raise NotFound(f"{found.id!r} is not a post (a body of kind post in data/bodies.yaml)")
        post_id = found.id
        chosen = [p for p in chosen if any(o.post == post_id for o in p.offices)]
    offices = lambda p: "; ".join(f"{o.office}" + (f" ({_of(ds, o)})" if o.of else "") + f", {held(ds, o, full=True)}"  # noqa: E731
                                  for o in offices_in_order(ds, p))
    columns = [*default_columns(Person), ("offices_in_words", offices)]
    if export_listing(chosen, fmt, json, of=Person, columns=columns):
        return
    if not chosen:
        raise NotFound("no people match these filters")
    shown = lambda p: [o for o in offices_in_order(ds, p) if post_id is None or o.post == post_id]  # noqa: E731
    rows = grouped_rows(chosen, shown, lambda o: [o.office, _of(ds, o), held(ds, o), source_ids(o.citations)], 5)
    render.print_table(f"{len(chosen)} people named in the articles", ["Name", "Office (as written)", "Of", "When", "Source"],
                       rows, caption=dagger(ds, [o for p in chosen for o in shown(p)]),
                       nowrap=("Source",), drop=("Of", "Source"))
