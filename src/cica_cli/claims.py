"""Claims: the date each source gives for a dated record, at that source's own precision.

A citation on an event, document, status or role may carry `date` (EDTF) and `inferred`
(how that date was worked out where the quote does not state it outright). The record's own
date is then *derived*: the narrowest date that lies within every claim, written back in
the same EDTF notation. A curator may still state the date on the record (with `inferred`
saying why, when outside knowledge is used); it must then share a day with the claims.

Two dates for the same thing are judged with the vocabulary of the figure verdicts:

* agree: the same span ("Oct 1992" and "1992-10");
* confirmed: one source states a date that lies within what another had only inferred;
  the inference is then confirmed by that source;
* compatible: the spans share a day, one usually containing the other ("1992" and
  "Oct 1992": different precision is not disagreement);
* conflict: the spans cannot share a day.

Pure: records in, records and problems out. Nothing here prints.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable, Iterable, Optional

from . import dates
from .errors import Problem

AGREE = "agree"
CONFIRMED = "confirmed"
COMPATIBLE = "compatible"
CONFLICT = "conflict"

STATED, CLAIMS, CONFLICTING = "stated", "claims", "conflict"  # the values of `date_basis`


def dated(citations: Iterable[Any]) -> list[Any]:
    """The citations that claim a date."""
    return [c for c in citations if c.date]


# --- the narrowest date within every claim ---------------------------------------------


def _edtf_day(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _last_of_month(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def _side(day: date, end: bool) -> str:
    """A bound as the coarsest EDTF date that starts (or ends) exactly on it."""
    if (not end and day.day == 1) or (end and _last_of_month(day)):
        if (not end and day.month == 1) or (end and day.month == 12):
            return f"{day.year:04d}"
        return f"{day.year:04d}-{day.month:02d}"
    return _edtf_day(day)


def write(lower: date, upper: date, interval: bool = False) -> str:
    """EDTF for the days `lower`..`upper`: one year, month or day when it is exactly that;
    else an interval (`interval`: the thing lasted from one to the other) or "one day
    somewhere between" (`[A..B]`)."""
    a = ".." if lower == date.min else _side(lower, end=False)
    b = ".." if upper == date.max else _side(upper, end=True)
    if a == b != "..":
        return a
    if interval:
        return f"{a}/{b}"
    return f"[{a.strip('.')}..{b.strip('.')}]"


def narrowest(texts: list[str]) -> Optional[str]:
    """The narrowest EDTF date lying within every date in `texts` (valid EDTF), written as one
    of them where one of them is exactly that span; None when they share no day."""
    spans = [dates.parse(t) for t in texts]
    if not spans:
        return None
    lower, upper = max(s.lower for s in spans), min(s.upper for s in spans)
    if lower > upper:
        return None
    exact = [s for s in spans if s.lower == lower and s.upper == upper]
    if exact:
        return min(exact, key=lambda s: (s.approximate or s.uncertain, len(s.text), s.text)).text
    return write(lower, upper, interval=any(s.kind == "interval" for s in spans))


def hull(texts: list[str]) -> str:
    """A date spanning every date in `texts`: where claims conflict, the record is placed
    somewhere between the earliest and the latest of them."""
    spans = [dates.parse(t) for t in texts]
    lower, upper = min(s.lower for s in spans), max(s.upper for s in spans)
    if lower == date.min and upper == date.max:  # open on both sides: no EDTF says "any time"
        return min(texts, key=lambda t: (dates.parse(t).lower, t))
    return write(lower, upper)


# --- settling a file's records -------------------------------------------------------------


def settle(label: str, records: list[Any], problems: list[Problem]) -> dict[str, dates.Span]:
    """Check every EDTF date in one data file's records (a problem for each invalid one) and
    set the date of each dated record from its claims, unless the curator stated it.
    Returns the spans of the valid dates. Run by the loader on every file it builds."""
    from .model import DATE_FIELDS, Citation, Source, line_of, walk

    spans: dict[str, dates.Span] = {}
    for record in records:
        parts = list(walk(record))
        for part in parts:
            for name in DATE_FIELDS:
                value = getattr(part, name, None)
                if value is None:
                    continue
                try:
                    spans[value] = dates.parse(value)
                except dates.EDTFError as exc:
                    problems.append(Problem(label, line_of(part, name), f"{name}: {exc}"))
            if isinstance(part, Citation) and part.inferred and not part.date:
                problems.append(Problem(label, line_of(part, "inferred"), "citation has `inferred` but no `date`: "
                                        "`inferred` says how the citation's date was worked out"))
        for part in parts:  # once every claim's date is parsed
            if hasattr(part, "date_basis"):
                _derive(label, part, spans, problems)
        if isinstance(record, Source) and record.as_of in spans and record.published in spans:
            if spans[record.as_of].lower > spans[record.published].upper:
                problems.append(Problem(label, line_of(record, "as_of"),
                                        f"source '{record.id}': as_of {record.as_of} is after published {record.published}"))
    return spans


def _derive(label: str, record: Any, spans: dict[str, dates.Span], problems: list[Problem]) -> None:
    from .model import broken, line_of

    claimed = [c.date for c in record.citations if c.date]
    if any(c not in spans for c in claimed):
        return  # an invalid claim: already reported
    if record.date is not None:
        if record.date not in spans:
            return
        record.date_basis = STATED
        together = narrowest(claimed) if claimed else None
        if claimed and together is not None and not dates.overlaps(spans[record.date], dates.parse(together)):
            problems.append(Problem(label, line_of(record, "date"),
                                    f"date {record.date} contradicts its claims ({', '.join(claimed)}): "
                                    f"they put it in {dates.human(together)}"))
        return
    if not claimed:
        if type(record).__name__ == "Event" and not {"date", "citations"} & set(broken(record)):
            problems.append(Problem(label, record.line, f"event '{record.id}' has no date: give the date a "
                                    "source gives on its citation (`date`), or state one on the event"))
        return
    together = narrowest(claimed)
    if together is None:
        record.date, record.date_basis = hull(claimed), CONFLICTING
    else:
        record.date, record.date_basis = together, CLAIMS
    spans[record.date] = dates.parse(record.date)


def date_inferred(record: Any) -> bool:
    """True when a record's date rests on inference: stated with a reason (`inferred`), or
    derived more precisely than any claim its source states outright (1992-10-05 from "30
    years" on October 5, when the articles say only "October 1992")."""
    if record.date_basis == STATED:
        return bool(getattr(record, "inferred", None))
    if record.date_basis not in (CLAIMS, CONFLICTING):
        return False
    stated = [c.date for c in record.citations if c.date and not c.inferred]
    together = narrowest(stated) if stated else None
    if together is None:
        return True
    said, derived = dates.parse(together), dates.parse(record.date)
    return (said.lower, said.upper) != (derived.lower, derived.upper)


def marked(record: Any) -> bool:
    """Whether a record is shown with the inference mark: its date or a link or reading of
    it was worked out rather than stated."""
    return bool(getattr(record, "inferred", None)) or (hasattr(record, "date_basis") and date_inferred(record))


def basis(record: Any) -> str:
    """How a record's date was settled, in one sentence for people."""
    claimed = [c for c in getattr(record, "citations", []) if c.date]
    if record.date_basis == STATED:
        why = " (see `inferred`)" if getattr(record, "inferred", None) else ""
        return f"stated on the record{why}, not derived from the sources' dates"
    listed = ", ".join(f"{c.source} {dates.human(c.date)}" + (" (inferred)" if c.inferred else "") for c in claimed)
    if record.date_basis == CLAIMS:
        if len({c.date for c in claimed}) == 1:
            return f"as the sources give it ({listed})"
        return f"derived: the narrowest date within every claim ({listed})"
    if record.date_basis == CONFLICTING:
        return f"the claims share no day ({listed}): placed between the earliest and the latest"
    return "no date"


def held_as_of(ds: Any, record: Any, source_id: Optional[str]) -> tuple[Optional[str], bool]:
    """The one rule for when a fact (a figure, a status, a role, an office, a name) is known to
    hold: its own `as_of`, else the `as_of` of the source that says it (flag True); None when
    neither is known (an unknown source)."""
    if record.as_of:
        return record.as_of, False
    source = ds.source(source_id) if source_id else None
    return (source.as_of, True) if source is not None else (None, False)


def first_held_as_of(ds: Any, record: Any) -> tuple[Optional[str], bool]:
    """`held_as_of` by the source that says it: a figure's own, else the record's first
    citation from a known source (a status, a role, an office, a name)."""
    if not hasattr(record, "citations"):  # a figure: said by its own source
        return held_as_of(ds, record, record.source)
    for citation in record.citations:
        when = held_as_of(ds, record, citation.source)
        if when[0] is not None:
            return when
    return held_as_of(ds, record, None)


def attribution(citation: Any) -> str:
    """A citation's source and, where it gives one, its own date: "askeroglu-2022, 1992";
    "auelbayev-2022, 5 Oct 1992, inferred". The one way a source is shown beside a date."""
    if not getattr(citation, "date", None):
        return citation.source
    return f"{citation.source}, {dates.human(citation.date)}" + (", inferred" if citation.inferred else "")


def evidence(citations: Iterable[Any]) -> str:
    """Citations as text, one `source: “quote”` line each, the source's own date beside it
    where the citation gives one (`source, date: “quote”`)."""
    return "\n".join(f"{attribution(c)}: “{c.quote}”" for c in citations)


def quoted(citation: Any) -> str:
    """A quote in typographic quotation marks, followed by the date its source gives, if any:
    “In 1992, CICA is …” (1992)."""
    text = f"“{citation.quote}”"
    if getattr(citation, "date", None):
        text += f" ({dates.human(citation.date)}{', inferred' if citation.inferred else ''})"
    return text


# --- verdicts on two dates -----------------------------------------------------------------


def judge(a: str, b: str, a_inferred: bool = False, b_inferred: bool = False,
          span: Callable[[str], dates.Span] = dates.parse) -> tuple[str, str]:
    """(verdict, reason) for two EDTF dates given for the same thing; `*_inferred` says the
    date was worked out rather than stated by its source. `span` parses them (`Dataset.span`)."""
    sa, sb = span(a), span(b)
    ha, hb = dates.human(sa), dates.human(sb)
    if not dates.overlaps(sa, sb):
        return CONFLICT, f"{ha} and {hb} cannot be the same day"
    a_in_b = sb.lower <= sa.lower and sa.upper <= sb.upper
    b_in_a = sa.lower <= sb.lower and sb.upper <= sa.upper
    if a == b or (a_in_b and b_in_a and sa.kind == sb.kind and a_inferred == b_inferred):
        return AGREE, f"the same date, {ha}" if ha == hb else f"the same span: {ha} and {hb}"
    if a_inferred != b_inferred:
        stated, inferred, stated_in = (hb, ha, b_in_a) if a_inferred else (ha, hb, a_in_b)
        if stated_in:
            return CONFIRMED, f"{stated} is stated where {inferred} was inferred"
    if a_in_b or b_in_a:
        wide, narrow = (hb, ha) if a_in_b else (ha, hb)
        return COMPATIBLE, f"{wide} contains {narrow} (different precision)"
    return COMPATIBLE, f"{ha} and {hb} overlap: they may be the same day"
