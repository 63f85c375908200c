"""Read one YAML data file into plain Python values that remember their line numbers.

PyYAML is used only to parse (libyaml's C parser when present); the values are built
here so that every mapping knows its line, duplicate keys and aliases are refused
(an alias bomb is never expanded), timestamps stay strings, and nesting is bounded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

MAX_DEPTH = 24
MAX_DATA_BYTES = 256 * 1024 * 1024

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_scalars = yaml.constructor.SafeConstructor()
_TAG = "tag:yaml.org,2002:"


class LineDict(dict):
    """A mapping from a data file; `line` is where it starts, `lines[key]` where each key is."""

    __slots__ = ("line", "lines")

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: Path, label: str, limit: int) -> str:
    """A file's text as UTF-8, or a Problem naming it."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ProblemError(Problem(label, 0, f"file is too large ({size} bytes; the limit is {limit})"))
        data = path.read_bytes()
    except OSError as exc:
        raise ProblemError(Problem(label, 0, f"cannot read file: {exc.strerror or exc}")) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ProblemError(Problem(label, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")) from None


class ProblemError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def load(path: Path, label: str) -> Any:
    """Parse the YAML file at `path`; raise ProblemError (labelled `label`) if it is unusable."""
    text = read_text(path, label, MAX_DATA_BYTES)
    try:
        node = yaml.compose(text, Loader=_Loader)
        return None if node is None else _build(node, set(), 0)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ProblemError(Problem(label, line, f"invalid YAML: {exc.problem or exc.context}")) from None
    except yaml.YAMLError as exc:
        raise ProblemError(Problem(label, 0, f"invalid YAML: {exc}")) from None
    except YamlProblem as exc:
        raise ProblemError(Problem(label, exc.line, exc.message)) from None
    except RecursionError:
        raise ProblemError(Problem(label, 0, f"nesting is deeper than {MAX_DEPTH} levels")) from None


def _build(node: yaml.Node, seen: set[int], depth: int) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise YamlProblem(line, "YAML anchors and aliases are not allowed in data files")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise YamlProblem(line, f"nesting is deeper than {MAX_DEPTH} levels")
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, line)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, seen, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        result = LineDict(line)
        for key_node, value_node in node.value:
            key = _build(key_node, seen, depth + 1)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise YamlProblem(key_line, f"mapping key {key!r} must be a string")
            if key == "<<":
                raise YamlProblem(key_line, "YAML merge keys are not allowed in data files")
            if key in result:
                raise YamlProblem(key_line, f"duplicate key '{key}' (first at line {result.lines[key]})")
            result.lines[key] = key_line
            result[key] = _build(value_node, seen, depth + 1)
        return result
    raise YamlProblem(line, "unsupported YAML node")  # pragma: no cover


def _scalar(node: yaml.ScalarNode, line: int) -> Any:
    tag = node.tag
    if tag in (_TAG + "str", _TAG + "timestamp"):
        return node.value
    if tag == _TAG + "int":
        return _scalars.construct_yaml_int(node)
    if tag == _TAG + "float":
        return _scalars.construct_yaml_float(node)
    if tag == _TAG + "bool":
        return _scalars.construct_yaml_bool(node)
    if tag == _TAG + "null":
        return None
    raise YamlProblem(line, f"unsupported YAML tag {tag}")
