"""A tiny parser for the subset of EDTF (Library of Congress Extended
Date/Time Format) that the dataset uses; the ``edtf`` package is only the
test oracle.

    1992  1992-10  1992-10-05     single date (year 0001-9999), optionally
    2009~ 2009?    2009%          followed by ONE qualifier for the whole date
    1999/2002  2022-10-12/..      interval; ".." is an open side ("../2006"),
    2022-10-12/   /2006           an empty side an unknown one
    [2023-07-16,2024-07-16]       one of a set; an element may be a range
    [2019-03..2022-09, 2023]      A..B of single dates; "[2009-10..]" on or
    [..2006]                      after, "[..2006]" on or before

Bounds are inclusive dates and match ``edtf`` 5.0.2 (``lower_strict`` /
``upper_strict`` for plain dates, ``lower_fuzzy`` / ``upper_fuzzy`` for
qualified ones):

* A plain date covers its whole year, month or day.
* A qualified date is widened on each side by one unit of EVERY component it
  has: ``2009~`` by 1 year, ``1992-10~`` by 1 year + 1 month (1991-09-01 ..
  1993-11-30), ``1992-10-05~`` by 1 year + 1 month + 1 day.  ``?`` and ``~``
  widen alike, ``%`` twice as much.  The shift works like
  ``dateutil.relativedelta``: years and months first, the day clipped to the
  month's length, then days -- so ``2000-02~`` ends on 2001-03-29.
* An interval runs from its start's lower to its end's upper bound.  An open
  side is ``date.min`` / ``date.max``; an unknown side is the other side's
  unwidened first day + 10 years, or unwidened last day - 10 years.
* A set runs from its elements' least lower to greatest upper bound
  (qualified elements are widened; ``edtf`` ignores qualifiers in sets).
* Bounds past year 1 or 9999 are clamped to ``date.min`` / ``date.max``.

Unlike ``edtf`` we reject year 0000, 29 February in common years and
reversed ranges such as ``1999-01-01/1998`` (judged on unwidened bounds), and
we accept set ranges with mixed precisions or qualifiers (``[2019~..2020-05]``).
"""

import functools
import re
from collections import namedtuple
from datetime import date, timedelta

__all__ = ["EDTFError", "Span", "parse", "human", "overlaps", "sort_key", "within", "certainly_within"]


class EDTFError(ValueError):
    """An invalid or unsupported EDTF string."""


class Span:
    """A parsed EDTF date: immutable, compared and hashed by its fields (written by hand, not
    as a dataclass, to keep importing this module cheap)."""

    __slots__ = ("text", "lower", "upper", "precision", "approximate", "uncertain", "kind")
    text: str
    lower: date  # inclusive; date.min when open
    upper: date  # inclusive; date.max when open
    precision: str  # "day", "month" or "year"; the finest part's for ranges
    approximate: bool  # ~ or % anywhere
    uncertain: bool  # ? or % anywhere
    kind: str  # "date", "interval" or "set"

    def __init__(self, text, lower, upper, precision, approximate, uncertain, kind):
        for name, value in zip(self.__slots__, (text, lower, upper, precision, approximate, uncertain, kind)):
            object.__setattr__(self, name, value)

    def _fields(self):
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        return self._fields() == other._fields() if other.__class__ is Span else NotImplemented

    def __hash__(self):
        return hash(self._fields())

    def __repr__(self):
        return "Span(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__) + ")"

    def __reduce__(self):  # pickled in the record cache
        return Span, self._fields()

    def __setattr__(self, name, value=None):
        from dataclasses import FrozenInstanceError  # what a frozen dataclass raises

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    __delattr__ = __setattr__


# One validated single date: m and d are 0 when absent, q is "" or the
# qualifier; first/last are its plain bounds, lower/upper the widened ones.
_Date = namedtuple("_Date", "text y m d q precision first last lower upper")

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%]?)")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_WIDEN = {"year": (1, 0, 0), "month": (1, 1, 0), "day": (1, 1, 1)}  # years, months, days
_FINENESS = {"day": 0, "month": 1, "year": 2}
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SIDES = ("..", "")  # open, unknown


def _fail(text, why, unsupported=False):
    raise EDTFError(f"{'unsupported' if unsupported else 'invalid'} EDTF date {text!r}: {why}")


def _days_in(y, m):  # like calendar.monthrange(y, m)[1], without importing calendar
    return 29 if m == 2 and (y % 4 == 0 and y % 100 != 0 or y % 400 == 0) else _DAYS[m - 1]


def _shift(day, sign, years=0, months=0, days=0):
    """``day`` +/- relativedelta(years, months, days), clamped to the date range."""
    y, m = divmod(day.year * 12 + day.month - 1 + sign * (years * 12 + months), 12)
    try:
        clipped = date(y, m + 1, min(day.day, _days_in(y, m + 1)))
        return clipped + timedelta(days=sign * days)
    except (ValueError, OverflowError):  # year 0 or 10000, or a day past either end
        return date.min if sign < 0 else date.max


# What a date may be, in one line, for error messages.
FORMS = ("dates are written 1992, 1992-10 or 1992-10-05, each may end in ~ (about), ? (uncertain) or % (both); "
         "intervals 1999/2002 and ../2006; one day between [2009-10..2009-12]; one of [2023, 2024]")

# EDTF's codes in the month's place that are not months (ISO 8601-2 sub-year groupings), and
# the months each covers (in the northern hemisphere for seasons; winter runs into next year).
_GROUPINGS = {
    21: ("spring", 3, 5), 22: ("summer", 6, 8), 23: ("autumn", 9, 11), 24: ("winter", 12, 14),
    25: ("northern spring", 3, 5), 26: ("northern summer", 6, 8), 27: ("northern autumn", 9, 11),
    28: ("northern winter", 12, 14), 29: ("southern spring", 9, 11), 30: ("southern summer", 12, 14),
    31: ("southern autumn", 3, 5), 32: ("southern winter", 6, 8),
    33: ("first quarter", 1, 3), 34: ("second quarter", 4, 6), 35: ("third quarter", 7, 9),
    36: ("fourth quarter", 10, 12), 37: ("first four months", 1, 4), 38: ("second four months", 5, 8),
    39: ("last four months", 9, 12), 40: ("first half", 1, 6), 41: ("second half", 7, 12),
}
_NAMED_MONTH = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b")


def _grouping(y, code):
    """Why `code` in a month's place is not read, and what to write instead."""
    name, first, last = _GROUPINGS[code]
    a = f"{y:04d}-{first:02d}"
    b = f"{y + (last - 1) // 12:04d}-{(last - 1) % 12 + 1:02d}"
    return (f"{code:02d} is EDTF's code for the {name} of a year, not a month (codes 21-41 are seasons, "
            f"quarters, thirds and halves of a year, which cica does not read): write its months, "
            f"[{a}..{b}] (one day in them) or {a}/{b} (all of them)")


def _mistake(s):
    """The likely mistake in a single date that is not YYYY, YYYY-MM or YYYY-MM-DD, or ""."""
    checks = (
        (not s, "the date is empty"),
        (s != s.strip(), "no spaces around a date"),
        (re.fullmatch(r"[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}", s), "the year comes first: YYYY-MM-DD"),
        (re.search(r"[0-9]T[0-9]", s), "no times: give the day, YYYY-MM-DD"),
        (re.fullmatch(r"[0-9]{4}(-[0-9]{1,2}){1,2}", s), "months and days have two digits: 1992-01-05"),
        (re.match(r"[~?%]|c\.|ca\.?\s|circa|about", s, re.I), "the qualifier comes after the date: 2009~"),
        (re.fullmatch(r"[0-9-]+[?~%]{2,}", s), "one qualifier at most: % is both ~ and ?"),
        (re.search(r"[0-9][?~%]-", s), "a qualifier ends the date: 2009-10-05~"),
        (re.fullmatch(r"[0-9]{1,3}[XxUu]{1,3}|[0-9]{3,4}s|[0-9]{2}'?s", s),
         "unspecified digits and decades are not read: write the range, [1990..1999]"),
        (re.fullmatch(r"[0-9]{4}-?[QqHh][1-4]", s), "quarters and halves are written as their months, "
                                                    "[2002-01..2002-06] or 2002-01/2002-06"),
        (re.fullmatch(r"[0-9]{4}-?W[0-9]{2}.*", s), "weeks are not read: give the days, [A..B]"),
        (re.search(r"[0-9]\s*(\.\.|–|—| - | to )\s*[0-9]", s),
         "a range is A/B (all of it) or [A..B] (one day in it)"),
        (_NAMED_MONTH.search(s), "months are numbers: 1992-10 for October 1992"),
        (re.fullmatch(r"-?[0-9]{1,3}|-?[0-9]{5,}|-[0-9]{4}.*", s), "a year has four digits, 0001-9999"),
    )
    return next((why for test, why in checks if test), "")


def _date(s, text):
    match = _DATE.fullmatch(s)
    if not match:
        got = "" if s == text else f", got {s!r}"
        _fail(text, f"{_mistake(s) or 'not a date cica reads'}{got}; {FORMS}")
    y, m, d, q = int(match[1]), int(match[2] or 0), int(match[3] or 0), match[4]
    if y == 0:
        _fail(text, "year must be 0001-9999")
    if match[2] and m in _GROUPINGS and not match[3]:
        _fail(text, _grouping(y, m), unsupported=True)  # valid EDTF (level 2), not read here
    if match[2] and not 1 <= m <= 12:
        _fail(text, f"month must be 01-12; {FORMS}")
    days = _days_in(y, m or 12)
    if match[3] and not 1 <= d <= days:
        _fail(text, f"day must be 01-{days} in {_MONTHS[m - 1]} {y}")
    precision = "day" if d else "month" if m else "year"
    first, last = date(y, m or 1, d or 1), date(y, m or 12, d or days)
    by = [(2 if q == "%" else 1 if q else 0) * n for n in _WIDEN[precision]]
    lower, upper = _shift(first, -1, *by), _shift(last, 1, *by)
    return _Date(s, y, m, d, q, precision, first, last, lower, upper)


def _range(a, b, text):
    if a.first > b.last:
        _fail(text, f"start {a.text!r} is after end {b.text!r}")
    return a, b


def _split(text):
    """Validate ``text``; return its kind and parts, each a 1-tuple (a date) or a
    (start, end) pair.  An interval side may be ".." or "" instead of a _Date."""
    if text.startswith("[") and text.endswith("]"):
        parts = []
        for item in re.split(r", *", text[1:-1]):
            a, dots, b = item.partition("..")
            if dots and (a == "") != (b == ""):  # "[..X]" on or before, "[X..]" on or after
                parts.append(("..", _date(b, text)) if a == "" else (_date(a, text), ".."))
            elif dots:
                parts.append(_range(_date(a, text), _date(b, text), text))
            else:
                parts.append((_date(item, text),))
        return "set", parts
    if "/" in text:
        a, _, b = text.partition("/")
        if a in _SIDES and b in _SIDES:
            _fail(text, "an interval needs a date on at least one side")
        a, b = (x if x in _SIDES else _date(x, text) for x in (a, b))
        if a not in _SIDES and b not in _SIDES:
            _range(a, b, text)
        return "interval", [(a, b)]
    return "date", [(_date(text, text),)]


@functools.lru_cache(maxsize=None)
def _parse(text):
    kind, parts = _split(text)
    if kind == "interval":
        a, b = parts[0]
        lower = date.min if a == ".." else _shift(b.last, -1, years=10) if a == "" else a.lower
        upper = date.max if b == ".." else _shift(a.first, 1, years=10) if b == "" else b.upper
    else:
        lower = min(date.min if p[0] == ".." else p[0].lower for p in parts)
        upper = max(date.max if p[-1] == ".." else p[-1].upper for p in parts)
    dates = [d for part in parts for d in part if d not in _SIDES]
    precision = min((d.precision for d in dates), key=_FINENESS.get)
    approximate = any(d.q in ("~", "%") for d in dates)
    uncertain = any(d.q in ("?", "%") for d in dates)
    return Span(text, lower, upper, precision, approximate, uncertain, kind)


def parse(text: str) -> Span:
    """Parse an EDTF string into a Span (cached); raise EDTFError if invalid."""
    if not isinstance(text, str):  # also keeps unhashable values out of the cache
        _fail(text, f"expected a string, not {type(text).__name__}")
    return _parse(text)


parse.cache_info, parse.cache_clear = _parse.cache_info, _parse.cache_clear


def _plain(d):
    if d.precision == "year":
        return str(d.y)
    month = f"{_MONTHS[d.m - 1]} {d.y}"
    return f"{d.d} {month}" if d.d else month


def _one(d):
    return {"~": "c. {}", "?": "{}?", "%": "c. {}?"}.get(d.q, "{}").format(_plain(d))


def _two(a, b):  # "A – B" or a shorter form when both sides are plain and alike
    if a.text == b.text:
        return _one(a)
    if a.q or b.q or a.precision != b.precision:
        return f"{_one(a)} – {_one(b)}"
    if a.precision == "year":
        return f"{a.y}–{b.y}"
    if a.y != b.y:
        return f"{_plain(a)} – {_plain(b)}"
    if a.precision == "month":
        return f"{_MONTHS[a.m - 1]}–{_MONTHS[b.m - 1]} {a.y}"
    if a.m == b.m:
        return f"{a.d}–{b.d} {_MONTHS[a.m - 1]} {a.y}"
    return f"{a.d} {_MONTHS[a.m - 1]} – {b.d} {_MONTHS[b.m - 1]} {a.y}"


def human(text_or_span) -> str:
    """The date written for people, in English, at its own precision."""
    kind, parts = _split(_span(text_or_span).text)
    if kind == "set":
        days = [p[0] for p in parts if len(p) == 1 and not p[0].q and p[0].precision == "day"]
        if len(days) == len(parts) > 1 and len({(d.m, d.d) for d in days}) == 1:  # one day, several years
            years = [str(d.y) for d in days]
            return f"{days[0].d} {_MONTHS[days[0].m - 1]} {', '.join(years[:-1])} or {years[-1]}"
        return " or ".join(_set_part(p) for p in parts)
    a, b = parts[0][0], parts[0][-1]
    if kind == "date":
        return _one(a)
    if a in _SIDES:
        return f"until {_one(b)}" + (" (start unknown)" if a == "" else "")
    if b in _SIDES:
        return f"from {_one(a)}" + (" (end unknown)" if b == "" else "")
    return _two(a, b)


def short(text_or_span) -> str:
    """The date for a table cell: as `human` writes it, but one unknown day within a range
    ("[2022-10-12..2022-10-13]") written as compactly as an interval ("12–13 Oct 2022",
    "Oct–Dec 2009") instead of "between 12 Oct 2022 and 13 Oct 2022". `show` and --json keep
    the long form and the EDTF, which tell the two apart."""
    text = _span(text_or_span).text
    kind, parts = _split(text)
    if kind == "set" and len(parts) == 1 and len(parts[0]) == 2 and ".." not in parts[0]:
        return _two(*parts[0])
    return human(text)


def _set_part(p):
    if len(p) == 1:
        return _one(p[0])
    if p[0] == "..":
        return f"{_one(p[1])} or earlier"
    if p[1] == "..":
        return f"{_one(p[0])} or later"
    return f"between {_one(p[0])} and {_one(p[1])}"


def _span(x):
    return x if isinstance(x, Span) else parse(x)


def overlaps(a: Span, b: Span) -> bool:
    """True if the two spans could share a day (bounds inclusive)."""
    a, b = _span(a), _span(b)
    return a.lower <= b.upper and b.lower <= a.upper


def sort_key(span) -> tuple:
    """(lower, upper, text): by the earliest possible day, rough dates before precise ones.

    An open start ("../2021", "until 2021") has no earliest day: it sorts by its latest one,
    after the dates of 2021 and before those of 2022, rather than before everything."""
    span = _span(span)
    if span.lower == date.min:
        return (span.upper, span.upper, span.text)
    return (span.lower, span.upper, span.text)


def within(span, start: Span | None = None, end: Span | None = None) -> bool:
    """True if ``span`` could fall in [start.lower, end.upper]; None is unbounded."""
    span = _span(span)
    lower = date.min if start is None else _span(start).lower
    upper = date.max if end is None else _span(end).upper
    return span.lower <= upper and lower <= span.upper


def certainly_within(span, start: Span | None = None, end: Span | None = None) -> bool:
    """True if every day ``span`` allows is in [start.lower, end.upper]; None is unbounded.
    An approximate date counts with its widened bounds ("2007~" is 2006-2008)."""
    span = _span(span)
    lower = date.min if start is None else _span(start).lower
    upper = date.max if end is None else _span(end).upper
    return lower <= span.lower and span.upper <= upper
