"""What several commands' options share: closed choices that take several values, and shell
completion of kinds, ids, member names and sources.

`--kind summit --kind adoption` and `--kind summit,adoption` both mean "any of these"; each
value is matched like a name (any case) and a mistyped one gets a "did you mean".
"""

from __future__ import annotations

from typing import Optional, Sequence

import typer


def many(values: Optional[Sequence[str]], allowed: Sequence[str], field: str) -> Optional[list[str]]:
    """The values of a repeatable, comma-separated closed-choice option; None when not given."""
    from ..names import choose

    if not values:
        return None
    words = [w.strip() for value in values for w in value.split(",") if w.strip()]
    if not words:
        return None
    return list(dict.fromkeys(choose(w, allowed, field) for w in words))


# --- shell completion (Typer's autocompletion=): plain functions of what is typed ------------


def _matching(incomplete: str, candidates) -> list:
    """(value, help) candidates whose value starts with what is typed, in any case."""
    from ..names import fold

    typed = fold(incomplete)
    seen, out = set(), []
    for value, help_text in candidates:
        if value not in seen and fold(value).startswith(typed):
            seen.add(value)
            out.append((value, help_text))
    return out


def _choices(allowed: Sequence[str]):
    def complete(incomplete: str) -> list:
        done, comma, last = incomplete.rpartition(",")
        return [(done + comma + a, h) for a, h in _matching(last, ((a, "") for a in allowed))]

    return complete


def _dataset(ctx: Optional[typer.Context]):
    """The dataset --data names (or the default), or None if it cannot be opened."""
    from ..dataset import open_dataset

    try:
        return open_dataset((ctx.params.get("data") if ctx is not None else None) or None)
    except Exception:  # completion must never fail loudly
        return None


def complete_members(ctx: typer.Context, incomplete: str) -> list:
    ds = _dataset(ctx)
    if ds is None:
        return []
    return _matching(incomplete, ((name, m.name) for m in ds.members for name in (m.id, m.name, *m.aliases)))


def complete_sources(ctx: typer.Context, incomplete: str) -> list:
    ds = _dataset(ctx)
    if ds is None:
        return []
    return _matching(incomplete, ((key, s.title or s.file) for s in ds.sources for key in (s.id, s.file)))


def complete_people(ctx: typer.Context, incomplete: str) -> list:
    ds = _dataset(ctx)
    if ds is None:
        return []
    return _matching(incomplete, ((name, p.name) for p in ds.people for name in (p.id, p.name, *p.aliases)))


def _named(ctx: typer.Context, incomplete: str, only_posts: bool) -> list:
    ds = _dataset(ctx)
    if ds is None:
        return []
    records = [*ds.places, *ds.bodies]
    return _matching(incomplete, ((name, r.name) for r in records if not only_posts or r.kind == "post"
                                  for name in (r.id, r.name, *(n.name for n in r.names))))


def complete_places(ctx: typer.Context, incomplete: str) -> list:
    """Places, CICA and its bodies, by id or any of their names."""
    return _named(ctx, incomplete, only_posts=False)


def complete_posts(ctx: typer.Context, incomplete: str) -> list:
    return _named(ctx, incomplete, only_posts=True)


def _ids(only: Optional[Sequence[str]]):
    """Completion of the ids of the kinds named (None: every named kind in model.KINDS)."""

    def complete(ctx: typer.Context, incomplete: str) -> list:
        from ..model import KINDS

        kinds = only or [k.name for k in KINDS if k.named]
        ds = _dataset(ctx)
        if ds is None:
            return []
        return _matching(incomplete, ((r.id, getattr(r, "title", None) or getattr(r, "name", None)
                                       or getattr(r, "description", "") or kind[:-1])
                                      for kind in kinds for r in getattr(ds, kind)))

    return complete


def complete_documents(ctx: typer.Context, incomplete: str) -> list:
    ds = _dataset(ctx)
    if ds is None:
        return []
    return _matching(incomplete, ((name, d.title) for d in ds.documents for name in (d.id, *d.aliases)))


def _kinds():
    from ..vocabulary import DOCUMENT_KINDS, EVENT_KINDS, MEMBER_KINDS, STATUSES

    return EVENT_KINDS, DOCUMENT_KINDS, MEMBER_KINDS, STATUSES


def complete_event_kinds(incomplete: str) -> list:
    return _choices(_kinds()[0])(incomplete)


def complete_document_kinds(incomplete: str) -> list:
    return _choices(_kinds()[1])(incomplete)


def complete_member_kinds(incomplete: str) -> list:
    return _choices(_kinds()[2])(incomplete)


def complete_statuses(incomplete: str) -> list:
    return _choices(_kinds()[3])(incomplete)


def complete_styles(incomplete: str) -> list:
    from ..cite import STYLES

    return _choices(STYLES)(incomplete)


def complete_formats(incomplete: str) -> list:
    from ..export import FORMATS

    return _choices(FORMATS)(incomplete)


complete_cited = _ids(("events", "figures", "documents", "members"))
complete_records = _ids(None)  # what `show` takes: every named kind of record
complete_metrics = _ids(("metrics",))
complete_subjects = _ids(("metrics", "questions", "events", "documents"))  # what `compare` takes
