"""Comparing what the sources say: the verdicts on the real data, each with the reason a careful
reader would give, the verdict rules on constructed cases, and the three commands."""

from pathlib import Path

import pytest

from cica_cli import compare as C
from cica_cli.claims import judge
from cica_cli.dataset import Dataset, load_dataset
from cica_cli.errors import DataError, NotFound, UsageError
from cica_cli.model import Citation, Document, Event, Figure, Member, Metric, Source, Status

from support import ROOT
from support import edit

DS = load_dataset(ROOT)


def metric(metric_id):
    return C.compare_metric(DS, DS.by_id("metrics")[metric_id])


def chain(mc):
    return [(o.value, o.source) for o in mc.observations]


# --- the real data ----------------------------------------------------------------


def test_member_states_grew_16_20_27_28():
    mc = metric("member-states")
    assert chain(mc) == [
        (16, "ravichandran-2023"),  # 2002, "participating at the first Summit"
        (20, "bakishev-2009"),  # late 2009: "The CICA unites 20 states."
        (27, "askeroglu-2022"), (27, "auelbayev-2022"),  # October 2022
        (28, "ravichandran-2023"), (28, "ravichandran-2023"),  # July 2023, two quotes
    ]
    # ravichandran-2023 sets "16 member states participating at the first Summit in 2002"
    # against "today having 28 member states": the membership then (scope `all`; the words
    # only place it in time), so 16 in 2002 and 20 in 2009 are growth, as are 20 and 27.
    # The two October 2022 articles and the two July 2023 quotes each say the same.
    assert [c.verdict for c in mc.steps] == [C.CHANGED, C.CHANGED, C.AGREE, C.CHANGED, C.AGREE]
    assert mc.verdict == C.CHANGED
    assert mc.scoped == []
    # ravichandran-2023's dateline "July 16" has no year: one of the years its text allows
    assert mc.latest.value == 28 and mc.latest.as_of == "[2023-07-16, 2024-07-16, 2025-07-16]"
    assert mc.explanation == (
        "16 (2002, participating at the first Summit) → 20 (between Oct 2009 and Dec 2009) → "
        "27 (Oct 2022, two articles) → 28 (16 Jul 2023, 2024 or 2025, two quotes): "
        "change over time"
    )


def test_observer_states_8_before_2022_then_9_is_a_change():
    mc = metric("observer-states")
    assert chain(mc) == [(8, "laumulin-kozhirova-2021"), (9, "askeroglu-2022"), (9, "auelbayev-2022")]
    # The abstract's "currently" is as of [2019-03..2021-12] (written while the capital was
    # Nur-Sultan, published 2021), which ends before October 2022: a ninth observer since.
    assert mc.observations[0].as_of == "[2019-03..2021-12]"
    change = mc.steps[0]
    assert change.verdict == C.CHANGED and change.newer == "b"
    assert change.reason == "change over time: 8 (between Mar 2019 and Dec 2021) → 9 (Oct 2022)"
    assert mc.steps[1].verdict == C.AGREE
    assert mc.verdict == C.CHANGED


def test_observer_organisations_are_five_in_every_article():
    mc = metric("observer-organisations")
    # laumulin-kozhirova-2021, askeroglu-2022, auelbayev-2022 and ravichandran-2023 all say five.
    assert {o.value for o in mc.observations} == {5} and len(mc.observations) == 4
    assert {c.verdict for c in mc.steps} == {C.AGREE}
    assert mc.verdict == C.AGREE
    assert mc.explanation == "5 (2019–2025, four articles): the sources agree"


def test_summits_held_2_then_5_then_6_are_changes():
    mc = metric("summits-held")
    # late 2009: the third summit still being prepared; 4 Oct 2022: the sixth "begins next
    # week"; July 2023: "six Summits so far". Windows years apart: each a newer state.
    assert chain(mc) == [(2, "bakishev-2009"), (5, "auelbayev-2022"), (6, "ravichandran-2023")]
    assert [c.verdict for c in mc.steps] == [C.CHANGED, C.CHANGED]
    assert mc.verdict == C.CHANGED


def test_areas_of_cooperation_five_in_2009_and_in_2021_agree():
    mc = metric("areas-of-cooperation")
    # bakishev-2009: "all the five areas of cooperation defined in the basic documents";
    # laumulin-kozhirova-2021: "aligned with five main spheres". Both count CICA's five
    # dimensions of cooperation, years apart, with the same value: agreement, not change.
    assert chain(mc) == [(5, "bakishev-2009"), (5, "laumulin-kozhirova-2021")]
    assert mc.verdict == C.AGREE


@pytest.mark.parametrize("metric_id, value", [
    ("partner-organisations", 6), ("asia-territory-share", 90), ("world-population-share", 50)])
def test_metrics_stated_once_have_nothing_to_compare(metric_id, value):
    # Only ravichandran-2023 gives these (July 2023); one figure is not agreement.
    mc = metric(metric_id)
    assert mc.values == [value] and mc.verdict == C.SINGLE


def test_the_real_data_has_no_conflicts():
    # Every difference in the five articles is a change over time or a difference of scope.
    assert C.conflicts(DS) == []


def test_diff_of_the_two_october_2022_articles_agrees_on_everything_shared():
    d = C.diff(DS, "auelbayev-2022", "askeroglu-2022")
    grouped = d.grouped()
    assert {c.a.subject for c in grouped[C.AGREE]} == {
        "member-states", "observer-states", "observer-organisations",  # 27, 9, 5
        "event:1992-unga-proposal"}  # both say "in 1992"
    # askeroglu-2022 states the summit's days ("held on 12-13 October 2022"), where
    # auelbayev-2022's "begins next week on October 12" gave only its start, year inferred
    [confirmed] = grouped[C.CONFIRMED]
    assert (confirmed.a.subject, confirmed.a.value, confirmed.b.value) == (
        "event:2022-astana-summit", "2022-10-12/", "2022-10-12/2022-10-13")
    # auelbayev-2022's anniversary gives the proposal's day (inferred); askeroglu-2022 says 1992
    [compatible] = grouped[C.COMPATIBLE]
    assert (compatible.a.subject, compatible.a.value, compatible.b.value) == ("event:1992-unga-proposal", "1992-10-05", "1992")
    assert all(not grouped[v] for v in (C.CHANGED, C.CONFLICT, C.SCOPE))
    # askeroglu-2022 names the 30th anniversary without dating it: no date claim to compare
    assert "event:2022-30th-anniversary" not in {c.a.subject for c in d.comparisons}
    # Only auelbayev-2022 says five summits had been held (the sixth "begins next week").
    assert d.only_a == {"figures": ["summits-2022-auelbayev"], "events": ["2022-transformation-negotiations"]}
    assert d.only_b["members"] == ["kuwait"]


def test_diff_of_2009_and_2023_is_change_over_time():
    d = C.diff(DS, "bakishev-2009", "ravichandran-2023")
    g = d.grouped()
    # 16 members in 2002 (ravichandran-2023) → 20 in late 2009 (bakishev-2009) → 28 today
    assert sorted((c.a.subject, c.a.value, c.b.value) for c in g[C.CHANGED]) == [
        ("member-states", 20, 16), ("member-states", 20, 28), ("member-states", 20, 28), ("summits-held", 2, 6)]
    assert g[C.SCOPE] == []
    # both say "in October 1992", neither gives the day
    assert [c.a.subject for c in g[C.AGREE]] == ["event:1992-unga-proposal"]
    assert g[C.AGREE][0].reason == "the same date, Oct 1992"


# --- the rules on constructed cases -------------------------------------------------


def obs(value, as_of, qualifier=None, source="s", kind=C.FIGURE, id=None, scope=None):
    scope = scope or ("all" if kind == C.FIGURE else None)
    return C.Observation(kind, "m", id or f"{source}-{value}-{as_of}", value, as_of, source, "q", qualifier,
                         scope=scope)


@pytest.mark.parametrize("a, b, verdict", [
    # equal values agree, however far apart
    (obs(5, "2009"), obs(5, "2023"), C.AGREE),
    (obs(5, "2009"), obs(5.0, "2009"), C.AGREE),
    # different values: disjoint windows are a change, overlapping ones a conflict
    (obs(20, "2009"), obs(27, "2022"), C.CHANGED),
    (obs(20, "2009-12-31"), obs(21, "2010-01-01"), C.CHANGED),  # adjacent days do not overlap
    (obs(27, "2022"), obs(28, "2022-10-04"), C.CONFLICT),  # mixed precision: the day is in the year
    (obs(8, "[2019-03..2021-12]"), obs(9, "2021-06"), C.CONFLICT),
    (obs(8, "[2019-03..2021-12]"), obs(9, "2022-01"), C.CHANGED),
    # approximate: 2009~ reaches into 2010 but not 2011
    (obs(1, "2009~"), obs(2, "2010-06"), C.CONFLICT),
    (obs(1, "2009~"), obs(2, "2011"), C.CHANGED),
    # open: "until 2021" may be any time before; "2022 or later" any time after
    (obs(1, "../2021"), obs(2, "1950"), C.CONFLICT),
    (obs(1, "../2021"), obs(2, "2022"), C.CHANGED),
    (obs(1, "[2009-10..]"), obs(2, "2030"), C.CONFLICT),
    # another scope is another count: never a conflict, not agreement either
    (obs(16, "2002", scope="participants"), obs(20, "2002"), C.SCOPE),
    (obs(5, "2002", scope="founding"), obs(5, "2002"), C.SCOPE),
    (obs(5, "2002", scope="participants"), obs(6, "2002", scope="participants"), C.CONFLICT),
    # the source's wording alone is not a scope: "at the first Summit" restates the time
    (obs(16, "2002", "participating at the first Summit"), obs(16, "2001"), C.AGREE),
    (obs(15, "1999"), obs(16, "2002", "participating at the first Summit"), C.CHANGED),
])
def test_figure_verdicts(a, b, verdict):
    assert C.compare(a, b).verdict == verdict
    assert C.compare(b, a).verdict == verdict


def test_change_reports_which_side_is_newer_either_way():
    old, new = obs(20, "[2009-10..2009-12]"), obs(27, "2022-10")
    assert C.compare(old, new).newer == "b" and C.compare(new, old).newer == "a"
    assert C.compare(new, old).reason == C.compare(old, new).reason == (
        "change over time: 20 (between Oct 2009 and Dec 2009) → 27 (Oct 2022)")


@pytest.mark.parametrize("a, b, verdict", [
    ("1992-10-05", "1992-10-05", C.AGREE),
    ("1992", "1992-10-05", C.COMPATIBLE),  # different precision is not disagreement
    ("1992-10", "1992-10-05", C.COMPATIBLE),
    ("2007~", "2008-12", C.COMPATIBLE),  # "about 2007" reaches 2008
    ("2022-10-12/2022-10-13", "[2022-10-12..2022-10-13]", C.COMPATIBLE),
    ("[2009-10..]", "2015", C.COMPATIBLE),
    ("1992-10-05", "1992-10-06", C.CONFLICT),
    ("1992", "1993-01-01", C.CONFLICT),
    ("2006", "2014", C.CONFLICT),
    ("2007~", "2009", C.CONFLICT),
])
def test_date_verdicts(a, b, verdict):
    assert judge(a, b)[0] == verdict
    assert judge(b, a)[0] == verdict


@pytest.mark.parametrize("a, b, verdict", [
    (obs("member", "2009", kind=C.STATUS), obs("member", "2022", kind=C.STATUS), C.AGREE),
    (obs("member", "2009", kind=C.STATUS), obs("non-member", "2009-11", kind=C.STATUS), C.CONFLICT),
    (obs("member", "2009", kind=C.STATUS), obs("observer", "2009-11", kind=C.STATUS), C.CONFLICT),
    (obs("non-member", "2009", kind=C.STATUS), obs("member", "2022", kind=C.STATUS), C.CHANGED),
    # an applicant or an observer is a non-member: both statuses can hold at once
    (obs("applicant", "2022-10", kind=C.STATUS), obs("non-member", "2022", kind=C.STATUS), C.COMPATIBLE),
    (obs("observer", "2022-10", kind=C.STATUS), obs("applicant", "2022", kind=C.STATUS), C.COMPATIBLE),
])
def test_status_verdicts(a, b, verdict):
    assert C.compare(a, b).verdict == verdict == C.compare(b, a).verdict


def source(sid, as_of):
    return Source(sid, f"{sid}.txt", None, [], None, as_of, "", as_of, "")


def fig(fid, value, src, as_of=None, qualifier=None, metric="m", scope="all"):
    return Figure(fid, metric, value, src, "q", as_of, qualifier, scope)


def test_figures_take_the_source_as_of_unless_they_have_their_own():
    ds = Dataset(Path("."), sources=[source("s1", "2022-10")], metrics=[Metric("m", "M", "u")],
                 figures=[fig("a", 1, "s1"), fig("b", 2, "s1", as_of="2002")])
    assert [(o.id, o.as_of) for o in C.figures(ds)] == [("b", "2002"), ("a", "2022-10")]


def test_a_figure_of_an_unknown_source_is_a_data_error():
    ds = Dataset(Path("."), sources=[], metrics=[Metric("m", "M", "u")], figures=[fig("a", 1, "nowhere")])
    with pytest.raises(DataError, match="figure 'a' refers to unknown source 'nowhere'"):
        C.figures(ds)


def test_a_conflict_between_non_neighbours_is_not_missed():
    # b (scoped) sits between a and c in time; a and c overlap and differ.
    ds = Dataset(Path("."), sources=[source("s1", "2010"), source("s2", "2010-06")],
                 metrics=[Metric("m", "M", "u")],
                 figures=[fig("a", 10, "s1"), fig("b", 3, "s2", as_of="2010-03", scope="participants"),
                          fig("c", 12, "s2")])
    mc = C.compare_metric(ds, ds.metrics[0])
    assert [c.verdict for c in mc.steps] == [C.SCOPE, C.SCOPE]
    assert [(c.a.id, c.b.id, c.verdict) for c in mc.others] == [("a", "c", C.CONFLICT)]
    assert mc.verdict == C.CONFLICT
    assert [(c.a.id, c.b.id) for c in C.conflicts(ds)] == [("a", "c")]


def test_conflicting_statuses_need_two_sources_and_overlapping_windows():
    def member(*statuses):
        return Member("x", "X", "state", statuses=[
            Status(st, [Citation(src, "q")], as_of=as_of) for st, src, as_of in statuses])

    sources = [source("s1", "2009"), source("s2", "2009")]
    found = C.conflicts(Dataset(Path("."), sources=sources, members=[member(("member", "s1", None), ("non-member", "s2", "2009-11"))]))
    assert [(c.a.value, c.b.value) for c in found] == [("member", "non-member")]
    assert C.conflicts(Dataset(Path("."), sources=sources, members=[member(("member", "s1", None), ("non-member", "s2", "2012"))])) == []
    assert C.conflicts(Dataset(Path("."), sources=sources, members=[member(("member", "s1", None), ("non-member", "s1", "2009-11"))])) == []


def test_an_adopting_events_sources_do_not_date_the_document():
    """A source that dates the event does not thereby date a document it never mentions."""
    ds = Dataset(
        Path("."), sources=[source("s1", "2009"), source("s2", "2023")],
        events=[Event("e", "E", "adoption", "", [Citation("s2", "q2", date="2002-06")], date="2002-06")],
        documents=[Document("d", "D", "act", [Citation("s1", "q1", date="2002")], date="2002", adopted_at="e")])
    result = C.diff(ds, "s1", "s2")
    assert result.comparisons == []
    assert result.only_a == {"documents": ["d"]} and result.only_b == {"events": ["e"]}
    assert C.conflicts(ds) == []


def test_two_sources_giving_one_event_the_same_day_agree():
    ds = Dataset(Path("."), sources=[source("s1", "2009"), source("s2", "2023")],
                 events=[Event("e", "E", "proposal", "", [Citation("s1", "a", date="1992-10-05"),
                                                          Citation("s2", "b", date="1992-10-05")], date="1992-10-05")])
    assert C.conflicts(ds) == []
    [c] = C.diff(ds, "s1", "s2").comparisons
    assert c.verdict == C.AGREE
    # a source that cites the event without a date claims none
    undated = Dataset(Path("."), sources=ds.sources,
                      events=[Event("e", "E", "proposal", "", [Citation("s1", "a", date="1992-10-05"),
                                                               Citation("s2", "b")], date="1992-10-05")])
    assert C.diff(undated, "s1", "s2").comparisons == []


def test_find_metric_by_id_description_or_prefix_with_suggestions():
    assert C.find_metric(DS, "member-states").id == "member-states"
    assert C.find_metric(DS, "states with observer").id == "observer-states"
    assert C.find_metric(DS, "SUMMITS").id == "summits-held"
    with pytest.raises(NotFound, match="ambiguous"):
        C.find_metric(DS, "observer")
    with pytest.raises(NotFound, match="did you mean 'member-states'"):
        C.find_metric(DS, "membr")


def test_diff_of_a_source_with_itself_is_a_usage_error():
    with pytest.raises(UsageError):
        C.diff(DS, "bakishev-2009", "bakishev-2009")


# --- the commands ---------------------------------------------------------------


def test_compare_lists_every_metric_with_its_verdict(cica):
    result = cica("compare")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "16–28" in lines["member-states"] and "28 (16 Jul 2023, 2024 or 2025)" in lines["member-states"]
    assert "changed" in lines["member-states"]
    assert "agree" in lines["observer-organisations"]
    assert "agree" in lines["areas-of-cooperation"]


def test_compare_json_has_a_verdict_per_metric_and_per_comparison(cica):
    data = {m["metric"]: m for m in cica("compare", "--json").json()}
    assert list(data) == [m.id for m in DS.metrics]
    member = data["member-states"]
    assert (member["verdict"], member["min"], member["max"], member["latest"]) == ("changed", 16, 28, 28)
    assert member["different_scope"] == []
    assert [c["verdict"] for c in member["comparisons"]] == ["changed", "changed", "agree", "changed", "agree"]
    assert {o["scope"] for o in member["observations"]} == {"all"}
    assert member["observations"][1]["as_of"] == "[2009-10..2009-12]"  # bakishev-2009's as_of


def test_compare_one_metric_shows_each_observation_and_the_explanation(cica):
    out = cica("compare", "observer-states").stdout
    for text in ("laumulin-kozhirova-2021", "[2019-03..2021-12]", "Eight countries", "Oct 2022", "changed", "agree"):
        assert text in out
    assert "8 (between Mar 2019 and Dec 2021) → 9 (Oct 2022, two articles): change over time" in out


def test_compare_one_metric_json_is_one_object(cica):
    data = cica("compare", "summits", "--json").json()
    assert data["metric"] == "summits-held"
    assert [o["value"] for o in data["observations"]] == [2, 5, 6]


def test_compare_chart_draws_membership_growth(cica):
    out = cica("compare", "member-states", "--chart").stdout
    bars = [line for line in out.splitlines() if " | #" in line]
    values = [int(line.split("#")[-1].split()[0]) for line in bars]
    assert values == [16, 20, 27, 27, 28, 28]
    lengths = [line.count("#") for line in bars]
    assert lengths == sorted(lengths) and lengths[-1] == 40
    assert bars[0].startswith("2002 ") and "[participating at the first Summit]" in bars[0]


@pytest.mark.parametrize("query, message", [
    ("membr", "no metric, question, event or document named 'membr'; did you mean 'member-states'"),
    ("observer", "metric, question, event or document 'observer' is ambiguous: it could be observer-organisations"),
])
def test_compare_unknown_metric_exits_1_with_suggestions(cica, query, message):
    result = cica("compare", query)
    assert result.exit_code == 1
    assert message in result.stderr


def test_diff_command_groups_and_lists_what_only_one_says(cica):
    result = cica("diff", "003", "ravichandran")
    assert result.exit_code == 0
    out = result.stdout
    assert "bakishev-2009 vs ravichandran-2023: 1 agree, 0 confirmed, 0 compatible, 4 changed, 0 conflict, 0 different-scope" in out
    assert "only bakishev-2009:" in out and "  members (4): afghanistan, iran, iraq, kazakhstan" in out
    assert "only ravichandran-2023:" in out and "partner-orgs-2023-ravichandran" in out


def test_diff_json(cica):
    data = cica("diff", "000", "002", "--json").json()
    assert (data["a"], data["b"]) == ("auelbayev-2022", "askeroglu-2022")
    assert data["counts"] == {"agree": 4, "confirmed": 1, "compatible": 1, "changed": 0, "conflict": 0, "different-scope": 0}
    first = data["comparisons"][0]
    assert set(first) == {"kind", "subject", "verdict", "reason", "newer", "a", "b"}


def test_diff_cite_shows_both_quotes(cica):
    out = cica("diff", "auelbayev-2022", "askeroglu-2022", "--cite").stdout
    assert "CICA, which has 27 members" in out


@pytest.mark.parametrize("args, code, message", [
    (["003", "003"], 2, "diff needs two different sources; both are 'bakishev-2009'"),
    (["003", "nowhere"], 1, "no source named 'nowhere'"),
])
def test_diff_bad_sources(cica, args, code, message):
    result = cica("diff", *args)
    assert result.exit_code == code and message in result.stderr


def test_conflicts_on_the_real_data(cica):
    # no two articles contradict each other; the tensions within one article are listed
    result = cica("conflicts")
    assert result.exit_code == 0
    assert result.stdout.startswith("no conflicts between sources\n")
    listed = cica("conflicts", "--json").json()
    assert [t["id"] for t in listed] == [t.id for t in DS.tensions] and all(t["kind"] == "tension" for t in listed)
    congress = next(t for t in listed if t["id"] == "religions-congress-rhythm")
    assert congress["source"] == "ravichandran-2023"
    assert [c["quote"] for c in congress["citations"]] == [
        "The congress held every three years since 2003 in Kazakhstan", "have been held seven times, the last one in 2022"]


def test_conflicts_shows_both_sides_evidence(cica, dataset):
    # A second count of member states for 2002 (the fixture source's as_of) that differs.
    (dataset / "data" / "figures.yaml").write_text(
        (dataset / "data" / "figures.yaml").read_text(encoding="utf-8")
        + "- id: members-2002-other\n  metric: member-states\n  value: 15\n  as_of: '2002-06'\n"
          "  source: sample\n  quote: Its first summit took place in 2002\n", encoding="utf-8")
    result = cica("conflicts", "--data", dataset)
    assert result.exit_code == 0
    assert "1 conflict(s)" in result.stdout and "with 16 member states" in result.stdout
    [c] = cica("conflicts", "--data", dataset, "--json").json()
    assert (c["verdict"], c["a"]["value"], c["b"]["value"]) == ("conflict", 16, 15)
    edit(dataset, "data/figures.yaml", "as_of: '2002-06'", "as_of: '2004'")
    assert cica("conflicts", "--data", dataset).stdout == "no conflicts\n"


def test_a_share_is_charted_against_the_whole():
    # ravichandran-2023: "covering 90 per cent of Asia": 90 of 100, not a full bar.
    [_title, bar] = C.chart(metric("asia-territory-share"))
    assert bar.count("#") == 36 and bar.endswith("90  ravichandran-2023")


def test_compare_without_metrics_finds_nothing(cica, dataset):
    (dataset / "data" / "metrics.yaml").unlink()
    (dataset / "data" / "figures.yaml").unlink()
    result = cica("compare", "--data", dataset)
    assert result.exit_code == 1 and "no metrics in this dataset" in result.stderr
    assert cica("compare", "--data", dataset, "--json").json() == []
    assert cica("conflicts", "--data", dataset).stdout == "no conflicts\n"


def test_compare_on_the_minimal_dataset_is_single(cica, dataset):
    # The fixture's one figure: 16 member states as of 2002 (its source's as_of).
    [m] = cica("compare", "--data", dataset, "--json").json()
    assert (m["metric"], m["verdict"], m["latest"], m["latest_as_of"]) == ("member-states", "single", 16, "2002")
