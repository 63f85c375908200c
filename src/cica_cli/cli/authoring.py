"""The commands for writing the dataset: `add` (an article into seeds/, and a draft of its
source record), `draft` (skeletons of the records an article's uncovered dates and numbers
belong to), `scopes` (the closed list of figure scopes) and `schema` (a data file's JSON
Schema). None of them writes into data/."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import DataOption, JsonOption, command
from .options import complete_sources
from .sharing import FormatOption, export_listing


@command("scopes", "cica scopes --format markdown")
def scopes_command(data: DataOption = None, json: JsonOption = False, fmt: FormatOption = None) -> None:
    """List the scopes a figure may have (its `scope` field), each with its meaning and how
    many figures of the dataset have it. Two figures of the same metric and scope compare as
    the same thing (agree, changed, conflict); figures of different scopes are laid side by
    side, never in conflict."""
    from .. import render
    from ..dataset import open_dataset
    from ..model import SCOPES

    ds = open_dataset(data)
    rows = [{"scope": name, "meaning": meaning, "figures": sum(1 for f in ds.figures if f.scope == name)}
            for name, meaning in SCOPES.items()]
    columns = [(key, (lambda r, key=key: r[key])) for key in ("scope", "meaning", "figures")]
    if export_listing(rows, fmt, json, columns=columns, as_json=rows):
        return
    render.print_table(f"{len(SCOPES)} scope(s) for figures (`scope:` in data/figures.yaml; default all)",
                       ["Scope", "Meaning", "Figures"], ([r["scope"], r["meaning"], r["figures"]] for r in rows),
                       nowrap=("Scope", "Figures"))


@command("schema", "cica schema events.yaml > schemas/events.schema.json")
def schema_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A data file (events.yaml, data/figures.yaml) or its kind (events, event).")],
    data: DataOption = None,
) -> None:
    """Print the JSON Schema of a data file, made from the record classes: the fields, which
    are required, their types and allowed values. Editors with a YAML language server (VS Code's
    YAML extension) validate and complete a data file that names its schema on a line
    `# yaml-language-server: $schema=../schemas/events.schema.json`; the shipped data files do."""
    from .. import output
    from ..dataset import open_dataset
    from ..schema import find_kind, text

    kind = find_kind(file)
    open_dataset(data)  # the dataset the file belongs to must load
    output.out(text(kind))


OutOption = Annotated[
    Optional[str],
    typer.Option("--out", metavar="FILE", help="Write the draft to FILE, a new file (never over one), instead of printing it."),
]


@command("add", "cica add ~/new-article.txt --data .")
def add_command(
    file: Annotated[str, typer.Argument(metavar="FILE", help="The article, as UTF-8 text.")],
    out: OutOption = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Copy an article, unchanged, into the dataset's seeds/ as NNN_HASH.txt (the next number,
    then the first 16 hex digits of the SHA-256 of its bytes), and print a draft of its record
    for data/sources.yaml: the file name filled in, every other field empty with what the text
    seems to say beside it (title, authors, outlet, the dates it contains) and the questions
    published_basis and as_of_basis answer. Refuses an article whose text is already in
    seeds/, under any name. Writes nothing into data/."""
    from .. import intake, render
    from ..dataset import open_dataset

    _out_alone(out, json)
    ds = open_dataset(data)
    raw, text = intake.read_article(file)
    plan = intake.plan(ds, raw, text)
    # the draft's file is made before the article is copied in: if it cannot be, nothing is
    fd = _create_new(out) if out is not None else None
    try:
        intake.copy_in(ds.root, plan, raw)
    except BaseException:
        if fd is not None:
            import os

            os.close(fd)
            os.unlink(out)
        raise
    draft = intake.source_draft(plan)
    render.error(f"copied {file} to seeds/{plan.name}")
    if json:
        render.print_json({"file": plan.name, "seen": {k: [{"line": n, "text": t} for n, t in v] for k, v in plan.seen.items()},
                           "draft": draft})
    elif fd is not None:
        _fill(fd, draft)
        render.error(f"wrote the draft record to {out}: review it, then move it into data/sources.yaml")
    else:
        from .. import output

        output.out(draft)


@command("draft", "cica draft 004 --data . --out drafts.yaml")
def draft_command(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="Source id, file name or unique prefix.", autocompletion=complete_sources)],
    out: OutOption = None,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """For each date and number in the source's article that no record cites and no exclusion
    explains (as `cica coverage` finds them), the sentence around it as a ready verbatim quote
    and a commented skeleton of the record it probably belongs to (event, document, figure,
    status), grouped per sentence, with the records already there that it may be about. What
    would be a guess (ids, kinds, dates, values) is left empty with the guess beside it as a
    comment. Writes nothing into data/; --out writes a new file for review. Exits 1 while
    anything is left to draft."""
    from .. import render
    from ..dataset import open_dataset
    from ..drafting import as_yaml, draft
    from ..errors import DataError, Exit
    from ..lookup import find_source

    _out_alone(out, json)
    ds = open_dataset(data)
    chosen = find_source(ds, source)
    if out is not None:
        _refuse_existing(out)
    try:
        drafts = draft(ds, chosen.id)
    except DataError as exc:
        for problem in exc.problems:
            render.error(str(problem))
        raise typer.Exit(int(Exit.DATA)) from None
    if json:
        render.print_json([d.to_dict() for d in drafts])
    elif not drafts:
        render.print_lines([f"draft: every date and quantity in {chosen.id} is cited or excluded; nothing to draft"])
    elif out is not None:
        _fill(_create_new(out), as_yaml(drafts, chosen))
        render.error(f"wrote {len(drafts)} draft(s) to {out}")
    else:
        from .. import output

        output.out(as_yaml(drafts, chosen))
    if drafts:
        raise typer.Exit(int(Exit.DATA))


def _refuse_existing(path: str) -> None:
    import os

    from ..errors import UsageError

    if not path.strip():
        raise UsageError("--out: give a file name (an empty name is not one)")
    if os.path.lexists(path):
        raise UsageError(f"--out: {path!r} exists; the draft goes into a new file, for review")


def _out_alone(out, json: bool) -> None:
    from ..errors import UsageError

    if out is not None and json:
        raise UsageError("--out writes the YAML draft to a file and --json prints JSON: give one of them")


def _create_new(path: str) -> int:
    """A new file at `path`, open for writing; never one that exists (a usage error if one does)."""
    import os

    from ..errors import UsageError

    _refuse_existing(path)
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except FileExistsError:
        raise UsageError(f"--out: {path!r} exists; the draft goes into a new file, for review") from None
    except OSError as exc:
        raise UsageError(f"--out: {path!r}: {exc.strerror or exc}") from None


def _fill(fd: int, text: str) -> None:
    """Write `text` whole to the new file `fd`, and close it."""
    import os

    from ..output import write_fd

    try:
        write_fd(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
