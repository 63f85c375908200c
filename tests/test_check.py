"""`cica check` and every kind of bad input: one line naming file and line, exit 1, no traceback."""

import os

import pytest

from cica_cli import model
from support import edit, line_number, shipped_dataset


FORMS = ("dates are written 1992, 1992-10 or 1992-10-05, each may end in ~ (about), ? (uncertain) or % (both); "
         "intervals 1999/2002 and ../2006; one day between [2009-10..2009-12]; one of [2023, 2024]")
EVENT_FIELDS = ", ".join(model.field_names(model.Event))  # in the order of the record class
UNNAMED = "seeds/article.txt: no source names this article (`file: article.txt` in data/sources.yaml)"

CASES = [
    # (case, file, old text, new text, the exact problem line, or lines)
    ("malformed YAML", "data/events.yaml", "  title: First proposal", "  title: [First proposal",
     "data/events.yaml:4: invalid YAML: did not find expected ',' or ']'"),
    ("missing field", "data/events.yaml", "  summary: The idea is first put forward.\n", "",
     "data/events.yaml:1: event is missing required field 'summary'"),
    ("missing fields", "data/events.yaml", "  title: First proposal\n  kind: proposal\n", "",
     "data/events.yaml:1: event is missing required fields 'title', 'kind'"),
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
     "data/metrics.yaml:7: metric 'participants' refers to unknown metric 'observer-states' in its sum_of"),
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
     "data/events.yaml:14: unknown field 'venue' in event (its fields: " + EVENT_FIELDS + ")"),
    ("misspelt field", "data/events.yaml", "  kind: summit", "  kind: summit\n  summry: The first.",
     "data/events.yaml:14: unknown field 'summry' in event; did you mean 'summary'?"),
    ("value not allowed", "data/events.yaml", "kind: summit", "kind: party",
     "data/events.yaml:13: event.kind must be one of proposal, summit, ministerial, meeting, adoption, "
     "institutional, membership, anniversary, statement, initiative, forum; got 'party'"),
    ("value misspelt", "data/events.yaml", "kind: summit", "kind: sumit",
     "data/events.yaml:13: event.kind must be one of proposal, summit, ministerial, meeting, adoption, "
     "institutional, membership, anniversary, statement, initiative, forum; got 'sumit'; did you mean 'summit'?"),
    ("dangling member", "data/events.yaml", "members: [kazakhstan]", "members: [kazakstan]",
     "data/events.yaml:6: event 'proposal' refers to unknown member 'kazakstan'; did you mean 'kazakhstan'?"),
    ("dangling source", "data/figures.yaml", "source: sample", "source: elsewhere",
     "data/figures.yaml:4: figure 'members-2002' refers to unknown source 'elsewhere'"),
    ("dangling metric", "data/figures.yaml", "metric: member-states", "metric: members",
     "data/figures.yaml:2: figure 'members-2002' refers to unknown metric 'members'"),
    ("invalid date", "data/events.yaml", '"1992-10"', '"1992-13"',
     "data/events.yaml:2: date: invalid EDTF date '1992-13': month must be 01-12; " + FORMS),
    ("half-year date", "data/events.yaml", '"1992-10"', '"1992-40"',
     "data/events.yaml:2: date: unsupported EDTF date '1992-40': 40 is EDTF's code for the first half of a year, "
     "not a month (codes 21-41 are seasons, quarters, thirds and halves of a year, which cica does not read): "
     "write its months, [1992-01..1992-06] (one day in them) or 1992-01/1992-06 (all of them)"),
    ("date with a time", "data/members.yaml", 'date: "1992-10"', 'date: "1992-10-05T10:00"',
     "data/members.yaml:7: date: invalid EDTF date '1992-10-05T10:00': no times: give the day, YYYY-MM-DD; " + FORMS),
    ("as_of after published", "data/sources.yaml", 'as_of: "2002"', 'as_of: "2004"',
     "data/sources.yaml:8: source 'sample': as_of 2004 is after published 2003"),
    ("quote not in its source", "data/events.yaml", "quote: Its first summit took place in 2002",
     "quote: Its first summit took place in 2003",
     "data/events.yaml:17: quote not found in source 'sample'; nearest passage, seeds/article.txt:3: "
     "“Its first summit took place in 2002”: the article has “2002” where the quote has “2003”"),
    ("duplicate id", "data/events.yaml", "- id: first-summit", "- id: proposal",
     "data/events.yaml:10: duplicate id 'proposal' (first used at data/events.yaml:1)"),
    ("duplicate key", "data/events.yaml", "  title: First summit", "  title: First summit\n  title: Second",
     "data/events.yaml:13: duplicate key 'title' (first at line 12)"),
    ("alias", "data/events.yaml", "  summary: The first summit.", "  summary: &s The first summit.\n  notes: *s",
     "data/events.yaml:14: YAML anchors and aliases are not allowed in data files"),
    ("control character", "data/events.yaml", "title: First summit", 'title: "First \\x1b[31msummit"',
     "data/events.yaml:12: title contains the control character U+001B"),
    ("path with ..", "data/sources.yaml", "file: article.txt", "file: ../data/events.yaml",
     ("data/sources.yaml:2: source 'sample': file must be a plain file name inside seeds/, not '../data/events.yaml'",
      UNNAMED)),
    ("absolute path", "data/sources.yaml", "file: article.txt", "file: /etc/hostname",
     ("data/sources.yaml:2: source 'sample': file must be a plain file name inside seeds/, not '/etc/hostname'",
      UNNAMED)),
    ("missing article", "data/sources.yaml", "file: article.txt", "file: gone.txt",
     ("data/sources.yaml:2: source 'sample': file seeds/gone.txt does not exist", UNNAMED)),
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
    expected = (expected,) if isinstance(expected, str) else expected
    assert lines[:-1] == list(expected)
    assert lines[-1].startswith(f"{len(expected)} problem(s) found in ")
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
    assert result.stdout.startswith(f"ok: {len(shipped_dataset().sources)} sources,")


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
    # its references are one line, not one each
    assert "data/events.yaml:6: 1 reference(s) to members (the first here), but data/members.yaml holds none: " \
           "the file is missing or empty" in result.stdout
    assert "refers to unknown member" not in result.stdout


def test_references_to_a_data_file_left_out_are_one_line_per_file(cica, shipped):
    from cica_cli.dataset import load_dataset

    events = load_dataset(shipped).events
    cited = [e for e in events if e.documents]
    (shipped / "data" / "documents.yaml").unlink()
    first = model.line_of(cited[0], "documents")
    result = cica("check", "--data", shipped)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line for line in lines if "documents" in line and not line.startswith(("1 problem", "ok"))][0].startswith(
        f"data/events.yaml:{first}: {sum(len(e.documents) for e in events)} reference(s) to documents (the first "
        "here), but data/documents.yaml holds none")
    assert len(lines) == 2 and lines[1].startswith("1 problem(s) found")


def test_timeline_on_broken_data_is_one_line_and_exit_1(cica, dataset):
    edit(dataset, "data/events.yaml", '"1992-10"', '"1992-13"')
    result = cica("timeline", "--data", dataset)
    assert result.exit_code == 1
    assert result.stderr == f"cica: data/events.yaml:2: date: invalid EDTF date '1992-13': month must be 01-12; {FORMS}\n"
    assert result.stdout == ""


def test_check_json(cica, dataset):
    edit(dataset, "data/events.yaml", "members: [kazakhstan]", "members: [kazakstan]")
    report = cica("check", "--data", dataset, "--json").json()
    assert report["ok"] is False
    assert report["problems"] == [{"file": "data/events.yaml", "line": 6,
                                   "message": "event 'proposal' refers to unknown member 'kazakstan'; did you mean 'kazakhstan'?"}]


@pytest.mark.parametrize("old, new, field, expected", [
    # a citation is a record of its own, nested in the event: its fields have their own lines
    ("    - source: sample\n      quote: The Conference", "    - source: elsewhere\n      quote: The Conference", "source",
     "data/events.yaml:8: citation refers to unknown source 'elsewhere'"),
    ("quote: The Conference was first proposed in October 1992.", "quote: The Conference was never proposed.", "quote",
     "data/events.yaml:9: quote not found in source 'sample'; nearest passage, seeds/article.txt:3: "
     "“The Conference was first proposed”: the article has “first” where the quote has “never”"),
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


# --- everything in one run ----------------------------------------------------------------

def test_one_run_reports_a_bad_date_an_unknown_source_an_altered_quote_and_a_yaml_error(cica, shipped):
    """The curator's loop: four mistakes in three files, each reported with its file and line in
    one run, the altered quote with the article's passage, and nothing else but one line on the
    references into the file that could not be read whole."""
    edit(shipped, "data/events.yaml", 'quote: basic, statutory documents such as the 1999 Declaration on the Principles '
         'and the 2002 Almaty Act\n      date: "1999"', 'quote: basic, statutory documents such as the 1999 Declaration '
         'on the Principles and the 2002 Almaty Act\n      date: "1999-40"')
    edit(shipped, "data/figures.yaml", "  source: auelbayev-2022\n  quote: Today,", "  source: auelbayev-2021\n  quote: Today,")
    edit(shipped, "data/events.yaml", "quote: was mooted by the first president", "quote: was proposed by the first president")
    edit(shipped, "data/documents.yaml", "  title: Almaty Act\n", "  title: Almaty Act: the statute of 2002\n")
    date_line = line_number(shipped, "data/events.yaml", '"1999-40"')
    source_line = line_number(shipped, "data/figures.yaml", "auelbayev-2021")
    quote_line = line_number(shipped, "data/events.yaml", "was proposed by")
    yaml_line = line_number(shipped, "data/documents.yaml", "Almaty Act: the statute")
    article_line = line_number(shipped, "seeds/004_392bb672fc95fe25.txt", "was mooted by")

    result = cica("check", "--data", shipped)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"data/documents.yaml:{yaml_line}: invalid YAML: mapping values are not allowed in this context: "
        'text containing ": " must be in quotes: title: "Almaty Act: the statute of 2002"',
        f"data/documents.yaml:{yaml_line}: 12 reference(s) to documents in data/documents.yaml and data/events.yaml "
        "not checked: the file is not read past this line",
        f"data/events.yaml:{quote_line}: quote not found in source 'ravichandran-2023'; nearest passage, "
        f"seeds/004_392bb672fc95fe25.txt:{article_line}: “was mooted by the first president of Kazakhstan…”: "
        "the article has “mooted” where the quote has “proposed”",
        f"data/events.yaml:{date_line}: date: unsupported EDTF date '1999-40': 40 is EDTF's code for the first half of "
        "a year, not a month (codes 21-41 are seasons, quarters, thirds and halves of a year, which cica does not "
        "read): write its months, [1999-01..1999-06] (one day in them) or 1999-01/1999-06 (all of them)",
        f"data/figures.yaml:{source_line}: figure 'members-2022-auelbayev' refers to unknown source 'auelbayev-2021'; "
        "did you mean 'auelbayev-2022'?",
        lines[-1],
    ]
    ds = shipped_dataset()
    assert lines[-1].startswith(f"5 problem(s) found in {len(ds.sources)} sources, {len(ds.events)} events,")
    again = cica("check", "--data", shipped)  # from the record cache: the same report
    assert again.stdout == result.stdout


def test_a_record_with_a_wrong_field_is_checked_for_the_rest(cica, dataset):
    """A schema error (an unknown field) does not hide the same record's bad date, altered
    quote and unknown source, nor its nested citation's."""
    edit(dataset, "data/events.yaml", '- id: proposal\n  date: "1992-10"', '- id: proposal\n  venue: Almaty\n  date: "1992-13"')
    edit(dataset, "data/events.yaml", "    - source: sample\n      quote: The Conference was first proposed in October 1992.",
         "    - source: sampel\n      quote: The Conference was first proposed in October 1992.\n"
         "    - source: sample\n      quote: The Conference was never proposed.\n      page: 3")
    lines = cica("check", "--data", dataset).stdout.splitlines()
    starts = [
        "data/events.yaml:2: unknown field 'venue' in event (its fields: ",
        "data/events.yaml:3: date: invalid EDTF date '1992-13': month must be 01-12",
        "data/events.yaml:9: citation refers to unknown source 'sampel'; did you mean 'sample'?",
        "data/events.yaml:12: quote not found in source 'sample'; nearest passage, seeds/article.txt:3: ",
        "data/events.yaml:13: unknown field 'page' in citation (its fields: source, quote, date, inferred)",
    ]
    assert len(lines) == len(starts) + 1, lines
    for line, start in zip(lines, starts):
        assert line.startswith(start), (line, start)
    assert lines[-1].startswith("5 problem(s) found in 1 sources, 2 events,")


def test_references_into_a_file_not_read_whole_are_one_line(cica, dataset):
    edit(dataset, "data/members.yaml", "  aliases: [Qazaqstan]", "  aliases: [Qazaqstan\n")
    edit(dataset, "data/events.yaml", "members: [kazakhstan]", "members: [kazakhstan, kyrgyzstan]")
    result = cica("check", "--data", dataset)
    lines = result.stdout.splitlines()
    assert len(lines) == 3, lines
    assert lines[0] == "data/members.yaml:6: invalid YAML: did not find expected ',' or ']'"
    assert lines[1] == ("data/members.yaml:6: 2 reference(s) to members in data/events.yaml not checked: "
                        "the file could not be read")
    assert "refers to unknown member" not in result.stdout


def test_an_article_no_source_names_is_reported(cica, dataset):
    (dataset / "seeds" / "005_0123456789abcdef.txt").write_text("An article nobody recorded.\n", encoding="utf-8")
    (dataset / "seeds" / ".hidden").write_text("not an article\n", encoding="utf-8")
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:-1] == [
        "seeds/005_0123456789abcdef.txt: no source names this article (`file: 005_0123456789abcdef.txt` in data/sources.yaml)"]


@pytest.mark.parametrize("old, new, expected", [
    ("title: First summit", "title: First summit: Almaty",
     'data/events.yaml:12: invalid YAML: mapping values are not allowed in this context: text containing ": " must '
     'be in quotes: title: "First summit: Almaty"'),
    ("  title: First summit", "\ttitle: First summit", "data/events.yaml:12: invalid YAML: found character that "
     "cannot start any token: indent with spaces, not tabs"),
    ("title: First summit", "title: @summit", "data/events.yaml:12: invalid YAML: found character that cannot start "
     "any token: text starting with @, `, %, * or & must be in quotes"),
    ("title: First summit", 'title: "First summit', "data/events.yaml:12: invalid YAML: found unexpected end of stream: "
     "a quotation mark opened here is not closed"),
])
def test_yaml_errors_come_with_advice(cica, dataset, old, new, expected):
    edit(dataset, "data/events.yaml", old, new)
    lines = cica("check", "--data", dataset).stdout.splitlines()
    assert lines[0] == expected


def test_every_shipped_quote_with_a_word_changed_is_traced_to_its_passage():
    """The nearest passage of each quote of the shipped dataset (five words or more) with its
    middle word replaced is the quote itself, and the difference named is that word."""
    from support import ROOT

    from cica_cli.check import quoted
    from cica_cli.dataset import load_dataset
    from cica_cli.quotes import differences, normalise

    ds = load_dataset(ROOT)
    tried = set()
    for _label, _line, source, quote in quoted(ds):
        words = quote.split()
        if len(words) < 5 or (source, quote) in tried:
            continue
        tried.add((source, quote))
        middle = len(words) // 2
        altered = " ".join(words[:middle] + ["Xylophone"] + words[middle + 1:])
        article = ds.article(source)
        start, end, _similarity = article.nearest(altered)
        passage = article.text[article.original_offset(start):article.original_offset(end)]
        assert normalise(passage) == normalise(quote), (source, quote, passage)
        assert differences(altered, passage)[0] == [f"the article has “{words[middle]}” where the quote has “Xylophone”"]
    assert len(tried) > 100


def test_a_quote_from_another_article_names_that_source(cica, shipped):
    edit(shipped, "data/figures.yaml", "  source: auelbayev-2022\n  quote: Today,", "  source: askeroglu-2022\n  quote: Today,")
    line = line_number(shipped, "data/figures.yaml", "source: askeroglu-2022\n  quote: Today,") + 1
    lines = cica("check", "--data", shipped).stdout.splitlines()
    assert lines[0] == (f"data/figures.yaml:{line}: quote not found in source 'askeroglu-2022'; it is word for word in "
                        "source 'auelbayev-2022' (000_fcdc91bfac7338d6.txt): 'Today, the CICA is the largest regional "
                        "intergovernmental...'")
    assert len(lines) == 2


def test_a_quote_with_nothing_close_in_its_article_says_so(cica, dataset):
    edit(dataset, "data/events.yaml", "quote: Its first summit took place in 2002",
         "quote: Nothing of the kind was ever written anywhere")
    lines = cica("check", "--data", dataset).stdout.splitlines()
    assert lines[0] == ("data/events.yaml:17: quote not found in source 'sample', nor anything close to it: "
                        "'Nothing of the kind was ever written anywhere'")


def test_a_suggestion_among_ids_that_fold_to_nothing_does_not_fail():
    from cica_cli.names import did_you_mean

    assert did_you_mean("kazakstan", ["-", "  ", "kazakhstan"]) == "; did you mean 'kazakhstan'?"
    assert did_you_mean("-", ["-", "kazakhstan"]) == ""


@pytest.mark.parametrize("old, new, expected", [
    ("name: Kazakhstan", "name: [Kazakhstan]", "data/members.yaml:2: member.name must be a string, not a list"),
    ("iso_alpha2: KZ", "iso_alpha2: 12", "data/members.yaml:11: member.iso_alpha2 must be a string, not an integer"),
])
def test_a_member_with_a_wrong_field_is_checked_for_the_rest_without_a_cascade(cica, dataset, old, new, expected):
    """A wrong name or code is one line: the other rules on the member (its ISO codes) run on
    what is right and do not report the wrong field again as missing."""
    edit(dataset, "data/members.yaml", old, new)
    result = cica("check", "--data", dataset)
    assert result.stdout.splitlines()[:-1] == [expected]


def test_an_unquoted_quote_cut_short_by_a_comment_is_reported_and_other_comments_are_not(cica, shipped):
    # A curator writes "#" in an unquoted quote: YAML reads " # 47th Session..." as a comment,
    # and the quote that is left ("was mooted by the first president of Kazakhstan") is
    # still in ravichandran-2023, so nothing else would say that the text was cut.
    edit(shipped, "data/events.yaml", "Nursultan Nazarbayev, at the 47th Session",
         "Nursultan Nazarbayev, at the # 47th Session")
    edit(shipped, "data/events.yaml", "  notes: The article names the Declaration by its year;",
         '  notes: "See #2: the article names the Declaration by its year;')
    edit(shipped, "data/events.yaml", "it does not say where or by whom it was adopted.\n",
         'it does not say where or by whom it was adopted."\n')
    edit(shipped, "data/events.yaml", "- id: 1992-unga-proposal\n", "- id: 1992-unga-proposal  # the proposal\n")
    edit(shipped, "data/events.yaml", "  kind: proposal\n", "  kind: proposal  # as the articles say\n")
    cut_line = line_number(shipped, "data/events.yaml", "at the # 47th Session")

    result = cica("check", "--data", shipped)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (f"data/events.yaml:{cut_line}: quote: the words stop before '# 47th Session of the United "
                        "Nations...', which YAML reads as a comment; if the '#' is the article's, put the whole "
                        "quote in quotes, else put the comment on a line of its own")
    # the quoted "#2" in the notes is text, and a comment beside an id or a kind is a comment
    assert lines[1].startswith("1 problem(s) found")
    refused = cica("timeline", "--data", shipped)
    assert refused.exit_code == 1 and f"data/events.yaml:{cut_line}: quote: the words stop" in refused.stderr
