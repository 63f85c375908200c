"""The package's shape: its import graph has no cycle, library modules do not load the
renderer, and every kind of record is known everywhere records are listed."""

import ast
from pathlib import Path

import pytest

from cica_cli import model

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "cica_cli"


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports, at module level or inside functions."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = ("cica_cli",) + path.relative_to(PACKAGE).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]) if node.level else ""
                target = ".".join(p for p in (base, node.module or "") if p)
                found = ([target] if node.module else []) + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            else:
                continue
            graph[name].update(f for f in found if f in modules and f != name)
    return graph


def test_the_import_graph_has_no_cycle():
    graph, done, cycles = import_graph(), set(), []

    def visit(name, path):
        if name in path:
            cycles.append(path[path.index(name):] + [name])
            return
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, path + [name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    assert not cycles, [" -> ".join(c) for c in cycles]


def test_no_test_module_imports_another():
    """What tests share lives in support.py, strategies.py and conftest.py's fixtures, so that a
    test module can change or go without breaking another."""
    tests = Path(__file__).resolve().parent
    modules = {p.stem for p in tests.glob("test_*.py")}
    shared = []
    for path in tests.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            shared += [f"{path.name} imports {n}" for n in names if n in modules]
    assert shared == []


def test_library_modules_do_not_load_the_renderer():
    graph = import_graph()
    library = [name for name in graph if not name.startswith("cica_cli.cli") and name != "cica_cli.render"]
    assert [name for name in library if "cica_cli.render" in graph[name]] == []


def test_library_errors_name_fields_not_options():
    """The library speaks of what a value is (a kind, a start date); the CLI names the option
    that gave it (`cli/app.worded`), so the same error reads right from any command."""
    import re

    option = re.compile(r"(^|[\s(`'\"])--[a-z]")
    worded = []
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                for part in ast.walk(node.exc):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str) and option.search(part.value):
                        worded.append(f"{path.name}:{part.lineno}: {part.value!r}")
    assert worded == []


def test_an_invalid_value_is_named_by_the_option_that_gave_it(cica):
    """One library error, worded by each command with its own option."""
    assert cica("timeline", "--from", "1992-13").stderr.startswith("cica: --from: ")
    assert cica("timeline", "--to", "1992-13").stderr.startswith("cica: --to: ")
    assert cica("members", "--status", "obsrver").stderr.startswith("cica: --status: unknown status 'obsrver'")


NAMED = [k for k in model.KINDS if k.named]


@pytest.mark.parametrize("kind", NAMED, ids=[k.name for k in NAMED])
def test_every_named_kind_is_loaded_shown_found_and_completed(cica, kind):
    from cica_cli.check import LABELS
    from cica_cli.cli import _load
    from cica_cli.cli.views import VIEWS
    from cica_cli.cli.options import complete_records
    from cica_cli.dataset import load_dataset
    from cica_cli.lookup import KINDS as SHOWN
    from support import ROOT

    _load()  # every command module registers the views of its kinds
    assert VIEWS[kind.name][0] is not None  # `cica show` draws it with a view of its own
    ds = load_dataset(ROOT)
    assert LABELS[kind.name] == f"data/{kind.name}.yaml"  # checked by `cica check`
    assert kind.name in SHOWN  # `cica show` finds it by id
    records = getattr(ds, kind.name)  # loaded
    assert records, f"the shipped data has no {kind.name}: nothing below would be tested"
    first = records[0].id
    shown = cica("show", first)
    assert shown.exit_code == 0 and shown.stdout  # `show` has a view for it
    assert cica("show", first, "--json").json()["id"] == first
    class Context:  # what completion is given: the options typed so far
        params = {"data": None}

    offered = [c[0] if isinstance(c, tuple) else getattr(c, "value", c) for c in complete_records(Context(), first[:3])]
    assert first in offered  # shell completion offers it


def test_every_kind_is_an_exported_table_and_every_column_is_described():
    from cica_cli.tables import tables

    layout = {t.name: t for t in tables(None)}
    assert {k.name for k in model.KINDS} <= set(layout)  # `cica export` writes every kind
    undescribed = [f"{t.name}.{c.name}" for t in layout.values() for c in t.columns if not c.description]
    assert undescribed == [], "describe these fields in descriptions.HOLDS"
    for kind in model.KINDS:  # a field naming records of another kind is a foreign key
        for f in model.public_fields(kind.cls):
            targets = model.REFERENCES.get((kind.cls.__name__, f.name), ())
            assert all(t in model.KIND for t in targets), (kind.name, f.name, targets)


def test_help_lists_every_command_in_the_menus_order():
    """`cica --help` leads with the timeline and look-ups; a new command must be given its
    place in cli.MENU rather than land wherever its module happens to be imported."""
    from cica_cli.cli import MENU, _load

    names = [c.name for c in _load().registered_commands]
    assert names == list(MENU)
