"""The shipped dataset: it passes its own checks, and it says what the articles say."""

from cica_cli import dates
from cica_cli.check import check, quoted
from cica_cli.coverage import coverage
from cica_cli.dataset import load_dataset
from cica_cli.quotes import normalise

from support import ROOT

DS = load_dataset(ROOT)


def cited_sources(record):
    return {c.source for c in record.citations}


def test_shipped_dataset_has_no_problems():
    assert check(DS) == []


def test_every_quote_is_verbatim_in_its_article():
    # Independent of the matcher under test: only whitespace and quote/dash variants differ.
    texts = {s.id: normalise((ROOT / "seeds" / s.file).read_text(encoding="utf-8")) for s in DS.sources}
    count = 0
    for _label, _line, source, quote in quoted(DS):
        assert normalise(quote) in texts[source], (source, quote)
        count += 1
    assert count > 100


def test_every_seed_article_is_cited_and_every_file_shipped():
    assert sorted(s.file for s in DS.sources) == sorted(p.name for p in (ROOT / "seeds").iterdir())
    cited = {source for label, _l, source, _q in quoted(DS) if not label.endswith("excluded.yaml")}
    assert cited == {s.id for s in DS.sources}


def test_coverage_is_complete():
    assert coverage(DS) == []


def test_1992_proposal_is_5_october_1992_from_three_articles():
    event = DS.by_id("events")["1992-unga-proposal"]
    assert event.date == "1992-10-05"
    # the day comes from combining two sources: an anniversary claim, marked inferred
    assert [c.source for c in event.citations if c.date == "1992-10-05" and c.inferred] == ["auelbayev-2022"]
    assert {"bakishev-2009", "ravichandran-2023", "auelbayev-2022"} <= cited_sources(event)


def test_reposted_interview_is_dated_to_2009_not_2020():
    source = DS.source("bakishev-2009")
    assert source.published == "2020-03-03"
    span = dates.parse(source.as_of)
    assert (span.lower.isoformat(), span.upper.isoformat()) == ("2009-10-01", "2009-12-31")


def test_year_less_articles_have_inferred_years():
    # the dateline "July 16" has no year: one of the years the text allows, 2023 first
    assert DS.source("ravichandran-2023").published == "[2023-07-16, 2024-07-16, 2025-07-16]"
    assert dates.parse(DS.source("ravichandran-2023").published).lower.isoformat() == "2023-07-16"
    assert dates.parse(DS.source("auelbayev-2022").published).lower.isoformat() == "2022-10-04"


def test_declaration_1999_and_almaty_act_2002():
    documents = DS.by_id("documents")
    assert documents["declaration-on-the-principles"].date == "1999"
    assert documents["almaty-act"].date == "2002"
    assert cited_sources(documents["almaty-act"]) == {"ravichandran-2023"}


def test_secretariat_established_2006_per_bakishev():
    event = DS.by_id("events")["2006-secretariat-established"]
    assert (event.date, cited_sources(event)) == ("2006", {"bakishev-2009"})


def test_astana_summit_12_13_october_2022():
    event = DS.by_id("events")["2022-astana-summit"]
    assert event.date == "2022-10-12/2022-10-13"
    assert event.place == "Astana"
    assert "astana-transformation-statement" in event.documents


def test_kuwait_is_an_applicant_not_a_member():
    kuwait = DS.by_id("members")["kuwait"]
    assert [s.status for s in kuwait.statuses] == ["applicant"]
    assert cited_sources(kuwait.statuses[0]) == {"askeroglu-2022"}


def test_iraq_not_a_member_in_2009():
    iraq = DS.by_id("members")["iraq"]
    assert [(s.status, s.as_of) for s in iraq.statuses] == [("non-member", "[2009-10..2009-12]")]


def test_member_state_figures_16_20_27_28():
    observed = sorted(
        (f.value, f.source, f.qualifier) for f in DS.figures if f.metric == "member-states"
    )
    assert observed == [
        (16, "ravichandran-2023", "participating at the first Summit"),
        (20, "bakishev-2009", None),
        (27, "askeroglu-2022", None),
        (27, "auelbayev-2022", None),
        (28, "ravichandran-2023", None),
        (28, "ravichandran-2023", None),
    ]


def test_observer_states_eight_then_nine():
    observed = {(f.source, f.value) for f in DS.figures if f.metric == "observer-states"}
    assert observed == {("laumulin-kozhirova-2021", 8), ("auelbayev-2022", 9), ("askeroglu-2022", 9)}
