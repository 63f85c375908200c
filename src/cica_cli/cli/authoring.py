"""The commands for writing the dataset: `scopes` (the closed list of figure scopes) and
`schema` (a data file's JSON Schema)."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import DataOption, JsonOption, command


@command("scopes", "cica scopes")
def scopes_command(data: DataOption = None, json: JsonOption = False) -> None:
    """List the scopes a figure may have (its `scope` field), each with its meaning and how
    many figures of the dataset have it. Two figures of the same metric and scope compare as
    the same thing (agree, changed, conflict); figures of different scopes are laid side by
    side, never in conflict."""
    from .. import render
    from ..dataset import open_dataset
    from ..model import SCOPES

    ds = open_dataset(data)
    used = {name: sum(1 for f in ds.figures if f.scope == name) for name in SCOPES}
    if json:
        render.print_json([{"scope": name, "meaning": meaning, "figures": used[name]}
                           for name, meaning in SCOPES.items()])
        return
    render.print_table(f"{len(SCOPES)} scope(s) for figures (`scope:` in data/figures.yaml; default all)",
                       ["Scope", "Meaning", "Figures"],
                       ([name, meaning, used[name]] for name, meaning in SCOPES.items()),
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
