"""`cica check` and every kind of bad input: one line naming file and line, exit 1, no traceback."""

import os

import pytest


def edit(root, name, old, new):
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASES = [
    # (case, file, old text, new text, the exact problem line)
    ("malformed YAML", "data/events.yaml", "  title: First proposal", "  title: [First proposal",
     "data/events.yaml:4: invalid YAML: did not find expected ',' or ']'"),
    ("missing field", "data/events.yaml", "  summary: The idea is first put forward.\n", "",
     "data/events.yaml:1: event is missing required field 'summary'"),
    ("wrong type", "data/figures.yaml", "value: 16", "value: sixteen",
     "data/figures.yaml:3: figure.value must be a number, a range [low, high] or a bound such as "
     "{min: 21} or {over: 20} (keys min, over, max, under), not a string"),
    ("range out of order", "data/figures.yaml", "value: 16", "value: [17, 16]",
     "data/figures.yaml:3: figure.value: a range must go from the lower number to the higher one; got [17, 16]"),
    ("range of one number", "data/figures.yaml", "value: 16", "value: [16, 16]",
     "data/figures.yaml:3: figure.value: a range of one number is that number: write 16"),
    ("bound with an unknown key", "data/figures.yaml", "value: 16", "value: {more: 15}",
     "data/figures.yaml:3: figure.value: a bound's keys are min, over, max, under; got 'more'"),
    ("bound allowing nothing", "data/figures.yaml", "value: 16", "value: {over: 20, max: 20}",
     "data/figures.yaml:3: figure.value: a bound must allow some number; over 20, at most 20 allows none"),
    ("sum of an unknown metric", "data/metrics.yaml", "  unit: states",
     "  unit: states\n- id: participants\n  description: All\n  unit: states and organisations\n"
     "  sum_of: [member-states, observer-states]",
     "data/metrics.yaml:7: metric 'participants' is a sum of unknown metric 'observer-states'"),
    ("sum of one metric", "data/metrics.yaml", "  unit: states",
     "  unit: states\n- id: participants\n  description: All\n  unit: states\n  sum_of: [member-states]",
     "data/metrics.yaml:7: metric 'participants' is a sum of at least two metrics; sum_of names 1"),
    ("outcome of another kind", "data/events.yaml", "  kind: proposal\n",
     "  kind: proposal\n  status: postponed\n  outcome: first-summit\n",
     "data/events.yaml:6: event 'proposal' is a proposal; its outcome 'first-summit' is a summit, not an event of the same kind"),
    ("its own outcome", "data/events.yaml", "  kind: proposal\n",
     "  kind: proposal\n  status: planned\n  outcome: proposal\n",
     "data/events.yaml:6: event 'proposal' cannot be its own outcome"),
    ("unknown outcome", "data/events.yaml", "  kind: proposal\n",
     "  kind: proposal\n  status: postponed\n  outcome: second-proposal\n",
     "data/events.yaml:6: event 'proposal' refers to unknown event 'second-proposal' as its outcome"),
    ("wrong type in a list", "data/events.yaml", "members: [kazakhstan]", "members: kazakhstan",
     "data/events.yaml:6: event.members must be a list, not a string"),
    ("unknown field", "data/events.yaml", "  kind: summit", "  kind: summit\n  venue: Almaty",
     "data/events.yaml:14: unknown field 'venue' in event"),
    ("value not allowed", "data/events.yaml", "kind: summit", "kind: party",
     "data/events.yaml:13: event.kind must be one of proposal, summit, ministerial, meeting, adoption, "
     "institutional, membership, anniversary, statement, initiative, forum; got 'party'"),
    ("dangling member", "data/events.yaml", "members: [kazakhstan]", "members: [kazakstan]",
     "data/events.yaml:6: event 'proposal' refers to unknown member 'kazakstan'"),
    ("dangling source", "data/figures.yaml", "source: sample", "source: elsewhere",
     "data/figures.yaml:4: figure 'members-2002' refers to unknown source 'elsewhere'"),
    ("dangling metric", "data/figures.yaml", "metric: member-states", "metric: members",
     "data/figures.yaml:2: figure 'members-2002' refers to unknown metric 'members'"),
    ("invalid date", "data/events.yaml", '"1992-10"', '"1992-13"',
     "data/events.yaml:2: date: invalid EDTF date '1992-13': month must be 01-12"),
    ("date with a time", "data/members.yaml", 'date: "1992-10"', 'date: "1992-10-05T10:00"',
     "data/members.yaml:7: date: invalid EDTF date '1992-10-05T10:00': expected YYYY, YYYY-MM or YYYY-MM-DD, "
     "optionally followed by ?, ~ or %"),
    ("as_of after published", "data/sources.yaml", 'as_of: "2002"', 'as_of: "2004"',
     "data/sources.yaml:8: source 'sample': as_of 2004 is after published 2003"),
    ("quote not in its source", "data/events.yaml", "quote: Its first summit took place in 2002",
     "quote: Its first summit took place in 2003",
     "data/events.yaml:17: quote not found in source 'sample': 'Its first summit took place in 2003'"),
    ("duplicate id", "data/events.yaml", "- id: first-summit", "- id: proposal",
     "data/events.yaml:10: duplicate id 'proposal' (first used at data/events.yaml:1)"),
    ("duplicate key", "data/events.yaml", "  title: First summit", "  title: First summit\n  title: Second",
     "data/events.yaml:13: duplicate key 'title' (first at line 12)"),
    ("alias", "data/events.yaml", "  summary: The first summit.", "  summary: &s The first summit.\n  notes: *s",
     "data/events.yaml:14: YAML anchors and aliases are not allowed in data files"),
    ("control character", "data/events.yaml", "title: First summit", 'title: "First \\x1b[31msummit"',
     "data/events.yaml:12: title contains the control character U+001B"),
    ("path with ..", "data/sources.yaml", "file: article.txt", "file: ../data/events.yaml",
     "data/sources.yaml:2: source 'sample': file must be a plain file name inside seeds/, not '../data/events.yaml'"),
    ("absolute path", "data/sources.yaml", "file: article.txt", "file: /etc/hostname",
     "data/sources.yaml:2: source 'sample': file must be a plain file name inside seeds/, not '/etc/hostname'"),
    ("missing article", "data/sources.yaml", "file: article.txt", "file: gone.txt",
     "data/sources.yaml:2: source 'sample': file seeds/gone.txt does not exist"),
    # ISO 3166-1 codes of a state, checked against the standard (pycountry)
    ("state without its alpha-2 code", "data/members.yaml", "  iso_alpha2: KZ\n", "",
     "data/members.yaml:1: member 'kazakhstan' is a state without iso_alpha2 (its ISO 3166-1 alpha-2 code)"),
    ("code not in the standard", "data/members.yaml", "iso_alpha3: KAZ", "iso_alpha3: KZK",
     "data/members.yaml:12: member 'kazakhstan': iso_alpha3 'KZK' is not an ISO 3166-1 alpha-3 code"),
    ("code in lower case", "data/members.yaml", "iso_alpha2: KZ", "iso_alpha2: kz",
     "data/members.yaml:11: member 'kazakhstan': iso_alpha2 'kz' is not an ISO 3166-1 alpha-2 code"),
    ("codes of two countries", "data/members.yaml", "iso_alpha3: KAZ", "iso_alpha3: KGZ",
     "data/members.yaml:12: member 'kazakhstan': iso_alpha3 'KGZ' is Kyrgyzstan but iso_alpha2 'KZ' is Kazakhstan"),
    ("another country's codes", "data/members.yaml", "iso_alpha2: KZ\n  iso_alpha3: KAZ", "iso_alpha2: KG\n  iso_alpha3: KGZ",
     "data/members.yaml:11: member 'kazakhstan': iso_alpha2 'KG' is the code of Kyrgyzstan, which is neither "
     "the member's name nor one of its aliases"),
    ("ISO codes on an organisation", "data/members.yaml", "kind: state", "kind: organisation",
     "data/members.yaml:11: member 'kazakhstan' is an organisation: iso_alpha2 and iso_alpha3 (ISO 3166-1) are for states; "
     "give an identifier and its identifier_scheme instead"),
    ("identifier without its scheme", "data/members.yaml", "  iso_alpha2: KZ\n", "  iso_alpha2: KZ\n  identifier: Q232\n",
     "data/members.yaml:12: member 'kazakhstan' has identifier but no identifier_scheme"),
]


@pytest.mark.parametrize("case, name, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_with_file_and_line(cica, dataset, case, name, old, new, expected):
    edit(dataset, name, old, new)
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert expected in lines
    assert lines[-1].startswith("1 problem(s) found in ")
    assert "Traceback" not in result.stdout + result.stderr


def test_clean_dataset_passes(cica, dataset):
    result = cica("check", "--data", dataset)
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "ok: 1 sources, 2 events, 1 members, 0 rosters, 0 documents, 1 metrics, 1 figures, 0 questions, 0 tensions, 0 people, 0 places, 0 bodies, 0 excluded; "
        "every quote found verbatim in its source")


def test_shipped_dataset_passes(cica):
    result = cica("check")
    assert result.exit_code == 0
    assert result.stdout.startswith("ok: 5 sources,")


def test_data_file_not_utf8(cica, dataset):
    path = dataset / "data" / "events.yaml"
    path.write_bytes(path.read_bytes().replace(b"First summit", b"First \xff summit"))
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    assert "data/events.yaml:12: not valid UTF-8 (byte 0xff at offset 287)" in result.stdout


def test_article_not_utf8(cica, dataset):
    (dataset / "seeds" / "article.txt").write_bytes(b"caf\xe9\n")
    result = cica("check", "--data", dataset)
    assert "seeds/article.txt:1: not valid UTF-8 (byte 0xe9 at offset 3)" in result.stdout.splitlines()


def test_symlink_out_of_seeds_is_refused_and_never_read(cica, dataset, tmp_path):
    canary = tmp_path / "canary.txt"
    canary.write_text("The Conference was first proposed in October 1992. CANARY", encoding="utf-8")
    os.symlink(canary, dataset / "seeds" / "link.txt")
    edit(dataset, "data/sources.yaml", "file: article.txt", "file: link.txt")
    before = os.stat(canary).st_atime_ns
    result = cica("check", "--data", dataset)
    assert "data/sources.yaml:2: source 'sample': file 'link.txt' lies outside seeds/" in result.stdout.splitlines()
    assert "CANARY" not in result.stdout
    assert os.stat(canary).st_atime_ns == before


def test_alias_bomb_is_refused_quickly(cica, dataset):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        bomb.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 9) + "]")
    (dataset / "data" / "documents.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    assert "data/documents.yaml:1: YAML anchors and aliases are not allowed in data files" in result.stdout


def test_file_that_is_not_a_list(cica, dataset):
    (dataset / "data" / "documents.yaml").write_text("id: x\n", encoding="utf-8")
    result = cica("check", "--data", dataset)
    assert "data/documents.yaml:1: the file must be a list of document records" in result.stdout


def test_missing_required_file(cica, dataset):
    (dataset / "data" / "members.yaml").unlink()
    result = cica("check", "--data", dataset)
    assert "data/members.yaml: required data file is missing" in result.stdout
    assert "data/events.yaml:6: event 'proposal' refers to unknown member 'kazakhstan'" in result.stdout


def test_timeline_on_broken_data_is_one_line_and_exit_1(cica, dataset):
    edit(dataset, "data/events.yaml", '"1992-10"', '"1992-13"')
    result = cica("timeline", "--data", dataset)
    assert result.exit_code == 1
    assert result.stderr == "cica: data/events.yaml:2: date: invalid EDTF date '1992-13': month must be 01-12\n"
    assert result.stdout == ""


def test_check_json(cica, dataset):
    edit(dataset, "data/events.yaml", "members: [kazakhstan]", "members: [kazakstan]")
    report = cica("check", "--data", dataset, "--json").json()
    assert report["ok"] is False
    assert report["problems"] == [{"file": "data/events.yaml", "line": 6,
                                   "message": "event 'proposal' refers to unknown member 'kazakstan'"}]


@pytest.mark.parametrize("old, new, field, expected", [
    # a citation is a record of its own, nested in the event: its fields have their own lines
    ("    - source: sample\n      quote: The Conference", "    - source: elsewhere\n      quote: The Conference", "source",
     "data/events.yaml:8: citation refers to unknown source 'elsewhere'"),
    ("quote: The Conference was first proposed in October 1992.", "quote: The Conference was never proposed.", "quote",
     "data/events.yaml:9: quote not found in source 'sample': 'The Conference was never proposed.'"),
    ("  summary: The first summit.", '  summary: "  "', "summary", "data/events.yaml:14: summary is empty"),
    ("  title: First proposal", "  title: First proposal\n  notes: \"\\x07\"", "notes",
     "data/events.yaml:4: notes contains the control character U+0007"),
])
def test_check_points_at_the_field_not_the_record(cica, dataset, old, new, field, expected):
    edit(dataset, "data/events.yaml", old, new)
    lines = cica("check", "--data", dataset).stdout.splitlines()
    assert lines[0] == expected, lines
    line = int(expected.split(":")[1])
    text = (dataset / "data/events.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    assert text.strip(" -").startswith(f"{field}:"), text
