"""Hypothesis strategies the property tests share: EDTF dates at mixed precisions."""

from datetime import date, timedelta

from hypothesis import strategies as st

QUALIFIERS = st.sampled_from(["", "", "~", "?", "%"])
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))


def at(day: date, precision: str) -> str:
    return {"year": f"{day.year:04d}", "month": f"{day.year:04d}-{day.month:02d}", "day": day.isoformat()}[precision]


@st.composite
def single(draw):
    return at(draw(days), draw(st.sampled_from(["year", "month", "day"]))) + draw(QUALIFIERS)


@st.composite
def edtf(draw):
    """A date, an interval (possibly open), or a one-of range, at mixed precisions."""
    form = draw(st.sampled_from(["date", "date", "interval", "open-start", "open-end", "set", "set-after"]))
    if form == "date":
        return draw(single())
    first = draw(days)
    last = first + timedelta(days=draw(st.integers(0, 4000)))
    a = at(first, draw(st.sampled_from(["year", "month", "day"])))
    b = at(last, draw(st.sampled_from(["year", "month", "day"])))
    return {"interval": f"{a}/{b}", "open-start": f"../{b}", "open-end": f"{a}/..",
            "set": f"[{a}..{b}]", "set-after": f"[{a}..]"}[form]
