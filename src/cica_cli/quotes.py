"""Articles and verbatim quotes.

A quote matches its article when the two are equal after normalising only whitespace
(including non-breaking spaces) and typographic quote and dash variants. Each article is
normalised once; positions map back to the original text for line numbers.
"""

from __future__ import annotations

import bisect
import re
from array import array

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form in which quotes are compared with articles."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


class Article:
    """An article's text, normalised once, with a map back to original offsets and lines."""

    def __init__(self, text: str):
        self.text = text
        translated = text.translate(_TRANSLATE)
        parts: list[str] = []
        offsets = array("l")
        position = 0
        for match in _SPACE.finditer(translated):
            start, end = match.span()
            parts.append(translated[position:start])
            offsets.extend(range(position, start))
            parts.append(" ")
            offsets.append(start)
            position = end
        parts.append(translated[position:])
        offsets.extend(range(position, len(translated)))
        self.normal = "".join(parts)
        self._offsets = offsets
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def find_all(self, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) of the normalised quote in the normalised article."""
        needle = normalise(quote)
        if not needle:
            return []
        spans, start = [], self.normal.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = self.normal.find(needle, start + 1)
        return spans

    def contains(self, quote: str) -> bool:
        needle = normalise(quote)
        return bool(needle) and needle in self.normal

    def original_offset(self, normal_offset: int) -> int:
        if normal_offset >= len(self._offsets):
            return len(self.text)
        return self._offsets[normal_offset]

    def line_of(self, normal_offset: int) -> int:
        """1-based line number in the original text of a position in the normalised text."""
        return bisect.bisect_right(self._line_starts, self.original_offset(normal_offset))
