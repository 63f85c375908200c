"""Tests for cica_cli.dates, with the `edtf` package as the reference oracle."""

import dataclasses
import math
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cica_cli.dates import EDTFError, Span, human, overlaps, parse, sort_key, within

D = date.fromisoformat
MIN, MAX = date.min, date.max


# --- bounds and flags --------------------------------------------------------

BOUNDS = [
    # text, lower, upper, precision, approximate, uncertain, kind
    ("1992", "1992-01-01", "1992-12-31", "year", False, False, "date"),
    ("1992-10", "1992-10-01", "1992-10-31", "month", False, False, "date"),
    ("1992-10-05", "1992-10-05", "1992-10-05", "day", False, False, "date"),
    ("2000-02", "2000-02-01", "2000-02-29", "month", False, False, "date"),
    ("1900-02", "1900-02-01", "1900-02-28", "month", False, False, "date"),
    ("2009~", "2008-01-01", "2010-12-31", "year", True, False, "date"),
    ("2009?", "2008-01-01", "2010-12-31", "year", False, True, "date"),
    ("2009%", "2007-01-01", "2011-12-31", "year", True, True, "date"),
    # edtf widens by a unit of every component present: year AND month here
    ("1992-10~", "1991-09-01", "1993-11-30", "month", True, False, "date"),
    ("1992-10%", "1990-08-01", "1994-12-31", "month", True, True, "date"),
    ("1992-10-05?", "1991-09-04", "1993-11-06", "day", False, True, "date"),
    ("1992-10-05%", "1990-08-03", "1994-12-07", "day", True, True, "date"),
    # relativedelta-style shift: day clipped after the month moves
    ("2000-02~", "1999-01-01", "2001-03-29", "month", True, False, "date"),
    ("2000-02-29~", "1999-01-28", "2001-03-30", "day", True, False, "date"),
    # clamped at the ends of the date range
    ("0001~", "0001-01-01", "0002-12-31", "year", True, False, "date"),
    ("9999-12-31%", "9997-10-29", "9999-12-31", "day", True, True, "date"),
    ("2022-10-12/2022-10-13", "2022-10-12", "2022-10-13", "day", False, False, "interval"),
    ("1999/2002", "1999-01-01", "2002-12-31", "year", False, False, "interval"),
    ("1992/1993-05", "1992-01-01", "1993-05-31", "month", False, False, "interval"),
    ("2009~/2010?", "2008-01-01", "2011-12-31", "year", True, True, "interval"),
    ("2022-10-12/..", "2022-10-12", MAX, "day", False, False, "interval"),
    ("../2006", MIN, "2006-12-31", "year", False, False, "interval"),
    ("../2006~", MIN, "2007-12-31", "year", True, False, "interval"),
    # unknown side: the other side's plain first day + 10 y / last day - 10 y
    ("2022-10-12/", "2022-10-12", "2032-10-12", "day", False, False, "interval"),
    ("/2006", "1996-12-31", "2006-12-31", "year", False, False, "interval"),
    ("2022~/", "2021-01-01", "2032-01-01", "year", True, False, "interval"),
    ("2009/2009", "2009-01-01", "2009-12-31", "year", False, False, "interval"),
    ("[2023-07-16,2024-07-16]", "2023-07-16", "2024-07-16", "day", False, False, "set"),
    ("[2009-10..]", "2009-10-01", "9999-12-31", "month", False, False, "set"),
    ("[..2006]", "0001-01-01", "2006-12-31", "year", False, False, "set"),
    ("[2019-03..2022-09]", "2019-03-01", "2022-09-30", "month", False, False, "set"),
    ("[2019-03..2022-09, 2023]", "2019-03-01", "2023-12-31", "month", False, False, "set"),
    ("[2019,  2018-05-01]", "2018-05-01", "2019-12-31", "day", False, False, "set"),
    ("[2019?,2021~]", "2018-01-01", "2022-12-31", "year", True, True, "set"),
    ("[2005]", "2005-01-01", "2005-12-31", "year", False, False, "set"),
]


def _d(x):
    return x if isinstance(x, date) else D(x)


@pytest.mark.parametrize("text, lower, upper, precision, approx, uncertain, kind", BOUNDS)
def test_bounds(text, lower, upper, precision, approx, uncertain, kind):
    span = parse(text)
    assert span == Span(text, _d(lower), _d(upper), precision, approx, uncertain, kind)


def test_parse_is_cached_and_span_frozen():
    assert parse("1992-10") is parse("1992-10")
    assert parse.cache_info().hits >= 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse("1992").lower = date(1990, 1, 1)


# --- human -------------------------------------------------------------------

HUMAN = [
    ("1992-10-05", "5 Oct 1992"),
    ("1992-10", "Oct 1992"),
    ("1992", "1992"),
    ("0805", "805"),
    ("2009~", "c. 2009"),
    ("2009?", "2009?"),
    ("2009%", "c. 2009?"),
    ("1992-10~", "c. Oct 1992"),
    ("1992-10-05%", "c. 5 Oct 1992?"),
    ("2022-10-12/2022-10-13", "12–13 Oct 2022"),
    ("2022-09-30/2022-10-02", "30 Sep – 2 Oct 2022"),
    ("2021-12-30/2022-01-02", "30 Dec 2021 – 2 Jan 2022"),
    ("1999/2002", "1999–2002"),
    ("2022-09/2022-10", "Sep–Oct 2022"),
    ("2021-11/2022-02", "Nov 2021 – Feb 2022"),
    ("1992/1993-05", "1992 – May 1993"),
    ("2009~/2012", "c. 2009 – 2012"),
    ("2009?/2012?", "2009? – 2012?"),
    ("2009/2009", "2009"),
    ("2022-10-12/..", "from 12 Oct 2022"),
    ("../2006", "until 2006"),
    ("2022-10-12/", "from 12 Oct 2022 (end unknown)"),
    ("/2006", "until 2006 (start unknown)"),
    ("2009~/..", "from c. 2009"),
    ("[2023-07-16,2024-07-16]", "16 Jul 2023 or 2024"),
    ("[2009-10..]", "Oct 2009 or later"),
    ("[..2006]", "2006 or earlier"),
    ("[2019-03..2022-09]", "between Mar 2019 and Sep 2022"),
    ("[2019-03..2022-09, 2023~]", "between Mar 2019 and Sep 2022 or c. 2023"),
]


@pytest.mark.parametrize("text, expected", HUMAN)
def test_human(text, expected):
    assert human(text) == expected
    assert human(parse(text)) == expected


def test_human_uses_en_dash():
    assert "\u2013" in human("1999/2002") and "-" not in human("1999/2002")


# --- invalid input -----------------------------------------------------------

INVALID = [
    ("", "dates are written"),
    (" 1992", "dates are written"),
    ("1992 ", "dates are written"),
    ("1992-1", "dates are written"),
    ("92", "dates are written"),
    ("19920", "dates are written"),
    ("1992-10-05T10:00", "dates are written"),
    ("199X", "dates are written"),
    ("2009~~", "dates are written"),
    ("~2009", "dates are written"),
    ("2009-10~-05", "dates are written"),
    ("-0500", "dates are written"),
    ("0000", "year must be 0001-9999"),
    ("1992-13", "month must be 01-12"),
    ("1992-00", "month must be 01-12"),
    ("1992-10-32", "day must be 01-31"),
    ("1992-04-31", "day must be 01-30"),
    ("1992-02-30", "day must be 01-29"),
    ("1991-02-29", "day must be 01-28"),
    ("1900-02-29", "day must be 01-28"),
    ("1992-10-00", "day must be 01-31"),
    ("1999-01-01/1998", "after end"),
    ("2010/2009~", "after end"),
    ("../..", "at least one side"),
    ("/", "at least one side"),
    ("../", "at least one side"),
    ("1999/2000/2001", "dates are written"),
    ("1999 / 2000", "dates are written"),
    ("1999/...", "dates are written"),
    ("[]", "dates are written"),
    ("[2019,]", "dates are written"),
    ("[2019 ,2020]", "dates are written"),
    ("[ 2019]", "dates are written"),
    ("[2019;2020]", "dates are written"),
    ("[2020..2019]", "after end"),
    ("[2019/2020]", "dates are written"),
    ("{2019,2020}", "dates are written"),
    ("2019..2020", "dates are written"),
    ("2020-13/2021", "month must be 01-12"),
    ("１９９２", "dates are written"),  # full-width digits are not ASCII digits
]


@pytest.mark.parametrize("text, why", INVALID)
def test_invalid(text, why):
    with pytest.raises(EDTFError) as info:
        parse(text)
    assert f"invalid EDTF date {text!r}: " in str(info.value)
    assert why in str(info.value)


def test_message_format():
    with pytest.raises(EDTFError, match=r"^invalid EDTF date '1992-13': month must be 01-12; dates are written 1992, "):
        parse("1992-13")


@pytest.mark.parametrize("text, mistake", [
    ("05-10-1992", "the year comes first"),
    ("1992-1-5", "two digits"),
    ("1992-10-05T10:00", "no times"),
    ("c. 2007", "the qualifier comes after the date: 2009~"),
    ("~2009", "the qualifier comes after the date"),
    ("2009?~", "% is both ~ and ?"),
    ("199X", "[1990..1999]"),
    ("1990s", "[1990..1999]"),
    ("2002-Q2", "as their months"),
    ("2022-10-12..2022-10-13", "[A..B] (one day in it)"),
    ("2022-10-12 - 2022-10-13", "A/B (all of it)"),
    ("October 1992", "1992-10 for October 1992"),
    ("92", "a year has four digits"),
])
def test_a_form_not_read_names_the_likely_mistake_and_the_forms_read(text, mistake):
    with pytest.raises(EDTFError) as info:
        parse(text)
    assert mistake in str(info.value)
    assert "1992, 1992-10 or 1992-10-05" in str(info.value) and "[2009-10..2009-12]" in str(info.value)


@pytest.mark.parametrize("text, name, months", [
    ("2002-40", "first half", ("[2002-01..2002-06]", "2002-01/2002-06")),
    ("2002-41", "second half", ("[2002-07..2002-12]", "2002-07/2002-12")),
    ("2002-34", "second quarter", ("[2002-04..2002-06]", "2002-04/2002-06")),
    ("2002-24", "winter", ("[2002-12..2003-02]", "2002-12/2003-02")),
])
def test_an_edtf_season_or_part_of_a_year_is_named_with_the_months_to_write(text, name, months):
    """EDTF codes 21-41 in the month's place are seasons and parts of a year (ISO 8601-2), not
    months out of range: the message says which, and what to write instead."""
    import edtf

    edtf.parse_edtf(text)  # valid EDTF, as the reference parser reads it: unsupported here, not invalid
    with pytest.raises(EDTFError) as info:
        parse(text)
    message = str(info.value)
    assert message.startswith(f"unsupported EDTF date {text!r}: ")
    assert name in message and "not a month" in message and "month must be" not in message
    for form in months:
        assert form in message
        parse(form)  # what it advises is read


@pytest.mark.parametrize("value", [None, 1992, 1992.0, b"1992", ["1992"], {"1992": 1}])
def test_non_str_rejected(value):
    with pytest.raises(EDTFError, match="expected a string"):
        parse(value)


def test_edtf_error_is_value_error():
    assert issubclass(EDTFError, ValueError)


# --- overlaps, sort_key, within ------------------------------------------------


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("1992", "1992-10-05", True),
        ("1992-10", "1992-11", False),
        ("1992-10-31", "1992-11/1993", False),
        ("1992-10-31", "1992-10/1993", True),
        ("1992-10~", "1993-11-30", True),  # widened by 1 year + 1 month
        ("1992-10~", "1993-12", False),
        ("../1990", "1990-12-31", True),
        ("../1990", "1991", False),
        ("2000/..", "9999", True),
        ("[2019,2023]", "2021", True),  # "one of": bounds only, the gap is not tracked
    ],
)
def test_overlaps(a, b, expected):
    assert overlaps(parse(a), parse(b)) is expected
    assert overlaps(parse(b), parse(a)) is expected


def test_sort_key():
    texts = ["1992-10-05", "1993", "1992", "../1990", "1992-10", "1992~", "1992/1992-10-05"]
    assert sorted(texts, key=lambda t: sort_key(parse(t))) == [
        "../1990", "1992~", "1992/1992-10-05", "1992", "1992-10", "1992-10-05", "1993",
    ]  # fmt: skip
    assert sort_key(parse("1992")) == (date(1992, 1, 1), date(1992, 12, 31), "1992")
    # an open start sorts by its end: "until 2021" after 2021's dates, before 2022's, not first
    later = ["2022", "../2021", "1992", "2021-12", "2021"]
    assert sorted(later, key=lambda t: sort_key(parse(t))) == ["1992", "2021", "2021-12", "../2021", "2022"]


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("1992-10-05", "1992", "1992", True),
        ("1992-10-05", "1993", None, False),
        ("1992-10-05", None, "1992-10-04", False),
        ("1992-10-05", None, "1992-10", True),
        ("1992", "1992-12-31", None, True),  # a rough date may fall in the range
        ("1991-12~", "1992-06", "1992-07", True),  # widened upper reaches 1993-01-31
        ("../1980", "1990", None, False),
        ("2020/..", None, "2021", True),
        ("[2001,2010]", "2005", "2006", True),
        ("2001", None, None, True),
    ],
)
def test_within(text, start, end, expected):
    start = parse(start) if start else None
    end = parse(end) if end else None
    assert within(parse(text), start, end) is expected


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("1992-10-05", "1992", "1992", True),
        ("1992", "1992-06", None, False),  # may fall after June 1992, but not certainly
        ("1992", "1992", "1992", True),
        ("2007~", "2007", "2007", False),  # widened: 2006-2008
        ("2007~", "2006", "2008", True),
        ("../1980", None, "1990", True),
        ("../1980", "1900", None, False),
        ("[2009-10..]", "2009", "2030", False),  # no end known
        ("[2022-10-12..2022-10-13]", "2022-10", None, True),
    ],
)
def test_certainly_within(text, start, end, expected):
    from cica_cli.dates import certainly_within

    start = parse(start) if start else None
    end = parse(end) if end else None
    assert certainly_within(parse(text), start, end) is expected


# --- the edtf library as reference -------------------------------------------

REFERENCE = [
    "1992", "1992-10", "1992-10-05", "2000-02", "2000-02-29", "1900-02", "0805",
    "2009~", "2009?", "2009%", "1992-10~", "1992-10?", "1992-10%",
    "1992-10-05~", "1992-10-05?", "1992-10-05%", "2000-02~", "2000-02-29~",
    "2000-02-29%", "1999-12-31~", "2000-03-31?", "2022-10-12/2022-10-13",
    "2022-09-30/2022-10-02", "1999/2002", "2022-09/2022-10", "1992/1993-05-07",
    "2009~/2010?", "1990%/1995-06~", "2022-10-12/..", "../2006", "../2006~",
    "2022-10-12/", "/2006", "2020-02-29/", "/2016-02-29", "2022~/", "/2006-06%",
]  # fmt: skip

# Sets: edtf agrees on plain elements, but ignores qualifiers inside a set.
REFERENCE_SETS = [
    "[2023-07-16,2024-07-16]", "[2019-03..2022-09]", "[2019-03..2022-09, 2023]",
    "[1990,1985-05..1986-01, 1999-12-31]",
]  # fmt: skip


def _edtf_bounds(text):
    edtf = pytest.importorskip("edtf")
    obj = edtf.parse_edtf(text)

    def conv(value, open_end):
        if isinstance(value, float):
            assert math.isinf(value)
            return open_end
        return date(*value[:3])

    return conv(obj.lower_fuzzy(), MIN), conv(obj.upper_fuzzy(), MAX)


@pytest.mark.parametrize("text", REFERENCE + REFERENCE_SETS)
def test_matches_edtf(text):
    span = parse(text)
    assert (span.lower, span.upper) == _edtf_bounds(text)


def test_edtf_strict_equals_fuzzy_for_plain_dates():
    edtf = pytest.importorskip("edtf")
    for text in ["1992", "1992-10", "1992-10-05", "1999/2002"]:
        obj = edtf.parse_edtf(text)
        assert obj.lower_strict() == obj.lower_fuzzy()
        assert obj.upper_strict() == obj.upper_fuzzy()


def test_edtf_accepts_what_we_reject():
    """Documents where we are stricter than the reference."""
    edtf = pytest.importorskip("edtf")
    for text in ["1999-01-01/1998", "1991-02-29", "0000"]:
        edtf.parse_edtf(text)  # accepted by edtf
        with pytest.raises(EDTFError):
            parse(text)


def test_edtf_rejects_what_we_accept():
    """Set ranges: edtf wants both ends at one precision and no qualifiers."""
    edtf = pytest.importorskip("edtf")
    for text in ["[1985-05..1986]", "[2019~..2020]"]:
        with pytest.raises(edtf.EDTFParseException):
            edtf.parse_edtf(text)
        parse(text)


# --- properties ----------------------------------------------------------------

PRECISIONS = {"year": 4, "month": 7, "day": 10}  # ISO prefix length


def single(qualifiers=("", "?", "~", "%"), lo=date.min, hi=date.max):
    return st.builds(
        lambda d, p, q: d.isoformat()[: PRECISIONS[p]] + q,
        st.dates(lo, hi),
        st.sampled_from(list(PRECISIONS)),
        st.sampled_from(qualifiers),
    )


@st.composite
def interval(draw, lo=date.min, hi=date.max):
    a, b = sorted([draw(st.dates(lo, hi)), draw(st.dates(lo, hi))])
    p, r = draw(st.sampled_from(list(PRECISIONS))), draw(st.sampled_from(list(PRECISIONS)))
    q, s = draw(st.sampled_from(["", "?", "~", "%"])), draw(st.sampled_from(["", "?", "~", "%"]))
    start = draw(st.sampled_from([a.isoformat()[: PRECISIONS[p]] + q, "..", ""]))
    end = draw(st.sampled_from([b.isoformat()[: PRECISIONS[r]] + s, "..", ""]))
    if start in ("..", "") and end in ("..", ""):
        end = b.isoformat()[: PRECISIONS[r]] + s
    return f"{start}/{end}"


any_text = st.one_of(single(), interval())


@given(single())
def test_lower_not_after_upper(text):
    span = parse(text)
    assert span.lower <= span.upper
    assert span.kind == "date"


@given(interval())
def test_interval_lower_not_after_upper(text):
    span = parse(text)
    assert span.lower <= span.upper
    assert span.kind == "interval"


@given(any_text, any_text)
def test_overlaps_symmetric(a, b):
    assert overlaps(parse(a), parse(b)) == overlaps(parse(b), parse(a))


@given(st.dates())
def test_day_overlaps_its_month_and_year(d):
    day, month, year = parse(d.isoformat()), parse(d.isoformat()[:7]), parse(d.isoformat()[:4])
    assert overlaps(day, month) and overlaps(day, year) and overlaps(month, year)
    assert within(day, month, month) and within(day, year, year)


@given(single(qualifiers=[""]), st.sampled_from("?~%"))
def test_qualified_bounds_contain_plain(text, qualifier):
    plain, fuzzy = parse(text), parse(text + qualifier)
    assert fuzzy.lower <= plain.lower <= plain.upper <= fuzzy.upper
    assert fuzzy.precision == plain.precision


@given(any_text)
def test_human_never_fails(text):
    out = human(text)
    assert out and "-" not in out  # only en dashes, never ISO hyphens


# near year 1 / 9999 (incl. the 10 years of an unknown side) edtf leaves the
# date range, where we clamp
SAFE = {"lo": date(14, 1, 1), "hi": date(9985, 12, 31)}


@settings(max_examples=150, deadline=None)
@given(st.one_of(single(**SAFE), interval(**SAFE)))
def test_random_strings_match_edtf(text):
    span = parse(text)
    assert (span.lower, span.upper) == _edtf_bounds(text)


# --- run-time cost -----------------------------------------------------------


def test_no_third_party_imports_at_run_time():
    src = Path(__file__).resolve().parents[1] / "src"
    code = (
        "import sys; before = set(sys.modules); import cica_cli.dates; "
        "print(sorted(m.split('.')[0] for m in set(sys.modules) - before))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    ).stdout
    for name in ("edtf", "dateutil", "pyparsing"):
        assert f"'{name}'" not in out
