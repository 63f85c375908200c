"""The curator's loop, end to end, as docs/curating.md walks it: an invented example article
(tests/fixtures/curator/invented-article.txt, never in seeds/) is added to a copy of the
shipped dataset with `cica add`, drafted with `cica draft`, the records a curator writes from
the draft are added, and `check`, `coverage` and `compare` give the verdicts the guide shows.
Then the refusals of `add` and `draft`."""

from pathlib import Path

import pytest
import yaml

from cica_cli import intake
from cica_cli.dataset import load_dataset
from cica_cli.quotes import Article

from support import ROOT, append, copy_shipped

ARTICLE = Path(__file__).resolve().parent / "fixtures" / "curator" / "invented-article.txt"

# What a curator writes after reading the article and the drafts (docs/curating.md shows the
# same records): the source, a claim of its own on the first summit's day, three figures and
# an exclusion.
SOURCE = """
- id: example-2012
  file: {file}
  title: Asian security conference marks a decade of summits
  authors: [Jane Example]
  outlet: Example News Agency
  published: "2012-06-05"
  published_basis: The dateline, "ALMATY, 5 June 2012".
  as_of: "2012-06-05"
  as_of_basis: As published; the article gives the day's news ("Today the Conference counts").
"""
CLAIM = """    - source: example-2012
      quote: Ten years ago, on 4 June 2002, the first CICA summit met in Almaty
      date: "2002-06-04"
"""
FIGURES = """
- id: members-2002-example
  metric: member-states
  value: 16
  scope: all
  as_of: "2002-06-04"
  source: example-2012
  quote: on 4 June 2002, the first CICA summit met in Almaty with 16 member states taking part

- id: members-2012-example
  metric: member-states
  value: 24
  scope: all
  source: example-2012
  quote: Today the Conference counts 24 member states

- id: seminar-delegations-2012-example
  metric: member-states
  value: 20
  scope: participants
  qualifier: attended an anniversary seminar
  source: example-2012
  quote: Delegations of 20 member states attended an anniversary seminar in the city on Monday.
"""
EXCLUSION = """
- source: example-2012
  text: ALMATY, 5 June 2012
  reason: The dateline, the article's publication date (recorded as the source's `published`).

- source: example-2012
  text: The organisers expect the next summit in 2014.
  reason: A forecast by unnamed organisers; no other source in the corpus speaks of a 2014 summit.
"""


@pytest.fixture
def root(tmp_path):
    return copy_shipped(tmp_path / "ds")


def test_an_article_from_file_to_checked_and_compared_records(cica, root):
    # 1. add: the article is copied unchanged under the next number and its digest
    added = cica("add", ARTICLE, "--data", root)
    assert added.exit_code == 0, added.stderr
    name = intake.seed_name(5, ARTICLE.read_bytes())
    assert (root / "seeds" / name).read_bytes() == ARTICLE.read_bytes()
    assert f"copied {ARTICLE} to seeds/{name}" in added.stderr
    # the draft is YAML whose only filled-in value is the file: nothing else is decided for
    # the curator, and `check` refuses it until the fields are filled
    [record] = yaml.safe_load(added.stdout)
    assert record == {"id": None, "file": name, "title": None, "authors": [], "outlet": None,
                      "published": None, "published_basis": None, "as_of": None, "as_of_basis": None}
    assert "seen: line 5: “Jane Example”" in added.stdout  # the byline, as a hint
    assert "#   7: 5 June 2012, 4 June 2002" in added.stdout  # the dates in the text
    # the same text again, under any name, is refused
    again = cica("add", ARTICLE, "--data", root)
    assert again.exit_code == 1
    assert again.stderr == f"cica: the article is already in seeds/ as {name} (no source cites it yet)\n"

    # 2. the curator fills in the source record
    append(root, "data/sources.yaml", SOURCE.format(file=name))

    # 3. draft: one group per sentence with uncovered dates or numbers, each a verbatim quote
    drafted = cica("draft", "example-2012", "--data", root, "--json")
    assert drafted.exit_code == 1  # things are left to record
    drafts = drafted.json()
    article = Article(ARTICLE.read_text(encoding="utf-8"))
    assert all(article.contains(d["quote"]) for d in drafts)
    assert [d["line"] for d in drafts] == [7, 9, 11, 13]
    summit = drafts[0]
    assert summit["dates"] == ["2012-06-05", "2002-06-04"]  # two dates: which one dates what is for the curator
    assert summit["own_date"] == "2012-06-05"  # the dateline: the source's own date, to exclude
    [event] = [r for r in summit["records"] if r["kind"] == "event"]
    assert event["guesses"]["kind"] == "summit"
    assert "2002-first-summit (2002)" in event["existing"]  # the event is already there: add a claim
    [figure] = [r for r in summit["records"] if r["kind"] == "figure"]
    assert figure["guesses"] == {"value": 16, "metric": "member-states"}
    assert {m["text"]: m["kind"] for m in summit["mentions"]}["4"] == "date"  # the day of "4 June"
    # the YAML draft is all comments: nothing in it is data until the curator uncomments it
    text = cica("draft", "example-2012", "--data", root).stdout
    assert yaml.safe_load(text) is None
    assert text.count("# --- line ") == 4
    assert "# 2012-06-05 is this source's own date" in text
    assert "#       date:  # 2012-06-05 or 2002-06-04?" in text

    # 4. the curator writes the records: a claim of its own on the existing event, the
    # figures (the seminar's delegations are a part, scope `participants`), an exclusion
    events = root / "data" / "events.yaml"
    anchor = '      quote: with 16 member states participating at the first Summit in 2002\n      date: "2002"\n'
    events.write_text(events.read_text(encoding="utf-8").replace(anchor, anchor + CLAIM, 1), encoding="utf-8")
    append(root, "data/figures.yaml", FIGURES)
    append(root, "data/excluded.yaml", EXCLUSION)

    # 5. check and coverage pass, and draft has nothing left
    checked = cica("check", "--data", root)
    assert checked.exit_code == 0, checked.stdout
    assert checked.stdout.startswith("ok: 6 sources,")
    covered = cica("coverage", "--source", "example-2012", "--data", root)
    assert covered.exit_code == 0, covered.stdout
    assert cica("draft", "example-2012", "--data", root).exit_code == 0

    # 6. compare: the verdicts
    ds = load_dataset(root)
    summit = next(e for e in ds.events if e.id == "2002-first-summit")
    assert summit.date == "2002-06-04" and summit.date_basis == "claims"  # the narrowest date within every claim
    dated = cica("compare", "2002-first-summit", "--data", root, "--json").json()
    # ravichandran-2023's "in 2002" contains the invented article's "4 June 2002"
    assert {(c["verdict"], c["a"]["source"], c["a"]["value"], c["b"]["source"], c["b"]["value"])
            for c in dated["comparisons"]} == {("compatible", "ravichandran-2023", "2002", "example-2012", "2002-06-04")}
    members = cica("compare", "member-states", "--data", root, "--json").json()
    steps = [(c["a"]["id"], c["b"]["id"], c["verdict"]) for c in members["comparisons"]]
    # 16 in 2002 by two articles agree (the first summit's words are no scope); 20 in 2009 →
    # 24 in June 2012 → 27 in 2022 are changes; the 20 delegations at the seminar are another
    # scope beside the 24 members of the same day, never a conflict
    assert ("members-2002-first-summit", "members-2002-example", "agree") in steps
    assert ("members-2009-bakishev", "members-2012-example", "changed") in steps
    assert members["different_scope"] == ["seminar-delegations-2012-example"]
    assert "conflict" not in {v for *_, v in steps}
    assert cica("conflicts", "--data", root, "--json").json() == [
        c for c in cica("conflicts", "--json").json()]  # nothing new in conflict
    # a citation of the seminar's count says what it counts
    cited = cica("cite", "seminar-delegations-2012-example", "--data", root).stdout
    assert cited.startswith("Member states of CICA: 20 states, participants: attended an anniversary seminar (as of ")


def test_add_refuses_the_same_text_under_another_name_and_reflowed(cica, root, tmp_path):
    shipped = root / "seeds" / "004_392bb672fc95fe25.txt"
    copy = tmp_path / "renamed.txt"
    copy.write_text(shipped.read_text(encoding="utf-8").replace("\n\n", "\n  \n").replace("’", "'"), encoding="utf-8")
    result = cica("add", copy, "--data", root)
    assert result.exit_code == 1
    assert result.stderr == "cica: the article is already in seeds/ as 004_392bb672fc95fe25.txt (source 'ravichandran-2023')\n"
    assert sorted(p.name for p in (root / "seeds").iterdir()) == sorted(p.name for p in (ROOT / "seeds").iterdir())


@pytest.mark.parametrize("content, code, message", [
    (b"", 1, "the article is empty"),
    (b"caf\xe9\n", 1, "invented.txt:1: not valid UTF-8"),
])
def test_add_refuses_an_article_it_cannot_read(cica, root, tmp_path, content, code, message):
    path = tmp_path / "invented.txt"
    path.write_bytes(content)
    result = cica("add", path, "--data", root)
    assert result.exit_code == code and message in result.stderr
    assert len(list((root / "seeds").iterdir())) == 5


def test_add_of_a_missing_file_is_a_usage_error(cica, root, tmp_path):
    result = cica("add", tmp_path / "nowhere.txt", "--data", root)
    assert result.exit_code == 2 and "No such file" in result.stderr


def test_draft_before_the_source_record_says_what_to_add_first(cica, root):
    """A curator who runs `draft` on an article just added (no source record yet) is told the
    next step, not only that no source has that name."""
    assert cica("add", ARTICLE, "--data", root).exit_code == 0
    name = intake.seed_name(5, ARTICLE.read_bytes())
    early = cica("draft", name[:3], "--data", root)
    assert early.exit_code == 1
    assert f"seeds/{name} has no record in data/sources.yaml yet" in early.stderr
    assert "has no record" not in cica("draft", "zzz", "--data", root).stderr


def test_draft_out_writes_a_new_file_and_never_over_one(cica, root, tmp_path):
    cica("add", ARTICLE, "--data", root)
    append(root, "data/sources.yaml", SOURCE.format(file=intake.seed_name(5, ARTICLE.read_bytes())))
    out = tmp_path / "drafts.yaml"
    first = cica("draft", "example-2012", "--data", root, "--out", out)
    assert first.exit_code == 1 and "wrote 4 draft(s)" in first.stderr
    assert out.read_text(encoding="utf-8") == cica("draft", "example-2012", "--data", root).stdout
    before = out.read_text(encoding="utf-8")
    second = cica("draft", "example-2012", "--data", root, "--out", out)
    assert second.exit_code == 2 and "exists" in second.stderr
    assert out.read_text(encoding="utf-8") == before
    # nothing was written into data/
    assert sorted(p.name for p in (root / "data").iterdir()) == sorted(p.name for p in (ROOT / "data").iterdir())


def test_draft_of_a_fully_covered_source_has_nothing_to_draft(cica):
    result = cica("draft", "ravichandran-2023")
    assert result.exit_code == 0
    assert result.stdout == "draft: every date and quantity in ravichandran-2023 is cited or excluded; nothing to draft\n"


def test_the_seed_name_is_the_next_number_and_the_start_of_the_digest():
    import hashlib

    data = ARTICLE.read_bytes()
    assert intake.seed_name(5, data) == f"005_{hashlib.sha256(data).hexdigest()[:16]}.txt"
    assert intake.SEED_NAME.match(intake.seed_name(5, data))
    assert all(intake.SEED_NAME.match(p.name) for p in (ROOT / "seeds").iterdir())


def test_scopes_lists_each_with_its_meaning_and_how_many_figures_have_it(cica):
    from cica_cli.dataset import load_dataset as load
    from cica_cli.model import SCOPES

    listed = cica("scopes", "--json").json()
    assert [s["scope"] for s in listed] == list(SCOPES) == ["all", "founding", "participants", "signatories"]
    figures = load(ROOT).figures
    # every shipped figure counts the whole, read quote by quote (figures.yaml)
    assert {s["scope"]: s["figures"] for s in listed} == {"all": len(figures), "founding": 0, "participants": 0, "signatories": 0}
    assert "participants  those taking part in one meeting" in cica("scopes").stdout


def test_check_names_the_allowed_scopes(cica, root):
    figures = root / "data" / "figures.yaml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("  scope: all\n", "  scope: members\n", 1), encoding="utf-8")
    line = text[: text.index("  scope: all\n")].count("\n") + 1
    result = cica("check", "--data", root)
    assert result.exit_code == 1
    expected = f"data/figures.yaml:{line}: figure.scope must be one of all, founding, participants, signatories; got 'members'"
    assert any(out.startswith(expected) for out in result.stdout.splitlines()), result.stdout


def test_the_guide_shows_the_records_this_test_writes():
    """docs/curating.md's worked example shows the same source record, claim, figures and
    exclusions as the end-to-end test above, so the guide cannot drift from what passes."""
    import re

    guide = (ROOT / "docs" / "curating.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", guide, re.S)]
    name = intake.seed_name(5, ARTICLE.read_bytes())
    assert name in guide
    assert yaml.safe_load(SOURCE.format(file=name)) in blocks
    assert yaml.safe_load(CLAIM) in blocks
    assert yaml.safe_load(FIGURES) + yaml.safe_load(EXCLUSION) in blocks
    # the article shown is the fixture's, but for its first line
    shown = re.search(r"```text\n(.*?)```", guide, re.S).group(1)
    assert shown.split("\n", 1)[1] == ARTICLE.read_text(encoding="utf-8").split("\n", 1)[1]


def test_add_whose_draft_cannot_be_written_copies_nothing(cica, root, tmp_path):
    """The draft's file is made first: when it cannot be, the article is not copied either, so
    the curator can run the command again once the path is right."""
    before = sorted(p.name for p in (root / "seeds").iterdir())
    failed = cica("add", ARTICLE, "--out", str(tmp_path / "no-such-folder" / "draft.yaml"), "--data", root)
    assert failed.exit_code == 2 and "--out" in failed.stderr
    assert sorted(p.name for p in (root / "seeds").iterdir()) == before
    assert cica("add", ARTICLE, "--out", str(tmp_path / "draft.yaml"), "--data", root).exit_code == 0
    assert yaml.safe_load((tmp_path / "draft.yaml").read_text())[0]["file"] == intake.seed_name(5, ARTICLE.read_bytes())


@pytest.mark.parametrize("command", [["add", str(ARTICLE)], ["draft", "004"]])
def test_out_and_json_together_are_refused(cica, root, tmp_path, command):
    result = cica(*command, "--json", "--out", str(tmp_path / "d.yaml"), "--data", root)
    assert result.exit_code == 2 and not (tmp_path / "d.yaml").exists()


def test_the_hints_of_add_number_lines_as_the_rest_of_cica_does(tmp_path):
    """A form feed or a line separator inside a line does not start a new one: the byline on
    line 2 is hinted at line 2, where `cica source --text` and `check` show it."""
    text = "A title\x0cwith a form feed\nBy Jane Doe\u2028still line two\n"
    assert intake.seen(text)["authors"][0][0] == 2
