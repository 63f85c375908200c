"""Hostile input: a copy of the shipped dataset (data/ and seeds/), mutated at random, is
given to every command. Whatever the mutation, each command exits 0, 1 or 2, prints no
traceback, and prints no control character or escape sequence (only \\n and \\t) -- neither
raw from the data nor in an error message.

CI runs the "ci" profile (a hundred examples, to keep the suite under a minute). For thousands, locally:

    CICA_HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_hostile.py
"""

import json
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from commands import SAMPLE_ARGS, command_names
from support import ROOT, copy_shipped, invoke

settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("CICA_HYPOTHESIS_PROFILE", "ci"))

DATA_FILES = sorted(p.name for p in (ROOT / "data").glob("*.yaml"))
SEED_FILES = sorted(p.name for p in (ROOT / "seeds").iterdir())
# C0 and C1 controls other than \t and \n, DEL, and the bidi and zero-width characters.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]")

ANSI = ["\x1b[31m", "\x1b[2J", "\x1b]8;;http://example.com\x1b\\", "\x9b31m", "\x1b[?1049h", "\x07", "\x1bc",
        "\x00", "\r", "\x08", "\x7f", "\u202e", "\u2066", "\ufeff"]
MARKUP = ["[bold red]x[/]", "[link=file:///etc/passwd]x[/link]", ":smile:", "[/]", "[", "\\[b]"]
SCALARS = ["[]", "{}", "123", "-1", "1.5e300", ".nan", "-.inf", "033", "0x7D2", "1:30", "2_7", "9" * 5000,
           "true", "null", "~", "''", "[a, [b, {c: d}]]",
           "{id: x}", "2002-10-05", "!!binary aGk=", "!!python/object:os.system ls", "!custom x", "<<: {a: b}",
           "? [complex]\n  : key", "|\n  block\n  text", ">-\n  folded", "&anchor x", "*alias", "@reserved",
           "`reserved", "%TAG ! tag:x,2000:", "---\n- second document"]
BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(20)]
) + "\n"

# bytes that make any text invalid UTF-8: a stray continuation byte, a truncated sequence,
# a surrogate, a code point past U+10FFFF, an overlong encoding, bytes never used
INVALID_UTF8 = [b"\x80", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xff", b"\xfe"]

hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(ANSI + MARKUP),
    st.lists(st.sampled_from(ANSI + MARKUP + ["a", " ", "é", "漢", "\U0001f600"]), max_size=12).map("".join),
    st.text(alphabet=st.characters(max_codepoint=0x20), max_size=10),
    st.text(alphabet=st.characters(min_codepoint=0x7f, max_codepoint=0x9f), max_size=10),
    st.integers(1_000, 300_000).map(lambda n: "x" * n),
)


def yaml_quoted(text):
    """`text` as a YAML double-quoted scalar: control characters arrive in the value decoded."""
    return json.dumps(text)


@st.composite
def mutation(draw, lines_of):
    """(file, new bytes, description) for one mutation of one file of the dataset."""
    name = draw(st.sampled_from([f"data/{n}" for n in DATA_FILES] * 3 + [f"seeds/{n}" for n in SEED_FILES]))
    lines = lines_of[name]
    where = draw(st.integers(0, max(0, len(lines) - 1)))
    line = lines[where] if lines else ""
    key, sep, _value = line.partition(": ")
    kind = draw(st.sampled_from([
        "delete line", "swap value", "hostile value", "raw text", "deep nesting", "duplicate line",
        "truncate", "invalid utf-8", "bomb", "anchor and alias", "path escape",
    ]))
    new = list(lines)
    if kind == "delete line" and lines:
        del new[where]
    elif kind == "swap value":
        replacement = draw(st.sampled_from(SCALARS))
        new[where:where + 1] = (key + ": " + replacement if sep else replacement).split("\n")
    elif kind == "hostile value":
        text = draw(hostile_text)
        new[where] = (key if sep else "  notes") + ": " + yaml_quoted(text)
    elif kind == "raw text":
        text = draw(hostile_text)
        column = draw(st.integers(0, len(line)))
        new[where] = line[:column] + text + line[column:]
    elif kind == "deep nesting":
        depth = draw(st.sampled_from([23, 24, 25, 50, 1000, 100_000]))
        nested = draw(st.sampled_from(["[" * depth + "]" * depth, "{a: " * depth + "x" + "}" * depth]))
        new[where] = (key if sep else "  notes") + ": " + nested
    elif kind == "duplicate line" and lines:
        new.insert(where, line)
    elif kind == "anchor and alias" and sep:
        new[where] = key + ": &a " + (_value or "x")
        new.insert(where + 1, " " * (len(key) - len(key.lstrip())) + "notes: *a")
    elif kind == "path escape":
        target = draw(st.sampled_from(["/etc/passwd", "../data/events.yaml", "..", ".", "", "seeds",
                                       "a\\b", "x" * 5000, "/dev/zero", "../../../../../../etc/hostname"]))
        new[where] = "  file: " + yaml_quoted(target)
    data = "\n".join(new).encode("utf-8", "surrogatepass")
    if kind == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif kind == "invalid utf-8":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(INVALID_UTF8)) + draw(st.binary(max_size=3)) + data[at:]
    elif kind == "bomb":
        data = BOMB.encode() if draw(st.booleans()) else data + b"\n" + BOMB.encode()
    return name, data, f"{kind} at {name}:{where + 1}"


LINES = {}
for _name in DATA_FILES:
    LINES[f"data/{_name}"] = (ROOT / "data" / _name).read_text(encoding="utf-8").split("\n")
for _name in SEED_FILES:
    LINES[f"seeds/{_name}"] = (ROOT / "seeds" / _name).read_text(encoding="utf-8").split("\n")


def assert_well_behaved(args, result, seconds):
    out = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, out[-2000:])
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in out, (args, out[-2000:])
    bad = FORBIDDEN.search(out)
    assert bad is None, (args, repr(bad.group()), out[max(0, bad.start() - 80): bad.end() + 80])
    assert seconds < 10, (args, seconds)


SHARDS = 4  # the commands in four groups, so that the suite's workers share them out


@pytest.mark.parametrize("shard", range(SHARDS))
@PROFILE
@given(data=st.data())
def test_every_command_survives_a_mutated_dataset(shard, data):
    mutations = data.draw(st.lists(mutation(LINES), min_size=1, max_size=3), label="mutations")
    # everything is drawn before anything runs: an example that runs out of data is dropped cheaply
    runs = [[command, *data.draw(st.sampled_from(SAMPLE_ARGS.get(command, [[], ["--json"]])), label=command)]
            for command in command_names()[shard::SHARDS]]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        copy_shipped(root)
        for name, content, description in mutations:
            note(description)
            (root / name).write_bytes(content)
        for args in runs:
            start = time.perf_counter()
            result = invoke([*args, "--data", str(root)], env={"COLUMNS": "120", "CICA_DATA": None})
            assert_well_behaved(args, result, time.perf_counter() - start)


# --- the limits, each tested on its own ------------------------------------------------------

def run(args):
    start = time.perf_counter()
    result = invoke(args, env={"COLUMNS": "120", "CICA_DATA": None})
    return result, time.perf_counter() - start


def test_an_article_over_5_mb_is_refused(shipped):
    article = shipped / "seeds" / "004_392bb672fc95fe25.txt"
    with open(article, "a", encoding="utf-8") as stream:
        stream.write(("filler text " * 1000 + "\n") * 450)  # 5.4 MB
    result, seconds = run(["check", "--data", str(shipped)])
    assert result.exit_code == 1
    assert "seeds/004_392bb672fc95fe25.txt: file is too large (more than 5242880 bytes)" in result.stdout.splitlines()
    assert seconds < 5


NESTINGS = {
    "flow sequences": "    " + "[" * 100_000 + "]" * 100_000,
    "flow mappings": "    " + "{a: " * 100_000 + "x" + "}" * 100_000,
    "block sequences": "\n".join(" " * (4 + 2 * i) + "-" for i in range(3000)),
}


@pytest.mark.parametrize("nested", list(NESTINGS.values()), ids=list(NESTINGS))
def test_absurd_nesting_is_refused_with_a_line_not_a_crash(shipped, nested):
    path = shipped / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  summary: CICA receives", "  notes:\n" + nested + "\n  summary: CICA receives", 1),
                    encoding="utf-8")
    first = text[: text.index("  summary: CICA receives")].count("\n") + 2  # where the nesting starts
    for args in (["check"], ["timeline"]):
        result, seconds = run([*args, "--data", str(shipped)])
        assert result.exit_code == 1
        assert result.exception is None or isinstance(result.exception, SystemExit)
        # cica's own depth check or libyaml's (PyYAML 6.0.4 stops deep flow nesting itself,
        # in its own words): either way one line that names the file and the line.
        lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(("data/", "cica: data/"))]
        found = [re.search(r"data/events\.yaml:(\d+): ", line) for line in lines]
        assert any(found), result.stdout + result.stderr
        assert all(first <= int(m.group(1)) <= first + 24 for m in found if m)
        assert seconds < 5


def test_an_alias_bomb_is_refused_quickly(shipped):
    (shipped / "data" / "documents.yaml").write_text(BOMB, encoding="utf-8")  # 9**21 leaves if expanded
    result, seconds = run(["check", "--data", str(shipped)])
    assert result.exit_code == 1
    assert "data/documents.yaml:1: YAML anchors and aliases are not allowed in data files" in result.stdout.splitlines()
    assert seconds < 2


def test_a_duplicate_key_is_an_error_with_its_line(shipped):
    path = shipped / "data" / "members.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  name: Kazakhstan\n", "  name: Kazakhstan\n  name: Qazaqstan\n", 1), encoding="utf-8")
    line = text[: text.index("  name: Kazakhstan\n")].count("\n") + 1
    result, _ = run(["check", "--data", str(shipped)])
    assert f"data/members.yaml:{line + 1}: duplicate key 'name' (first at line {line})" in result.stdout.splitlines()


def test_escape_sequences_in_an_error_message_are_shown_escaped(shipped):
    path = shipped / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  kind: summit\n", '  kind: summit\n  "\\e[2Jwipe\\x9b": 1\n', 1), encoding="utf-8")
    for args in (["check"], ["check", "--json"], ["timeline"]):
        result, _ = run([*args, "--data", str(shipped)])
        out = result.stdout + result.stderr
        assert result.exit_code == 1
        assert FORBIDDEN.search(out) is None
        assert "unknown field '\\x1b[2Jwipe\\x9b' in event" in out or "unknown field '\\u001b[2Jwipe\\u009b' in event" in out


@pytest.mark.parametrize("insert, message", [
    ("  <<: {place: Almaty}", "YAML merge keys are not allowed in data files"),
    ("  notes: !!python/object/apply:os.system [ls]", "unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system"),
    ("  notes: !custom x", "unsupported YAML tag !custom"),
    ("  notes: &n x", "YAML anchors and aliases are not allowed in data files"),
    ("---\n- id: second", "invalid YAML: expected a single document in the stream"),
], ids=["merge key", "python tag", "custom tag", "anchor", "second document"])
def test_yaml_features_the_data_does_not_use_are_refused_with_their_line(shipped, insert, message):
    path = shipped / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  summary: CICA receives"
    path.write_text(text.replace(anchor, insert + "\n" + anchor, 1), encoding="utf-8")
    line = text[: text.index(anchor)].count("\n") + 1  # the first line inserted
    result, _ = run(["check", "--data", str(shipped)])
    assert f"data/events.yaml:{line}: {message}" in result.stdout.splitlines(), result.stdout
