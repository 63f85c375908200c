"""Finding records by what a person types (a member's name, a source's id or file, any id),
and what links them: who cites what, which events name a member, when a status holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, Sequence, Union

from . import counts, dates
from .claims import first_held_as_of
from .dataset import Dataset
from .errors import NotFound
from .model import (
    DOCUMENT_KINDS, MEMBER_KINDS, STATUSES, Document, Event, Figure, Member, Name, Office, Role, Source,
    Status, walk,
)
from .model import KINDS as KIND_LIST
from .model import member_keys
from .names import fold, resolve


def source_keys(source: Source) -> list[str]:
    return [source.id, source.file, source.file.rsplit(".", 1)[0]]


def document_keys(document: Document) -> list[str]:
    return [document.title, document.id, *document.aliases]


def find_source(ds: Dataset, query: str) -> Source:
    """A source by id, file name or unique prefix; an article in seeds/ that no source record
    names yet is said to be one (the curator's next step), not merely "not found"."""
    try:
        return resolve(query, ds.sources, source_keys, "source")
    except NotFound as exc:
        named = {s.file for s in ds.sources}
        waiting = sorted(f for f in ds.article_files() if f.startswith(query.strip()) and f not in named)
        if query.strip() and waiting:
            raise NotFound(f"{exc}; seeds/{waiting[0]} has no record in data/sources.yaml yet: "
                           "add one (`cica add` prints a draft of it)") from None
        raise


def find_member(ds: Dataset, query: str) -> Member:
    return resolve(query, ds.members, member_keys, "member")


def find_document(ds: Dataset, query: str) -> Document:
    return resolve(query, ds.documents, document_keys, "document")


# --- what cites what --------------------------------------------------------

@dataclass
class Fact:
    """One citation of a source: the record it supports and the quote behind it.

    `record` is event, member, document, person, place, body, tension or figure; `detail`
    names the part of the record the citation supports ("status non-member", "role host",
    "office President", "name Nur-Sultan"), else "".
    """

    record: str
    id: str
    detail: str
    source: str
    quote: str
    date: Optional[str] = None  # the date this source gives for the record, if any
    inferred: Optional[str] = None


# What part of a record a citation nested in it supports, by the class holding the citation.
_DETAIL = {
    Status: lambda s: f"status {s.status}",
    Role: lambda r: f"role {r.role}",
    Office: lambda o: f"office {o.office}",
    Name: lambda n: f"{n.kind} {n.name}",
}


def facts(ds: Dataset) -> list[Fact]:
    """Every citation in every kind of record (an event's, a member's statuses and roles, a
    person's offices, a place's or body's names, a tension's), and every figure, in the order
    of model.KINDS. Exclusions are not facts; a roster's quote is already a citation of each
    status it gives."""
    found: list[Fact] = []
    for kind in KIND_LIST:
        if kind.cls is Figure:
            found += [Fact("figure", f.id, f"{f.metric} = {counts.text(f.value)}", f.source, f.quote)
                      for f in ds.figures]
            continue
        for record in getattr(ds, kind.name):
            for part in walk(record):  # each record holding citations, with the part they support
                detail = _DETAIL[type(part)](part) if type(part) in _DETAIL else ""
                found += [Fact(kind.singular, record.id, detail, c.source, c.quote, c.date, c.inferred)
                          for c in getattr(part, "citations", ())]
    return found


def facts_citing(ds: Dataset, source_id: str) -> list[Fact]:
    return [f for f in facts(ds) if f.source == source_id]


# --- members ------------------------------------------------------------------

# The figures that state how many of a kind there are, by (status, member kind).
TOTALS = {
    "member-states": ("member", "state"),
    "observer-states": ("observer", "state"),
    "observer-organisations": ("observer", "organisation"),
    "partner-organisations": ("partner", "organisation"),
}


def members(ds: Dataset, status: Choice = None, kind: Choice = None) -> list[Member]:
    """Members sorted by name; `status` keeps those that have held it (or any of several),
    `kind` states or organisations."""
    status = _any_of(status, STATUSES, "status")
    kind = _any_of(kind, MEMBER_KINDS, "kind")
    chosen = [
        m for m in ds.members
        if (not status or status & set(statuses_of(m))) and (not kind or m.kind in kind)
    ]
    return sorted(chosen, key=lambda m: fold(m.name))


def statuses_of(member: Member) -> list[str]:
    """The distinct statuses a member has held, in the order recorded."""
    return list(dict.fromkeys(s.status for s in member.statuses))


def status_counts(chosen: list[Member]) -> dict[str, int]:
    """How many of `chosen` have held each status ("none" for those with no status)."""
    counts = {s: 0 for s in STATUSES}
    counts["none"] = 0
    for member in chosen:
        for status in statuses_of(member) or ["none"]:
            counts[status] += 1
    return {k: v for k, v in counts.items() if v}


def totals(ds: Dataset, status: Choice = None, kind: Choice = None) -> list[Figure]:
    """The figures stating how many members, observers and partners CICA has, that fit the
    filters, ordered by metric then date."""
    order = list(TOTALS)
    chosen = [
        f for f in ds.figures
        if f.metric in TOTALS
        and (not status or TOTALS[f.metric][0] in _any_of(status))
        and (not kind or TOTALS[f.metric][1] in _any_of(kind))
    ]
    return sorted(chosen, key=lambda f: (order.index(f.metric), dates.sort_key(ds.span(first_held_as_of(ds, f)[0] or "9999"))))


def events_of_member(ds: Dataset, member_id: str) -> list[Event]:
    return ds.in_time_order(e for e in ds.events if member_id in e.members)


def documents_of_member(ds: Dataset, member_id: str) -> list[Document]:
    return [d for d in ds.documents if member_id in d.members]


# --- documents ----------------------------------------------------------------

def documents(ds: Dataset, kind: Choice = None) -> list[Document]:
    """Documents by date (undated last), optionally of one kind or any of several."""
    kind = _any_of(kind, DOCUMENT_KINDS, "kind")
    chosen = [d for d in ds.documents if not kind or d.kind in kind]
    return ds.in_time_order(chosen)


def events_of_document(ds: Dataset, document_id: str) -> list[Event]:
    """The events that list the document, or adopted it."""
    adopted = {d.adopted_at for d in ds.documents if d.id == document_id}
    return ds.in_time_order(e for e in ds.events if document_id in e.documents or e.id in adopted)


def related_documents(ds: Dataset, document: Document) -> list[Document]:
    """Documents it names as related, and those that name it."""
    ids = list(document.related) + [d.id for d in ds.documents if document.id in d.related]
    index = ds.by_id("documents")
    return [index[i] for i in dict.fromkeys(ids) if i in index and i != document.id]


# --- any record by its id -----------------------------------------------------

# the kinds `show` finds by id, most asked-for first
KINDS = ("events", "members", "documents", "figures", "sources", "metrics",
         *(k.name for k in KIND_LIST if k.named and k.name not in
           ("events", "members", "documents", "figures", "sources", "metrics")))


def find_record(ds: Dataset, query: str) -> tuple[str, Any]:
    """(kind, record) for an id of any kind (or a unique prefix of one); a source may also be
    named by its file. NotFound lists candidates or the closest ids."""
    items = [(kind, record) for kind in KINDS for record in getattr(ds, kind)]

    def keys(item):
        kind, record = item
        return source_keys(record) if kind == "sources" else [record.id]

    return resolve(query, items, keys, "record")


@dataclass
class Total:
    """How many members of a status and kind the dataset names, beside the latest figure the
    articles give for that count (None if they give none)."""

    metric: str
    status: str
    kind: str
    named: int
    stated: Optional[Figure]


def totals_compared(ds: Dataset, chosen: list[Member], status: Choice = None,
                    kind: Choice = None) -> list[Total]:
    """For each total that fits the filters: members named with that status vs. the latest
    figure of scope `all` stated (one of another scope only if there is no other)."""
    result = []
    figures = totals(ds, status, kind)
    for metric, (st, kd) in TOTALS.items():
        if (status and st not in _any_of(status)) or (kind and kd not in _any_of(kind)):
            continue
        named = sum(1 for m in chosen if m.kind == kd and st in statuses_of(m))
        candidates = [f for f in figures if f.metric == metric]
        plain = [f for f in candidates if f.scope == "all"] or candidates
        latest = max(plain, key=lambda f: dates.sort_key(ds.span(first_held_as_of(ds, f)[0] or "0001")), default=None)
        result.append(Total(metric, st, kd, named, latest))
    return result


Choice = Optional[Union[str, Sequence[str]]]  # one value of a closed choice, or any of several


def _any_of(value: Choice, allowed: Sequence[str] = (), field: str = "") -> set[str]:
    """The values of a filter as a set (empty: no filter), each checked against `allowed`."""
    from .names import choose

    values = [value] if isinstance(value, str) else list(value or ())
    return {choose(v, allowed, field) if allowed else v for v in values}
