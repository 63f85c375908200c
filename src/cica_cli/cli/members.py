"""`cica member` and `cica members`: states and organisations, their statuses and roles over
time, and what the articles say about the totals."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from . import options
from .app import DataOption, JsonOption, command
from .sharing import FormatOption, export_listing
from ..vocabulary import MEMBER_KINDS, STATUSES
from .views import DAGGER, VIEWS, dagger, grouped_rows, held, look_up_command, remarks, scope_note, section, short_date, source_dated, source_ids


def _find_member(ds, name):
    from ..lookup import find_member

    return find_member(ds, name)


NameArgument = Annotated[str, typer.Argument(metavar="NAME", help="A name, alias or id, in any case, with or without accents and punctuation, or a unique prefix.", autocompletion=options.complete_members)]


def _entries(member) -> list:
    """(label, entry) for each status, then each role, of a member."""
    return [(s.status, s) for s in member.statuses] + [(r.role, r) for r in member.roles]


def _member_json(ds, member) -> dict[str, Any]:
    from ..lookup import documents_of_member, events_of_member
    from ..model import to_dict

    record = to_dict(member)
    record["events"] = [e.id for e in events_of_member(ds, member.id)]
    record["documents"] = [d.id for d in documents_of_member(ds, member.id)]
    return record


def _show_member(ds, member) -> None:
    from .. import render
    from ..claims import first_held_as_of
    from ..lookup import documents_of_member, events_of_member

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
            rows.append([getattr(entry, name), held(ds, entry, as_of_too=True), render.evidence(entry.citations),
                         remarks(entry)])
        dagger = any(first_held_as_of(ds, entry)[1] for entry in entries)
        section(label, [name.title(), "When", "Evidence", "Remarks"], rows,
                 caption=DAGGER if dagger else None, nowrap=(name.title(),))
    section("Events it appears in", ["Date", "Id", "Title"],
             [[short_date(e.date), e.id, e.title] for e in events_of_member(ds, member.id)], nowrap=("Id",))
    section("Documents it appears in", ["Date", "Id", "Title"],
             [[short_date(d.date), d.id, d.title] for d in documents_of_member(ds, member.id)], nowrap=("Id",))


look_up_command(
    "member", "cica member turkiye", NameArgument, _find_member, _member_json, _show_member,
    """One state or organisation: its statuses and roles over time with the quote and source
    behind each, and the events and documents it appears in. NAME is a name, alias or id in any
    case, with or without accents and punctuation, or a unique prefix.""")


@command("members", "cica members --status observer --kind organisation")
def members_command(
    status: Annotated[Optional[list[str]], typer.Option("--status", metavar="STATUS", help=f"Only those that have held this status ({', '.join(STATUSES)}); several, repeated or with commas, mean any of them.", autocompletion=options.complete_statuses)] = None,
    kind: Annotated[Optional[list[str]], typer.Option("--kind", metavar="KIND", help=f"Only states or only organisations ({', '.join(MEMBER_KINDS)}).", autocompletion=options.complete_member_kinds)] = None,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Every state and organisation named in a relation to CICA, with a count per status, beside
    what the articles say about the totals (they name far fewer than they count)."""
    from .. import counts, render
    from ..dataset import open_dataset
    from ..errors import NotFound
    from ..claims import first_held_as_of
    from ..lookup import members, status_counts, totals, totals_compared
    from ..model import MEMBER_KINDS, STATUSES, Member

    from ..export import default_columns

    ds = open_dataset(data)
    status = options.many(status, STATUSES, "status")
    kind = options.many(kind, MEMBER_KINDS, "kind")
    chosen = members(ds, status, kind)
    relations = lambda m: "; ".join(f"{label} ({held(ds, e, full=True)})" for label, e in _entries(m))  # noqa: E731
    # every field (statuses and roles with their citations, dates and `inferred`, as JSON in
    # their cells), then the same in words
    columns = [*default_columns(Member), ("statuses_and_roles", relations)]
    if export_listing(chosen, fmt, json, of=Member, columns=columns):
        return
    if not chosen:
        raise NotFound("no members match these filters")
    rows = grouped_rows(chosen, _entries, lambda entry: [
        entry[0], held(ds, entry[1]), source_ids(entry[1].citations).replace(", ", "\n")], 4)
    per_status = ", ".join(f"{n} {status_name}" for status_name, n in status_counts(chosen).items())
    kinds = {k: sum(1 for m in chosen if m.kind == k) for k in ("state", "organisation")}
    shown = dagger(ds, [e for m in chosen for _, e in _entries(m)])
    render.print_table(
        f"{len(chosen)} named in the articles: {kinds['state']} state(s), {kinds['organisation']} organisation(s)",
        ["Name", "Status or role", "When", "Source"], rows,
        caption=f"Count per status (ever held): {per_status}" + (f"\n{shown}" if shown else ""),
        nowrap=("Status or role", "Source"),
    )
    figures = totals(ds, status, kind)
    if figures:
        frows = []
        for f in figures:
            when, from_source = first_held_as_of(ds, f)
            frows.append([f.metric + scope_note(f, " "), counts.text(f.value),
                          source_dated(when, from_source), f.source])
        render.print_table("What the articles say about the totals", ["Count of", "Value", "As of", "Source"], frows,
                           caption=f"The figures and their quotes: cica show METRIC (e.g. cica show {figures[0].metric})"
                           + (f"\n{DAGGER}" if any(first_held_as_of(ds, f)[1] for f in figures) else ""),
                           nowrap=("Value", "Source"))
    lines = []
    for t in totals_compared(ds, chosen, status, kind):
        named = f"{t.named} {t.kind}(s) named with status {t.status}"
        if t.stated:
            when, _ = first_held_as_of(ds, t.stated)
            lines.append(f"{named}; the articles count {counts.text(t.stated.value)} as of {short_date(when)} ({t.stated.source}).")
        else:
            lines.append(f"{named}; no article gives a count.")
    render.print_lines(lines)


VIEWS["members"] = (_show_member, _member_json)
