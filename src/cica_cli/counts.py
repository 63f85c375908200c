"""A count as an article writes it: a number (`27`), a range (`[9, 10]`, "9-10"), or a
bound (`{over: 20}`, "over 20"; `{min: 21}`, "at least 21"; `{max: 30}`; `{under: 30}`; a
lower and an upper bound together). Each is read as the interval of numbers it allows, and
two counts are related by those intervals: the same, one exact number within a closed range,
overlapping (both may be true), or apart (they cannot both be true).

Nothing here prints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable

# A bound's keys: inclusive (min, max) and exclusive (over, under); one of each side at most.
LOWER = {"min": False, "over": True}  # key -> the end is open
UPPER = {"max": False, "under": True}
KEYS = tuple(LOWER) + tuple(UPPER)
SHAPES = ("a number, a range [low, high] or a bound such as {min: 21} or {over: 20} "
          "(keys min, over, max, under)")

SAME, WITHIN, OVERLAP, APART = "same", "within", "overlap", "apart"


@dataclass(frozen=True)
class Interval:
    """The numbers a count allows: from `low` to `high` (either may be infinite), each end
    included unless it is open."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @property
    def exact(self) -> bool:
        return self.low == self.high and not (self.low_open or self.high_open)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    def below(self, other: "Interval") -> bool:
        """Every number of this interval is smaller than every number of `other`."""
        return self.high < other.low or (self.high == other.low and (self.high_open or other.low_open))

    def contains(self, other: "Interval") -> bool:
        """Every number `other` allows, this one allows too."""
        low_ok = self.low < other.low or (self.low == other.low and (not self.low_open or other.low_open))
        high_ok = self.high > other.high or (self.high == other.high and (not self.high_open or other.high_open))
        return low_ok and high_ok


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def written(value: Any) -> Any:
    """The value of a figure as written in YAML, checked and made plain (a bound's mapping
    becomes a dict, a range a two-item list); ValueError with a sentence for people if it is
    not one of the shapes, or a range or bound is not in order."""
    if _number(value):
        return value
    if isinstance(value, list):
        if len(value) != 2 or not all(_number(v) for v in value):
            raise ValueError(f"a range must be two numbers, [low, high]; got {value!r}")
        if value[0] == value[1]:
            raise ValueError(f"a range of one number is that number: write {_num(value[0])}")
        if value[0] > value[1]:
            raise ValueError(f"a range must go from the lower number to the higher one; got [{_num(value[0])}, {_num(value[1])}]")
        return [value[0], value[1]]
    if isinstance(value, dict):
        unknown = [k for k in value if k not in KEYS]
        if unknown:
            raise ValueError(f"a bound's keys are {', '.join(KEYS)}; got {unknown[0]!r}")
        if not value:
            raise ValueError("a bound needs min, over, max or under")
        if len([k for k in value if k in LOWER]) > 1 or len([k for k in value if k in UPPER]) > 1:
            raise ValueError("a bound has at most one lower end (min or over) and one upper end (max or under)")
        for key, v in value.items():
            if not _number(v):
                raise ValueError(f"a bound's {key} must be a number; got {v!r}")
        plain = {k: value[k] for k in KEYS if k in value}
        span = interval(plain)
        if span.low > span.high or (span.low == span.high and (span.low_open or span.high_open)):
            raise ValueError(f"a bound must allow some number; {text(plain)} allows none")
        return plain
    raise ValueError(f"a count must be {SHAPES}")


def interval(value: Any) -> Interval:
    """The numbers a written count allows (a value that `written` accepted)."""
    if isinstance(value, list):
        return Interval(value[0], value[1])
    if isinstance(value, dict):
        low, low_open, high, high_open = -math.inf, False, math.inf, False
        for key, is_open in LOWER.items():
            if key in value:
                low, low_open = value[key], is_open
        for key, is_open in UPPER.items():
            if key in value:
                high, high_open = value[key], is_open
        return Interval(low, high, low_open, high_open)
    return Interval(value, value)


def relation(x: Any, y: Any) -> str:
    """How two written counts relate: SAME (they allow the same numbers), WITHIN (one is an
    exact number inside the other, a closed range), OVERLAP (some number fits both), or
    APART (no number fits both)."""
    a, b = interval(x), interval(y)
    if a == b:
        return SAME
    if a.below(b) or b.below(a):
        return APART
    if (a.exact and b.bounded and b.contains(a)) or (b.exact and a.bounded and a.contains(b)):
        return WITHIN
    return OVERLAP


def apart(x: Any, y: Any) -> bool:
    """No number fits both counts: they cannot both be true at once."""
    a, b = interval(x), interval(y)
    return a.below(b) or b.below(a)


def total(values: Iterable[Any]) -> Any:
    """The sum of written counts, written the same way: a number if all are exact, a range
    if all are bounded, otherwise a bound (9 + {over: 4} is {over: 13})."""
    spans = [interval(v) for v in values]
    low = sum(s.low for s in spans)
    high = sum(s.high for s in spans)
    low_open = any(s.low_open for s in spans)
    high_open = any(s.high_open for s in spans)
    low, high = _tidy(low), _tidy(high)
    if low == high and not (low_open or high_open):
        return low
    if math.isfinite(low) and math.isfinite(high) and not (low_open or high_open):
        return [low, high]
    bound = {}
    if math.isfinite(low):
        bound["over" if low_open else "min"] = low
    if math.isfinite(high):
        bound["under" if high_open else "max"] = high
    return bound


def _tidy(n: float) -> float:
    """A whole float as an int (9.0 is 9), so sums of counts read as counts."""
    return int(n) if isinstance(n, float) and n.is_integer() else n


def _num(n: Any) -> str:
    return f"{n:g}" if isinstance(n, float) else str(n)


def text(value: Any) -> str:
    """A written count for people: 27, 9–10, over 20, at least 21, at most 30, under 30."""
    if isinstance(value, list) and len(value) == 2:
        return f"{_num(value[0])}–{_num(value[1])}"
    if isinstance(value, dict):
        words = {"min": "at least", "over": "over", "max": "at most", "under": "under"}
        if "min" in value and "max" in value and len(value) == 2:
            return f"{_num(value['min'])}–{_num(value['max'])}"
        return ", ".join(f"{words[k]} {_num(value[k])}" for k in KEYS if k in value)
    return _num(value)


def lowest(value: Any) -> float:
    """The least number a count allows (-inf when it has no lower end), for sorting and charts."""
    return interval(value).low


def ends(values: Iterable[Any]) -> tuple[Any, Any]:
    """The smallest and largest finite numbers written among some counts (None if none)."""
    numbers = [n for v in values for n in (interval(v).low, interval(v).high) if math.isfinite(n)]
    return (min(numbers), max(numbers)) if numbers else (None, None)


def extent(values: list[Any]) -> str:
    """The span of some counts for people: "16–28" when all are numbers; otherwise each
    distinct count as written, from the lowest ("over 20, 27")."""
    if not values:
        return ""
    if all(_number(v) for v in values):
        low, high = min(values), max(values)
        return _num(low) if low == high else f"{_num(low)}–{_num(high)}"
    ordered = sorted({text(v): interval(v) for v in values}.items(), key=lambda kv: (kv[1].low, kv[1].high))
    return ", ".join(written for written, _ in ordered)
