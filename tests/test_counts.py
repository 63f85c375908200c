"""Counts as articles write them: a range, a lower bound, the sum of two metrics. The shipped
articles state none (each count they give is one number of one metric), so these tests add
a fixture article, dated October 2022 like askeroglu-2022, to a copy of the real dataset and
compare its counts with the real figures."""


import pytest

from support import append, copy_shipped
from cica_cli import compare as C
from cica_cli.check import check
from cica_cli.dataset import load_dataset

FIXTURE_TEXT = """Fixture Wire (test data, not a real article)

CICA has over 20 member states. Its 14 observer states and organizations meet every year.
Nine or ten countries have observer status.
"""

SOURCE = """
- id: fixture-2022
  file: 900_fixture.txt
  title: Fixture Wire
  authors: []
  outlet: null
  published: "2022-10"
  published_basis: A fixture.
  as_of: "2022-10"
  as_of_basis: A fixture, dated like askeroglu-2022.
"""

METRIC = """
- id: observers
  description: States and international organisations with observer status at CICA
  unit: states and organisations
  sum_of: [observer-states, observer-organisations]
"""

FIGURES = """
- id: fixture-members-over-20
  metric: member-states
  value: {over: 20}
  source: fixture-2022
  quote: CICA has over 20 member states.

- id: fixture-observers-14
  metric: observers
  value: 14
  source: fixture-2022
  quote: Its 14 observer states and organizations

- id: fixture-observer-states-9-10
  metric: observer-states
  value: [9, 10]
  source: fixture-2022
  quote: Nine or ten countries have observer status.
"""


@pytest.fixture
def counted(tmp_path):
    """A copy of the real dataset with the fixture article and its counts."""
    root = copy_shipped(tmp_path / "counted")
    (root / "seeds" / "900_fixture.txt").write_text(FIXTURE_TEXT, encoding="utf-8")
    append(root, "data/sources.yaml", SOURCE)
    append(root, "data/metrics.yaml", METRIC)
    append(root, "data/figures.yaml", FIGURES)
    return root


def test_the_fixture_dataset_passes_check(counted):
    assert check(load_dataset(counted)) == []


def test_nine_or_ten_observer_states_agrees_with_askeroglus_nine_in_october_2022(counted):
    ds = load_dataset(counted)
    mc = C.compare_metric(ds, ds.by_id("metrics")["observer-states"])
    fixture = next(o for o in mc.observations if o.id == "fixture-observer-states-9-10")
    askeroglu = next(o for o in mc.observations if o.id == "observer-states-2022-askeroglu")
    laumulin = next(o for o in mc.observations if o.id == "observer-states-2021-laumulin")
    assert (fixture.value, fixture.as_of) == ([9, 10], "2022-10")
    within = C.compare(fixture, askeroglu)
    assert (within.verdict, within.reason) == (C.AGREE, "9 lies within 9–10")
    # laumulin-kozhirova-2021's eight (2019-2021) is outside 9-10 and earlier: a change
    assert C.compare(laumulin, fixture).verdict == C.CHANGED
    assert mc.verdict == C.CHANGED
    assert mc.explanation == ("8 (between Mar 2019 and Dec 2021) → 9 (Oct 2022, three articles, also written 9–10): "
                              "change over time")


def test_over_20_member_states_is_compatible_with_27_and_conflicts_with_20_at_the_same_time(counted):
    ds = load_dataset(counted)
    figures = {o.id: o for o in C.figures(ds, "member-states")}
    over = figures["fixture-members-over-20"]
    assert C.compare(over, figures["members-2022-askeroglu"]).verdict == C.COMPATIBLE  # 27, Oct 2022
    # bakishev-2009's "unites 20 states" (late 2009) is not over 20 and is earlier: a change
    assert C.compare(figures["members-2009-bakishev"], over).verdict == C.CHANGED
    # the same bound dated within bakishev-2009's window would contradict it
    bakishev_time = C.Observation(C.FIGURE, "member-states", "x", {"over": 20}, "2009-11", "fixture-2022", "q", scope="all")
    clash = C.compare(figures["members-2009-bakishev"], bakishev_time)
    assert clash.verdict == C.CONFLICT and "over 20" in clash.reason
    mc = C.compare_metric(ds, ds.by_id("metrics")["member-states"])
    assert "→ 27 (Oct 2022, three articles, also written over 20) →" in mc.explanation


def test_14_observer_states_and_organisations_agree_with_nine_plus_five_in_october_2022(counted):
    ds = load_dataset(counted)
    mc = C.compare_metric(ds, ds.by_id("metrics")["observers"])
    by_source = {o.source: o for o in mc.observations}
    # the stated sum, and the sums of the parts that three articles state at one time each
    assert {s: (o.value, o.parts) for s, o in by_source.items()} == {
        "fixture-2022": (14, ()),
        "askeroglu-2022": (14, ("observer-states-2022-askeroglu", "observer-orgs-2022-askeroglu")),
        "auelbayev-2022": (14, ("observer-states-2022-auelbayev", "observer-orgs-2022-auelbayev")),
        "laumulin-kozhirova-2021": (13, ("observer-states-2021-laumulin", "observer-orgs-2021-laumulin")),
    }
    assert by_source["askeroglu-2022"].inferred == "the sum of the parts: 9 observer-states + 5 observer-organisations"
    assert C.compare(by_source["fixture-2022"], by_source["askeroglu-2022"]).verdict == C.AGREE
    assert C.compare(by_source["laumulin-kozhirova-2021"], by_source["fixture-2022"]).verdict == C.CHANGED
    assert mc.verdict == C.CHANGED
    assert C.conflicts(ds) == []


def test_a_stated_sum_that_the_parts_do_not_add_up_to_is_a_conflict(counted):
    path = counted / "data" / "figures.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  value: 14\n", "  value: 13\n"), encoding="utf-8")
    ds = load_dataset(counted)
    found = {frozenset((c.a.id, c.b.id)): c.reason for c in C.conflicts(ds)}
    # 13 stated in October 2022 against 9 + 5 from each of the two October 2022 articles
    assert found == {
        frozenset(("fixture-observers-14", "observer-states-2022-askeroglu+observer-orgs-2022-askeroglu")):
            "14 (Oct 2022) and 13 (Oct 2022) differ in windows that overlap",
        frozenset(("fixture-observers-14", "observer-states-2022-auelbayev+observer-orgs-2022-auelbayev")):
            "13 (Oct 2022) and 14 (4 Oct 2022) differ in windows that overlap",
    }


def test_the_sum_of_a_range_and_a_number_is_a_range(counted):
    ds = load_dataset(counted)
    # the fixture gives observer states as 9-10 but no organisations: no sum from it alone
    assert "fixture-2022" not in {o.source for o in C.sums(ds, ds.by_id("metrics")["observers"])}
    append(counted, "data/figures.yaml", """
- id: fixture-observer-orgs-5
  metric: observer-organisations
  value: 5
  source: fixture-2022
  quote: Its 14 observer states and organizations
  inferred: a fixture reading, to test a sum with a range
""")
    ds = load_dataset(counted)
    derived = [o for o in C.sums(ds, ds.by_id("metrics")["observers"]) if o.source == "fixture-2022"]
    assert [(o.value, o.parts) for o in derived] == [([14, 15], ("fixture-observer-states-9-10", "fixture-observer-orgs-5"))]


def test_compare_shows_ranges_bounds_and_sums_as_written(cica, counted):
    out = cica("compare", "--data", counted).stdout
    assert "observers" in out
    one = cica("compare", "observers", "--data", counted).stdout
    assert "the sum of observer-states + observer-organisations" in one
    assert "= 9 observer-states + 5 observer-organisations" in one
    members = cica("compare", "member-states", "--data", counted).stdout
    assert "over 20" in members and "compatible" in members
    data = cica("compare", "observer-states", "--json", "--data", counted).json()
    assert [o["value"] for o in data["observations"] if o["source"] == "fixture-2022"] == [[9, 10]]
    assert (data["min"], data["max"]) == (8, 10)


def test_the_documentation_example_dataset_passes_check():
    from support import ROOT

    ds = load_dataset(ROOT / "tests" / "fixtures" / "as-written")
    assert check(ds) == []
    values = {f.id: f.value for f in ds.figures}
    assert (values["members-over-20-a"], values["observer-states-9-10-a"]) == ({"over": 20}, [9, 10])
    assert ds.by_id("metrics")["observers"].sum_of == ["observer-states", "observer-organisations"]


def test_cite_and_show_write_a_bound_as_the_article_does(cica):
    from support import ROOT

    data = ROOT / "tests" / "fixtures" / "as-written"
    cited = cica("cite", "members-over-20-a", "--data", data).stdout
    assert cited.startswith("Member states: over 20 states (as of Oct 2022).")
    shown = cica("show", "observer-states-9-10-a", "--data", data).stdout
    assert "9–10 states" in shown


def test_diff_compares_a_stated_sum_with_the_other_sources_parts_and_lists_no_sum_as_a_figure(counted):
    ds = load_dataset(counted)
    result = C.diff(ds, "fixture-2022", "laumulin-kozhirova-2021")
    observers = [(c.a.id, c.b.id, c.verdict) for c in result.comparisons if c.a.subject == "observers"]
    assert observers == [("fixture-observers-14", "observer-states-2021-laumulin+observer-orgs-2021-laumulin", C.CHANGED)]
    only = C.diff(ds, "askeroglu-2022", "ravichandran-2023").only_a["figures"]
    assert only == ["observer-states-2022-askeroglu"]  # its 9 + 5 is not a figure of its own


def test_the_exports_spread_a_count_over_its_columns_and_link_a_plan_to_its_outcome():
    from support import ROOT
    from cica_cli.tables import tables

    built = {t.name: t for t in tables(load_dataset(ROOT / "tests" / "fixtures" / "as-written"))}
    figures = built["figures"]
    names = [c.name for c in figures.columns]
    rows = {row[names.index("id")]: row for row in figures.rows}

    def count(figure_id):
        return tuple(rows[figure_id][names.index(n)] for n in ("value", "value_min", "value_over", "value_max", "value_under"))

    assert count("members-over-20-a") == (None, None, 20, None, None)  # "over 20 member states"
    assert count("observer-states-9-10-a") == (None, 9, None, 10, None)  # "Nine or ten countries"
    assert count("members-27-b") == (27, None, None, None, None)
    events = built["events"]
    assert events.column("outcome").references == "events"
    outcome = [row[[c.name for c in events.columns].index("outcome")] for row in events.rows]
    assert outcome == ["first-summit", None]
