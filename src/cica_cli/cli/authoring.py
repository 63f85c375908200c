"""The commands for writing the dataset: `scopes` (the closed list of figure scopes)."""

from __future__ import annotations

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
