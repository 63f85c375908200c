"""Drafts of the records an article's uncovered dates and quantities probably belong to.

For each date or number `coverage` finds in a source's article that no record cites and no
exclusion explains, the sentence around it (a ready verbatim quote) and a skeleton of the
record it probably belongs to: an event or a document for a date, a figure for a number, a
status where the sentence speaks of membership, grouped per sentence. What the sentence
certainly gives (the source, the quote) is filled in; what would be a guess (an id, a kind,
a date, a value, a metric) is left empty with the guess beside it as a comment, so a draft
never passes `cica check` until a curator has read and decided. Nothing here prints or writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from . import dates, model
from .coverage import Uncovered, coverage
from .dataset import Dataset
from .names import fold_words

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS["sept"] = 9
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                      "ninety": 90, "hundred": 100, "dozen": 12})
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth").split()
_DOCUMENT_WORDS = ("declaration", "act", "catalogue", "action plan", "concept", "perception paper",
                   "statement", "charter", "agreement", "memorandum", "protocol", "resolution")
_STATUS_WORDS = {"member": "member", "members": "member", "membership": "member", "joined": "member",
                 "join": "applicant", "application": "applicant", "applied": "applicant",
                 "observer": "observer", "observers": "observer", "partner": "partner", "partners": "partner"}


@dataclass
class Mention:
    """One uncovered date or number in a sentence, and what it looks like."""

    text: str
    kind: str  # "date" or "number"
    line: int


@dataclass
class Draft:
    """One sentence of an article with uncovered mentions, and the records it may give."""

    source: str
    line: int
    quote: str  # the sentence, whitespace as one space: verbatim for `check`
    mentions: list[Mention]
    dates: list[str] = field(default_factory=list)  # the EDTF dates the words give plainly (hints)
    records: list[dict[str, Any]] = field(default_factory=list)  # {"kind", "file", "guesses", "existing"}
    own_date: Optional[str] = None  # a date the words give that is the source's published or as_of

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "quote": self.quote,
                "mentions": [{"text": m.text, "kind": m.kind, "line": m.line} for m in self.mentions],
                "dates": self.dates, "own_date": self.own_date, "records": self.records}


def sentences(text: str, breaks: list[int] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised article: split at the original's line
    breaks (`breaks`: a heading or a paragraph ends there) and after . ! ? before a capital or
    a digit (an abbreviation such as "Dr." may split a sentence: the quote is then shorter,
    never wrong)."""
    cuts = sorted({(m.start() + len(m.group(0).rstrip()), m.end()) for m in _SENTENCE_END.finditer(text)}
                  | {(b, b + 1) for b in breaks})
    spans, start = [], 0
    for end, next_start in cuts:
        spans.append((start, end))
        start = next_start
    spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip()))
            for s, e in spans if text[s:e].strip()]


def _words(text: str) -> list[str]:
    return fold_words(text).split()


def _kind_of(sentence: str, start: int, end: int) -> str:
    """"date" for a year, a month, a time ("last week", "ten years ago", "six months") and a
    day beside a month ("4 June", "June 4"); "number" otherwise."""
    word = sentence[start:end]
    w = word.casefold()
    if w in _MONTHS or w.startswith(("last", "next", "this")) or w.endswith("ago"):
        return "date"
    if re.fullmatch(r"(1[89]|20)\d\d", word):
        return "date"
    before, after = _words(sentence[max(0, start - 12):start])[-1:], _words(sentence[end:end + 24])[:2]
    if any(x in _MONTHS for x in before + after[:1]):
        return "date"
    if after and after[0] in ("years", "months", "weeks", "days", "year", "month", "week", "day"):
        return "date"  # a length of time ("six months", "ten years ago"), not a count
    return "number"


def edtf_of(sentence: str) -> list[str]:
    """The EDTF dates the words give plainly ("12 October 2022", "October 1992", "in 2002"),
    each once, in order. Hints: which one (if any) dates the fact, only reading tells."""
    found = []
    for m in re.finditer(r"\b(?:(\d{1,2})(?:-(\d{1,2}))? )?([A-Z][a-z]+)\.? (?:(\d{1,2})(?:st|nd|rd|th)?,? )?((?:1[89]|20)\d\d)\b", sentence):
        day, day_to, month, day2, year = m.groups()
        number = _MONTHS.get(month.casefold())
        if number is None:
            continue
        day = day or day2
        if day and day_to:
            found.append(f"{year}-{number:02d}-{int(day):02d}/{year}-{number:02d}-{int(day_to):02d}")
        elif day:
            found.append(f"{year}-{number:02d}-{int(day):02d}")
        else:
            found.append(f"{year}-{number:02d}")
    rest = re.sub(r"\b(?:\d{1,2}(?:-\d{1,2})? )?[A-Z][a-z]+\.? (?:\d{1,2}(?:st|nd|rd|th)?,? )?(?:1[89]|20)\d\d\b", " ", sentence)
    found += re.findall(r"\b(?:1[89]|20)\d\d\b", rest)
    good = []
    for text in dict.fromkeys(found):
        try:
            dates.parse(text)
        except dates.EDTFError:
            continue
        good.append(text)
    return good


def _value(word: str) -> Optional[int]:
    w = word.casefold()
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    if re.fullmatch(r"\d+", word):
        return int(word)
    return None


def _metric_guess(ds: Dataset, sentence: str, mention: str) -> Optional[str]:
    """The metric whose description and unit share the most words with the words right after
    the number ("27 member states" → member-states); None if none shares a word."""
    at = sentence.find(mention)
    after = set(_words(sentence[at + len(mention): at + len(mention) + 60])[:3])
    after |= {w.rstrip("s") for w in after}
    best, score = None, 0
    for metric in ds.metrics:
        words = set(_words(f"{metric.description} {metric.unit} {metric.id.replace('-', ' ')}"))
        words |= {w.rstrip("s") for w in words}
        common = len(after & words - {"of", "the", "at", "in", "cica", "a", "an"})
        if common > score:
            best, score = metric.id, common
    return best


def _existing(ds: Dataset, sentence: str, candidates: list[str]) -> list[str]:
    """Events and documents the sentence may be about: a record whose date may share a day
    with one the words give and whose title shares a word of five letters or more with them."""
    spans = [dates.parse(c) for c in candidates]
    words = {w for w in _words(sentence) if len(w) >= 5}
    found = []
    for record in list(ds.events) + list(ds.documents):
        if not record.date or not words & set(_words(record.title)):
            continue
        try:
            span = dates.parse(record.date)
        except dates.EDTFError:
            continue
        if span.lower == date.min or span.upper == date.max:
            continue  # open-ended ("Oct 2009 or later"): it would match nearly anything
        if any(dates.overlaps(span, s) for s in spans):
            found.append(f"{record.id} ({dates.human(record.date)})")
    return found[:3]


def _member_guess(ds: Dataset, sentence: str) -> list[str]:
    folded = f" {fold_words(sentence)} "
    found = []
    for m in ds.members:
        for name in [m.name, *m.aliases]:
            key = fold_words(name)
            if key and f" {key} " in folded:
                found.append(m.id)
                break
    return found


def draft(ds: Dataset, source_id: str) -> list[Draft]:
    """The drafts for one source, in the order of the article (coverage's DataError if the
    article cannot be read)."""
    missing: list[Uncovered] = coverage(ds, source_id)
    if not missing:
        return []
    article = ds.article(source_id)
    text = article.normal
    spans = sentences(text, article.line_breaks())
    starts = [s for s, _e in spans]
    import bisect

    groups: dict[int, list[Uncovered]] = {}
    for u in missing:
        i = max(0, bisect.bisect_right(starts, u.start) - 1)
        groups.setdefault(i, []).append(u)
    result = []
    for i, found in sorted(groups.items()):
        start, end = spans[i]
        # the words as the article writes them (its dashes and quote marks), on one line
        quote = " ".join(article.text[article.original_offset(start): article.original_offset(end - 1) + 1].split())
        mentions = [Mention(u.mention, _kind_of(text, u.start, u.end), u.line) for u in found]
        d = Draft(source_id, article.line_of(start), quote, mentions, edtf_of(quote))
        source = ds.source(source_id)
        d.own_date = next((x for x in d.dates if x in (source.published, source.as_of)), None)
        d.records = _records(ds, d)
        result.append(d)
    return result


def _records(ds: Dataset, d: Draft) -> list[dict[str, Any]]:
    """The records a sentence may give: each {"kind", "file", "guesses", "existing"}."""
    folded = fold_words(d.quote)
    words = set(folded.split())
    records = []
    has_date = any(m.kind == "date" for m in d.mentions)
    members = _member_guess(ds, d.quote)
    statuses = [s for w, s in _STATUS_WORDS.items() if w in words]
    if members and statuses:
        records.append({"kind": "status", "file": model.KIND["members"].label,
                        "guesses": {"member": members, "status": list(dict.fromkeys(statuses))}, "existing": members})
    if has_date:
        document = next((w for w in _DOCUMENT_WORDS if re.search(rf"\b{w}\b", folded)), None)
        existing = _existing(ds, d.quote, d.dates)
        if document:
            records.append({"kind": "document", "file": model.KIND["documents"].label,
                            "guesses": {"kind": _document_kind(document), "date": d.dates}, "existing": existing})
        kind = next((k for k in model.EVENT_KINDS if k in words or f"{k}s" in words), None)
        records.append({"kind": "event", "file": model.KIND["events"].label,
                        "guesses": {"kind": kind, "date": d.dates}, "existing": existing})
    for m in d.mentions:
        value = _value(m.text)
        if m.kind == "number" and value is not None:
            records.append({"kind": "figure", "file": model.KIND["figures"].label,
                            "guesses": {"value": value, "metric": _metric_guess(ds, d.quote, m.text)},
                            "existing": []})
    return records


def _document_kind(word: str) -> Optional[str]:
    kind = word.replace(" ", "-")
    return kind if kind in model.DOCUMENT_KINDS else None


# --- the draft as YAML with comments ------------------------------------------------------


def as_yaml(drafts: list[Draft], source: model.Source) -> str:
    """The drafts as a YAML file for review: every record commented out, so that nothing is
    taken as data until the curator uncomments it into its data file; in each, what the
    sentence certainly gives (source, quote) is written out and what is a guess is left empty
    with the guess beside it."""
    from .safetext import clean

    out = [
        f"# Drafts for source '{source.id}' (seeds/{source.file}): {len(drafts)} sentence(s) with dates or",
        "# numbers no record cites. For each: read the sentence in the article, then either move a record",
        "# into the data file named (uncommented, every empty field filled: a `?` marks a guess to check),",
        "# add the citation to the record it names as already there, or exclude the words in",
        "# data/excluded.yaml with the reason. Trim a quote to the words that say the fact.",
    ]
    for d in drafts:
        listed = ", ".join(f"{clean(m.text)} ({m.kind})" for m in d.mentions)
        out += ["", f"# --- line {d.line}: {listed}"]
        quote = _yaml_text(clean(d.quote))
        if d.own_date:
            out.append(f"# {d.own_date} is this source's own date (its published or as_of): if these words only date "
                       "the article (a dateline), exclude just those words")
        for r in d.records:
            out += _skeleton(r, source.id, quote, clean)
        out += ["# or, if it is no fact about CICA, in data/excluded.yaml:",
                f"# - source: {source.id}",
                f"#   text: {quote}",
                "#   reason:"]
    return "\n".join(out) + "\n"


def _skeleton(r: dict[str, Any], source_id: str, quote: str, clean) -> list[str]:
    g = r["guesses"]

    def guess(value: Any) -> str:
        if value in (None, [], ""):
            return ""
        if isinstance(value, list):
            value = " or ".join(str(v) for v in value)
        return f"  # {clean(str(value))}?"

    article = "an" if r["kind"][0] in "aeiou" else "a"
    lines = [f"# probably {article} {r['kind']}, in {r['file']}:"]
    if r["existing"]:
        lines.append(f"#   already there? {', '.join(r['existing'])}: then add only the citation below to it")
    if r["kind"] == "event":
        lines += ["# - id:  # YEAR-short-name", "#   title:", f"#   kind:{guess(g['kind'])}  # {', '.join(model.EVENT_KINDS)}",
                  "#   summary:", "#   citations:", f"#     - source: {source_id}", f"#       quote: {quote}",
                  f"#       date:{guess(g['date'])}  # the EDTF date these words give", "#       inferred:  # how, if the words do not say it outright"]
    elif r["kind"] == "document":
        lines += ["# - id:", "#   title:", f"#   kind:{guess(g['kind'])}", "#   citations:",
                  f"#     - source: {source_id}", f"#       quote: {quote}", f"#       date:{guess(g['date'])}"]
    elif r["kind"] == "figure":
        lines += ["# - id:  # METRIC-YEAR-source", f"#   metric:{guess(g['metric'])}", f"#   value:{guess(g['value'])}",
                  "#   scope: all  # or another of `cica scopes`, if the words count a part", f"#   source: {source_id}",
                  f"#   quote: {quote}", "#   as_of:  # only if the words date it apart from the source's as_of"]
    elif r["kind"] == "status":
        lines += [f"# under the member{guess(g['member'])}  statuses:", f"#   - status:{guess(g['status'])}",
                  "#     citations:", f"#       - source: {source_id}", f"#         quote: {quote}", "#         date:"]
    return lines


def _yaml_text(text: str) -> str:
    """A string as a YAML scalar: plain where YAML reads it back unchanged, else double-quoted."""
    import json

    if re.fullmatch(r"[A-Za-z][^:#\"'\n]*[^\s:]", text) and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)
