"""`cica check` and `cica coverage`: the curator's loop."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import DataOption, JsonOption, command
from .options import complete_sources
from .sharing import FormatOption, export_listing


@command("check", "cica check --data ./my-dataset")
def check_command(data: DataOption = None, json: JsonOption = False) -> None:
    """Validate the dataset: schema, ids, references, EDTF dates, quotes found in their articles,
    article files inside seeds/, every article named by a source. Every problem in one run, one
    line each (data/FILE.yaml:LINE: message); a quote not found comes with the article's nearest
    passage and where it differs, a YAML error with the line where the file stops being read."""
    from .. import render
    from ..check import check
    from ..dataset import load_dataset, resolve_root
    from ..errors import Exit

    ds = load_dataset(resolve_root(data))
    problems = check(ds)
    from ..model import KINDS

    counts = {k.name: len(getattr(ds, k.name)) for k in KINDS}
    if json:
        render.print_json({
            "ok": not problems,
            "problems": [{"file": p.file, "line": p.line, "message": p.message} for p in problems],
            "counts": counts,
        })
    else:
        render.print_lines(str(p) for p in problems)
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        if problems:
            render.print_lines([f"{len(problems)} problem(s) found in {summary}"])
        else:
            render.print_lines([f"ok: {summary}; every quote found verbatim in its source"])
    if problems:
        raise typer.Exit(int(Exit.DATA))


@command("coverage", "cica coverage --source 003")
def coverage_command(
    source: Annotated[Optional[str], typer.Option("--source", metavar="SOURCE", help="Only this source (id, file name or unique prefix).", autocompletion=complete_sources)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """List, per source, each date or quantity in the article that no record cites and
    data/excluded.yaml does not explain, and name any article in seeds/ that no source names.
    Exits 1 while anything is unaccounted for."""
    from .. import render
    from ..coverage import Uncovered, coverage
    from ..dataset import open_dataset
    from ..errors import Exit

    from ..errors import DataError

    ds = open_dataset(data)
    chosen = None
    if source is not None:
        from ..lookup import find_source

        chosen = find_source(ds, source).id
    try:
        missing = coverage(ds, chosen)
    except DataError as exc:  # one line per article that could not be read
        for problem in exc.problems:
            render.error(str(problem))
        raise typer.Exit(int(Exit.DATA)) from None
    if export_listing(missing, fmt, json, of=Uncovered):
        pass
    elif missing:
        render.print_table(
            f"{len(missing)} date(s) or quantity(ies) neither cited nor excluded",
            ["Source", "Line", "Mention", "Context"],
            ([m.source, m.line, m.mention, m.context] for m in missing),
            nowrap=("Source", "Line", "Mention"),
        )
    else:
        count = 1 if source is not None else len(ds.sources)
        render.print_lines([f"coverage: every date and quantity in {count} source(s) is cited or excluded"])
    unnamed = []
    if source is None:  # an article no source names is not covered at all
        from ..check import unnamed_articles

        unnamed = unnamed_articles(ds)
        for problem in unnamed:
            render.error(f"{problem}: its dates and quantities are not looked at")
    if missing or unnamed:
        raise typer.Exit(int(Exit.DATA))
