"""The JSON Schemas of the data files: generated from the record classes, shipped in step with
them, named by each data file, and run by a real JSON Schema validator (jsonschema) over every
shipped data file (all pass) and over broken fixtures (each rejected, by `cica check` too)."""

import dataclasses
import json
from pathlib import Path
from typing import Union

import jsonschema
import pytest

from cica_cli import model, schema
from cica_cli.check import check
from cica_cli.dataset import load_dataset
from cica_cli.yamlfile import parse

from schemas import expected, with_modeline
from support import ROOT, copy_shipped

BROKEN = Path(__file__).resolve().parent / "fixtures" / "schema-broken"


def validator(kind):
    return jsonschema.Draft7Validator(json.loads((ROOT / schema.FOLDER / schema.file_name(kind)).read_text(encoding="utf-8")))


def test_the_shipped_schemas_are_what_the_record_classes_make_now():
    stale = [path.name for path, text in expected().items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert not stale, f"out of step with model.py: {stale}; run python tests/schemas.py --write"
    assert sorted(p.name for p in (ROOT / schema.FOLDER).iterdir()) == sorted(p.name for p in expected())


@pytest.mark.parametrize("kind", model.KINDS, ids=lambda k: k.name)
def test_each_schema_is_a_valid_draft_7_schema(kind):
    jsonschema.Draft7Validator.check_schema(schema.schema(kind))


@pytest.mark.parametrize("kind", model.KINDS, ids=lambda k: k.name)
def test_each_data_file_names_its_schema_and_passes_it(kind):
    path = ROOT / "data" / kind.file
    if not path.exists():
        assert not kind.required
        pytest.skip(f"no {kind.file} in the shipped dataset")
    text = path.read_text(encoding="utf-8")
    assert text.rstrip("\n").split("\n")[-1] == f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json"
    assert with_modeline(text, kind) == text
    assert (path.parent / "../schemas" / schema.file_name(kind)).resolve().is_file()
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(parse(text, kind.label))]
    assert errors == []


CASES = sorted(BROKEN.glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_a_broken_file_is_rejected_by_the_schema_and_by_check(path, tmp_path):
    kind = model.KIND[path.stem.split("--")[0]]
    text = path.read_text(encoding="utf-8")
    assert list(validator(kind).iter_errors(parse(text, kind.label))), f"{path.name} passes the schema"
    # cica itself refuses the same file, with a problem in that file
    root = copy_shipped(tmp_path / "ds")
    (root / "data" / kind.file).write_text(text, encoding="utf-8")
    problems = check(load_dataset(root))
    assert any(p.file == kind.label for p in problems), (path.name, problems)


def test_there_is_a_broken_fixture_for_each_kind_of_rule():
    # what is wrong in each: a required field, an unknown field, an allowed value, blank text,
    # an id, a type, a list, the file's own shape
    assert len(CASES) >= 10
    assert {p.stem.split("--")[0] for p in CASES} >= {"events", "figures", "sources", "members", "excluded"}


def test_a_kind_added_to_the_registry_gets_its_schema_with_no_other_change():
    @model.record
    class Place(model.Record):
        """A place named in the articles."""

        id: str
        name: str
        citations: list[model.Citation]
        founded: Union[str, None] = None
        aliases: list[str] = dataclasses.field(default_factory=list)

    made = schema.schema(model.Kind("places", "place", Place))
    place = made["definitions"]["Place"]
    assert place["required"] == ["id", "name", "citations"]
    assert list(place["properties"]) == ["id", "name", "citations", "founded", "aliases"]
    assert place["properties"]["citations"] == {**place["properties"]["citations"], "type": "array",
                                                "items": {"$ref": "#/definitions/Citation"}}
    assert "Citation" in made["definitions"] and made["title"] == "data/places.yaml"
    good = [{"id": "astana", "name": "Astana", "citations": [{"source": "s", "quote": "in Astana"}]}]
    assert list(jsonschema.Draft7Validator(made).iter_errors(good)) == []
    assert list(jsonschema.Draft7Validator(made).iter_errors([{"id": "astana", "name": "Astana"}]))


def test_schema_prints_the_shipped_file(cica):
    result = cica("schema", "data/figures.yaml")
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "schemas" / "figures.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout)["definitions"]["Figure"]["properties"]["scope"]["enum"] == list(model.SCOPES)
    assert cica("schema", "event").stdout == cica("schema", "events.yaml").stdout


def test_schema_of_an_unknown_file_is_a_usage_error_with_a_suggestion(cica):
    result = cica("schema", "evnts.yaml")
    assert result.exit_code == 2
    assert "did you mean 'events'?" in result.stderr


def test_the_schemas_are_shipped_in_the_package_beside_its_dataset():
    # the wheel puts schemas/ beside the dataset's data/, so the modelines' ../schemas/ holds there too
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data" = "cica_cli/dataset/data"' in pyproject
    assert '"schemas" = "cica_cli/dataset/schemas"' in pyproject
