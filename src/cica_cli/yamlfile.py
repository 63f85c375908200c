"""Read one YAML data file into plain Python values that remember their line numbers.

PyYAML is used only to parse (libyaml's C parser when present); the values are built
here, from the parser's events, so that every mapping knows its line, duplicate keys,
anchors and aliases are refused (an alias bomb is never expanded), timestamps stay
strings, and nesting is bounded.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
    SequenceEndEvent, SequenceStartEvent, StreamEndEvent,
)

from .errors import Problem

MAX_DEPTH = 24
MAX_DATA_BYTES = 256 * 1024 * 1024
MAX_ITEM_VALUES = 100_000  # in one record (one item of a file's top-level list)

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_scalars = yaml.constructor.SafeConstructor()
_resolver = yaml.resolver.Resolver()
_IMPLICIT = frozenset(_resolver.yaml_implicit_resolvers)  # first characters of typed plain scalars
_TAG = "tag:yaml.org,2002:"
_KEY = object()  # marks a mapping that expects a key next
_MERGE = object()  # the `<<` merge key
_NO_ANCHORS = "YAML anchors and aliases are not allowed in data files"
_TOO_DEEP = f"nesting is deeper than {MAX_DEPTH} levels"


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
    """A regular file's text as UTF-8, at most `limit` bytes, or a Problem naming it."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is then refused.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ProblemError(Problem(label, 0, f"cannot read file: {exc.strerror or exc}")) from None
    return read_fd(fd, label, limit)


def read_fd(fd: int, label: str, limit: int) -> str:
    """The text of the regular file open as `fd` (closed here), as for `read_text`."""
    try:
        with open(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ProblemError(Problem(label, 0, "not a regular file"))
            data = stream.read(limit + 1)  # the file may grow after any size check: read no more
    except OSError as exc:
        raise ProblemError(Problem(label, 0, f"cannot read file: {exc.strerror or exc}")) from None
    if len(data) > limit:
        raise ProblemError(Problem(label, 0, f"file is too large (more than {limit} bytes)"))
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
    return parse(read_text(path, label, MAX_DATA_BYTES), label)


def parse(text: str, label: str, each: Any = None, problems: Any = None, verbatim: frozenset = frozenset()) -> Any:
    """Parse YAML text from the file labelled `label`; raise ProblemError if it is unusable.

    With `each`, a function of (item, line): when the document is a list, each of its items
    is handed to `each` as soon as it is parsed instead of being kept in the list (which is
    then returned empty), so memory holds one item at a time plus what `each` keeps.
    With `problems`, a list, and `verbatim`, the names of fields holding an article's words:
    such a field's unquoted text that a comment cuts short is reported in it (a shortened
    quote is most likely still in the article, so nothing else would notice)."""
    collecting = gc.isenabled()
    gc.disable()  # the values built here hold no cycles; collecting while building is pure cost
    cut = None if problems is None else (
        lambda line, key, comment: problems.append(Problem(label, line, _cut_message(key, comment))))
    try:
        return _values(_Loader(text), each, text, cut, verbatim)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "quoted scalar" in (exc.context or ""):
            mark = exc.context_mark  # a quotation mark never closed: where it opens
        line = mark.line + 1 if mark else 0
        said = f"invalid YAML: {exc.problem or exc.context}"
        hint = advice(f"{exc.context or ''} {exc.problem or ''}", _line(text, line), mark.column if mark else -1)
        raise ProblemError(Problem(label, line, said + hint)) from None
    except yaml.YAMLError as exc:
        raise ProblemError(Problem(label, 0, f"invalid YAML: {exc}")) from None
    except YamlProblem as exc:
        raise ProblemError(Problem(label, exc.line, exc.message)) from None
    finally:
        if collecting:
            gc.enable()


def _line(text: str, number: int) -> str:
    """Line `number` (1-based) of `text`, or ""."""
    if number < 1:
        return ""
    at = 0
    for _ in range(number - 1):
        at = text.find("\n", at) + 1
        if at == 0:
            return ""
    end = text.find("\n", at)
    return text[at: end if end != -1 else len(text)]


_FIELD = re.compile(r"\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s+(\S.*?)\s*")


def advice(said: str, line: str, column: int) -> str:
    """What to do about the YAML parser's usual complaints (`said`, at `column` of `line`),
    for people who write data rather than YAML: most come from text that needs quotes."""
    if "mapping values are not allowed" in said:
        field = _FIELD.fullmatch(line)
        if field and field.end(1) != column and len(field[2]) <= 60 and '"' not in field[2] and "\\" not in field[2]:
            return f': text containing ": " must be in quotes: {field[1]}: "{field[2]}"'
        return ': text containing ": " must be in quotes ("...", or \'...\' if it holds a double quote)'
    if "tab character" in said or ("cannot start any token" in said and "\t" in line):
        return ": indent with spaces, not tabs"
    if "cannot start any token" in said or "expected alphabetic or numeric character" in said:
        return ": text starting with @, `, %, * or & must be in quotes"
    if "did not find expected key" in said:
        return (": check the indentation; text that starts with a quotation mark or a bracket but does not end "
                "with it must be in quotes as a whole ('\"The\" president said')")
    if "quoted scalar" in said:
        return ": a quotation mark opened here is not closed"
    return ""


def _cut_message(key: str, comment: str) -> str:
    shown = comment if len(comment) <= 40 else comment[:37].rstrip() + "..."
    return (f"{key}: the words stop before {shown!r}, which YAML reads as a comment; if the '#' is the "
            f"article's, put the whole {key} in quotes, else put the comment on a line of its own")


def _values(loader: Any, each: Any = None, text: str = "", cut: Any = None, verbatim: frozenset = frozenset()) -> Any:
    """Build the values of the one document in `loader`'s event stream, without recursion.

    Working on parser events rather than a composed node graph keeps the cost to one Python
    object per value, lets an alias or anchor be refused where it appears (before anything is
    expanded), and stops at MAX_DEPTH open collections (libyaml's composer recurses in C and
    crashes on deep enough nesting).

    `cut`, a function of (line, key, comment), hears of the unquoted text of a field named in
    `verbatim` followed on its line by a comment (` # ...`): a `#` most likely the article's.
    """
    get = loader.get_event
    # Each open collection: [container, pending key or _KEY (a key is expected next), key line].
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    count = 0  # values in the current item of a top-level list (or in the document)
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            count += 1
            if count > MAX_ITEM_VALUES:
                raise YamlProblem(event.start_mark.line + 1, f"a record of more than {MAX_ITEM_VALUES} values")
        if kind is ScalarEvent:
            if event.anchor is not None:
                raise YamlProblem(event.start_mark.line + 1, _NO_ANCHORS)
            if len(stack) > MAX_DEPTH:
                raise YamlProblem(event.start_mark.line + 1, _TOO_DEEP)
            value = _scalar(event)
            if cut is not None and not event.style and stack and stack[-1][1] in verbatim and type(value) is str:
                end = event.end_mark.index
                if text[end:end + 1] in (" ", "\t"):
                    stop = text.find("\n", end)
                    rest = text[end: stop if stop != -1 else len(text)].strip()
                    if rest.startswith("#"):
                        cut(event.start_mark.line + 1, stack[-1][1], rest)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            line = event.start_mark.line + 1
            if event.anchor is not None:
                raise YamlProblem(line, _NO_ANCHORS)
            if len(stack) > MAX_DEPTH:
                raise YamlProblem(line, _TOO_DEEP)
            tag = event.tag
            if kind is MappingStartEvent:
                if tag not in (None, "!", _TAG + "map"):
                    raise YamlProblem(line, f"unsupported YAML tag {tag}")
                container: Any = LineDict(line)
            else:
                if tag not in (None, "!", _TAG + "seq"):
                    raise YamlProblem(line, f"unsupported YAML tag {tag}")
                container = []
            if stack and type(stack[-1][0]) is LineDict and stack[-1][1] is _KEY:
                raise YamlProblem(line, "mapping keys must be strings, not " + ("mappings" if kind is MappingStartEvent else "lists"))
            stack.append([container, _KEY, 0])
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value = stack.pop()[0]
        elif kind is AliasEvent:
            raise YamlProblem(event.start_mark.line + 1, _NO_ANCHORS)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlProblem(event.start_mark.line + 1, "invalid YAML: expected a single document in the stream")
            continue
        elif kind is StreamEndEvent:
            return root
        else:  # StreamStartEvent, DocumentEndEvent
            continue
        if not stack:
            root = value
            continue
        top = stack[-1]
        container = top[0]
        if type(container) is list:
            if len(stack) == 1:
                count = 0
            if each is not None and len(stack) == 1:
                each(value, value.line if type(value) is LineDict else event.start_mark.line + 1)
            else:
                container.append(value)
        elif top[1] is _KEY:
            line = event.start_mark.line + 1
            if value is _MERGE:
                raise YamlProblem(line, "YAML merge keys are not allowed in data files")
            if type(value) is not str:
                raise YamlProblem(line, f"mapping key {value!r} must be a string")
            if value in container:
                raise YamlProblem(line, f"duplicate key '{value}' (first at line {container.lines[value]})")
            top[1], top[2] = value, line
        else:
            key = top[1]
            container.lines[key] = top[2]
            container[key] = value
            top[1] = _KEY


# The number forms a data file may write unquoted: plain decimal integers and decimals. YAML 1.1
# also reads 033 as 27 (octal), 0x7D2 as 2002, 1:30 as 90 (base 60), 2_7 as 27 and .nan and
# .inf as floats: silent conversions of what was most likely meant as text, so refused.
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
MAX_DIGITS = 100


def _check_number(event: Any, value: str, form: re.Pattern) -> None:
    line = event.start_mark.line + 1
    if not form.fullmatch(value):
        shown = value if len(value) <= 40 else value[:37] + "..."
        if value.lstrip("+-").lower() in (".nan", ".inf"):
            raise YamlProblem(line, f"{shown} is not a finite number")
        raise YamlProblem(line, f"{shown!r} is a YAML 1.1 number form (octal, hexadecimal, base 60 or with "
                                "underscores): write the number in decimal, or quote it if it is text")
    if len(value) > MAX_DIGITS:
        raise YamlProblem(line, f"a number of {len(value)} characters is too long (at most {MAX_DIGITS})")


def _scalar(event: Any) -> Any:
    tag, value = event.tag, event.value
    if tag is None:
        if not event.implicit[0]:
            return value  # quoted: a string
        if value and value[0] not in _IMPLICIT:
            return value  # plain, and no implicit type starts with this character
        tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))
    elif tag == "!":
        return value
    if tag == _TAG + "str" or tag == _TAG + "timestamp":
        return value
    node = yaml.ScalarNode(tag, value)
    if tag == _TAG + "int":
        _check_number(event, value, _DECIMAL_INT)
        return _scalars.construct_yaml_int(node)
    if tag == _TAG + "float":
        _check_number(event, value, _DECIMAL_FLOAT)
        number = _scalars.construct_yaml_float(node)
        if number in (float("inf"), float("-inf")):
            raise YamlProblem(event.start_mark.line + 1, f"{value} is too large a number")
        return number
    if tag == _TAG + "bool":
        return _scalars.construct_yaml_bool(node)
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "merge":
        return _MERGE
    raise YamlProblem(event.start_mark.line + 1, f"unsupported YAML tag {tag}")
