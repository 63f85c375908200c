"""`cica timeline --ics FILE`: the events as an iCalendar file, parsed back with icalendar."""

from datetime import date

import pytest
from icalendar import Calendar
from support import edit, shipped_dataset

OPEN_ENDED = {"osda-proposal": "../2021", "third-summit-turkey-planned": "[2009-10..]"}


def read(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def day(event, field):
    value = event[field].dt
    assert type(value) is date, f"{field} must be an all-day date, not {value!r}"
    return value


@pytest.fixture
def calendar(cica, tmp_path):
    path = tmp_path / "cica.ics"
    result = cica("timeline", "--ics", path)
    assert result.exit_code == 0, result.stderr
    return result, *read(path)


def test_same_events_as_the_timeline_except_open_ended_ones(cica, calendar):
    result, cal, events = calendar
    ids = [e["id"] for e in cica("timeline", "--json").json()]
    assert len(ids) == len(shipped_dataset().events)
    assert sorted(events) == sorted(f"{i}@cica" for i in ids if i not in OPEN_ENDED)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "cica: 2 event(s) with an open-ended date left out of the calendar: "
        "third-summit-turkey-planned ([2009-10..]), osda-proposal ([..2021])",
        f"cica: wrote {len(ids) - 2} event(s) to {result.stderr.split(' to ')[-1].strip()}"]
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]) == "-//cica//CICA timeline//EN"


@pytest.mark.parametrize("event_id, summary, start, end", [
    # a day
    ("1992-unga-proposal", "Nazarbayev proposes CICA at the 47th UN General Assembly", date(1992, 10, 5), date(1992, 10, 6)),
    # a year, said in the title
    ("2002-almaty-act-adopted", "Almaty Act (year)", date(2002, 1, 1), date(2003, 1, 1)),
    ("2002-first-summit", "First CICA summit (year)", date(2002, 1, 1), date(2003, 1, 1)),
    # a month
    ("2009-beijing-action-plans", "Action plans on small and medium enterprise and on tourism approved in Beijing (month)",
     date(2009, 10, 1), date(2009, 11, 1)),
    # approximate: the nominal year, marked c.
    ("2007-un-observer-status", "UN General Assembly grants CICA observer status (c. year)", date(2007, 1, 1), date(2008, 1, 1)),
    # an interval of two days (DTEND is exclusive)
    ("2022-astana-summit", None, date(2022, 10, 12), date(2022, 10, 14)),
    # one unknown day of the two
    ("2022-kuwait-application", "Kuwait's application to join received (one day in this span)", date(2022, 10, 12), date(2022, 10, 14)),
    # planned
    ("2010-ministerial-meetings-planned", "Several ministerial meetings (planned) (year)", date(2010, 1, 1), date(2011, 1, 1)),
])
def test_dates_and_titles(calendar, event_id, summary, start, end):
    _, _, events = calendar
    event = events[f"{event_id}@cica"]
    assert (day(event, "DTSTART"), day(event, "DTEND")) == (start, end)
    if summary:
        assert str(event["SUMMARY"]) == summary


def test_every_event_is_all_day_and_ordered_bounds(calendar):
    _, _, events = calendar
    for event in events.values():
        assert day(event, "DTSTART") < day(event, "DTEND")


def test_description_carries_quotes_and_references(calendar):
    _, _, events = calendar
    kuwait = str(events["2022-kuwait-application@cica"]["DESCRIPTION"])
    assert "Date: between 12 Oct 2022 and 13 Oct 2022 (EDTF [2022-10-12..2022-10-13])" in kuwait
    assert "One day somewhere in this span; which day is not known." in kuwait
    assert "“CICA, which has 27 members, received Kuwait’s application to join the meeting in Astana.”" in kuwait
    assert "— Sabir Askeroğlu. “New Security Approach of Kazakhstan: Asia Society”. [outlet not named]" in kuwait
    approx = str(events["2007-un-observer-status@cica"]["DESCRIPTION"])
    assert "it may fall between 2006-01-01 and 2008-12-31" in approx
    act = events["2002-almaty-act-adopted@cica"]
    assert "— R. Ravichandran. “Kazakhstan’s Unwavering Commitment In Promoting International Peace, Security”. NNN-Bernama, 16 Jul 2023, 2024 or 2025." in str(act["DESCRIPTION"])
    assert [str(c) for c in act["CATEGORIES"].cats] == ["adoption"]
    assert str(events["2010-ministerial-meetings-planned@cica"]["STATUS"]) == "TENTATIVE"
    assert str(events["2022-astana-summit@cica"]["LOCATION"]) == "Astana"


def test_filters_apply_and_stdout_works(cica):
    result = cica("timeline", "--kind", "summit", "--ics", "-")
    assert result.exit_code == 0
    cal = Calendar.from_ical(result.stdout_bytes)
    assert sorted(str(e["UID"]) for e in cal.walk("VEVENT")) == ["2002-first-summit@cica", "2022-astana-summit@cica"]
    assert "left out of the calendar: third-summit-turkey-planned" in result.stderr


def test_uids_are_stable(cica, tmp_path):
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    cica("timeline", "--ics", a)
    cica("timeline", "--ics", b)
    assert list(read(a)[1]) == list(read(b)[1])


def test_hostile_title(cica, dataset, tmp_path):
    edit(dataset, "data/events.yaml", "title: First summit", 'title: "Summit; a,b \\\\ <script>\\x1b[2J\\nnext"')
    path = tmp_path / "h.ics"
    assert cica("timeline", "--data", dataset, "--ics", path).exit_code == 0
    assert b"\x1b" not in path.read_bytes()
    summary = str(read(path)[1]["first-summit@cica"]["SUMMARY"])
    assert summary == "Summit; a,b \\ <script>\\x1b[2J\nnext (year)"


@pytest.mark.parametrize("args, code, message", [
    (["--json"], 2, "--ics and --html write files; they cannot be combined with --format or --json"),
    (["--format", "csv"], 2, "cannot be combined"),
    (["--kind", "anniversary", "--to", "2000"], 1, "no events match these filters"),
])
def test_bad_combinations(cica, tmp_path, args, code, message):
    result = cica("timeline", "--ics", tmp_path / "x.ics", *args)
    assert result.exit_code == code and message in result.stderr


def test_unwritable_file_is_one_line(cica, tmp_path):
    result = cica("timeline", "--ics", tmp_path / "missing-dir" / "x.ics")
    assert result.exit_code == 2
    assert result.stderr.startswith("cica: cannot write ") and "Traceback" not in result.stderr


def test_source_date_epoch_makes_the_calendar_reproducible(cica, tmp_path):
    paths = [tmp_path / "a.ics", tmp_path / "b.ics"]
    for path in paths:
        assert cica("timeline", "--ics", path, env={"SOURCE_DATE_EPOCH": "1795478400"}).exit_code == 0
    first, second = (p.read_bytes() for p in paths)
    assert first == second and b"DTSTAMP:20261124T000000Z" in first
