"""`cica search`: words in the articles and in the dataset."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import options
from .app import DataOption, JsonOption, command
from .sharing import FormatOption, export_listing


@command("search", "cica search 'almaty act'")
def search_command(
    query: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find; case, accents and punctuation are ignored.")],
    source: Annotated[Optional[str], typer.Option("--source", metavar="SOURCE", help="Only this article, and the quotes taken from it.", autocompletion=options.complete_sources)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Find words in the articles (source, line, surrounding words) and in the dataset (the
    records whose quotes, titles or notes contain them). Case, accents and punctuation are
    ignored. Exits 1 when nothing matches."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..lookup import find_source
    from ..model import to_dict
    from ..search import search

    ds = open_dataset(data)
    source_id = find_source(ds, source).id if source else None
    results = search(ds, query, source_id)
    hits = [*results.articles, *results.records]
    columns = [("found_in", lambda h: "dataset" if hasattr(h, "record") else "article"),
               "source", "line", "record", "id", "field", "detail", "before", "match", "after"]
    if export_listing(hits, fmt, json, columns=columns, as_json=to_dict(results)):
        pass
    elif results:
        if results.articles:
            render.print_table(
                f"{len(results.articles)} match(es) in the articles", ["Source", "Line", "Text"],
                ([h.source, h.line, render.highlight(h.before, h.match, h.after)] for h in results.articles),
                nowrap=("Source", "Line"),
            )
        if results.records:
            render.print_table(
                f"{len(results.records)} match(es) in the dataset", ["Record", "Id", "Field", "Text"],
                ([h.record, h.id, h.field + (f" ({h.detail})" if h.detail else ""),
                  render.highlight(h.before, h.match, h.after)] for h in results.records),
                nowrap=("Record", "Id"), drop=("Field",),
            )
    if not results:
        raise NotFound(f"no match for {query!r}")
