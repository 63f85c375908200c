"""Articles and verbatim quotes.

A quote matches its article when the two are equal after normalising only whitespace
(including non-breaking spaces) and typographic quote and dash variants. Each article is
normalised once; positions map back to the original text for line numbers.
"""

from __future__ import annotations

import bisect
import re

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form in which quotes are compared with articles."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


def _periodic_length(text: str, at: int, period: int, known: int) -> int:
    """The length of the longest piece of `text` from `at` with the given period (each character
    equal to the one `period` before it), knowing it is at least `known`: doubling, then halving,
    with slice comparisons, so the cost is a few passes over the piece."""
    def periodic(length: int) -> bool:
        return at + length <= len(text) and text[at + period: at + length] == text[at: at + length - period]

    good, step = known, known
    while periodic(good + step):
        good += step
        step *= 2
    while step > 1:
        step //= 2
        if periodic(good + step):
            good += step
    return good


class Article:
    """An article's text, normalised once, with a map back to original offsets and lines.

    The map is built only when a position is asked for (coverage, not check): it records
    where a run of several whitespace characters became one space, so an offset is mapped
    back with one bisection.
    """

    def __init__(self, text: str):
        self.text = text
        self.normal = _SPACE.sub(" ", text.translate(_TRANSLATE))
        # From normal offset _points[i] on, _shifts[i] characters of whitespace were dropped.
        self._points: list[int] | None = None
        self._shifts: list[int] = []
        self._line_starts: list[int] | None = None

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Spans of the normalised article covering every occurrence of the normalised quote,
        and nothing else: overlapping occurrences ("10 10" in "10 10 10") come as one span.

        Linear in the article's length: searching again one character after each occurrence
        costs the quote's length per character when occurrences are dense (a periodic text),
        so a run of overlapping occurrences is measured with slice comparisons instead."""
        needle = normalise(quote)
        if not needle:
            return []
        text, m = self.normal, len(needle)
        spans, at = [], text.find(needle)
        while at != -1:
            overlap = text.find(needle, at + 1, at + 2 * m - 1)  # an occurrence starting inside this one
            if overlap == -1:
                spans.append((at, at + m))
                at = text.find(needle, at + m)
                continue
            period = overlap - at
            length = _periodic_length(text, at, period, m + period)
            last = at + (length - m) // period * period  # the last occurrence of the run
            spans.append((at, last + m))
            at = text.find(needle, last + 1)
        return spans

    def contains(self, quote: str) -> bool:
        needle = normalise(quote)
        return bool(needle) and needle in self.normal

    def original_offset(self, normal_offset: int) -> int:
        if normal_offset >= len(self.normal):
            return len(self.text)
        if self._points is None:
            points, shifts, dropped = [0], [0], 0
            for match in _SPACE.finditer(self.text.translate(_TRANSLATE)):
                start, end = match.span()
                if end - start > 1:
                    points.append(start - dropped + 1)
                    dropped += end - start - 1
                    shifts.append(dropped)
            self._points, self._shifts = points, shifts
        return normal_offset + self._shifts[bisect.bisect_right(self._points, normal_offset) - 1]

    def line_breaks(self) -> list[int]:
        """The offsets in the normalised text where the original breaks a line (the space a
        run of whitespace holding a newline became): where paragraphs and headings end."""
        breaks, dropped = [], 0
        for match in _SPACE.finditer(self.text.translate(_TRANSLATE)):
            start, end = match.span()
            if "\n" in self.text[start:end]:
                breaks.append(start - dropped)
            dropped += end - start - 1
        return breaks

    def line_of(self, normal_offset: int) -> int:
        """1-based line number in the original text of a position in the normalised text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return bisect.bisect_right(self._line_starts, self.original_offset(normal_offset))
