"""Look-ups: `cica member(s)`, `document(s)`, `source(s)`, `search` and `show`."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from . import options
from .app import DataOption, JsonOption, command
from .sharing import FormatOption, export_listing

NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="A name, alias or id, in any case, with or without accents and punctuation, or a unique prefix.", autocompletion=options.complete_members)]


# --- formatting helpers (text only; printing is render's) ----------------------

def _human(edtf: Optional[str]) -> str:
    """A date in a table cell: compact (dates.short)."""
    from .. import dates

    return dates.short(edtf) if edtf else ""


def _both(edtf: Optional[str], sep: str = " — EDTF ") -> str:
    """A date for people in full, then its EDTF form (once, when they are the same)."""
    from .. import dates

    if not edtf:
        return ""
    human = dates.human(edtf)
    return edtf if human == edtf else f"{human}{sep}{edtf}"


def _sources(citations) -> str:
    from ..model import cited_sources

    return ", ".join(cited_sources(citations))


def _remarks(entry) -> str:
    parts = []
    if entry.inferred:
        parts.append(f"inferred: {entry.inferred}")
    if entry.notes:
        parts.append(f"note: {entry.notes}")
    return "\n".join(parts)


def _held(ds, entry) -> tuple[str, str]:
    """(since, as of) of a status or role, in words; a date taken from the source says so."""
    from ..lookup import as_of

    when, from_source = as_of(ds, entry)
    held = _human(when) + (" †" if from_source else "")
    return _human(entry.date), held


DAGGER = "† the date of the source: no date is recorded for the fact itself"


def _entries(member) -> list:
    """(label, entry) for each status, then each role, of a member."""
    return [(s.status, s) for s in member.statuses] + [(r.role, r) for r in member.roles]


def _when(ds, entry, full: bool = False) -> str:
    """"since 1992", or "as of Oct 2022" (with † when that is the source's date); compact for
    a table cell, or `full` (the words of dates.human) for an export."""
    from .. import dates
    from ..lookup import as_of

    words = dates.human if full else _human
    if entry.date:
        return f"since {words(entry.date)}"
    when, from_source = as_of(ds, entry)
    return f"as of {words(when)}" + (" †" if from_source else "")


def _says(ds, record) -> None:
    """What each article says about a record: its source, the date that source gives (in
    words, with how it was worked out where it is inferred) and the quote."""
    from .. import render

    rows = []
    for c in record.citations:
        when = _human(c.date) + (f"\ninferred: {c.inferred}" if c.inferred else "") if c.date else "(no date)"
        rows.append([c.source, when, f"“{c.quote}”"])
    render.print_table("What the articles say", ["Source", "Its date", "Quote"], rows, nowrap=("Source",))


def _date_line(record) -> str:
    """A dated record's date in words and EDTF, and how it was settled."""
    from ..claims import basis, date_inferred

    if not record.date:
        return "not given in the articles"
    return f"{_both(record.date)}{' (inferred)' if date_inferred(record) else ''}\n{basis(record)}"


# --- members --------------------------------------------------------------------

def _member_json(ds, member) -> dict[str, Any]:
    from ..lookup import documents_of_member, events_of_member
    from ..model import to_dict

    record = to_dict(member)
    record["events"] = [e.id for e in events_of_member(ds, member.id)]
    record["documents"] = [d.id for d in documents_of_member(ds, member.id)]
    return record


def _section(title: str, columns: list[str], rows: list[list[Any]], caption: Optional[str] = None,
             nowrap: tuple[str, ...] = ()) -> None:
    """A titled table followed by a blank line, or "Title: none" when there are no rows."""
    from .. import render

    if rows:
        render.print_table(title, columns, rows, caption=caption, nowrap=nowrap)
    else:
        render.print_lines([f"{title}: none"])
    render.print_lines([""])


def _show_member(ds, member) -> None:
    from .. import render
    from ..lookup import as_of, documents_of_member, events_of_member

    render.print_fields(f"{member.name} ({member.kind})", [
        ("Id", member.id), ("Aliases", ", ".join(member.aliases)),
        ("ISO 3166-1", " / ".join(c for c in (member.iso_alpha2, member.iso_alpha3) if c)),
        ("Identifier", f"{member.identifier} ({member.identifier_scheme})" if member.identifier else None),
        ("Notes", member.notes),
    ])
    render.print_lines([""])
    for label, entries, name in (("Statuses", member.statuses, "status"), ("Roles", member.roles, "role")):
        rows = []
        for entry in entries:
            since, held = _held(ds, entry)
            rows.append([getattr(entry, name), since, held, render.evidence(entry.citations), _remarks(entry)])
        dagger = any(as_of(ds, entry)[1] for entry in entries)
        _section(label, [name.title(), "Since", "As of", "Evidence", "Remarks"], rows,
                 caption=DAGGER if dagger else None, nowrap=(name.title(),))
    _section("Events it appears in", ["Date", "Id", "Title"],
             [[_human(e.date), e.id, e.title] for e in events_of_member(ds, member.id)], nowrap=("Id",))
    _section("Documents it appears in", ["Date", "Id", "Title"],
             [[_human(d.date), d.id, d.title] for d in documents_of_member(ds, member.id)], nowrap=("Id",))


@command("member", "cica member turkiye")
def member_command(name: NameArgument, data: DataOption = None, json: JsonOption = False) -> None:
    """One state or organisation: its statuses and roles over time with the quote and source
    behind each, and the events and documents it appears in. NAME is a name, alias or id in any
    case, with or without accents and punctuation, or a unique prefix."""
    from ..lookup import find_member

    _look_up(find_member, name, data, json, _member_json, _show_member)


# The views of kinds whose commands live in their own modules: kind -> (draw, as JSON), each a
# function of (dataset, record). Those modules add their entries here when they load.
VIEWS: dict[str, tuple[Any, Any]] = {}


def _look_up(find, name: str, data, json: bool, as_json, show) -> None:
    """One record by name: found by `find`, then printed as JSON or drawn by `show`."""
    from .. import render
    from ..dataset import open_dataset

    ds = open_dataset(data)
    record = find(ds, name)
    if json:
        render.print_json(as_json(ds, record))
    else:
        show(ds, record)


@command("members", "cica members --status observer --kind organisation")
def members_command(
    status: Annotated[Optional[list[str]], typer.Option("--status", metavar="STATUS", help="Only those that have held this status (member, observer, partner, applicant, non-member, cooperating); several, repeated or with commas, mean any of them.", autocompletion=options.complete_statuses)] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help="Only states or only organisations (state, organisation).", autocompletion=options.complete_member_kinds)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Every state and organisation named in a relation to CICA, with a count per status, beside
    what the articles say about the totals (they name far fewer than they count)."""
    from .. import counts, render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..lookup import figure_as_of, members, status_counts, totals, totals_compared
    from ..model import MEMBER_KINDS, STATUSES, Member

    from ..export import default_columns

    ds = open_dataset(data)
    status = options.many(status, STATUSES, "status")
    kind = options.many(kind, MEMBER_KINDS, "kind")
    chosen = members(ds, status, kind)
    relations = lambda m: "; ".join(f"{label} ({_when(ds, e, full=True)})" for label, e in _entries(m))  # noqa: E731
    # every field (statuses and roles with their citations, dates and `inferred`, as JSON in
    # their cells), then the same in words
    columns = [*default_columns(Member), ("statuses_and_roles", relations)]
    if export_listing(chosen, fmt, json, of=Member, columns=columns):
        return
    if not chosen:
        raise NotFound("no members match these filters")
    rows = []
    for m in chosen:
        entries = _entries(m)
        if not entries:
            rows.append([m.name, "(none recorded)", "", ""])
        for i, (label, entry) in enumerate(entries):
            rows.append([m.name if i == 0 else "", label, _when(ds, entry), _sources(entry.citations).replace(", ", "\n")])
    per_status = ", ".join(f"{n} {status_name}" for status_name, n in status_counts(chosen).items())
    kinds = {k: sum(1 for m in chosen if m.kind == k) for k in ("state", "organisation")}
    render.print_table(
        f"{len(chosen)} named in the articles: {kinds['state']} state(s), {kinds['organisation']} organisation(s)",
        ["Name", "Status or role", "When", "Source"], rows,
        caption=f"Count per status (ever held): {per_status}" + (f"\n{DAGGER}" if any("†" in row[2] for row in rows) else ""),
        nowrap=("Status or role", "Source"),
    )
    figures = totals(ds, status, kind)
    if figures:
        frows = []
        for f in figures:
            when, from_source = figure_as_of(ds, f)
            frows.append([f.metric + _scope_note(f, " "), counts.text(f.value),
                          _human(when) + (" †" if from_source else ""), f.source])
        render.print_table("What the articles say about the totals", ["Count of", "Value", "As of", "Source"], frows,
                           caption=f"The figures and their quotes: cica show METRIC (e.g. cica show {figures[0].metric})"
                           + (f"\n{DAGGER}" if any("†" in row[2] for row in frows) else ""),
                           nowrap=("Value", "Source"))
    lines = []
    for t in totals_compared(ds, chosen, status, kind):
        named = f"{t.named} {t.kind}(s) named with status {t.status}"
        if t.stated:
            when, _ = figure_as_of(ds, t.stated)
            lines.append(f"{named}; the articles count {counts.text(t.stated.value)} as of {_human(when)} ({t.stated.source}).")
        else:
            lines.append(f"{named}; no article gives a count.")
    render.print_lines(lines)


# --- documents ------------------------------------------------------------------

def _document_json(ds, document) -> dict[str, Any]:
    from ..lookup import events_of_document
    from ..model import to_dict

    record = to_dict(document)
    record["events"] = [e.id for e in events_of_document(ds, document.id)]
    return record


def _show_document(ds, document) -> None:
    from .. import render
    from ..lookup import events_of_document, related_documents

    events = ds.by_id("events")
    members = ds.by_id("members")
    adopted = events.get(document.adopted_at) if document.adopted_at else None
    render.print_fields(document.title, [
        ("Id", document.id),
        ("Kind", document.kind),
        ("Aliases", ", ".join(document.aliases)),
        ("Date", _date_line(document)),
        ("Adopted at", f"{adopted.id}: {adopted.title} ({_human(adopted.date)})" if adopted else document.adopted_at),
        ("Related", "\n".join(f"{d.id}: {d.title}" for d in related_documents(ds, document))),
        ("Members", "\n".join(f"{i}: {members[i].name}" if i in members else i for i in document.members)),
        ("Other events", "\n".join(f"{e.id}: {e.title} ({_human(e.date)})"
                                    for e in events_of_document(ds, document.id) if e.id != document.adopted_at)),
        ("Inferred", document.inferred),
        ("Notes", document.notes),
    ])
    _says(ds, document)


@command("document", "cica document 'almaty act'")
def document_command(name: Annotated[str, typer.Argument(metavar="NAME", help="A title, alias or id, or a unique prefix.", autocompletion=options.complete_documents)], data: DataOption = None, json: JsonOption = False) -> None:
    """One CICA document: title, kind, date, the event that adopted it, what the articles say
    about it (quotes and sources), related documents and members. NAME is a title, alias or id,
    or a unique prefix."""
    from ..lookup import find_document

    _look_up(find_document, name, data, json, _document_json, _show_document)


@command("documents", "cica documents --kind action-plan")
def documents_command(
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help="Only documents of these kinds (declaration, act, catalogue, action-plan, ...): repeat it or separate with commas.", autocompletion=options.complete_document_kinds)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Every CICA document the articles name, by date (undated ones last)."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..claims import marked
    from ..lookup import documents
    from ..model import DOCUMENT_KINDS, Document

    ds = open_dataset(data)
    chosen = documents(ds, options.many(kind, DOCUMENT_KINDS, "kind"))
    if export_listing(chosen, fmt, json, of=Document):
        return
    if not chosen:
        raise NotFound("no documents match these filters")
    rows = [[(_human(d.date) + (" *" if marked(d) else "")) if d.date else "undated", f"{d.title}\n{d.id}",
             d.kind, _sources(d.citations)] for d in chosen]
    render.print_table(
        f"{len(chosen)} document(s)", ["Date", "Title and id", "Kind", "Sources"], rows,
        caption="* date or link inferred: see `cica document ID`" if any(marked(d) for d in chosen) else None,
        nowrap=("Date", "Kind", "Sources"),
    )


# --- sources --------------------------------------------------------------------

def _source_json(ds, source, with_facts: bool) -> dict[str, Any]:
    from ..lookup import facts_citing
    from ..model import to_dict

    record = to_dict(source)
    cited = facts_citing(ds, source.id)
    record["cited_by"] = len(cited)
    if with_facts:
        record["facts"] = [to_dict(f) for f in cited]
    return record


def _show_source(ds, source) -> None:
    from .. import render
    from ..claims import quoted
    from ..lookup import facts_citing

    cited = facts_citing(ds, source.id)
    render.print_fields(source.id, [
        ("File", f"seeds/{source.file}"),
        ("Title", source.title or "(untitled)"),
        ("Authors", ", ".join(source.authors) or "(none named)"),
        ("Outlet", source.outlet or "(not named)"),
        ("Published", _both(source.published)),
        ("  basis", source.published_basis),
        ("As of", _both(source.as_of)),
        ("  basis", source.as_of_basis),
        ("Notes", source.notes),
        ("Cited by", f"{len(cited)} fact(s)"),
    ])
    render.print_table(
        f"Facts citing {source.id}", ["Fact", "Quote"],
        ([f"{f.record} {f.id}" + (f"\n({f.detail})" if f.detail else ""), quoted(f)] for f in cited),
    )


SourcesFormatOption = Annotated[
    Optional[str],
    typer.Option(
        "--format", metavar="FORMAT",
        help="Output format: table (default), csv, markdown, json (same as --json), or csl-json "
             "(a CSL-JSON bibliography for Zotero, Pandoc and CSL processors).",
        show_default=False, autocompletion=options.complete_formats,
    ),
]


@command("sources", "cica sources --format csl-json > cica.json")
def sources_command(data: DataOption = None, json: JsonOption = False, fmt: SourcesFormatOption = None) -> None:
    """The articles: title, authors, outlet, when published and as of when their facts hold,
    and how many facts cite each. `cica source ID` gives the reasoning behind the dates.
    --format csl-json writes them as a CSL-JSON bibliography (Zotero, Pandoc)."""
    from .. import render
    from ..dataset import open_dataset
    from ..lookup import facts

    from ..export import default_columns
    from ..model import Source

    csl = fmt is not None and fmt.strip().lower() == "csl-json"
    if csl and json:
        from ..errors import UsageError

        raise UsageError("--json is short for --format json; it cannot be combined with --format csl-json")
    ds = open_dataset(data)
    if csl:
        from ..cite import csl_json

        render.print_json(csl_json(ds.sources))
        return
    counts: dict[str, int] = {}
    for f in facts(ds):
        counts[f.source] = counts.get(f.source, 0) + 1
    columns = [*default_columns(Source), ("cited_by", lambda s: counts.get(s.id, 0))]
    if export_listing(ds.sources, fmt, json, columns=columns,
                      as_json=[_source_json(ds, s, with_facts=False) for s in ds.sources]):
        return
    rows = [[f"{s.id}\n{s.file}", "\n".join([
                s.title or "(untitled)",
                "by " + (", ".join(s.authors) or "(no author named)"),
                "in " + (s.outlet or "(outlet not named)"),
            ]), f"{_human(s.published)}\n{s.published}", f"{_human(s.as_of)}\n{s.as_of}", counts.get(s.id, 0)]
            for s in ds.sources]
    render.print_table(
        f"{len(ds.sources)} source(s)", ["Source", "Title, authors, outlet", "Published", "As of", "Facts"], rows,
        caption="Dates: in words, then EDTF. How each was worked out: `cica source ID`",
        nowrap=("Source", "Facts"), drop=("Title, authors, outlet", "Published"),
    )


@command("source", "cica source 003 --text")
def source_command(
    ref: Annotated[str, typer.Argument(metavar="REF", help="A source id, its file name in seeds/, or a unique prefix of either (003).", autocompletion=options.complete_sources)],
    show_text: Annotated[bool, typer.Option("--text", help="Print the article itself, with line numbers.")] = False,
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """One article: its record, how its dates were worked out, and the facts that cite it;
    with --text, the article itself. REF is a source id, its file name in seeds/, or a unique
    prefix of either (003)."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import DataError
    from ..lookup import find_source
    from ..yamlfile import ProblemError

    ds = open_dataset(data)
    source = find_source(ds, ref)
    if show_text:
        try:
            article = ds.article(source.id).text
        except ProblemError as exc:
            raise DataError([exc.problem]) from None
        lines = article.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if json:
            record = _source_json(ds, source, with_facts=False)
            record["text"] = article
            render.print_json(record)
        else:
            width = len(str(len(lines)))
            render.print_lines(f"{n:>{width}}  {line}" for n, line in enumerate(lines, 1))
        return
    if json:
        render.print_json(_source_json(ds, source, with_facts=True))
    else:
        _show_source(ds, source)


# --- search ---------------------------------------------------------------------

@command("search", "cica search 'almaty act'")
def search_command(
    query: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find; case, accents and punctuation are ignored.")],
    source: Annotated[Optional[str], typer.Option("--source", metavar="SOURCE", help="Only this article, and the quotes taken from it.", autocompletion=options.complete_sources)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Find words in the articles (source, line, surrounding words) and in the dataset (the
    records whose quotes, titles or notes contain them). Case, accents and punctuation are
    ignored. Exits 1 when nothing matches."""
    from .. import render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..lookup import find_source
    from ..model import to_dict
    from ..search import search

    ds = open_dataset(data)
    source_id = find_source(ds, source).id if source else None
    results = search(ds, query, source_id)
    hits = [*results.articles, *results.records]
    columns = [("found_in", lambda h: "dataset" if hasattr(h, "record") else "article"),
               "source", "line", "record", "id", "field", "detail", "before", "match", "after"]
    if export_listing(hits, fmt, json, columns=columns, as_json=to_dict(results)):
        pass
    elif results:
        if results.articles:
            render.print_table(
                f"{len(results.articles)} match(es) in the articles", ["Source", "Line", "Text"],
                ([h.source, h.line, render.highlight(h.before, h.match, h.after)] for h in results.articles),
                nowrap=("Source", "Line"),
            )
        if results.records:
            render.print_table(
                f"{len(results.records)} match(es) in the dataset", ["Record", "Id", "Field", "Text"],
                ([h.record, h.id, h.field + (f" ({h.detail})" if h.detail else ""),
                  render.highlight(h.before, h.match, h.after)] for h in results.records),
                nowrap=("Record", "Id", "Field"),
            )
    if not results:
        raise NotFound(f"no match for {query!r}")


# --- any record -----------------------------------------------------------------

def _show_event(ds, event) -> None:
    from .. import render
    from ..plans import stories

    from ..people import people_of_event

    members = ds.by_id("members")
    documents = ds.by_id("documents")
    place = ds.by_id("places").get(event.place_id) if event.place_id else None
    render.print_fields(event.title, [
        ("Id", event.id),
        ("Date", _date_line(event)),
        ("Kind", event.kind + (" (context)" if event.context else "")),
        ("Status", event.status),
        ("Plan", "\n".join(f"{s.plan.id}: {s.sentence}" for s in stories(ds, event))),
        ("Place", _place_line(event, place)),
        ("Summary", event.summary),
        ("Members", "\n".join(f"{i}: {members[i].name}" if i in members else i for i in event.members)),
        ("People", "\n".join(f"{p.id}: {p.name}" for p in people_of_event(ds, event))),
        ("Documents", "\n".join(f"{i}: {documents[i].title}" if i in documents else i for i in event.documents)),
        ("Inferred", event.inferred),
        ("Notes", event.notes),
    ])
    _says(ds, event)


def _place_line(event, place) -> str | None:
    """An event's place as the source wrote it, and the place record it links to."""
    if not event.place:
        return None
    if place is None:
        return event.place
    named = place.id if place.name == event.place else f"{place.id}: {place.name}"
    return f"{event.place} (place {named})"


def _show_figure(ds, figure) -> None:
    from .. import counts, render
    from ..lookup import figure_as_of
    from ..model import SCOPES

    metric = ds.by_id("metrics").get(figure.metric)
    when, from_source = figure_as_of(ds, figure)
    value = counts.text(figure.value)
    render.print_fields(f"{metric.description if metric else figure.metric}: {value}", [
        ("Id", figure.id),
        ("Metric", figure.metric),
        ("Value", f"{value} {metric.unit}" if metric else value),
        ("As of", _both(when) + (" (the source's as_of)" if from_source else "")),
        ("Qualifier", figure.qualifier),
        ("Scope", f"{figure.scope}: {SCOPES.get(figure.scope, '')}"),
        ("Source", figure.source),
        ("Quote", f"“{figure.quote}”"),
        ("Inferred", figure.inferred),
        ("Notes", figure.notes),
    ])


def _scope_note(figure, sep: str) -> str:
    """A figure's scope (unless `all`) and qualifier, in brackets after `sep`; or nothing."""
    from ..model import scope_words

    words = scope_words(figure.scope, figure.qualifier)
    return f"{sep}({words})" if words else ""


def _show_metric(ds, metric) -> None:
    from .. import counts, render
    from ..lookup import figure_as_of

    render.print_fields(metric.description, [("Id", metric.id), ("Unit", metric.unit),
                                             ("Sum of", " + ".join(metric.sum_of)), ("Notes", metric.notes)])
    from .. import dates

    figures = sorted((f for f in ds.figures if f.metric == metric.id),
                     key=lambda f: dates.sort_key(figure_as_of(ds, f)[0] or "9999"))
    rows = []
    for f in figures:
        when, from_source = figure_as_of(ds, f)
        rows.append([counts.text(f.value) + _scope_note(f, "\n"), _human(when) + (" †" if from_source else ""),
                     f"{f.source}\n{f.id}", f"“{f.quote}”"])
    render.print_lines([""])
    _section(f"Figures for {metric.id}", ["Value", "As of", "Source and figure", "Quote"], rows,
             caption=DAGGER, nowrap=("Source and figure",))
    if metric.sum_of:
        from ..compare import in_time_order, sums

        added = [[f"{o.shown}\n= {o.inferred.removeprefix('the sum of the parts: ')}", _human(o.as_of),
                  f"{o.source}\n{', '.join(o.parts)}", f"“{o.quote}”"] for o in in_time_order(sums(ds, metric))]
        _section(f"Sums of the parts ({' + '.join(metric.sum_of)}) that one source states at one time",
                 ["Value", "As of", "Source and figures", "Quote"], added, nowrap=("Source and figures",))


def _show_question(ds, question) -> None:
    from .. import dates, render

    records = {**ds.by_id("events"), **ds.by_id("documents")}
    render.print_fields(question.question, [("Id", question.id), ("Notes", question.notes)])
    rows = []
    for a in question.answers:
        record = records.get(a.record)
        when = dates.human(record.date) if record is not None and record.date else "undated"
        rows.append([when, a.scope + (f"\n{a.notes}" if a.notes else ""), a.record])
    render.print_table("Answers (compare them: cica compare " + question.id + ")", ["Date", "Scope", "Record"], rows,
                       nowrap=("Record",))


def _show_tension(ds, tension) -> None:
    from .. import render

    render.print_fields(f"Within {tension.source}: {tension.summary}", [("Id", tension.id), ("Notes", tension.notes)])
    _says(ds, tension)


@command("show", "cica show 2022-kuwait-application")
def show_command(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="The id of an event, member, document, figure, source, metric, person, place or body (or a unique prefix).", autocompletion=options.complete_records)],
    data: DataOption = None,
    json: JsonOption = False,
) -> None:
    """Any record by its id (event, member, document, figure, source, metric, person, place,
    body) or a unique prefix of one, so that every id cica prints can be followed."""
    from .. import render
    from ..dataset import open_dataset
    from ..lookup import find_record
    from ..model import to_dict

    ds = open_dataset(data)
    kind, record = find_record(ds, record_id)
    if json:
        if kind == "members":
            data_out = _member_json(ds, record)
        elif kind == "documents":
            data_out = _document_json(ds, record)
        elif kind == "sources":
            data_out = _source_json(ds, record, with_facts=True)
        elif kind == "metrics":
            data_out = to_dict(record)
            data_out["figures"] = [f.id for f in ds.figures if f.metric == record.id]
        elif kind in VIEWS:
            data_out = VIEWS[kind][1](ds, record)
        else:
            data_out = to_dict(record)
        render.print_json(data_out)
        return
    if kind in VIEWS:
        VIEWS[kind][0](ds, record)
        return
    {
        "members": _show_member, "documents": _show_document, "sources": _show_source,
        "events": _show_event, "figures": _show_figure, "metrics": _show_metric,
        "questions": _show_question, "tensions": _show_tension,
    }[kind](ds, record)
