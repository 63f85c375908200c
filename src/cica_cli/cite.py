"""Citations: any fact in the dataset as paste-ready text (a one-sentence claim, the verbatim
quotes, and a reference to each article) in plain, Chicago, APA, BibTeX or Markdown style; and
its sources as CSL-JSON, the bibliography format of Zotero, Pandoc and every CSL processor.

Pure: records in, strings out. Where an article lacks a field the reference says so
("[untitled]", "[no author named]", "[outlet not named]") rather than inventing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from . import counts, dates
from .dataset import Dataset
from .errors import InvalidChoice, NotFound, UsageError
from .claims import held_as_of
from .model import Citation, Source, scope_words

STYLES = ("plain", "chicago", "apa", "bibtex", "markdown", "csl-json")
KINDS = ("event", "figure", "document", "member")

NO_TITLE = "[untitled]"
NO_AUTHOR = "[no author named]"
NO_OUTLET = "[outlet not named]"

_MONTHS = ("January February March April May June July August September October November "
           "December").split()

STATUS_PHRASES = {
    "member": "member state of CICA",
    "observer": "observer at CICA",
    "partner": "partner of CICA",
    "applicant": "applicant for membership of CICA",
    "non-member": "not a member of CICA",
    "cooperating": "cooperating with CICA",
}
ROLE_PHRASES = {
    "chair": "chair of CICA",
    "host": "host for CICA",
    "initiator": "initiator of CICA",
}


@dataclass
class Claim:
    """One citable fact: what it says, and the quotes (with their sources) that say it."""

    ref: str  # how to address it again: an id, or MEMBER:status:N / MEMBER:role:N
    kind: str  # event, figure, document, status or role
    sentence: str
    citations: list[Citation]
    record: Any = None
    inferred: Optional[str] = None
    sources: list[Source] = field(default_factory=list)

    @property
    def note(self) -> Optional[str]:
        """The curator's note on the record, if any."""
        return getattr(self.record, "notes", None)


# --- finding the fact ---------------------------------------------------------------


def claims(ds: Dataset, ref: str, source: Optional[str] = None) -> list[Claim]:
    """The claim(s) a reference names: an event, figure or document id, `MEMBER:status:N`,
    `MEMBER:role:N` (N counted from 1), or a member alone (all its statuses, then roles).
    A `event:`, `figure:`, `document:` or `member:` prefix settles an id shared by two kinds.
    With `source` (an id), what that source says: its quotes only, and a dated record at
    the date that source gives (or "no date given" where it gives none)."""
    found = _claims(ds, ref)
    if source is None:
        return found
    return [_as_said_by(ds, c, source) for c in found if any(x.source == source for x in c.citations)] or _not_cited(ref, source)


def _not_cited(ref: str, source: str) -> list[Claim]:
    raise NotFound(f"source '{source}' says nothing cited about {ref!r}; `cica show {ref}` lists its sources")


def _as_said_by(ds: Dataset, claim: Claim, source: str) -> Claim:
    """The claim as one source makes it: its citations, and its own date for a dated record."""
    from dataclasses import replace

    from .claims import narrowest

    citations = [c for c in claim.citations if c.source == source]
    record = claim.record
    if claim.kind in ("event", "document"):
        record = replace(record, date=narrowest([c.date for c in citations if c.date]))
        rebuilt = (_event_claim if claim.kind == "event" else _document_claim)(ds, record)
        sentence = rebuilt.sentence
    else:
        sentence = claim.sentence
    return _with_sources(ds, Claim(claim.ref, claim.kind, sentence, citations, record, claim.inferred))


def _claims(ds: Dataset, ref: str) -> list[Claim]:
    ref = ref.strip()
    parts = ref.split(":")
    if len(parts) == 3 and parts[1] in ("status", "role"):
        return [_numbered(ds, *parts, ref)]
    if len(parts) == 2 and parts[0] in KINDS:
        kinds, key = (parts[0],), parts[1]
    elif len(parts) == 1:
        kinds, key = KINDS, ref
    else:
        raise UsageError(
            f"cannot read {ref!r}: give an id, MEMBER:status:N, MEMBER:role:N or KIND:ID "
            f"(KIND one of {', '.join(KINDS)})")
    found = [(kind, record) for kind in kinds
             if (record := ds.by_id(kind + "s").get(key)) is not None]
    if not found:
        raise NotFound(f"no fact with id {ref!r}{_hint(ds, key)}")
    if len(found) > 1:
        options = " or ".join(f"{kind}:{key}" for kind, _ in found)
        raise UsageError(f"{key!r} is the id of more than one kind of record; write {options}")
    kind, record = found[0]
    if kind == "member":
        result = [_status_claim(ds, record, "status", i) for i in range(1, len(record.statuses) + 1)]
        result += [_status_claim(ds, record, "role", i) for i in range(1, len(record.roles) + 1)]
        if not result:
            raise NotFound(f"member {key!r} has no cited status or role")
        return result
    return [{"event": _event_claim, "figure": _figure_claim, "document": _document_claim}[kind](ds, record)]


def _numbered(ds: Dataset, member_id: str, what: str, number: str, ref: str) -> Claim:
    member = ds.by_id("members").get(member_id)
    if member is None:
        raise NotFound(f"no member with id {member_id!r}{_hint(ds, member_id, ('members',))}")
    items = member.statuses if what == "status" else member.roles
    if not number.isdigit() or not 1 <= int(number) <= len(items):
        have = f"1 to {len(items)}" if items else "none"
        raise NotFound(f"{ref!r}: {member.name} has no {what} number {number!r} (it has {have})")
    return _status_claim(ds, member, what, int(number))


def _hint(ds: Dataset, key: str, kinds=("events", "figures", "documents", "members")) -> str:
    from .names import fold, suggest

    ids = [i for kind in kinds for i in ds.by_id(kind)]
    close = suggest(fold(key), [(fold(i), i, i) for i in ids], lambda i: [i])  # as for names
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


# --- the claims ----------------------------------------------------------------------


def _with_sources(ds: Dataset, claim: Claim) -> Claim:
    ids = dict.fromkeys(c.source for c in claim.citations)
    claim.sources = [ds.source(i) for i in ids if ds.source(i) is not None]
    return claim


def _event_claim(ds: Dataset, event) -> Claim:
    when = (dates.human(event.date) if event.date else "no date given") + (f", {event.status}" if event.status != "held" else "")
    return _with_sources(ds, Claim(event.id, "event", f"{_stop(event.title)} ({when}).",
                                   event.citations, event, event.inferred))


def _figure_claim(ds: Dataset, figure) -> Claim:
    metric = ds.by_id("metrics").get(figure.metric)
    description = metric.description if metric else figure.metric
    unit = f" {metric.unit}" if metric else ""
    value = counts.text(figure.value)
    scope = scope_words(figure.scope, figure.qualifier)
    qualifier = f", {scope}" if scope else ""
    as_of, _ = held_as_of(ds, figure, figure.source)
    when = f" (as of {dates.human(as_of)})" if as_of else ""
    citation = Citation(figure.source, figure.quote)
    return _with_sources(ds, Claim(figure.id, "figure", f"{description}: {value}{unit}{qualifier}{when}.",
                                   [citation], figure, figure.inferred))


def _document_claim(ds: Dataset, document) -> Claim:
    when = dates.human(document.date) if document.date else "undated"
    kind = document.kind.replace("-", " ")
    return _with_sources(ds, Claim(document.id, "document", f"{_stop(document.title)} ({kind}, {when}).",
                                   document.citations, document, document.inferred))


def _status_claim(ds: Dataset, member, what: str, number: int) -> Claim:
    item = (member.statuses if what == "status" else member.roles)[number - 1]
    value = item.status if what == "status" else item.role
    phrase = (STATUS_PHRASES if what == "status" else ROLE_PHRASES).get(value, value)
    when = []
    if item.date:
        when.append(f"dated {dates.human(item.date)}")
    as_of = item.as_of if item.date else held_as_of(ds, item, item.citations[0].source if item.citations else None)[0]
    if as_of:
        when.append(f"as of {dates.human(as_of)}")
    suffix = f" ({'; '.join(when)})" if when else ""
    claim = Claim(f"{member.id}:{what}:{number}", what, f"{member.name}: {phrase}{suffix}.",
                  item.citations, item, item.inferred)
    return _with_sources(ds, claim)


def _stop(text: str) -> str:
    """`text` without a final full stop, so one can be added."""
    return text[:-1] if text.endswith(".") else text


# --- references ----------------------------------------------------------------------


def _styled_date(edtf: str, month: str, day: str) -> str:
    """A plain date at its own precision in a style's order (`month`, `day`: format strings of
    {y}, {m}, {d}); a year is the year; anything rougher as `dates.human` writes it."""
    span = dates.parse(edtf)
    if span.kind != "date" or span.approximate or span.uncertain:
        return dates.human(edtf)
    if span.precision == "year":
        return edtf[:4]
    low = span.lower
    return (month if span.precision == "month" else day).format(y=low.year, m=_MONTHS[low.month - 1], d=low.day)


def long_date(edtf: str) -> str:
    """Chicago's order: "July 16, 2023", "October 2022", "2021"."""
    return _styled_date(edtf, "{m} {y}", "{m} {d}, {y}")


def _join(names: list[str], final: str = "and", serial_pair: bool = False) -> str:
    """"A", "A and B", "A, B and C"; `serial_pair` puts the comma before the final word of a
    pair too ("Laumulin, Murat, and Svetlana Kozhirova")."""
    if len(names) < 2 or len(names) == 2 and not serial_pair:
        return f" {final} ".join(names)
    return ", ".join(names[:-1]) + f", {final} " + names[-1]


def is_organisation(name: str) -> bool:
    """An author written in braces in sources.yaml ("{Institute for Strategic Studies}") is an
    organisation: its name is never inverted, split into initials or parsed by BibTeX."""
    return len(name) > 2 and name[0] == "{" and name[-1] == "}"


def author_name(name: str) -> str:
    """The author's name as printed: an organisation's without its braces."""
    return name[1:-1].strip() if is_organisation(name) else name


def _names(source: Source) -> list[str]:
    return [author_name(a) for a in source.authors]


def _inverted(name: str) -> str:
    if is_organisation(name):
        return author_name(name)
    given, _, family = name.rpartition(" ")
    return f"{family}, {given}" if given else family


def _initials(name: str) -> str:
    if is_organisation(name):
        return author_name(name)
    given, _, family = name.rpartition(" ")
    if not given:
        return family
    letters = " ".join(part if part.endswith(".") else part[0] + "." for part in given.split())
    return f"{family}, {letters}"


def _facts_as_of(source: Source) -> str:
    return "" if source.as_of == source.published else f"Facts as of {dates.human(source.as_of)}."


def reference(source: Source, style: str = "plain") -> str:
    """The article as a reference in `style` (plain, chicago, apa; markdown italicises the title)."""
    title = _stop(source.title) if source.title else None
    outlet = source.outlet or NO_OUTLET
    as_of = _facts_as_of(source)
    if style == "chicago":
        authors = _join([_inverted(source.authors[0]), *_names(source)[1:]], serial_pair=True) if source.authors else NO_AUTHOR
        title_text = f"“{title}.”" if title else f"{NO_TITLE}."
        parts = [f"{_stop(authors)}.", title_text, f"{outlet}, {long_date(source.published)}.", as_of]
    elif style == "apa":
        authors = _join([_initials(a) for a in source.authors], "&", serial_pair=True) if source.authors else NO_AUTHOR
        published = dates.parse(source.published)
        plain = published.kind == "date" and not (published.approximate or published.uncertain)
        stamp = _apa_date(source.published) if plain else dates.human(source.published)
        parts = [_stop(authors) + ".", f"({stamp}).", f"{title}." if title else f"{NO_TITLE}.", f"{outlet}.", as_of]
    else:
        authors = _join(_names(source)) if source.authors else NO_AUTHOR
        title_text = (f"*{title}*" if style == "markdown" else f"“{title}”") if title else NO_TITLE
        parts = [f"{_stop(authors)}.", f"{title_text}.", f"{outlet}, {dates.human(source.published)}.", as_of]
    return " ".join(p for p in parts if p)


def _apa_date(edtf: str) -> str:
    """APA's order: "2023, July 16", "2022, October", "2021"."""
    return _styled_date(edtf, "{y}, {m}", "{y}, {m} {d}")


# --- BibTeX -------------------------------------------------------------------------

_BIB_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\textasciitilde{}",
}


def bib_escape(text: str) -> str:
    """`text` safe inside a BibTeX braced field: TeX specials escaped, newlines as spaces."""
    from .safetext import clean

    text = clean(re.sub(r"\s+", " ", text))  # control characters as \x1b, then escaped for TeX
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in text)


def bib_author(name: str) -> str:
    """An author for BibTeX's author field: an organisation in an extra pair of braces, so that
    BibTeX takes the whole name as a family name ({{Institute for Strategic Studies}})."""
    return "{" + bib_escape(author_name(name)) + "}" if is_organisation(name) else bib_escape(name)


def bib_key(source: Source) -> str:
    """A stable citation key from the source id (letters, digits and - _ : kept)."""
    return re.sub(r"[^A-Za-z0-9_:-]", "-", source.id)


def bibtex_entry(source: Source) -> str:
    span = dates.parse(source.published)
    fields: list[tuple[str, str]] = []
    missing = []
    if source.authors:
        fields.append(("author", " and ".join(bib_author(a) for a in source.authors)))
    else:
        missing.append("no author named")
    fields.append(("title", "{" + bib_escape(source.title) + "}" if source.title else NO_TITLE))
    if source.outlet:
        fields.append(("howpublished", bib_escape(source.outlet)))
    else:
        missing.append("outlet not named")
    fields.append(("year", str(bib_year(source.published))))
    if span.kind == "date" and not (span.approximate or span.uncertain) and span.precision != "year":
        fields.append(("month", _MONTHS[span.lower.month - 1][:3].lower()))
    fields.append(("date", biblatex_date(source.published)))
    notes = [f"Published {dates.human(source.published)}"]
    if source.as_of != source.published:
        notes.append(f"facts as of {dates.human(source.as_of)}")
    notes += missing
    fields.append(("note", bib_escape("; ".join(notes)) + "."))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    # month macros (jan, feb, ...) are written bare, as BibTeX expects
    body = re.sub(r"month = \{([a-z]{3})\}", r"month = \1", body)
    return f"@misc{{{bib_key(source)},\n{body}\n}}"


def _bib_comment(text: str) -> str:
    """A comment line for a .bib file; BibTeX reads an @ outside an entry as a new entry."""
    return "% " + re.sub(r"\s+", " ", text).replace("@", "(at)")


def bib_year(edtf: str) -> int:
    """BibTeX's `year`, always a number: the year of the date's first possible day as written
    (2009 for "2009~", 2022 for "[2022-10-14..2022-12-31]"), or of its last when the start
    is open ("../2021": 2021)."""
    from .placing import place

    where = place(edtf)
    day = where.first or where.last
    return day.year if day else dates.parse(edtf).lower.year


def biblatex_date(edtf: str) -> str:
    """biblatex's `date`: the EDTF date in the ISO 8601-2 level 1 form biblatex reads.

    A date, a qualified date ("2009~") and an interval ("2022-10-12/2022-10-13", "../2021",
    "2022/") are already in that form. A "one of" set ("[A..B]", "[A, B]") is level 2, which
    biblatex does not read: it becomes the interval from its earliest to its latest element
    ("A/B"), with ".." for an open side ("[2009-10..]" -> "2009-10/..")."""
    span = dates.parse(edtf)
    if span.kind != "set":
        return edtf
    parts = re.split(r", *", edtf[1:-1])
    known = [end for part in parts for end in part.split("..") if end]
    first = ".." if any(p.startswith("..") for p in parts) else min(known, key=lambda e: _nominal(e).lower)
    last = ".." if any(p.endswith("..") for p in parts) else max(known, key=lambda e: _nominal(e).upper)
    return first if first == last else f"{first}/{last}"


def _nominal(edtf: str) -> dates.Span:
    """A single date without its qualifier: "2019~" as 2019, to order the elements of a set."""
    return dates.parse(edtf.rstrip("~?%"))


# --- CSL-JSON -----------------------------------------------------------------------


def csl_name(name: str) -> dict:
    """An author as a CSL name: an organisation ("{Institute for Strategic Studies}") as one
    literal name, never split or inverted; a person split at the last space, as Chicago and
    APA here split it ("R. Ravichandran": given "R.", family "Ravichandran")."""
    if is_organisation(name):
        return {"literal": author_name(name)}
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"family": family}


def _date_parts(edtf: str) -> list[int]:
    return [int(p) for p in edtf.rstrip("~?%").split("-")]


def csl_date(edtf: str) -> dict:
    """An EDTF date as a CSL date at its own precision: `date-parts` of one date ([[2021]],
    [[2022, 10]], [[2020, 3, 3]]) or of an interval's two ends, `circa` for an approximate or
    uncertain one; anything CSL dates cannot hold (an open end, one day among several) as a
    `literal` in words ("16 Jul 2023, 2024 or 2025"), never as a span it is not."""
    span = dates.parse(edtf)
    if span.kind == "date":
        parts: dict = {"date-parts": [_date_parts(edtf)]}
    elif span.kind == "interval" and not any(side in ("", "..") for side in edtf.split("/")):
        parts = {"date-parts": [_date_parts(side) for side in edtf.split("/")]}
    else:
        return {"literal": dates.human(edtf)}
    if span.approximate or span.uncertain:
        parts["circa"] = True
    return parts


def csl_item(source: Source) -> dict:
    """A source as one CSL-JSON item (an article; fields the article lacks are left out)."""
    item: dict = {"id": source.id, "type": "article-newspaper"}
    if source.authors:
        item["author"] = [csl_name(a) for a in source.authors]
    if source.title:
        item["title"] = _stop(source.title)
    if source.outlet:
        item["container-title"] = source.outlet
    item["issued"] = csl_date(source.published)
    as_of = _facts_as_of(source)
    if as_of:
        item["note"] = as_of
    return item


def csl_json(sources: list[Source]) -> list[dict]:
    """The sources as a CSL-JSON bibliography (an array of items), each once."""
    seen: dict[str, Source] = {}
    for source in sources:
        seen.setdefault(source.id, source)
    return [csl_item(s) for s in seen.values()]


# --- the whole citation --------------------------------------------------------------


def _md(text: str) -> str:
    """Markdown-safe text: punctuation that would become markup is backslash-escaped."""
    text = text.replace("&", "&amp;")
    return re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", re.sub(r"\s*\n\s*", " ", text))


def quotes_by_source(citations: list[Citation]) -> dict[str, list[Citation]]:
    """Source id -> its citations, in citation order."""
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        groups.setdefault(c.source, []).append(c)
    return groups


def format_claim(claim: Claim, style: str = "plain") -> str:
    """The claim in `style`: the sentence, each quote, and a reference per source."""
    if style not in STYLES:
        raise InvalidChoice("style", style, STYLES)
    from .claims import quoted

    if style == "csl-json":
        import json

        return json.dumps(csl_json(claim.sources), indent=2)
    by_source = {s.id: s for s in claim.sources}
    groups = quotes_by_source(claim.citations)
    lines: list[str] = []
    if style == "bibtex":
        lines.append(_bib_comment(f"{claim.ref}: {claim.sentence}"))
        for source_id, quotes in groups.items():
            lines += [_bib_comment(f"[{source_id}] {quoted(q)}") for q in quotes]
        lines.append("")
        lines += [bibtex_entry(s) + "\n" for s in claim.sources]
        return "\n".join(lines).rstrip("\n")
    if style == "markdown":
        lines.append(_md(claim.sentence))
        if claim.inferred:
            lines += ["", f"*Inferred:* {_md(claim.inferred)}"]
        if claim.note:
            lines += ["", f"*Note:* {_md(claim.note)}"]
        for source_id, quotes in groups.items():
            lines.append("")
            for c in quotes:
                when = f" ({_md(dates.human(c.date))}{', inferred' if c.inferred else ''})" if c.date else ""
                lines += [f"> {_md(c.quote)}{when}", ">"]
            source = by_source.get(source_id)
            ref = _md_reference(source) if source else _md(source_id)
            lines.append(f"> — {ref}")
        return "\n".join(lines)
    lines.append(claim.sentence)
    if claim.inferred:
        lines.append(f"Inferred: {claim.inferred}")
    if claim.note:
        lines.append(f"Note: {claim.note}")
    for source_id, quotes in groups.items():
        lines += [f"  {quoted(q)}" for q in quotes]
        source = by_source.get(source_id)
        lines.append(f"  — {reference(source, style) if source else source_id}")
    return "\n".join(lines)


def _md_reference(source: Source) -> str:
    """The plain reference with the title in italics, every piece of data escaped."""
    title = f"*{_md(_stop(source.title))}*" if source.title else _md(NO_TITLE)
    authors = _md(_stop(_join(_names(source)))) if source.authors else _md(NO_AUTHOR)
    outlet = _md(source.outlet) if source.outlet else _md(NO_OUTLET)
    as_of = _facts_as_of(source)
    parts = [f"{authors}.", f"{title}.", f"{outlet}, {_md(dates.human(source.published))}.", _md(as_of)]
    return " ".join(p for p in parts if p)


def format_claims(found: list[Claim], style: str = "plain") -> str:
    """Several claims; in BibTeX and CSL-JSON each source's entry is given once."""
    if style == "csl-json":
        import json

        return json.dumps(csl_json([s for c in found for s in c.sources]), indent=2)
    if style != "bibtex":
        return "\n\n".join(format_claim(c, style) for c in found)
    seen: set[str] = set()
    parts = []
    for claim in found:
        fresh = [s for s in claim.sources if s.id not in seen]
        seen.update(s.id for s in fresh)
        parts.append(format_claim(Claim(claim.ref, claim.kind, claim.sentence, claim.citations,
                                        claim.record, claim.inferred, fresh), style))
    return "\n\n".join(parts)


def to_json(claim: Claim, style: str = "plain") -> dict:
    """The claim as JSON-ready data; the record and sources keep the YAML field names."""
    from .model import to_dict

    return {
        "ref": claim.ref,
        "kind": claim.kind,
        "claim": claim.sentence,
        "inferred": claim.inferred,
        "notes": claim.note,
        "citations": to_dict(claim.citations),
        "sources": to_dict(claim.sources),
        "record": to_dict(claim.record),
        "style": style,
        "text": format_claim(claim, style),
    }
