"""Plans and what became of them.

An event announced ahead has a status saying what became of it: `planned` (the sources do
not report its outcome), `held`, `postponed`, `moved` (held later, or elsewhere) or
`cancelled`. A plan may name its `outcome`, the event that fulfilled or replaced it; each
side keeps its own claims (the plan's citations date the plan, the outcome's date what
happened). A plan and its outcome are then told together: "planned for Nov 2001, held
Jun 2002".

Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import dates
from .dataset import Dataset
from .model import Event, cited_sources

HELD = "held"
PLANNED = "planned"
# How each status reads once the outcome is known ("postponed: held Jun 2002").
_DONE = {HELD: "held", "postponed": "postponed: held", "moved": "moved: held", "cancelled": "cancelled"}


def is_plan(event: Event) -> bool:
    """An event announced ahead: any status but `held`, or one that names its outcome."""
    return event.status != HELD or event.outcome is not None


def outcome(ds: Dataset, event: Event) -> Optional[Event]:
    """The event that fulfilled or replaced a plan, if it names one that exists."""
    return ds.by_id("events").get(event.outcome) if event.outcome else None


def plans_for(ds: Dataset, event: Event) -> list[Event]:
    """The plans that name this event as their outcome."""
    return [e for e in ds.events if e.outcome == event.id]


def _when(event: Event) -> str:
    return dates.human(event.date) if event.date else "no date given"


def _where(event: Event) -> str:
    return f" in {event.place}" if event.place else ""


@dataclass
class Story:
    """A plan and what became of it: the plan, its status, its outcome (None if the sources
    report none), and one sentence saying so."""

    plan: Event
    outcome: Optional[Event]
    status: str
    sentence: str

    def to_dict(self) -> dict:
        return {
            "plan": self.plan.id, "status": self.status,
            "outcome": self.outcome.id if self.outcome else None, "sentence": self.sentence,
            "plan_date": self.plan.date, "plan_sources": cited_sources(self.plan.citations),
            "outcome_date": self.outcome.date if self.outcome else None,
            "outcome_sources": cited_sources(self.outcome.citations) if self.outcome else [],
        }


def story(ds: Dataset, plan: Event) -> Story:
    """What became of a plan, as one sentence naming the sources of each side:
    "planned for Nov 2001 (a), postponed: held Jun 2002 in Almaty (b)"."""
    done = outcome(ds, plan)
    planned = f"planned for {_when(plan)}{_where(plan)} ({', '.join(cited_sources(plan.citations))})"
    if done is None:
        if plan.status == PLANNED:
            return Story(plan, None, plan.status, f"{planned}; what became of it: not reported by the sources")
        return Story(plan, None, plan.status, f"{planned}; {plan.status}")
    after = f"{_when(done)}{_where(done)} ({', '.join(cited_sources(done.citations))})"
    if plan.status == "cancelled":
        sentence = f"{planned}; cancelled, replaced by {done.id}, {after}"
    else:
        sentence = f"{planned}; {_DONE.get(plan.status, plan.status)} {after}"
    return Story(plan, done, plan.status, sentence)


def stories(ds: Dataset, event: Event) -> list[Story]:
    """The plan stories an event takes part in: its own if it is a plan, and those of the
    plans it fulfilled or replaced."""
    found = [story(ds, event)] if is_plan(event) else []
    return found + [story(ds, p) for p in plans_for(ds, event)]


def label(ds: Dataset, event: Event) -> str:
    """A short note for a timeline row: "(planned; outcome not reported)", "(planned;
    postponed: held Jun 2002)", and on an outcome "(planned for Nov 2001)"; "" otherwise."""
    notes = []
    if is_plan(event):
        done = outcome(ds, event)
        if done is not None:
            verb = "cancelled, replaced" if event.status == "cancelled" else _DONE.get(event.status, event.status)
            notes.append(f"planned; {verb} {_when(done)}{_where(done) if event.status == 'moved' else ''}")
        elif event.status == PLANNED:
            notes.append("planned; outcome not reported")
        else:
            notes.append(f"planned; {event.status}")
    for plan in plans_for(ds, event):
        notes.append(f"planned for {_when(plan)}{_where(plan) if plan.status == 'moved' else ''}")
    return f" ({'; '.join(notes)})" if notes else ""
