"""Lists of named members in one quote, entered once (data/rosters.yaml):

    - status: observer
      members: [Mongolia, Japan, united-nations]   # ids, names or aliases
      source: some-article
      quote: Its observers are Mongolia, Japan and the UN.
      as_of: "2022"                                 # optional, as on a status

The loader gives each member named a status (`status`, `as_of`, `inferred`, `notes`) citing
the quote, as if it had been entered under the member; `cica check` reports a name that is
no member's id, name or alias (`problems`). Names match exactly, in any case and with or
without accents: never by prefix, as a list in the data must not guess.

Nothing here prints.
"""

from __future__ import annotations

from typing import Any, Optional

from .errors import Problem
from .model import Citation, Roster, Status, line_of, member_keys
from .names import fold, suggest

LABEL = "data/rosters.yaml"


def _table(members: list[Any]) -> dict[str, list[Any]]:
    table: dict[str, list[Any]] = {}
    for member in members:
        for key in dict.fromkeys(fold(k) for k in member_keys(member) if k):
            table.setdefault(key, []).append(member)
    return table


def named(table: dict[str, list[Any]], name: str) -> Optional[Any]:
    """The one member whose id, name or alias is `name` (folded), or None."""
    found = table.get(fold(name), [])
    return found[0] if len(found) == 1 else None


def expand(members: list[Any], rosters: list[Roster]) -> None:
    """Give every member a roster names a status citing the roster's quote (once per member
    and roster, however often it is named). Names that match no single member are left for
    `problems` to report."""
    table = _table(members)
    for roster in rosters:
        done = set()
        for name in roster.members:
            member = named(table, name)
            if member is None or member.id in done:
                continue
            done.add(member.id)
            citation = Citation(roster.source, roster.quote, line=line_of(roster, "quote"))
            citation.roster = roster
            status = Status(roster.status, [citation], as_of=roster.as_of, inferred=roster.inferred,
                            notes=roster.notes, line=roster.line)
            status.date_basis = ""
            status.roster = roster  # where it was entered: check reports its quote there, once
            member.statuses.append(status)


def from_roster(part: Any) -> bool:
    """Whether a status (or its citation) was made from a roster rather than entered."""
    return getattr(part, "roster", None) is not None


def problems(members: list[Any], rosters: list[Roster]) -> list[Problem]:
    """A problem for each name of a roster that is no member's, or more than one member's."""
    table = _table(members)
    found = []
    for roster in rosters:
        where = line_of(roster, "members")
        for name in roster.members:
            matches = table.get(fold(name), [])
            if len(matches) == 1:
                continue
            if matches:
                ids = ", ".join(sorted(m.id for m in matches))
                found.append(Problem(LABEL, where, f"roster name {name!r} is a name of more than one member ({ids})"))
                continue
            close = suggest(fold(name), [(fold(k), k, m) for m in members for k in member_keys(m) if k], member_keys)
            hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            found.append(Problem(LABEL, where, f"roster name {name!r} is no member's id, name or alias{hint}"))
    return found
