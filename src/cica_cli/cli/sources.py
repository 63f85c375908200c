"""`cica source` and `cica sources`: the articles, how their dates were worked out, and the
facts that cite them."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from . import options
from .app import DataOption, JsonOption, command
from .sharing import export_listing, format_option
from .views import VIEWS, in_full, short_date


def _source_json(ds, source, with_facts: bool) -> dict[str, Any]:
    from ..lookup import facts_citing
    from ..model import to_dict

    record = to_dict(source)
    cited = facts_citing(ds, source.id)
    record["cited_by"] = len(cited)
    if with_facts:
        record["facts"] = [to_dict(f) for f in cited]
    return record


def _show_source(ds, source) -> None:
    from .. import render
    from ..claims import quoted
    from ..lookup import facts_citing

    cited = facts_citing(ds, source.id)
    render.print_fields(source.id, [
        ("File", f"seeds/{source.file}"),
        ("Title", source.title or "(untitled)"),
        ("Authors", ", ".join(source.authors) or "(none named)"),
        ("Outlet", source.outlet or "(not named)"),
        ("Published", in_full(source.published)),
        ("  basis", source.published_basis),
        ("As of", in_full(source.as_of)),
        ("  basis", source.as_of_basis),
        ("Notes", source.notes),
        ("Cited by", f"{len(cited)} fact(s)"),
    ])
    render.print_table(
        f"Facts citing {source.id}", ["Fact", "Quote"],
        ([f"{f.record} {f.id}" + (f"\n({f.detail})" if f.detail else ""), quoted(f)] for f in cited),
    )


SourcesFormatOption = format_option("csl-json (a CSL-JSON bibliography for Zotero, Pandoc and CSL processors)")


@command("sources", "cica sources --format csl-json > cica.json")
def sources_command(data: DataOption = None, json: JsonOption = False, fmt: SourcesFormatOption = None) -> None:
    """The articles: title, authors, outlet, when published and as of when their facts hold,
    and how many facts cite each. `cica source ID` gives the reasoning behind the dates.
    --format csl-json writes them as a CSL-JSON bibliography (Zotero, Pandoc)."""
    from .. import render
    from ..dataset import open_dataset
    from ..lookup import facts

    from ..export import default_columns
    from ..model import Source

    csl = fmt is not None and fmt.strip().lower() == "csl-json"
    if csl and json:
        from ..errors import UsageError

        raise UsageError("--json is short for --format json; it cannot be combined with --format csl-json")
    ds = open_dataset(data)
    if csl:
        from ..cite import csl_json

        render.print_json(csl_json(ds.sources))
        return
    counts: dict[str, int] = {}
    for f in facts(ds):
        counts[f.source] = counts.get(f.source, 0) + 1
    columns = [*default_columns(Source), ("cited_by", lambda s: counts.get(s.id, 0))]
    if export_listing(ds.sources, fmt, json, columns=columns,
                      as_json=[_source_json(ds, s, with_facts=False) for s in ds.sources]):
        return
    rows = [[f"{s.id}\n{s.file}", "\n".join([
                s.title or "(untitled)",
                "by " + (", ".join(s.authors) or "(no author named)"),
                "in " + (s.outlet or "(outlet not named)"),
            ]), f"{short_date(s.published)}\n{s.published}", f"{short_date(s.as_of)}\n{s.as_of}", counts.get(s.id, 0)]
            for s in ds.sources]
    render.print_table(
        f"{len(ds.sources)} source(s)", ["Source", "Title, authors, outlet", "Published", "As of", "Facts"], rows,
        caption="Dates: in words, then EDTF. How each was worked out: `cica source ID`",
        nowrap=("Source", "Facts"), drop=("Title, authors, outlet", "Published"),
    )


@command("source", "cica source 003 --text")
def source_command(
    ref: Annotated[str, typer.Argument(metavar="REF", help="A source id, its file name in seeds/, or a unique prefix of either (003).", autocompletion=options.complete_sources)],
    show_text: Annotated[bool, typer.Option("--text", help="Print the article itself, with line numbers.")] = False,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """One article: its record, how its dates were worked out, and the facts that cite it;
    with --text, the article itself. REF is a source id, its file name in seeds/, or a unique
    prefix of either (003)."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import DataError
    from ..lookup import find_source
    from ..yamlfile import ProblemError

    ds = open_dataset(data)
    source = find_source(ds, ref)
    if show_text:
        try:
            article = ds.article(source.id).text
        except ProblemError as exc:
            raise DataError([exc.problem]) from None
        lines = article.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if json:
            record = _source_json(ds, source, with_facts=False)
            record["text"] = article
            render.print_json(record)
        else:
            width = len(str(len(lines)))
            render.print_lines(f"{n:>{width}}  {line}" for n, line in enumerate(lines, 1))
        return
    if json:
        render.print_json(_source_json(ds, source, with_facts=True))
    else:
        _show_source(ds, source)


VIEWS["sources"] = (_show_source, lambda ds, source: _source_json(ds, source, with_facts=True))
