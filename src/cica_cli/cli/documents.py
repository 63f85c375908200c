"""`cica document` and `cica documents`: CICA's documents, their dates and what adopted them."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from . import options
from .app import DataOption, JsonOption, command
from .sharing import FormatOption, export_listing
from ..vocabulary import DOCUMENT_KINDS
from .views import VIEWS, date_line, look_up_command, marked_date, says, short_date, source_ids


def _find_document(ds, name):
    from ..lookup import find_document

    return find_document(ds, name)


def _document_json(ds, document) -> dict[str, Any]:
    from ..lookup import events_of_document
    from ..model import to_dict

    record = to_dict(document)
    record["events"] = [e.id for e in events_of_document(ds, document.id)]
    return record


def _show_document(ds, document) -> None:
    from .. import render
    from ..lookup import events_of_document, related_documents

    events = ds.by_id("events")
    members = ds.by_id("members")
    adopted = events.get(document.adopted_at) if document.adopted_at else None
    render.print_fields(document.title, [
        ("Id", document.id),
        ("Kind", document.kind),
        ("Aliases", ", ".join(document.aliases)),
        ("Date", date_line(document)),
        ("Adopted at", f"{adopted.id}: {adopted.title} ({short_date(adopted.date)})" if adopted else document.adopted_at),
        ("Related", "\n".join(f"{d.id}: {d.title}" for d in related_documents(ds, document))),
        ("Members", "\n".join(f"{i}: {members[i].name}" if i in members else i for i in document.members)),
        ("Other events", "\n".join(f"{e.id}: {e.title} ({short_date(e.date)})"
                                    for e in events_of_document(ds, document.id) if e.id != document.adopted_at)),
        ("Inferred", document.inferred),
        ("Notes", document.notes),
    ])
    says(ds, document)


look_up_command(
    "document", "cica document 'almaty act'",
    Annotated[str, typer.Argument(metavar="NAME", help="A title, alias or id, or a unique prefix.",
                                  autocompletion=options.complete_documents)],
    _find_document, _document_json, _show_document,
    """One CICA document: title, kind, date, the event that adopted it, what the articles say
    about it (quotes and sources), related documents and members. NAME is a title, alias or id,
    or a unique prefix.""")


@command("documents", "cica documents --kind action-plan")
def documents_command(
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help=f"Only documents of these kinds ({', '.join(DOCUMENT_KINDS)}): repeat it or separate with commas.", autocompletion=options.complete_document_kinds)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Every CICA document the articles name, by date (undated ones last)."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..claims import marked
    from ..lookup import documents
    from ..model import DOCUMENT_KINDS, Document

    ds = open_dataset(data)
    chosen = documents(ds, options.many(kind, DOCUMENT_KINDS, "kind"))
    if export_listing(chosen, fmt, json, of=Document):
        return
    if not chosen:
        raise NotFound("no documents match these filters")
    rows = [[marked_date(d) if d.date else "undated", f"{d.title}\n{d.id}",
             d.kind, source_ids(d.citations).replace(", ", "\n")] for d in chosen]
    render.print_table(
        f"{len(chosen)} document(s)", ["Date", "Title and id", "Kind", "Sources"], rows,
        caption="* date or link inferred: see `cica document ID`" if any(marked(d) for d in chosen) else None,
        nowrap=("Date", "Kind", "Sources"), drop=("Sources",),
    )


VIEWS["documents"] = (_show_document, _document_json)
