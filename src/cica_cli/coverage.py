"""Which dates and quantities in each article no record cites and no exclusion explains."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .check import quoted
from typing import Optional

from .dataset import Dataset
from .errors import DataError
from .yamlfile import ProblemError

_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion half dozen dozens first second third fourth fifth sixth "
    "seventh eighth ninth tenth"
).split()
_MONTHS = (
    "January February March April May June July August September October November December Sept"
).split()
_RELATIVE = ["years? ago", "months? ago", "weeks? ago", "(?:last|next|this) (?:week|month|year)"]

MENTION = re.compile(
    r"(?<![\w])(?:"
    r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"
    r"|(?i:" + "|".join(_NUMBER_WORDS + _RELATIVE) + r")"
    r"|" + "|".join(_MONTHS) +
    r")(?![\w])"
)


@dataclass
class Uncovered:
    source: str
    line: int
    mention: str
    context: str
    # where the mention is in the normalised article (quotes.Article.normal); not in the JSON
    start: int = field(default=0, metadata={"internal": True})
    end: int = field(default=0, metadata={"internal": True})


def mentions(normal_text: str) -> list[tuple[int, int]]:
    """(start, end) of every date-like or quantity-like word in a normalised text."""
    return [m.span() for m in MENTION.finditer(normal_text)]


def coverage(ds: Dataset, only: Optional[str] = None) -> list[Uncovered]:
    """Every mention of a date or quantity not inside a quote or an exclusion of its source
    (only the source `only`, if given). An article that cannot be read (missing, empty, not
    UTF-8, too large) is a DataError carrying one problem per article: coverage cannot be
    claimed for a text it did not see."""
    chosen = [s for s in ds.sources if only is None or s.id == only]
    problems = []
    for source in chosen:
        try:
            ds.article(source.id)
        except ProblemError as exc:
            problems.append(exc.problem)
    if problems:
        raise DataError(sorted(set(problems)))
    spans: dict[str, list[tuple[int, int]]] = {s.id: [] for s in chosen}
    for _label, _line, source_id, quote in quoted(ds):
        if source_id in spans:
            spans[source_id].extend(ds.article(source_id).find_all(quote))
    result = []
    for source in chosen:
        article = ds.article(source.id)
        # A mention is covered when one span holds all of it: among the spans starting at or
        # before it, the furthest end must reach its end (a bisection, not a scan).
        covered = sorted(spans[source.id])
        starts, reach, furthest = [s for s, _e in covered], [], -1
        for _s, e in covered:
            furthest = max(furthest, e)
            reach.append(furthest)
        for start, end in mentions(article.normal):
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and reach[i] >= end:
                continue
            snippet = article.normal[max(0, start - 40): end + 40]
            result.append(Uncovered(source.id, article.line_of(start), article.normal[start:end], snippet,
                                    start=start, end=end))
    return result
