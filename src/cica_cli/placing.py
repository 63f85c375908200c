"""Where a dated event goes on a calendar or a time axis: its nominal first and last day,
how precise it is, and whether either end is open.

An approximate date ("2007~") is placed on its nominal span (2007), with `widened` giving the
span EDTF's reading allows (2006-2008). An open end ("../2021", "[2009-10..]", "2022-10-12/")
has no day: `first` or `last` is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from . import dates


@dataclass(frozen=True)
class Placement:
    text: str  # the EDTF date
    first: Optional[date]  # None when the start is open or unknown
    last: Optional[date]  # None when the end is open or unknown
    widened: tuple[date, date]  # dates.parse bounds (approximate dates widened)
    precision: str  # day, month or year
    kind: str  # date, interval or set
    approximate: bool
    uncertain: bool

    @property
    def open(self) -> bool:
        return self.first is None or self.last is None

    def label(self) -> str:
        """What a title should say about the date beyond the day: "(year)", "(c. month)",
        "(one day in this span)"; "" for a plain day or interval of days."""
        words = []
        if self.approximate:
            words.append("c.")
        if self.open:
            words.append("open-ended")
        elif self.kind == "set":
            words.append("one day in this span")
        elif self.precision != "day":
            words.append(self.precision)
        if self.uncertain:
            words.append("uncertain")
        return f"({' '.join(words)})" if words else ""


def place(text: str) -> Placement:
    span = dates.parse(text)
    nominal = dates.parse(re.sub(r"[~?%]", "", text)) if span.approximate or span.uncertain else span
    first = None if nominal.lower == date.min or text.startswith("/") else nominal.lower
    last = None if nominal.upper == date.max or text.endswith("/") else nominal.upper
    return Placement(text, first, last, (span.lower, span.upper), span.precision, span.kind,
                     span.approximate, span.uncertain)
