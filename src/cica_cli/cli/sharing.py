"""`cica cite`, and the `--format` option every listing command shares.

A listing command takes `fmt: FormatOption = None` next to `json: JsonOption = False`, and
hands its records over in one line before drawing its table:

    if export_listing(records, fmt, json, of=Event):
        return
"""

from __future__ import annotations

from typing import Annotated, Any, Optional, Sequence

import typer

from . import options
from .app import DataOption, JsonOption, command

def format_option(more: str = "") -> Any:
    """The --format option of a listing; `more` names formats a command adds to the shared ones."""
    shared = ("Output format: table (default), csv (RFC 4180, dates as EDTF plus a *_human column), "
              "markdown (a GitHub table)")
    listed = f"{shared}, json (same as --json), or {more}." if more else f"{shared} or json (same as --json)."
    return Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", help=listed, show_default=False,
                                                 autocompletion=options.complete_formats)]


FormatOption = format_option()


def export_listing(records: Sequence[Any], fmt: Optional[str], json: bool = False,
                   of: Optional[type] = None, columns=None, as_json: Any = None) -> bool:
    """Print `records` as JSON, CSV or Markdown if asked to and return True; False means the
    caller draws its table. The columns default to every field of the record class `of`
    (so an empty listing still has its header); `columns` (field names or (header, function)
    pairs) chooses others. JSON is one object per record, or `as_json` when the result is
    more than a list (a diff's groups)."""
    from .. import output, render
    from ..errors import UsageError
    from ..export import FORMATS, export
    from ..model import to_dict
    from ..names import choose

    if fmt is not None:
        fmt = choose(fmt, FORMATS, "fmt", "format")
    if json and fmt not in (None, "json"):
        raise UsageError(f"--json is short for --format json; it cannot be combined with --format {fmt}")
    chosen = "json" if json else fmt or "table"
    if chosen == "table":
        return False
    if chosen == "json":
        render.print_json([to_dict(r) for r in records] if as_json is None else as_json)
    else:
        text = export(records, chosen, columns, of)
        output.out_bytes(text.encode("utf-8"))  # bytes, so CSV's CRLF line ends stay as they are
    return True


@command("cite", "cica cite 2002-almaty-act-adopted --style chicago")
def cite_command(
    ref: Annotated[str, typer.Argument(
        metavar="ID",
        help="An event, figure or document id; MEMBER:status:N or MEMBER:role:N (N from 1); "
             "or a member id alone for all its statuses and roles.",
        show_default=False, autocompletion=options.complete_cited,
    )],
    style: Annotated[str, typer.Option(
        "--style", metavar="STYLE", help="plain, chicago, apa, bibtex (one entry per source), markdown, or "
                                         "csl-json (the sources as a CSL-JSON array, for Zotero and Pandoc).",
        autocompletion=options.complete_styles,
    )] = "plain",
    source: Annotated[Optional[str], typer.Option(
        "--source", metavar="SOURCE",
        help="Cite what this source says (id, file name or unique prefix): its quotes only, and the date it gives.",
    )] = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """A fact as a paste-ready citation: the claim in one sentence, the verbatim quote(s), and a
    reference to each article (marked "[untitled]", "[no author named]" or "[outlet not named]"
    where the article does not give one).

    ID is an event, figure or document id; MEMBER:status:N or MEMBER:role:N (N from 1, in the
    order of `cica cite MEMBER --json`); or a member id alone for all its statuses and roles.
    Prefix event:, figure:, document: or member: if an id names two kinds of record."""
    from .. import render
    from ..cite import STYLES, claims, format_claims, to_json
    from ..dataset import open_dataset
    from ..names import choose

    style = choose(style, STYLES, "style")
    ds = open_dataset(data)
    if source is not None:
        from ..lookup import find_source

        source = find_source(ds, source).id
    found = claims(ds, ref, source)
    if json:
        # a member named alone is a listing (an array); any other fact is one object
        listing = found[0].kind in ("status", "role") and ref.strip().count(":") < 2
        render.print_json([to_json(c, style) for c in found] if listing else to_json(found[0], style))
        return
    if style == "csl-json":
        from ..cite import csl_json

        render.print_json(csl_json([s for c in found for s in c.sources]))
        return
    render.print_lines(format_claims(found, style).split("\n"))
