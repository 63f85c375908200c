"""How `cica` draws one record and the parts several views share: dates in table cells and in
full, a record's quotes with each source's own date, titled sections, and the registry `show`
and the look-up commands draw from (`VIEWS`: kind -> (draw, as JSON))."""

from __future__ import annotations

from typing import Any, Optional


def short_date(edtf: Optional[str]) -> str:
    """A date in a table cell: compact (dates.short)."""
    from .. import dates

    return dates.short(edtf) if edtf else ""


def in_full(edtf: Optional[str], sep: str = " — EDTF ") -> str:
    """A date for people in full, then its EDTF form (once, when they are the same)."""
    from .. import dates

    if not edtf:
        return ""
    human = dates.human(edtf)
    return edtf if human == edtf else f"{human}{sep}{edtf}"


def source_ids(citations) -> str:
    from ..model import cited_sources

    return ", ".join(cited_sources(citations))


def remarks(entry) -> str:
    """A record's language (a name's), how it was inferred and its notes, one per line."""
    parts = []
    if getattr(entry, "lang", None):
        parts.append(f"language: {entry.lang}")
    if entry.inferred:
        parts.append(f"inferred: {entry.inferred}")
    if entry.notes:
        parts.append(f"note: {entry.notes}")
    return "\n".join(parts)


DAGGER = "† the date of the source: no date is recorded for the fact itself"
MARKED = "* date or link inferred: `cica show ID` says how"


def source_dated(when: Optional[str], from_source: bool) -> str:
    """A time in a table cell, with † where it is the citing source's date (DAGGER says so)."""
    return short_date(when) + (" †" if from_source else "")


def dated_by_source(ds, entry) -> bool:
    """Whether `held` shows an entry's time as its citing source's date (marked †)."""
    from ..claims import first_held_as_of

    if entry.date:
        return False
    when, from_source = first_held_as_of(ds, entry)
    return bool(when) and from_source


def dagger(ds, entries) -> Optional[str]:
    """DAGGER, the caption explaining †, where `held` marks any of these entries; else None."""
    return DAGGER if any(dated_by_source(ds, e) for e in entries) else None


def grouped_rows(owners, parts, cells, width: int) -> list[list[str]]:
    """Table rows of records and their parts (a member's statuses and roles, a person's
    offices): a row a part, `cells(part)` after the owner's name, which stands on its first row
    only; an owner with no parts gets one row saying so. `width` counts the columns."""
    rows = []
    for owner in owners:
        shown = parts(owner)
        if not shown:
            rows.append([owner.name, "(none recorded)", *[""] * (width - 2)])
        for i, part in enumerate(shown):
            rows.append([owner.name if i == 0 else "", *cells(part)])
    return rows


def held(ds, entry, full: bool = False, as_of_too: bool = False) -> str:
    """When a status, role or office holds: "since 1992" (marked where inferred), else "as of
    Oct 2022", with † where that is the source's date; ", until ..." where a source says it
    ended. With `as_of_too`, "as of" follows "since" on a line of its own. Compact for a table
    cell, or `full` (the words of dates.human) for an export."""
    from .. import dates
    from ..claims import date_inferred, first_held_as_of

    words = dates.human if full else short_date
    lines = []
    if entry.date:
        lines.append(f"since {words(entry.date)}" + (" (inferred)" if date_inferred(entry) else ""))
    if not entry.date or as_of_too:
        when, from_source = first_held_as_of(ds, entry)
        if when:
            lines.append(f"as of {words(when)}" + (" †" if from_source else ""))
    until = getattr(entry, "until", None)
    if until:  # beside the first line, the one it ends
        lines[:1] = [f"{lines[0]}, until {words(until)}" if lines else f"until {words(until)}"]
    return "\n".join(lines)


def marked_date(record) -> str:
    """An event's (or document's) date in a table cell, with `*` where its date or a link or
    reading of it was worked out (claims.marked); MARKED is the caption that explains it."""
    from ..claims import marked

    return short_date(record.date) + (" *" if marked(record) else "")


def says(ds, record) -> None:
    """What each article says about a record: its source, the date that source gives (in
    words, with how it was worked out where it is inferred) and the quote."""
    from .. import render

    rows = []
    for c in record.citations:
        when = short_date(c.date) + (f"\ninferred: {c.inferred}" if c.inferred else "") if c.date else "(no date)"
        rows.append([c.source, when, f"“{c.quote}”"])
    render.print_table("What the articles say", ["Source", "Its date", "Quote"], rows, nowrap=("Source",))


def date_line(record) -> str:
    """A dated record's date in words and EDTF, and how it was settled."""
    from ..claims import basis, date_inferred

    if not record.date:
        return "not given in the articles"
    return f"{in_full(record.date)}{' (inferred)' if date_inferred(record) else ''}\n{basis(record)}"


def section(title: str, columns: list[str], rows: list[list[Any]], caption: Optional[str] = None,
             nowrap: tuple[str, ...] = ()) -> None:
    """A titled table followed by a blank line, or "Title: none" when there are no rows."""
    from .. import render

    if rows:
        render.print_table(title, columns, rows, caption=caption, nowrap=nowrap)
    else:
        render.print_lines([f"{title}: none"])
    render.print_lines([""])


def scope_note(figure, sep: str) -> str:
    """A figure's scope (unless `all`) and qualifier, in brackets after `sep`; or nothing."""
    from ..model import scope_words

    words = scope_words(figure.scope, figure.qualifier)
    return f"{sep}({words})" if words else ""


# The views of kinds whose commands live in their own modules: kind -> (draw, as JSON), each a
# function of (dataset, record). Those modules add their entries here when they load.
VIEWS: dict[str, tuple[Any, Any]] = {}


def look_up_command(name: str, example: str, argument: Any, find, as_json, show, doc: str) -> None:
    """Register `cica NAME QUERY`: one record found by `find`, then printed as JSON by
    `as_json` or drawn by `show` (each a function of the dataset and the record, or of the
    dataset and the query for `find`). `argument` is the QUERY argument's annotation."""
    from .app import DataOption, JsonOption, command

    def run(query, data=None, json=False) -> None:
        from .. import render
        from ..dataset import open_dataset

        ds = open_dataset(data)
        record = find(ds, query)
        if json:
            render.print_json(as_json(ds, record))
        else:
            show(ds, record)

    run.__annotations__ = {"query": argument, "data": DataOption, "json": JsonOption, "return": None}
    run.__name__ = run.__qualname__ = f"{name}_command"
    run.__doc__ = doc
    command(name, example)(run)
