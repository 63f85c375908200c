"""Full-text search over the articles and the prose of the dataset.

Matching ignores case, accents and punctuation (each run of spaces and punctuation counts as
one space), so "almaty act" finds "Almaty Act," and "askeroglu" finds "ASKEROĞLU". Positions
map back to the original text, which is returned verbatim.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from .dataset import Dataset
from .errors import DataError, UsageError
from .lookup import KINDS
from .model import KIND
from .names import fold_map, fold_words
from .yamlfile import ProblemError

# Fields of the records that hold prose (ids, dates and references are not searched).
PROSE_FIELDS = frozenset({
    "title", "name", "aliases", "summary", "place", "notes", "inferred", "quote", "description",
    "qualifier", "authors", "outlet", "published_basis", "as_of_basis", "office",
})
CONTEXT_WORDS = 8
_WORD_EDGE = re.compile(r"\s+")


@dataclass
class ArticleHit:
    """A match in an article: its 1-based line, and the words around it on that line."""

    source: str
    line: int
    match: str
    before: str
    after: str


@dataclass
class RecordHit:
    """A match in a record's prose: `record` is event, member, document, figure, source or metric; `field` the path to the
    text (`citations[0].quote`); `detail` the part of a member it belongs to."""

    record: str
    id: str
    field: str
    detail: str
    match: str
    before: str
    after: str


@dataclass
class Results:
    query: str
    articles: list[ArticleHit]
    records: list[RecordHit]

    def __bool__(self) -> bool:
        return bool(self.articles or self.records)


def needle(query: str) -> str:
    """The folded form of a query; a UsageError if nothing searchable is left."""
    folded = fold_words(query)
    if not folded:
        raise UsageError(f"nothing to search for in {query!r}: give some letters or digits")
    return folded


def find_spans(text: str, folded_query: str) -> list[tuple[int, int]]:
    """Every (start, end) in `text` whose folded form contains `folded_query`, non-overlapping."""
    folded, offsets = fold_map(text)
    spans, at = [], folded.find(folded_query)
    while at != -1:
        end_at = at + len(folded_query)
        start, end = offsets[at], offsets[end_at - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # keep an accent written as a separate character with its letter
        spans.append((start, end))
        at = folded.find(folded_query, end_at)
    return spans


CONTEXT_CHARS = 400  # context is looked for this far from a match at most


def context(text: str, start: int, end: int, words: int = CONTEXT_WORDS,
            low: int = 0, high: Optional[int] = None) -> tuple[str, str]:
    """Up to `words` words of `text[low:high]` before `start` and after `end`, with "…" where
    cut. Only CONTEXT_CHARS characters on each side are looked at, so the cost of a match does
    not grow with the length of its line (a one-line article of megabytes)."""
    high = len(text) if high is None else high
    first, last = max(low, start - CONTEXT_CHARS), min(high, end + CONTEXT_CHARS)
    before = _WORD_EDGE.split(text[first:start])
    after = _WORD_EDGE.split(text[end:last])
    head = " ".join(before[-words - 1:])  # the last item is the part of a word touching the match
    tail = " ".join(after[:words + 1])
    if len(before) > words + 1 or first > low:
        head = "… " + head
    if len(after) > words + 1 or last < high:
        tail = tail + " …"
    return head, tail


def search(ds: Dataset, query: str, source: Optional[str] = None) -> Results:
    """Matches of `query` in every article (or only `source`'s) and in the dataset's prose."""
    folded = needle(query)
    articles: list[ArticleHit] = []
    for src in ds.sources:
        if source is not None and src.id != source:
            continue
        try:
            text = ds.article(src.id).text
        except ProblemError as exc:
            raise DataError([exc.problem]) from None
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        for start, end in find_spans(text, folded):
            line = _line_of(line_starts, start)
            line_start = line_starts[line - 1]
            following = bisect.bisect_right(line_starts, end)  # the first line starting after the match
            line_end = line_starts[following] - 1 if following < len(line_starts) else len(text)
            before, after = context(text, start, end, low=line_start, high=line_end)
            articles.append(ArticleHit(src.id, line, text[start:end], before, after))
    records: list[RecordHit] = []
    for kind in KINDS:
        for record in getattr(ds, kind):
            for path, detail, value in _prose(record):
                if source is not None and not _cites(record, path, source):
                    continue
                for start, end in find_spans(value, folded):
                    before, after = context(value, start, end)
                    records.append(RecordHit(KIND[kind].singular, record.id, path, detail, value[start:end], before, after))
    return Results(query, articles, records)


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect.bisect_right(line_starts, offset)


def _prose(record: Any, path: str = "", detail: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, detail, text) for every prose string in a record and the records nested in it."""
    from .model import Name, Office, Role, Status, public_fields

    if isinstance(record, Status):
        detail = f"status {record.status}"
    elif isinstance(record, Role):
        detail = f"role {record.role}"
    elif isinstance(record, Office):
        detail = f"office {record.office}"
    elif isinstance(record, Name):
        detail = f"{record.kind} {record.name}"
    for f in public_fields(type(record)):
        value = getattr(record, f.name)
        where = f"{path}.{f.name}" if path else f.name
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            at = f"{where}[{i}]" if isinstance(value, list) else where
            if dataclasses.is_dataclass(item):
                yield from _prose(item, at, detail)
            elif isinstance(item, str) and f.name in PROSE_FIELDS:
                yield at, detail, item


def _cites(record: Any, path: str, source: str) -> bool:
    """With --source: is this text the quote of a citation of `source`, or from the source itself?"""
    if getattr(record, "id", None) == source and hasattr(record, "as_of_basis"):
        return True
    if path.endswith("quote"):
        owner = record
        for part in path.split(".")[:-1]:
            name, _, index = part.partition("[")
            owner = getattr(owner, name)
            if index:
                owner = owner[int(index.rstrip("]"))]
        return getattr(owner, "source", None) == source
    return False
