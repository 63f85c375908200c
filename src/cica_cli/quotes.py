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
_WORD = re.compile(r"\S+")
_CANDIDATES = 64  # windows compared character by character, at most, per quote
_PUNCTUATION = "\"'.,;:!?()[]-"


def _alike(quoted: list[str], found: list[str]) -> bool:
    """Whether words at either end of a quote that did not align are the article's words
    there, altered (a typo, a changed digit), rather than words the article does not have."""
    import difflib

    return difflib.SequenceMatcher(None, " ".join(quoted), " ".join(found), autojunk=False).ratio() >= 0.5


def _common(a: str, b: str) -> int:
    """The length of the longest common beginning of `a` and `b`."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _token(word: str) -> str:
    """A word as `Article.nearest` compares it: lower case, without surrounding punctuation."""
    return word.strip(_PUNCTUATION).casefold() or word


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
        self._words: tuple[list[str], list[int], list[int]] | None = None

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

    def nearest(self, quote: str) -> tuple[int, int, float]:
        """(start, end, similarity 0..1) of the passage of the normalised article nearest to
        a quote that is not in it, (0, 0, 0.0) for an empty quote or article.

        The windows of the quote's length in words holding most of its words are candidates
        (words compared in lower case without surrounding punctuation, so a dropped comma or
        a changed capital still finds its passage). In each, difflib aligns the quote's words
        with the article's, and the passage runs from the first aligned word to the last,
        widened over as many words as the quote has before the first and after the last where
        those are alike (a typo in the first or last word), not over words the quote runs on
        with. The passage most like the quote, character by character, is chosen.

        Chosen over rapidfuzz's partial_ratio_alignment by measurement on the shipped
        articles (bench/nearest_quote.py): right more often (a quote that runs on past its
        sentence), fast enough, and no dependency."""
        import difflib

        needle = normalise(quote)
        wanted = [_token(w) for w in needle.split(" ") if w]
        tokens, starts, ends = self._tokens()
        if not wanted or not tokens:
            return 0, 0, 0.0
        size = min(len(wanted), len(tokens))
        present = set(wanted)
        hits = [0]
        for token in tokens:
            hits.append(hits[-1] + (token in present))
        counts = [hits[i + size] - hits[i] for i in range(len(tokens) - size + 1)]
        most = max(counts)
        candidates = [i for i, n in enumerate(counts) if n == most][:_CANDIDATES]
        words = difflib.SequenceMatcher(None, autojunk=False)
        words.set_seq2(wanted)
        chars = difflib.SequenceMatcher(None, autojunk=False)
        chars.set_seq2(needle)
        slack = max(2, size // 4)
        best = (-1.0, 0, 0)
        for i in candidates:
            lo, hi = max(0, i - slack), min(len(tokens), i + size + slack)
            words.set_seq1(tokens[lo:hi])
            blocks = [blk for blk in words.get_matching_blocks() if blk.size]
            if not blocks:
                a, b = i, i + size
            else:
                first, last = blocks[0], blocks[-1]
                a, b = lo + first.a, lo + last.a + last.size
                head, tail = wanted[:first.b], wanted[last.b + last.size:]
                if head and _alike(head, tokens[max(0, a - len(head)):a]):
                    a = max(0, a - len(head))
                if tail and _alike(tail, tokens[b:b + len(tail)]):
                    b = min(len(tokens), b + len(tail))
            chars.set_seq1(self.normal[starts[a]:ends[b - 1]])
            similarity = chars.ratio()
            if similarity > best[0]:
                best = (similarity, a, b)
        similarity, a, b = best
        start, end = starts[a], ends[b - 1]
        # the passage's first and last words without punctuation the quote's do not have
        # ("1992." for "1992", "(CICA)," for "CICA"): not a difference worth showing
        first, last = needle.split(" ")[0], needle.split(" ")[-1]
        word = self.normal[starts[b - 1]:ends[b - 1]]
        if word != last and word.startswith(last):
            end = starts[b - 1] + len(last)
        else:
            kept = len(word.rstrip(_PUNCTUATION)) or len(word)
            end = starts[b - 1] + kept + _common(word[kept:], last[len(last.rstrip(_PUNCTUATION)):])
        word = self.normal[starts[a]:ends[a]]
        if word != first and word.endswith(first):
            start = ends[a] - len(first)
        else:
            cut = len(word) - len(word.lstrip(_PUNCTUATION))
            if cut < len(word):
                start = starts[a] + cut - _common(word[:cut][::-1], first[:len(first) - len(first.lstrip(_PUNCTUATION))][::-1])
        return start, end, similarity

    def _tokens(self) -> tuple[list[str], list[int], list[int]]:
        """The article's words as compared by `nearest`, with where each starts and ends."""
        if self._words is None:
            tokens, starts, ends = [], [], []
            for match in _WORD.finditer(self.normal):
                tokens.append(_token(match.group()))
                starts.append(match.start())
                ends.append(match.end())
            self._words = tokens, starts, ends
        return self._words

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


def differences(quote: str, passage: str, limit: int = 3) -> tuple[list[str], tuple[int, int]]:
    """Where a quote differs from a passage of its article, word by word, the words shown as
    each text writes them: ['the article has “mooted” where the quote has “proposed”', ...],
    at most `limit` of them and a last "and N more"; with the range (first, last + 1) of the
    passage's words that the differences touch. Words are compared as `normalise` leaves
    them (spacing, quote marks and dashes are not differences)."""
    import difflib

    ours, theirs = quote.split(), passage.split()
    said, first, last = [], None, 0
    # words compared without their punctuation first ("proposed." and "proposed" alike), so
    # that a changed word is not lost among stray full stops; with it when that is all there is
    loose = difflib.SequenceMatcher(None, [_token(normalise(w)) for w in ours], [_token(normalise(w)) for w in theirs],
                                    autojunk=False)
    matcher = loose if loose.ratio() < 1 else difflib.SequenceMatcher(
        None, [normalise(w) for w in ours], [normalise(w) for w in theirs], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        first = j1 if first is None else first
        last = max(last, j2)
        q, a = " ".join(ours[i1:i2]), " ".join(theirs[j1:j2])
        if op == "replace":
            said.append(f"the article has “{a}” where the quote has “{q}”")
        elif op == "delete":
            said.append(f"the quote adds “{q}”" + (f" after “{ours[i1 - 1]}”" if i1 else " at the start"))
        else:
            said.append(f"the quote leaves out “{a}”" + (f" after “{theirs[j1 - 1]}”" if j1 else " at the start"))
    if len(said) > limit:
        said = said[:limit] + [f"and {len(said) - limit} more"]
    return said, (first or 0, last)
