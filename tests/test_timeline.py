"""`cica timeline` on the shipped data: order, human dates, filters, JSON, evidence."""

import pytest


def titles(result):
    return [e["id"] for e in result.json()]


def test_timeline_is_chronological_with_human_dates(cica):
    result = cica("timeline", "--no-context")
    assert result.exit_code == 0
    out = result.stdout
    order = [out.index(s) for s in (
        "5 Oct 1992", "Declaration on the Principles", "First CICA summit", "Almaty Act",
        "CICA Secretariat established", "c. 2007", "12–13 Oct 2022", "Sixth CICA summit in Astana",
    )]
    assert order == sorted(order)
    assert "Kuwait's application to join received" in out
    assert "Third CICA summit, to be held in Turkey (planned; outcome not reported)" in out


def test_required_milestones_with_dates_and_sources(cica):
    events = {e["id"]: e for e in cica("timeline", "--json").json()}
    expected = {
        "1992-unga-proposal": ("1992-10-05", "bakishev-2009"),
        "1999-declaration-adopted": ("1999", "ravichandran-2023"),
        "2002-almaty-act-adopted": ("2002", "ravichandran-2023"),
        "2002-first-summit": ("2002", "ravichandran-2023"),
        "2006-secretariat-established": ("2006", "bakishev-2009"),
        "2022-astana-summit": ("2022-10-12/2022-10-13", "askeroglu-2022"),
        # a document "signed after the meeting": its last day at the earliest, by 14 Oct 2022
        "2022-transformation-launched": ("[2022-10-13..2022-10-14]", "askeroglu-2022"),
        "2022-kuwait-application": ("[2022-10-12..2022-10-13]", "askeroglu-2022"),
        "2007-un-observer-status": ("2007~", "bakishev-2009"),
    }
    for event_id, (date, source) in expected.items():
        assert events[event_id]["date"] == date
        assert source in {c["source"] for c in events[event_id]["citations"]}


def test_json_keeps_yaml_field_names_and_edtf_dates(cica):
    event = cica("timeline", "--json").json()[0]
    assert event["id"] == "1992-unga-proposal"
    assert list(event)[:5] == ["id", "date", "title", "kind", "summary"]
    assert "line" not in event


def test_from_to_keeps_rough_dates_that_may_fall_in_range(cica):
    ids = titles(cica("timeline", "--from", "2009-11", "--to", "2010", "--json"))
    # "until 2021" and "Oct 2009 or later" may fall in the range; October 2009 events may not.
    # "until 2021" sorts by its end, after the 2010 events.
    assert ids == ["third-summit-turkey-planned", "2010-drug-action-plan-planned", "2010-ministerial-meetings-planned", "osda-proposal"]


def test_kind_source_and_member_filters(cica):
    assert titles(cica("timeline", "--kind", "summit", "--json")) == [
        "2002-first-summit", "third-summit-turkey-planned", "2022-astana-summit"]
    assert set(titles(cica("timeline", "--source", "001", "--json"))) == {"osda-proposal"}
    assert titles(cica("timeline", "--member", "türkiye", "--json")) == ["third-summit-turkey-planned"]


def test_context_events_can_be_left_out(cica):
    with_context = titles(cica("timeline", "--json"))
    without = titles(cica("timeline", "--no-context", "--json"))
    assert "2011-iofs-announced" in with_context and "2011-iofs-announced" not in without


def test_cite_shows_quotes(cica):
    out = cica("timeline", "--kind", "institutional", "--cite").stdout
    assert "institutional work was completed in 2006" in out


@pytest.mark.parametrize("args, message", [
    (["--from", "1992-13"], "--from: invalid EDTF date '1992-13': month must be 01-12"),
    (["--from", "2010", "--to", "2000"], "--from: 2010 is after the end of the range (2000)"),
    (["--kind", "party"], "--kind: unknown kind 'party'"),
])
def test_bad_arguments_are_usage_errors(cica, args, message):
    result = cica("timeline", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_member_suggests_closest_name(cica):
    result = cica("timeline", "--member", "Kazakstan")
    assert result.exit_code == 1
    assert result.stderr.strip() == "cica: no member named 'Kazakstan'; did you mean 'Kazakhstan'?"


def test_nothing_found_exits_1(cica):
    result = cica("timeline", "--kind", "anniversary", "--to", "2000")
    assert result.exit_code == 1
    assert "no events match" in result.stderr


def test_data_option_and_environment_variable(cica, monkeypatch):
    from support import MINIMAL

    assert titles(cica("timeline", "--data", MINIMAL, "--json")) == ["proposal", "first-summit"]
    result = cica("timeline", "--json", env={"CICA_DATA": str(MINIMAL)})
    assert [e["id"] for e in result.json()] == ["proposal", "first-summit"]
    bad = cica("timeline", "--data", "/nonexistent")
    assert bad.exit_code == 2 and "--data: '/nonexistent' is not a dataset directory" in bad.stderr


def test_an_open_start_sorts_by_its_end(cica):
    """"until 2021" is not the first event: it comes after those of 2021, before those of 2022."""
    events = cica("timeline", "--json").json()
    order = [e["id"] for e in events]
    assert order[0] == "1992-unga-proposal"
    at = order.index("osda-proposal")
    assert all(e["date"].lstrip("[")[:4] <= "2021" for e in events[:at])
    assert all(e["date"].lstrip("[")[:4] >= "2022" for e in events[at + 1:])


def test_from_keeps_an_open_ended_plan_that_may_still_fall_in_the_range(cica):
    """The default is "may fall in the range": nothing closes "Oct 2009 or later", so --from 2030
    keeps it; --within keeps only what certainly falls in the range."""
    open_ended = [e["id"] for e in cica("timeline", "--json").json() if e["date"].endswith("..]") or e["date"].endswith("/..")]
    assert titles(cica("timeline", "--from", "2030", "--json")) == open_ended == ["third-summit-turkey-planned"]
    result = cica("timeline", "--from", "2030", "--within")
    assert result.exit_code == 1 and "no events match" in result.stderr


def test_within_keeps_only_what_certainly_falls_in_the_range(cica):
    may = titles(cica("timeline", "--from", "2009", "--to", "2010", "--json"))
    certain = titles(cica("timeline", "--from", "2009", "--to", "2010", "--within", "--json"))
    assert certain == ["2009-beijing-action-plans", "2009-perception-paper",
                       "2010-drug-action-plan-planned", "2010-ministerial-meetings-planned"]
    # "until 2021" and "Oct 2009 or later" may fall in 2009-2010 but need not
    assert set(may) - set(certain) == {"osda-proposal", "third-summit-turkey-planned"}
    assert titles(cica("timeline", "--to", "1999", "--within", "--json")) == [
        "1992-unga-proposal", "1999-declaration-adopted"]
    result = cica("timeline", "--within")
    assert result.exit_code == 2 and "--within: needs a start or an end date" in result.stderr
