"""Every rule the dataset must keep, as Problems (file, line, message). Nothing here prints."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from . import identifiers, model, rosters
from .dataset import Dataset
from .errors import Problem
from .model import line_of
from .places import place_of_wording
from .yamlfile import ProblemError

_ID = re.compile(model.ID_PATTERN)
LABELS = {kind.name: kind.label for kind in model.KINDS}


def records(ds: Dataset) -> Iterator[tuple[str, Any]]:
    """(file label, record) for every top-level record."""
    for name, label in LABELS.items():
        for record in getattr(ds, name):
            yield label, record


def check(ds: Dataset) -> list[Problem]:
    """All problems of a loaded dataset, sorted by file and line."""
    problems = list(ds.problems)
    problems += _id_problems(ds) + _text_problems(ds) + _reference_problems(ds) + _evidence_problems(ds)
    problems += _time_problems(ds) + _as_written_problems(ds)
    problems += _sum_problems(ds) + _plan_problems(ds) + rosters.problems(ds.members, ds.rosters)
    problems += identifiers.problems(ds.members, LABELS["members"])
    return sorted(set(problems))


def _id_problems(ds: Dataset) -> list[Problem]:
    problems, seen = [], {}
    for label, record in records(ds):
        rid = getattr(record, "id", None)
        if rid is None:
            continue
        if not _ID.fullmatch(rid):
            problems.append(Problem(label, record.line, f"id {rid!r} must be lower-case letters, digits and hyphens"))
        if rid in seen:
            first_label, first_line = seen[rid]
            problems.append(Problem(label, record.line, f"duplicate id '{rid}' (first used at {first_label}:{first_line})"))
        else:
            seen[rid] = (label, record.line)
    return problems


def _bad_character(text: str) -> str | None:
    for ch in text:
        if ch in "\n\t":
            continue
        if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\u00ad\u200d":
            return f"U+{ord(ch):04X}"
    return None


def _text_problems(ds: Dataset) -> list[Problem]:
    """No control characters (terminal escapes) and no empty strings in the data's text."""
    problems = []
    for label, record in records(ds):
        for part in model.walk(record):
            if rosters.from_roster(part):
                continue  # checked where it was entered, in data/rosters.yaml
            for name in model.field_names(type(part)):
                value = getattr(part, name)
                for text in value if isinstance(value, list) else (value,):
                    if type(text) is not str or (text.isprintable() and not text.isspace() and text):
                        continue  # the common case: printable and not blank
                    if not text.strip():
                        problems.append(Problem(label, model.line_of(part, name), f"{name} is empty"))
                    elif (bad := _bad_character(text)) is not None:
                        problems.append(Problem(label, model.line_of(part, name), f"{name} contains the control character {bad}"))
    return problems


def _reference_problems(ds: Dataset) -> list[Problem]:
    members, documents, events = ds.by_id("members"), ds.by_id("documents"), ds.by_id("events")
    metrics, sources = ds.by_id("metrics"), ds.by_id("sources")
    problems = []

    def expect(label, line, kind, index, ref, owner):
        if ref is not None and ref not in index:
            problems.append(Problem(label, line, f"{owner} refers to unknown {kind} '{ref}'"))

    for event in ds.events:
        for ref in event.members:
            expect(LABELS["events"], line_of(event, "members"), "member", members, ref, f"event '{event.id}'")
        for ref in event.documents:
            expect(LABELS["events"], line_of(event, "documents"), "document", documents, ref, f"event '{event.id}'")
    for doc in ds.documents:
        expect(LABELS["documents"], line_of(doc, "adopted_at"), "event", events, doc.adopted_at, f"document '{doc.id}'")
        for ref in doc.related:
            expect(LABELS["documents"], line_of(doc, "related"), "document", documents, ref, f"document '{doc.id}'")
        for ref in doc.members:
            expect(LABELS["documents"], line_of(doc, "members"), "member", members, ref, f"document '{doc.id}'")
    for fig in ds.figures:
        if ds.metrics:
            expect(LABELS["figures"], line_of(fig, "metric"), "metric", metrics, fig.metric, f"figure '{fig.id}'")
        expect(LABELS["figures"], line_of(fig, "source"), "source", sources, fig.source, f"figure '{fig.id}'")
    for question in ds.questions:
        for answer in question.answers:
            if answer.record not in events and answer.record not in documents:
                problems.append(Problem(LABELS["questions"], line_of(answer, "record"),
                                        f"question '{question.id}' refers to unknown event or document '{answer.record}'"))
    for tension in ds.tensions:
        expect(LABELS["tensions"], line_of(tension, "source"), "source", sources, tension.source, f"tension '{tension.id}'")
        for c in tension.citations:
            if c.source != tension.source:
                problems.append(Problem(LABELS["tensions"], line_of(c, "source"), f"tension '{tension.id}' is within one source, "
                                        f"'{tension.source}'; this citation is from '{c.source}'"))
    bodies, places = ds.by_id("bodies"), ds.by_id("places")
    for event in ds.events:
        if event.place_id is None:
            continue
        place = places.get(event.place_id)
        expect(LABELS["events"], line_of(event, "place_id"), "place", places, event.place_id, f"event '{event.id}'")
        if place is not None and event.place and not place_of_wording(place, event.place):
            problems.append(Problem(LABELS["events"], line_of(event, "place"), f"event '{event.id}': place "
                                    f"{event.place!r} is not a name of place '{place.id}' (add it to its names)"))
    for person in ds.people:
        for office in person.offices:
            owner = f"person '{person.id}'"
            if office.of is not None and office.of not in members and office.of not in bodies:
                problems.append(Problem(LABELS["people"], line_of(office, "of"),
                                        f"{owner} refers to unknown member or body '{office.of}'"))
            expect(LABELS["people"], line_of(office, "post"), "post", bodies, office.post, owner)
            if office.post in bodies and bodies[office.post].kind != "post":
                problems.append(Problem(LABELS["people"], line_of(office, "post"),
                                        f"{owner}: '{office.post}' is a body of kind {bodies[office.post].kind}, not a post"))
    for place in ds.places:
        expect(LABELS["places"], line_of(place, "country"), "member", members, place.country, f"place '{place.id}'")
    for body in ds.bodies:
        expect(LABELS["bodies"], line_of(body, "part_of"), "body", bodies, body.part_of, f"body '{body.id}'")
    for ex in ds.excluded:
        expect(LABELS["excluded"], line_of(ex, "source"), "source", sources, ex.source, "exclusion")
    for roster in ds.rosters:
        expect(LABELS["rosters"], line_of(roster, "source"), "source", sources, roster.source, "roster")
    for label, record in records(ds):
        for part in model.walk(record):
            if isinstance(part, model.Citation) and not rosters.from_roster(part):
                expect(label, line_of(part, "source"), "source", sources, part.source, "citation")
    return problems


def _sum_problems(ds: Dataset) -> list[Problem]:
    """A metric that is a sum names at least two other metrics that exist and are not sums."""
    metrics, problems = ds.by_id("metrics"), []
    for metric in ds.metrics:
        if not metric.sum_of:
            continue
        where, owner = line_of(metric, "sum_of"), f"metric '{metric.id}'"
        parts = list(dict.fromkeys(metric.sum_of))
        if len(parts) < 2:
            problems.append(Problem(LABELS["metrics"], where, f"{owner} is a sum of at least two metrics; sum_of names {len(parts)}"))
        for part in parts:
            if part == metric.id:
                problems.append(Problem(LABELS["metrics"], where, f"{owner} cannot be a sum of itself"))
            elif part not in metrics:
                problems.append(Problem(LABELS["metrics"], where, f"{owner} is a sum of unknown metric '{part}'"))
            elif metrics[part].sum_of:
                problems.append(Problem(LABELS["metrics"], where, f"{owner} is a sum of '{part}', itself a sum: "
                                        f"name its parts ({', '.join(metrics[part].sum_of)}) instead"))
    return problems


def _plan_problems(ds: Dataset) -> list[Problem]:
    """A plan's `outcome` is another event of the same kind, and a plan that names one says
    what became of it (held, postponed, moved, cancelled), not `planned`; following outcomes
    never leads back to where it started."""
    events, problems, label = ds.by_id("events"), [], LABELS["events"]
    for event in ds.events:
        if event.outcome is None:
            continue
        where, owner = line_of(event, "outcome"), f"event '{event.id}'"
        outcome = events.get(event.outcome)
        if outcome is None:
            problems.append(Problem(label, where, f"{owner} refers to unknown event '{event.outcome}' as its outcome"))
            continue
        if outcome is event:
            problems.append(Problem(label, where, f"{owner} cannot be its own outcome"))
            continue
        if outcome.kind != event.kind:
            problems.append(Problem(label, where, f"{owner} is a {event.kind}; its outcome '{outcome.id}' is a "
                                    f"{outcome.kind}, not an event of the same kind"))
        if event.status == "planned":
            problems.append(Problem(label, line_of(event, "status"), f"{owner} names its outcome '{outcome.id}', so its "
                                    "status says what became of the plan (held, postponed, moved or cancelled), not planned"))
        seen, step = {event.id}, outcome
        while step is not None and step.outcome is not None:
            if step.outcome in seen:
                problems.append(Problem(label, where, f"{owner}: following outcomes leads back to '{step.outcome}'"))
                break
            seen.add(step.id)
            step = events.get(step.outcome)
    return problems


def quoted(ds: Dataset) -> Iterator[tuple[str, int, str, str]]:
    """(file label, line, source id, quote) for every quote in the dataset, exclusions included."""
    for label, record in records(ds):
        if isinstance(record, (model.Figure, model.Roster)):
            yield label, line_of(record, "quote"), record.source, record.quote
        elif isinstance(record, model.Exclusion):
            yield label, line_of(record, "text"), record.source, record.text
        else:
            for part in model.walk(record):
                if isinstance(part, model.Citation) and not rosters.from_roster(part):
                    yield label, line_of(part, "quote"), part.source, part.quote


def _evidence_problems(ds: Dataset) -> list[Problem]:
    """Every article lies inside seeds/ and reads as UTF-8; every quote is verbatim in it."""
    problems, unreadable, cited = [], set(), set()
    for source in ds.sources:
        try:
            ds.article(source.id)
        except ProblemError as exc:
            problems.append(exc.problem)
            unreadable.add(source.id)
    for label, line, source_id, quote in quoted(ds):
        if source_id not in ds.by_id("sources") or source_id in unreadable:
            continue
        if label != LABELS["excluded"]:
            cited.add(source_id)
        if not ds.article(source_id).contains(quote):
            shown = quote if len(quote) <= 60 else quote[:57] + "..."
            problems.append(Problem(label, line, f"quote not found in source '{source_id}': {shown!r}"))
    for source in ds.sources:
        if source.id not in cited and source.id not in unreadable:
            problems.append(Problem(LABELS["sources"], source.line, f"source '{source.id}' is cited by no fact"))
    return problems


def _time_problems(ds: Dataset) -> list[Problem]:
    """An office's or a name's dates lie within what its claims allow: it does not begin
    (`date`, its "since") after it is known to be held (`as_of`) or after it ended
    (`until`), is not held after it ended, and no source claims a beginning after the
    source itself was published."""
    from . import dates

    def parse(text):
        try:
            return dates.parse(text) if text else None
        except dates.EDTFError:  # reported where the file was read
            return None

    problems = []
    for label, record in records(ds):
        for part in model.walk(record):
            if not isinstance(part, (model.Office, model.Name)):
                continue
            what = f"office {part.office!r}" if isinstance(part, model.Office) else f"name {part.name!r}"
            spans = {k: parse(getattr(part, k)) for k in ("date", "as_of", "until")}
            since, held, until = spans.get("date"), spans.get("as_of"), spans.get("until")
            if since and held and held.upper < since.lower:
                problems.append(Problem(label, line_of(part, "as_of"), f"{what}: as_of {part.as_of} is before it "
                                        f"began ({dates.human(part.date)}, from its claims)"))
            if since and until and until.upper < since.lower:
                problems.append(Problem(label, line_of(part, "until"), f"{what}: until {part.until} is before it "
                                        f"began ({dates.human(part.date)}, from its claims)"))
            if held and until and held.lower > until.upper:
                problems.append(Problem(label, line_of(part, "as_of"), f"{what}: as_of {part.as_of} is after it "
                                        f"ended (until {part.until})"))
            for c in part.citations:
                source = ds.source(c.source)
                claim, published = parse(c.date), parse(source.published) if source is not None else None
                if claim and published and claim.lower > published.upper:
                    problems.append(Problem(label, line_of(c, "date"), f"{what}: {c.source} claims it began "
                                            f"{dates.human(c.date)}, after the source was published ({dates.human(source.published)})"))
    return problems


def _as_written_problems(ds: Dataset) -> list[Problem]:
    """An office's title and a name are written as a source wrote them: each appears, whole
    words, in one of its own quotes (case, accents and punctuation aside)."""
    from .names import fold_words

    problems = []
    for label, record in records(ds):
        for part in model.walk(record):
            if isinstance(part, model.Office):
                field, what = "office", "office"
            elif isinstance(part, model.Name):
                field, what = "name", "name"
            else:
                continue
            text = getattr(part, field)
            wanted = f" {fold_words(text)} "
            if wanted.strip() and not any(wanted in f" {fold_words(c.quote)} " for c in part.citations):
                problems.append(Problem(label, line_of(part, field), f"{what} {text!r} is in none of its quotes: "
                                        "write it as a source wrote it, and quote the words that say it"))
    return problems
