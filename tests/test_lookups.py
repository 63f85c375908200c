"""Look-ups on the shipped data: members, documents, sources and any record by id, with the
real answers and the sources behind them; and how names resolve."""

import pytest
import yaml
from cica_cli import claims

from support import ROOT
from support import edit


def load(name):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


MEMBERS = load("members.yaml")
DOCUMENTS = load("documents.yaml")
SOURCES = load("sources.yaml")
EVENTS = load("events.yaml")
FIGURES = load("figures.yaml")
METRICS = load("metrics.yaml")
QUESTIONS = load("questions.yaml")
TENSIONS = load("tensions.yaml")
PEOPLE = load("people.yaml")
NAMED = load("places.yaml") + load("bodies.yaml")
# the dateline "July 16" has no year: one of the years its text allows (data/sources.yaml)
RAVICHANDRAN_DATE = "16 Jul 2023, 2024 or 2025"


# --- cica member ------------------------------------------------------------------

def test_iraq_is_a_non_member_in_late_2009_per_bakishev(cica):
    record = cica("member", "Iraq", "--json").json()
    (status,) = record["statuses"]
    assert status["status"] == "non-member"
    assert status["as_of"] == "[2009-10..2009-12]"
    assert status["citations"] == [{
        "source": "bakishev-2009",
        "quote": "With regard to Iraq, as you are aware, this state is not a Member of the forum.",
        "date": None, "inferred": None,
    }]
    assert record["events"] == [] and record["documents"] == []
    out = cica("member", "iraq").stdout
    assert "non-member" in out and "Oct–Dec 2009" in out  # compact in the table
    assert "bakishev-2009: “With regard to Iraq, as you are aware, this state is not a Member of the forum.”" in out


def test_kuwait_applied_at_the_2022_astana_summit_per_askeroglu(cica):
    record = cica("member", "kuwait", "--json").json()
    (status,) = record["statuses"]
    assert status["status"] == "applicant"
    assert status["date"] == "[2022-10-12..2022-10-13]"
    assert status["citations"][0]["source"] == "askeroglu-2022"
    assert "received Kuwait’s application to join the meeting in Astana" in status["citations"][0]["quote"]
    assert status["inferred"]  # the reading of "to join the meeting" is marked
    assert record["events"] == ["2022-astana-summit", "2022-kuwait-application"]
    out = cica("member", "kuwait").stdout
    # the date it began, and (no as_of of its own) the source's as_of, marked as such
    assert "between 12 Oct 2022 and 13 Oct 2022" in out
    assert "Oct 2022 †" in out and "† the date of the source" in out
    assert "inferred: The sentence reads" in out
    assert "note: No article in the corpus says that Kuwait has joined." in out


def test_status_without_date_holds_as_of_its_source(cica):
    out = cica("member", "UN").stdout
    # the UN's observer status has no date: it holds as of laumulin-kozhirova-2021's as_of
    assert "observer" in out and "Mar 2019 – Dec 2021 †" in out
    assert "laumulin-kozhirova-2021: “Eight countries and five international organizations, including the U.N." in out
    assert "2007-un-observer-status" in out and "1992-unga-proposal" in out


def test_kazakhstan_roles_events_and_documents(cica):
    record = cica("member", "Kazakhstan", "--json").json()
    roles = [(r["role"], r["date"], r["as_of"]) for r in record["roles"]]
    assert ("initiator", "1992", None) in roles
    assert ("chair", None, "[2009-10..2009-12]") in roles
    # the seat of the headquarters, "Since 2014" by askeroglu-2022; one summit's venue is no role
    assert ("host", "2014", "2022-10") in roles
    assert ("chair", None, "2022-10-12/2022-10-13") not in roles
    assert [r for r in roles if r[1] == "2022-10-12/2022-10-13"] == []
    assert record["documents"] == ["perception-paper-military-political"]
    assert record["events"][0] == "1992-unga-proposal"  # by date ("until 2021" with 2021)
    assert record["events"].index("osda-proposal") > record["events"].index("2020-iabs-proposed")
    assert "2022-astana-summit" in record["events"]
    out = cica("member", "kazakhstan").stdout
    assert "initiator" in out and "1992" in out and "askeroglu-2022, 1992: “In 1992, CICA is a cooperation platform" in out


def test_member_without_status_says_so(cica):
    out = cica("member", "Uzbekistan").stdout
    assert "Statuses: none" in out and "Roles: none" in out
    assert "2022-astana-summit" in out


@pytest.mark.parametrize("member", MEMBERS, ids=[m["id"] for m in MEMBERS])
def test_every_member_answers_by_name_id_and_alias(cica, member):
    from cica_cli.dataset import open_dataset
    from cica_cli.model import to_dict

    ds = open_dataset(str(ROOT))
    expected = to_dict(ds.by_id("members")[member["id"]])
    events = [e["id"] for e in EVENTS if member["id"] in e.get("members", [])]
    documents = [d["id"] for d in DOCUMENTS if member["id"] in d.get("members", [])]
    for name in [member["name"], member["id"], *member.get("aliases", [])]:
        result = cica("member", name, "--json")
        assert result.exit_code == 0, (name, result.stderr)
        record = result.json()
        assert {k: v for k, v in record.items() if k not in ("events", "documents")} == expected
        assert sorted(record["events"]) == sorted(events)
        assert record["documents"] == documents
    table = cica("member", member["name"])
    assert table.exit_code == 0 and member["name"] in table.stdout
    for entry in member.get("statuses", []) + member.get("roles", []):
        for citation in entry["citations"]:
            assert citation["source"] in table.stdout


# --- names --------------------------------------------------------------------------

@pytest.mark.parametrize("name, member_id", [
    ("Türkiye", "turkey"), ("turkiye", "turkey"), ("TÜRKIYE", "turkey"), ("Republic of Turkey", "turkey"),
    ("U.N.", "united-nations"), ("un", "united-nations"), ("UN", "united-nations"), ("u n", "united-nations"),
    ("united nations", "united-nations"), ("United-Nations", "united-nations"),
    ("Qazaqstan", "kazakhstan"), ("KAZAKHSTAN!", "kazakhstan"), ("kazakh", "kazakhstan"),
    ("Shanghai", "sco"), ("Shanghai Cooperation Organisation", "sco"), ("s.c.o.", "sco"),
    ("Organization of Islamic Cooperation", "oic"), ("People's Republic of China", "china"), ("prc", "china"),
    ("Irán", "iran"), ("Iraq", "iraq"), ("afg", "afghanistan"),
])
def test_names_ignore_case_accents_punctuation_and_accept_aliases_and_prefixes(cica, name, member_id):
    result = cica("member", name, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["id"] == member_id


def test_exact_alias_wins_over_prefix():
    from cica_cli.names import resolve

    items = [("un", ["United Nations", "UN"]), ("unesco", ["UNESCO"]), ("unido", ["UNIDO"])]
    assert resolve("un", items, lambda item: item[1], "member")[0] == "un"
    assert resolve("U.N.", items, lambda item: item[1], "member")[0] == "un"


@pytest.mark.parametrize("name, message", [
    ("ira", "cica: member 'ira' is ambiguous: it could be Iran (iran), Iraq (iraq)"),
    ("Republic of", "cica: member 'Republic of' is ambiguous: it could be Iraq (iraq), Kazakhstan (kazakhstan), Turkey (turkey), Uzbekistan (uzbekistan)"),
    ("Kazakstan", "cica: no member named 'Kazakstan'; did you mean 'Kazakhstan'?"),
    ("Kuweit", "cica: no member named 'Kuweit'; did you mean 'Kuwait'?"),
    ("Atlantis", "cica: no member named 'Atlantis'"),
    ("...", "cica: no member named '...'"),
])
def test_ambiguous_and_unknown_names_exit_1(cica, name, message):
    result = cica("member", name)
    assert result.exit_code == 1
    assert result.stderr.strip() == message
    assert result.stdout == ""


# --- cica members -------------------------------------------------------------------

def test_members_lists_all_with_counts_per_status(cica):
    ids = [m["id"] for m in cica("members", "--json").json()]
    assert sorted(ids) == sorted(m["id"] for m in MEMBERS)
    assert ids[0] == "afghanistan" and ids[-1] == "uzbekistan"  # by name
    out = cica("members").stdout
    assert "12 named in the articles: 8 state(s), 4 organisation(s)" in out
    assert "Count per status (ever held): 3 member, 1 observer, 1 applicant, 1 non-member, 3 cooperating, 3 none" in out


def test_members_beside_the_stated_totals(cica):
    out = cica("members", "--status", "member").stdout
    assert "3 named in the articles: 3 state(s), 0 organisation(s)" in out
    for name in ("Afghanistan", "Iran", "Kazakhstan"):
        assert name in out
    assert "Iraq" not in out
    # named members are far fewer than the count the articles give
    assert ("3 state(s) named with status member; the articles count 28 as of "
            f"{RAVICHANDRAN_DATE} (ravichandran-2023).") in out
    assert "member-states (participating at the first Summit)" in out  # 16 in 2002
    assert "observer-states" not in out


def test_members_totals_for_observers_and_partners(cica):
    out = cica("members", "--kind", "organisation").stdout
    assert ("1 organisation(s) named with status observer; the articles count 5 as of "
            f"{RAVICHANDRAN_DATE} (ravichandran-2023).") in out
    assert ("0 organisation(s) named with status partner; the articles count 6 as of "
            f"{RAVICHANDRAN_DATE} (ravichandran-2023).") in out
    assert "member-states" not in out


@pytest.mark.parametrize("args, ids", [
    (["--status", "cooperating"], ["asean", "oic", "sco"]),
    (["--status", "observer"], ["united-nations"]),
    (["--status", "applicant"], ["kuwait"]),
    (["--status", "non-member"], ["iraq"]),
    (["--kind", "organisation"], ["asean", "oic", "sco", "united-nations"]),
    (["--kind", "state", "--status", "member"], ["afghanistan", "iran", "kazakhstan"]),
    (["--status", "partner"], []),
])
def test_members_filters(cica, args, ids):
    assert [m["id"] for m in cica("members", *args, "--json").json()] == ids


@pytest.mark.parametrize("args, message", [
    (["--status", "friend"], "cica: --status: unknown status 'friend'; choose from member, observer, partner, applicant, non-member, cooperating"),
    (["--kind", "planet"], "cica: --kind: unknown kind 'planet'; choose from state, organisation"),
])
def test_members_bad_filters_are_usage_errors(cica, args, message):
    result = cica("members", *args)
    assert result.exit_code == 2 and result.stderr.strip() == message


def test_members_nothing_found_exits_1(cica):
    result = cica("members", "--status", "partner")
    assert result.exit_code == 1 and "no members match" in result.stderr


# --- cica document(s) ---------------------------------------------------------------

def test_almaty_act_is_dated_2002_per_ravichandran(cica):
    record = cica("document", "Almaty Act", "--json").json()
    assert record["date"] == "2002"
    assert record["adopted_at"] == "2002-almaty-act-adopted"
    assert record["citations"] == [{
        "source": "ravichandran-2023",
        "quote": "basic, statutory documents such as the 1999 Declaration on the Principles and the 2002 Almaty Act",
        "date": "2002", "inferred": None,
    }]
    assert record["events"] == ["2002-almaty-act-adopted"]
    out = cica("document", "almaty act").stdout
    assert "\nDate        2002\n" in out
    assert "2002-almaty-act-adopted: Almaty Act (2002)" in out
    assert "declaration-on-the-principles: Declaration on the Principles" in out
    assert "ravichandran-2023" in out and "the 2002 Almaty Act”" in out
    assert "The article does not say which meeting adopted it" in out


def test_document_with_inferred_date_and_member(cica):
    out = cica("document", "perception paper").stdout
    assert "Oct 2009 — EDTF 2009-10 (inferred)" in out
    assert "kazakhstan: Kazakhstan" in out
    assert "2009-perception-paper: Kazakhstan presents a perception paper" in out
    assert "bakishev-2009" in out


def test_undated_document_says_so(cica):
    out = cica("document", "catalogue").stdout
    assert "not given in the articles" in out
    assert "“the CICA Catalogue of Confidence Building Measures”" in out


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d["id"] for d in DOCUMENTS])
def test_every_document_answers_by_title_id_and_alias(cica, document):
    events = {e["id"] for e in EVENTS if document["id"] in e.get("documents", [])}
    if document.get("adopted_at"):
        events.add(document["adopted_at"])
    for name in [document["title"], document["id"], *document.get("aliases", [])]:
        result = cica("document", name, "--json")
        assert result.exit_code == 0, (name, result.stderr)
        record = result.json()
        assert record["id"] == document["id"]
        # derived from the dates its citations give (the narrowest date within all of them)
        assert record["date"] == claims.narrowest([c["date"] for c in document["citations"] if c.get("date")])
        assert record["citations"] == [{"date": None, "inferred": None, **c} for c in document["citations"]]
        assert set(record["events"]) == events
    table = cica("document", document["id"]).stdout
    for citation in document["citations"]:
        assert citation["source"] in table


def test_documents_listing_by_date_undated_last(cica):
    ids = [d["id"] for d in cica("documents", "--json").json()]
    assert ids[:2] == ["declaration-on-the-principles", "almaty-act"]
    assert set(ids[-5:]) == {d["id"] for d in DOCUMENTS if not any(c.get("date") for c in d["citations"])}
    out = cica("documents").stdout
    assert "12 document(s)" in out and "undated" in out and "* date or link inferred" in out
    kinds = [d["id"] for d in cica("documents", "--kind", "action-plan", "--json").json()]
    assert sorted(kinds) == sorted(d["id"] for d in DOCUMENTS if d["kind"] == "action-plan")
    bad = cica("documents", "--kind", "treaty")
    assert bad.exit_code == 2 and "--kind: unknown kind 'treaty'" in bad.stderr


def test_document_names_ambiguous_and_misspelt(cica):
    ambiguous = cica("document", "action plan")
    assert ambiguous.exit_code == 1 and "is ambiguous" in ambiguous.stderr and "action-plan-sme" in ambiguous.stderr
    typo = cica("document", "Almati Akt")
    assert typo.exit_code == 1 and typo.stderr.strip() == "cica: no document named 'Almati Akt'; did you mean 'Almaty Act'?"


# --- cica source(s) ------------------------------------------------------------------

def expected_citation_counts():
    """Citations per source counted straight from the YAML: events, member statuses and roles,
    documents, tensions, people's offices, the names of places and bodies, and figures;
    exclusions do not count."""
    counts = {s["id"]: 0 for s in SOURCES}
    for record in EVENTS + DOCUMENTS + TENSIONS:
        for c in record["citations"]:
            counts[c["source"]] += 1
    for member in MEMBERS:
        for entry in member.get("statuses", []) + member.get("roles", []):
            for c in entry["citations"]:
                counts[c["source"]] += 1
    for entry in [o for p in PEOPLE for o in p["offices"]] + [n for r in NAMED for n in r["names"]]:
        for c in entry["citations"]:
            counts[c["source"]] += 1
    for figure in FIGURES:
        counts[figure["source"]] += 1
    return counts


def test_sources_listing_counts_the_facts_citing_each(cica):
    listing = cica("sources", "--json").json()
    assert [s["id"] for s in listing] == [s["id"] for s in SOURCES]
    counts = {s["id"]: s["cited_by"] for s in listing}
    assert counts == expected_citation_counts()
    out = cica("sources").stdout
    assert "(untitled)" in out  # auelbayev-2022 and laumulin-kozhirova-2021 have no title
    assert "4–9 Oct 2022" in out and "[2022-10-04..2022-10-09]" in out  # compact, then EDTF
    assert "NNN-Bernama" in out and "by R. Ravichandran" in out


def test_source_by_id_file_or_prefix(cica):
    for ref in ("bakishev-2009", "003", "003_b449563a22da17a6.txt", "003_b449563a22da17a6", "bakish"):
        assert cica("source", ref, "--json").json()["id"] == "bakishev-2009"
    out = cica("source", "003").stdout
    assert "Dulat Bakishev: CICA is not a panacea for all sores." in out
    assert "3 Mar 2020 — EDTF 2020-03-03" in out
    assert "between Oct 2009 and Dec 2009 — EDTF [2009-10..2009-12]" in out
    assert '"Posted on: March 03, 2020". This is the date of the repost' in out  # the basis
    assert f"{expected_citation_counts()['bakishev-2009']} fact(s)" in out
    assert "member iraq" in out and "(status non-member)" in out
    record = cica("source", "004", "--json").json()
    assert record["title"] == "Kazakhstan’s Unwavering Commitment In Promoting International Peace, Security"
    assert {"record": "document", "id": "almaty-act", "detail": "", "source": "ravichandran-2023",
            "quote": "basic, statutory documents such as the 1999 Declaration on the Principles and the 2002 Almaty Act",
            "date": "2002", "inferred": None} in record["facts"]


def test_untitled_source(cica):
    out = cica("source", "auelbayev").stdout
    assert "(untitled)" in out and "(none named)" in out


def test_source_text_has_line_numbers(cica):
    out = cica("source", "004", "--text").stdout
    lines = out.splitlines()
    assert lines[52].startswith("53  Sarybay emphasised that the backbone for cooperation in CICA")
    assert "the 2002 Almaty Act" in lines[52]
    assert len(lines) == len((ROOT / "seeds" / "004_392bb672fc95fe25.txt").read_text(encoding="utf-8").splitlines())
    record = cica("source", "004", "--text", "--json").json()
    assert record["text"] == (ROOT / "seeds" / "004_392bb672fc95fe25.txt").read_text(encoding="utf-8")


def test_source_text_never_reads_outside_seeds(cica, dataset):
    edit(dataset, "data/sources.yaml", "file: article.txt", "file: ../data/events.yaml")
    result = cica("source", "sample", "--text", "--data", dataset)
    assert result.exit_code == 1
    assert "must be a plain file name inside seeds/" in result.stderr
    assert "First summit" not in result.stdout


def test_unknown_or_ambiguous_source(cica):
    ambiguous = cica("source", "00")
    assert ambiguous.exit_code == 1 and "is ambiguous" in ambiguous.stderr
    unknown = cica("source", "bakishev-2010")
    assert unknown.exit_code == 1 and "did you mean 'bakishev-2009'" in unknown.stderr


# --- cica show ------------------------------------------------------------------------

ALL_IDS = (
    [("event", e["id"]) for e in EVENTS] + [("member", m["id"]) for m in MEMBERS]
    + [("document", d["id"]) for d in DOCUMENTS] + [("figure", f["id"]) for f in FIGURES]
    + [("source", s["id"]) for s in SOURCES] + [("metric", m["id"]) for m in METRICS]
    + [("question", q["id"]) for q in QUESTIONS] + [("tension", t["id"]) for t in TENSIONS]
    + [("person", p["id"]) for p in PEOPLE] + [("place or body", r["id"]) for r in NAMED]
)


def test_every_id_can_be_shown(cica):
    for kind, record_id in ALL_IDS:
        table = cica("show", record_id)
        assert table.exit_code == 0, (record_id, table.stderr)
        assert record_id in table.stdout
        assert cica("show", record_id, "--json").json()["id"] == record_id


def test_every_id_printed_by_a_look_up_can_be_followed(cica):
    known = {record_id for _kind, record_id in ALL_IDS}
    for member in MEMBERS:
        record = cica("member", member["id"], "--json").json()
        assert set(record["events"]) | set(record["documents"]) <= known
    for document in DOCUMENTS:
        record = cica("document", document["id"], "--json").json()
        assert set(record["events"]) | set(record["related"]) | set(record["members"]) <= known
    for fact in cica("source", "askeroglu", "--json").json()["facts"]:
        assert fact["id"] in known
    for person in PEOPLE:
        record = cica("person", person["id"], "--json").json()
        assert set(record["events"]) | {o["of"] for o in record["offices"] if o["of"]} <= known
    for named in NAMED:
        record = cica("show", named["id"], "--json").json()
        assert set(record.get("events", [])) | set(record.get("parts", [])) | set(record.get("holders", [])) <= known


def test_show_event_and_figure(cica):
    event = cica("show", "2022-kuwait-application", "--json").json()
    timeline = {e["id"]: e for e in cica("timeline", "--json").json()}
    assert event == timeline["2022-kuwait-application"]
    out = cica("show", "2007-un").stdout  # a unique prefix
    assert "UN General Assembly grants CICA observer status" in out
    assert "c. 2007 — EDTF 2007~ (inferred)" in out
    assert "bakishev-2009" in out and "“Two years ago the UN General Assembly granted observer status to our Forum”" in out
    figure = cica("show", "members-2023-ravichandran").stdout
    assert "Member states of CICA: 28" in figure and "28 states" in figure
    assert f"{RAVICHANDRAN_DATE} — EDTF [2023-07-16, 2024-07-16, 2025-07-16] (the source's as_of)" in figure


def test_show_metric_lists_its_figures(cica):
    record = cica("show", "member-states", "--json").json()
    assert record["figures"] == [f["id"] for f in FIGURES if f["metric"] == "member-states"]
    out = cica("show", "member-states").stdout
    assert out.index("members-2002-first-summit") < out.index("members-2009-bakishev") < out.index("members-2023-sarybay")


def test_show_unknown_id_suggests_closest(cica):
    result = cica("show", "2022-kuwait-aplication")
    assert result.exit_code == 1
    assert result.stderr.strip() == "cica: no record named '2022-kuwait-aplication'; did you mean '2022-kuwait-application'?"
    exact = cica("show", "observer-states")
    assert exact.exit_code == 0  # an exact id wins over the longer ids it prefixes
    ambiguous = cica("show", "observer-st")
    assert ambiguous.exit_code == 1 and "is ambiguous" in ambiguous.stderr and "observer-states-2021-laumulin" in ambiguous.stderr


# --- output ---------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["member", "kazakhstan"], ["members"], ["document", "almaty"], ["documents"], ["sources"],
    ["source", "003"], ["show", "member-states"],
])
def test_piped_output_is_plain(cica, args):
    result = cica(*args)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout


def test_markup_in_member_data_is_printed_literally(cica, dataset):
    edit(dataset, "data/members.yaml", "name: Kazakhstan", 'name: "[bold]Kazakhstan[/] \\x1b[2J"')
    out = cica("member", "kazakhstan", "--data", dataset).stdout
    assert "[bold]Kazakhstan[/] \\x1b[2J" in out and "\x1b" not in out
