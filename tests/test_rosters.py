"""A list of named members in one quote, entered once in data/rosters.yaml. No shipped
article lists members by name in one sentence, so a fixture wire does, added to the
minimal dataset (which names one member, Kazakhstan, alias Qazaqstan)."""

import pytest

from cica_cli import compare as C
from cica_cli.check import check
from cica_cli.dataset import load_dataset
from support import append

WIRE = "Roster Wire (test data, not a real article)\n\nIn 2021 the members were Kazakhstan, Mongolia and Qatar.\n"

SOURCE = """
- id: roster-wire
  file: roster.txt
  title: Roster Wire
  authors: []
  outlet: null
  published: "2021"
  published_basis: A fixture.
  as_of: "2021"
  as_of_basis: A fixture.
"""

MEMBERS = """
- id: mongolia
  name: Mongolia
  kind: state
  iso_alpha2: MN
  iso_alpha3: MNG
- id: qatar
  name: Qatar
  kind: state
  aliases: [State of Qatar]
  iso_alpha2: QA
  iso_alpha3: QAT
"""

ROSTER = """- status: member
  members: [Qazaqstan, mongolia, State of Qatar]
  source: roster-wire
  quote: In 2021 the members were Kazakhstan, Mongolia and Qatar.
  as_of: "2021"
"""


@pytest.fixture
def listed(dataset):
    (dataset / "seeds" / "roster.txt").write_text(WIRE, encoding="utf-8")
    append(dataset, "data/sources.yaml", SOURCE)
    append(dataset, "data/members.yaml", MEMBERS)
    (dataset / "data" / "rosters.yaml").write_text(ROSTER, encoding="utf-8")
    return dataset


def test_one_quote_naming_three_members_gives_each_a_status_citing_it(listed):
    ds = load_dataset(listed)
    assert check(ds) == []
    members = ds.by_id("members")
    for member_id in ("kazakhstan", "mongolia", "qatar"):
        statuses = [(s.status, s.as_of, [(c.source, c.quote) for c in s.citations]) for s in members[member_id].statuses]
        assert statuses == [("member", "2021", [("roster-wire", "In 2021 the members were Kazakhstan, Mongolia and Qatar.")])]


def test_the_listed_statuses_are_compared_like_entered_ones(listed):
    ds = load_dataset(listed)
    observed = {(o.subject, o.value, o.as_of, o.source) for o in C.statuses(ds)}
    assert {("kazakhstan", "member", "2021", "roster-wire"), ("mongolia", "member", "2021", "roster-wire"),
            ("qatar", "member", "2021", "roster-wire")} <= observed


def test_members_and_member_show_the_listed_status(cica, listed):
    out = cica("member", "mongolia", "--data", listed).stdout
    assert "In 2021 the members were Kazakhstan, Mongolia and Qatar." in out
    data = cica("members", "--status", "member", "--json", "--data", listed).json()
    assert {m["id"] for m in data} >= {"kazakhstan", "mongolia", "qatar"}


def test_a_name_that_is_no_member_is_reported_with_a_suggestion(cica, listed):
    path = listed / "data" / "rosters.yaml"
    path.write_text(ROSTER.replace("mongolia,", "Mongolai,"), encoding="utf-8")
    result = cica("check", "--data", listed)
    assert result.exit_code == 1
    assert ("data/rosters.yaml:2: roster name 'Mongolai' is no member's id, name or alias; "
            "did you mean 'Mongolia'?") in result.stdout.splitlines()
    # the other two still get their status
    ds = load_dataset(listed)
    assert [len(ds.by_id("members")[m].statuses) for m in ("kazakhstan", "mongolia", "qatar")] == [1, 0, 1]


def test_a_roster_quote_is_checked_once_where_it_was_entered(cica, listed):
    path = listed / "data" / "rosters.yaml"
    path.write_text(ROSTER.replace("and Qatar.", "and Qatar!"), encoding="utf-8")
    result = cica("check", "--data", listed)
    assert [line for line in result.stdout.splitlines() if "quote not found" in line] == [
        "data/rosters.yaml:4: quote not found in source 'roster-wire'; nearest passage, seeds/roster.txt:3: "
        "“…the members were Kazakhstan, Mongolia and Qatar”: the article has “Qatar” where the quote has “Qatar!”"]


def test_a_roster_status_must_be_a_status(cica, listed):
    path = listed / "data" / "rosters.yaml"
    path.write_text(ROSTER.replace("status: member", "status: friend"), encoding="utf-8")
    result = cica("check", "--data", listed)
    assert result.stdout.splitlines()[0].startswith("data/rosters.yaml:1: roster.status must be one of member, observer")
