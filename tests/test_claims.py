"""Claims: each source's own date for a record, the date derived from them, and the verdicts
on two dates, on constructed datasets and generated EDTF dates."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cica_cli import claims, dates
from strategies import edtf

# --- deriving a record's date --------------------------------------------------------------


@pytest.mark.parametrize("claimed, derived", [
    (["1992", "1992-10", "1992-10"], "1992-10"),  # the narrowest claim, as written
    (["1992", "1992-10", "1992-10-05"], "1992-10-05"),
    (["2022", "2022-10-12/2022-10-13"], "2022-10-12/2022-10-13"),
    (["2007~"], "2007~"),  # one claim: its own notation, qualifier kept
    (["[2009-10..2009-12]", "2009-11~"], "[2009-10..2009-12]"),  # "about Nov 2009" reaches wider
    (["[2009-10..]", "2010"], "2010"),
    (["[2022-10-12..]", "2022-10"], "[2022-10-12..2022-10]"),  # written back as the span both allow
    (["2022-10-12/..", "2022-10-13/2022-10-20"], "2022-10-13/2022-10-20"),
])
def test_the_derived_date_is_the_narrowest_within_every_claim(claimed, derived):
    assert claims.narrowest(claimed) == derived


def test_claims_that_share_no_day_derive_nothing_and_span_both():
    assert claims.narrowest(["1992-10", "1993"]) is None
    assert claims.hull(["1992-10", "1993"]) == "[1992-10..1993]"


@settings(max_examples=300)
@given(st.lists(edtf(), min_size=1, max_size=4))
def test_the_derived_date_lies_within_every_claim(claimed):
    derived = claims.narrowest(claimed)
    spans = [dates.parse(c) for c in claimed]
    if derived is None:
        assert max(s.lower for s in spans) > min(s.upper for s in spans)
        hull = dates.parse(claims.hull(claimed))  # valid EDTF, or this raises
        if min(s.lower for s in spans) > date.min or max(s.upper for s in spans) < date.max:
            assert all(hull.lower <= s.lower and s.upper <= hull.upper for s in spans)
        return
    d = dates.parse(derived)  # valid EDTF, or this raises
    for s in spans:
        assert s.lower <= d.lower and d.upper <= s.upper, (claimed, derived)


# --- verdicts on two dates -----------------------------------------------------------------


@pytest.mark.parametrize("a, b, verdict", [
    ("1992", "1992-10", claims.COMPATIBLE),  # askeroglu-2022 vs bakishev-2009 on the proposal
    ("1992-10", "1992-10", claims.AGREE),  # bakishev-2009 vs ravichandran-2023
    ("2022", "2022-10-12/2022-10-13", claims.COMPATIBLE),  # the sixth summit
    ("2006", "2014", claims.CONFLICT),
    ("2022-10-12/2022-10-13", "[2022-10-12..2022-10-13]", claims.COMPATIBLE),  # lasted both days / one of them
])
def test_date_verdicts(a, b, verdict):
    assert claims.judge(a, b)[0] == verdict
    assert claims.judge(b, a)[0] == verdict


def test_a_stated_date_within_an_inferred_one_confirms_it():
    verdict, reason = claims.judge("2007~", "2007-12", a_inferred=True)
    assert verdict == claims.CONFIRMED and "Dec 2007 is stated where c. 2007 was inferred" == reason
    # a stated date wider than the inference does not confirm it
    assert claims.judge("1992-10-05", "1992", a_inferred=True)[0] == claims.COMPATIBLE


@settings(max_examples=400)
@given(edtf(), edtf(), st.booleans(), st.booleans())
def test_date_verdicts_are_symmetric_and_follow_the_spans(a, b, ia, ib):
    verdict, reason = claims.judge(a, b, ia, ib)
    assert claims.judge(b, a, ib, ia)[0] == verdict and reason
    sa, sb = dates.parse(a), dates.parse(b)
    if not dates.overlaps(sa, sb):
        assert verdict == claims.CONFLICT
    else:
        assert verdict != claims.CONFLICT
        contains = sa.lower <= sb.lower and sb.upper <= sa.upper
        if contains:
            assert verdict in (claims.AGREE, claims.CONFIRMED, claims.COMPATIBLE)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
       st.integers(0, 4000), st.booleans())
def test_written_bounds_read_back_as_the_same_days(lower, length, interval):
    upper = lower + timedelta(days=length)
    span = dates.parse(claims.write(lower, upper, interval))
    assert (span.lower, span.upper) == (lower, upper)


# --- on a dataset ----------------------------------------------------------------------------

OTHER = "Other Wire\n\nThe Conference was first proposed in 1993, and the summit met in June 2002.\n"
OTHER_SOURCE = """- id: other
  file: other.txt
  title: Other Wire
  authors: []
  outlet: null
  published: "2004"
  published_basis: A fixture.
  as_of: "2004"
  as_of_basis: A fixture.
"""


@pytest.fixture
def two_sources(dataset):
    """The minimal dataset with a second article that dates the proposal to 1993 (the first
    says October 1992) and the first summit to June 2002 (the first says 2002)."""
    (dataset / "seeds" / "other.txt").write_text(OTHER, encoding="utf-8")
    with open(dataset / "data" / "sources.yaml", "a", encoding="utf-8") as stream:
        stream.write(OTHER_SOURCE)
    events = dataset / "data" / "events.yaml"
    text = events.read_text(encoding="utf-8")
    text = text.replace('  date: "1992-10"\n', "").replace('  date: "2002"\n', "")
    text = text.replace("      quote: The Conference was first proposed in October 1992.\n",
                        "      quote: The Conference was first proposed in October 1992.\n      date: \"1992-10\"\n"
                        "    - source: other\n      quote: The Conference was first proposed in 1993\n      date: \"1993\"\n")
    text = text.replace("      quote: Its first summit took place in 2002\n",
                        "      quote: Its first summit took place in 2002\n      date: \"2002\"\n"
                        "    - source: other\n      quote: the summit met in June 2002\n      date: \"2002-06\"\n")
    events.write_text(text, encoding="utf-8")
    return dataset


def test_two_sources_dating_one_event_to_disjoint_spans_is_a_conflict(cica, two_sources):
    assert cica("check", "--data", two_sources).exit_code == 0
    result = cica("conflicts", "--data", two_sources, "--json")
    assert result.exit_code == 0
    [conflict] = result.json()
    assert conflict["kind"] == "date" and conflict["subject"] == "event:proposal" and conflict["verdict"] == "conflict"
    assert {(conflict["a"]["source"], conflict["a"]["value"]), (conflict["b"]["source"], conflict["b"]["value"])} \
        == {("sample", "1992-10"), ("other", "1993")}
    table = cica("conflicts", "--data", two_sources).stdout
    assert "Oct 1992 and 1993 cannot be the same day" in table
    # the record spans both claims, and says why
    shown = cica("show", "proposal", "--data", two_sources, "--json").json()
    assert shown["date"] == "[1992-10..1993]" and shown["date_basis"] == "conflict"


def test_each_source_keeps_its_own_precision(cica, two_sources):
    shown = cica("show", "first-summit", "--data", two_sources, "--json").json()
    assert [(c["source"], c["date"]) for c in shown["citations"]] == [("sample", "2002"), ("other", "2002-06")]
    assert shown["date"] == "2002-06" and shown["date_basis"] == "claims"
    diff = cica("diff", "sample", "other", "--data", two_sources, "--json").json()
    [pair] = [c for c in diff["comparisons"] if c["subject"] == "event:first-summit"]
    assert pair["verdict"] == "compatible" and (pair["a"]["value"], pair["b"]["value"]) == ("2002", "2002-06")
    compared = cica("compare", "first-summit", "--data", two_sources, "--json").json()
    assert compared["verdict"] == "compatible" and compared["date"] == "2002-06"
    assert [(c["source"], c["value"]) for c in compared["claims"]] == [("sample", "2002"), ("other", "2002-06")]


@pytest.mark.parametrize("old, new, message", [
    ('  date: "2002"\n  title: First summit', '  date: "2004"\n  title: First summit',
     "date 2004 contradicts its claims (2002): they put it in 2002"),
    ('  date: "2002"\n  title: First summit', "  title: First summit",
     "event 'first-summit' has no date"),
    ("      quote: Its first summit took place in 2002\n",
     "      quote: Its first summit took place in 2002\n      inferred: from the text\n",
     "citation has `inferred` but no `date`"),
    ("      quote: Its first summit took place in 2002\n",
     "      quote: Its first summit took place in 2002\n      date: \"2002-13\"\n",
     "date: invalid EDTF date '2002-13': month must be 01-12"),
])
def test_check_validates_claims(cica, dataset, old, new, message):
    if "contradicts" in message:  # a claim for the stated date to contradict
        new_text = (dataset / "data" / "events.yaml").read_text(encoding="utf-8").replace(
            "      quote: Its first summit took place in 2002\n",
            "      quote: Its first summit took place in 2002\n      date: \"2002\"\n")
        (dataset / "data" / "events.yaml").write_text(new_text, encoding="utf-8")
    path = dataset / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    assert any(line.startswith("data/events.yaml:") and message in line for line in result.stdout.splitlines()), result.stdout
