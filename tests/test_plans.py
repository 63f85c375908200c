"""Plans and what became of them. The shipped articles report no outcome for any plan (the
third summit "in Turkey", planned in 2009, is never named again), so the linking of a plan
to its outcome is tested on a fixture: a wire saying the first summit was planned for
November 2001 and held in June 2002, added to the minimal dataset."""

import pytest

from cica_cli import plans
from cica_cli.check import check
from cica_cli.dataset import load_dataset
from support import append

WIRE = "Plans Wire (test data, not a real article)\n\nThe first summit, planned for November 2001, was postponed. It was held in June 2002.\n"

SOURCE = """
- id: plans-wire
  file: plans.txt
  title: Plans Wire
  authors: []
  outlet: null
  published: "2003"
  published_basis: A fixture.
  as_of: "2003"
  as_of_basis: A fixture.
"""

PLAN = """
- id: summit-planned-for-2001
  status: postponed
  outcome: first-summit
  title: First summit, planned for November 2001
  kind: summit
  summary: The first summit is planned for November 2001, then postponed.
  citations:
    - source: plans-wire
      quote: The first summit, planned for November 2001, was postponed.
      date: "2001-11"
"""

HELD = """      quote: Its first summit took place in 2002
      date: "2002"
    - source: plans-wire
      quote: It was held in June 2002.
      date: "2002-06"
      inferred: '"It" is the first summit of the sentence before.'
"""


@pytest.fixture
def planned(dataset):
    (dataset / "seeds" / "plans.txt").write_text(WIRE, encoding="utf-8")
    append(dataset, "data/sources.yaml", SOURCE)
    append(dataset, "data/events.yaml", PLAN)
    path = dataset / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      quote: Its first summit took place in 2002\n", HELD, 1)
    path.write_text(text.replace('- id: first-summit\n  date: "2002"\n', "- id: first-summit\n", 1), encoding="utf-8")
    return dataset


def test_the_fixture_passes_check(planned):
    assert check(load_dataset(planned)) == []


def test_a_summit_planned_for_november_2001_was_postponed_and_held_in_june_2002(planned):
    ds = load_dataset(planned)
    plan, held = ds.by_id("events")["summit-planned-for-2001"], ds.by_id("events")["first-summit"]
    assert (plan.date, held.date) == ("2001-11", "2002-06")
    told = plans.story(ds, plan)
    assert (told.status, told.outcome) == ("postponed", held)
    assert told.sentence == "planned for Nov 2001 (plans-wire); postponed: held Jun 2002 (sample, plans-wire)"
    # the outcome tells the same story, from its side
    assert [s.plan.id for s in plans.stories(ds, held)] == ["summit-planned-for-2001"]


def test_timeline_shows_the_plan_and_its_outcome_together(cica, planned):
    rows = {line[:10].strip(): line for line in cica("timeline", "--kind", "summit", "--data", planned).stdout.splitlines()}
    assert "First summit, planned for November 2001 (planned; postponed: held Jun 2002)" in rows["Nov 2001"]
    assert "First summit (planned for Nov 2001)" in rows["Jun 2002 *"]  # * its date is inferred


def test_compare_says_planned_for_nov_2001_held_jun_2002(cica, planned):
    out = cica("compare", "summit-planned-for-2001", "--data", planned).stdout
    assert "plan summit-planned-for-2001: planned for Nov 2001 (plans-wire); postponed: held Jun 2002 (sample, plans-wire)" in out
    data = cica("compare", "first-summit", "--json", "--data", planned).json()
    assert data["plans"][0] == {
        "plan": "summit-planned-for-2001", "status": "postponed", "outcome": "first-summit",
        "sentence": "planned for Nov 2001 (plans-wire); postponed: held Jun 2002 (sample, plans-wire)",
        "plan_date": "2001-11", "plan_sources": ["plans-wire"],
        "outcome_date": "2002-06", "outcome_sources": ["sample", "plans-wire"],
    }


def test_a_plan_that_names_its_outcome_must_say_what_became_of_it(planned):
    path = planned / "data" / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: postponed", "status: planned"), encoding="utf-8")
    problems = [p.message for p in check(load_dataset(planned))]
    assert problems == ["event 'summit-planned-for-2001' names its outcome 'first-summit', so its status says what "
                        "became of the plan (held, postponed, moved or cancelled), not planned"]


def test_outcomes_that_lead_back_are_refused(planned):
    path = planned / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8").replace("  kind: summit\n  summary: The first summit.\n",
                                                    "  kind: summit\n  status: moved\n  outcome: summit-planned-for-2001\n"
                                                    "  summary: The first summit.\n")
    path.write_text(text, encoding="utf-8")
    problems = [p.message for p in check(load_dataset(planned))]
    assert "event 'summit-planned-for-2001': following outcomes leads back to 'summit-planned-for-2001'" in problems


def test_the_third_summit_planned_in_turkey_is_a_plan_whose_outcome_the_sources_do_not_report(cica):
    from support import ROOT

    ds = load_dataset(ROOT)
    plan = ds.by_id("events")["third-summit-turkey-planned"]
    assert (plan.status, plan.outcome, plan.place) == ("planned", None, "Turkey")
    assert [(c.source, c.date) for c in plan.citations if c.date] == [("bakishev-2009", "[2009-10..]")]
    told = plans.story(ds, plan)
    assert told.sentence == ("planned for Oct 2009 or later in Turkey (bakishev-2009); "
                             "what became of it: not reported by the sources")
    out = cica("timeline", "--kind", "summit").stdout
    assert "Third CICA summit, to be held in Turkey (planned; outcome not reported)" in out


def test_the_calendar_marks_a_postponed_plan_cancelled_at_its_planned_date(cica):
    from support import ROOT

    out = cica("timeline", "--ics", "-", "--data", ROOT / "tests" / "fixtures" / "as-written").stdout
    statuses = [line for line in out.splitlines() if line.startswith(("SUMMARY", "STATUS"))]
    assert statuses == ["SUMMARY:First summit (postponed) (month)", "STATUS:CANCELLED",
                        "SUMMARY:First summit (month)", "STATUS:CONFIRMED"]


def test_the_page_tells_a_plan_and_its_outcome_on_both_events(cica):
    from support import ROOT

    page = cica("timeline", "--html", "-", "--data", ROOT / "tests" / "fixtures" / "as-written").stdout
    told = "<p><b>Plan:</b> planned for Nov 2001 (wire-a); postponed: held Jun 2002 in Almaty (wire-b)</p>"
    assert page.count(told) == 2  # on the plan and on the summit that was held
    assert '<span class="badge">postponed</span>' in page
