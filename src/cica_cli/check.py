"""Every rule the dataset must keep, as Problems (file, line, message). Nothing here prints."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from . import identifiers, model, rosters
from .dataset import Dataset
from .errors import Problem
from .model import line_of
from .names import did_you_mean
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
    """All problems of a loaded dataset, sorted by file and line: every problem of every
    record (a record with a wrong field is still checked for the rest), and, for a data file
    not read whole, one line for the references into it that could not be checked."""
    problems = list(ds.problems)
    references, skipped = _reference_problems(ds)
    problems += _id_problems(ds) + _text_problems(ds) + references + _link_problems(ds) + _evidence_problems(ds)
    problems += _time_problems(ds) + _as_written_problems(ds)
    problems += _sum_problems(ds) + _plan_problems(ds)
    if "members" not in ds.unread:  # else a roster's name may be a member's in the part not read
        problems += rosters.problems(ds.members, ds.rosters)
    problems += identifiers.problems(ds.members, LABELS["members"])
    problems += unnamed_articles(ds)
    # the line on skipped references comes right after the problem that stopped the reading
    return sorted(set(problems) | set(skipped), key=lambda p: (p.file, p.line, p in skipped, p.message))


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


_COMPARISONS = 50_000  # ids compared for "did you mean" suggestions, at most, per run
# How a reference is named where its field says more than the kind it names.
_NOUN = {("Office", "post"): "post"}
_AS = {("Event", "outcome"): " as its outcome", ("Metric", "sum_of"): " in its sum_of"}


def _reference_problems(ds: Dataset) -> tuple[list[Problem], list[Problem]]:
    """A problem for each reference (a field of model.REFERENCES) to a record that does not
    exist. A reference into a data file that was not read whole is not judged (the record may
    be in the part not read): one line per such file says how many were skipped. References
    to a kind of which there are no records at all (its file missing or empty) get one line
    per file holding them, not one each."""
    index = {kind.name: ds.by_id(kind.name) for kind in model.KINDS if kind.named}
    problems: list[Problem] = []
    skipped: dict[str, dict[str, int]] = {}  # kind name -> {file holding the references: count}
    absent: dict[tuple[str, tuple], list[int]] = {}  # (file holding them, kind names) -> their lines
    budget = _COMPARISONS
    for kind in model.KINDS:
        label = kind.label
        for record in getattr(ds, kind.name):
            owner = f"{kind.singular} '{record.id}'" if kind.named else kind.singular
            for part in model.walk(record):
                cls = type(part).__name__
                if rosters.from_roster(part):
                    continue  # checked where it was entered, in data/rosters.yaml
                for name in model.field_names(type(part)):
                    targets = model.REFERENCES.get((cls, name))
                    if targets is None:
                        continue
                    value = getattr(part, name)
                    for ref in value if isinstance(value, list) else (value,):
                        if ref is None or any(ref in index[t] for t in targets):
                            continue
                        line = line_of(part, name)
                        unread = [t for t in targets if t in ds.unread]
                        if unread:
                            counts = skipped.setdefault(unread[0], {})
                            counts[label] = counts.get(label, 0) + 1
                        elif not any(index[t] for t in targets):
                            absent.setdefault((label, targets), []).append(line)
                        else:
                            hint, known = "", sum(len(index[t]) for t in targets)
                            if budget >= known:
                                budget -= known
                                hint = did_you_mean(ref, [i for t in targets for i in index[t] if type(i) is str])
                            noun = _NOUN.get((cls, name)) or " or ".join(model.KIND[t].singular for t in targets)
                            who = "citation" if cls == "Citation" else owner
                            problems.append(Problem(label, line, f"{who} refers to unknown {noun} '{ref}'"
                                                                 f"{_AS.get((cls, name), '')}{hint}"))
    for (label, targets), lines in absent.items():
        files = " and ".join(model.KIND[t].label for t in targets)
        problems.append(Problem(label, min(lines), f"{len(lines)} reference(s) to {' or '.join(targets)} (the first "
                                                   f"here), but {files} hold{'s' if len(targets) == 1 else ''} none: "
                                                   f"{'the file is' if len(targets) == 1 else 'the files are'} missing or empty"))
    notes = []
    for name, counts in skipped.items():
        stop = ds.unread[name]
        where = " and ".join(sorted(counts))
        reason = "the file is not read past this line" if getattr(ds, name) else "the file could not be read"
        notes.append(Problem(stop.file, stop.line, f"{sum(counts.values())} reference(s) to {name} in {where} "
                                                   f"not checked: {reason}"))
    return problems, notes


def _link_problems(ds: Dataset) -> list[Problem]:
    """What a reference must be besides a known id: a tension's quotes are from its own
    source, an event's `place` is a name of its place record, an office's post is a body of
    kind post."""
    problems = []
    for tension in ds.tensions:
        for c in tension.citations:
            if c.source is not None and tension.source is not None and c.source != tension.source:
                problems.append(Problem(LABELS["tensions"], line_of(c, "source"), f"tension '{tension.id}' is within one source, "
                                        f"'{tension.source}'; this citation is from '{c.source}'"))
    bodies, places = ds.by_id("bodies"), ds.by_id("places")
    for event in ds.events:
        place = places.get(event.place_id) if event.place_id is not None else None
        if place is not None and event.place and not place_of_wording(place, event.place):
            problems.append(Problem(LABELS["events"], line_of(event, "place"), f"event '{event.id}': place "
                                    f"{event.place!r} is not a name of place '{place.id}' (add it to its names)"))
    for person in ds.people:
        for office in person.offices:
            if office.post in bodies and bodies[office.post].kind != "post":
                problems.append(Problem(LABELS["people"], line_of(office, "post"), f"person '{person.id}': "
                                        f"'{office.post}' is a body of kind {bodies[office.post].kind}, not a post"))
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
            elif part in metrics and metrics[part].sum_of:  # an unknown one: see _reference_problems
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
        if outcome is None:  # an unknown one: see _reference_problems
            continue
        if outcome is event:
            problems.append(Problem(label, where, f"{owner} cannot be its own outcome"))
            continue
        if outcome.kind != event.kind and None not in (outcome.kind, event.kind):
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


_CITING = ("events", "members", "documents", "figures", "tensions")  # the kinds whose quotes cite a source
_NEAREST_CHARS = 20_000_000  # characters of articles searched for nearest passages, at most, per run


def _evidence_problems(ds: Dataset) -> list[Problem]:
    """Every article lies inside seeds/ and reads as UTF-8; every quote is verbatim in it (and
    where it is not, the nearest passage and how it differs); every source is cited."""
    problems, unreadable, cited = [], set(), set()
    for source in ds.sources:
        if type(source.file) is not str or source.id is None:
            unreadable.add(source.id)  # its `file` or `id` is wrong: reported as such
            continue
        try:
            ds.article(source.id)
        except ProblemError as exc:
            problems.append(exc.problem)
            unreadable.add(source.id)
    budget = _NEAREST_CHARS
    for label, line, source_id, quote in quoted(ds):
        if source_id not in ds.by_id("sources") or source_id in unreadable:
            continue
        if label != LABELS["excluded"]:
            cited.add(source_id)
        if type(quote) is not str:
            continue  # reported as a wrong field
        article = ds.article(source_id)
        if not article.contains(quote):
            searched = budget > 0
            if searched:
                budget -= len(article.normal)
            problems.append(Problem(label, line, _not_found(ds, source_id, quote, unreadable, searched)))
    if not any(name in ds.unread for name in _CITING):  # else the citing record may be in what was not read
        for source in ds.sources:
            if source.id not in cited and source.id not in unreadable:
                problems.append(Problem(LABELS["sources"], source.line, f"source '{source.id}' is cited by no fact"))
    return problems


def _not_found(ds: Dataset, source_id: str, quote: str, unreadable: set, search: bool = True) -> str:
    """Why a quote is not in its source's article, for people: the nearest passage of the
    article (its line) and how the quote differs from it; or the other source whose article
    has the quote word for word; or that nothing in the article is close."""
    from .quotes import differences

    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    said = f"quote not found in source '{source_id}'"
    for other in ds.sources:
        if other.id != source_id and other.id not in unreadable and ds.article(other.id).contains(quote):
            return f"{said}; it is word for word in source '{other.id}' ({other.file}): {shown!r}"
    if not search:
        return f"{said}: {shown!r}"
    article = ds.article(source_id)
    start, end, similarity = article.nearest(quote)
    if similarity < _CLOSE:
        return f"{said}, nor anything close to it: {shown!r}"
    passage = article.text[article.original_offset(start):article.original_offset(end)]
    where = f"seeds/{ds.source(source_id).file}:{article.line_of(start)}"
    said_how, (first, last) = differences(quote, passage)
    words = passage.split()
    a, b = max(0, first - _AROUND), min(len(words), last + _AROUND)
    excerpt = ("…" if a else "") + " ".join(words[a:b]) + ("…" if b < len(words) else "")
    return f"{said}; nearest passage, {where}: “{excerpt}”: {'; '.join(said_how)}"


_CLOSE = 0.6  # below this similarity, a passage is not shown as the quote's nearest
_AROUND = 6  # words of the passage shown on either side of its differences


def unnamed_articles(ds: Dataset) -> list[Problem]:
    """A problem for each article in seeds/ that no source record names: its facts are not in
    the dataset, and `coverage` cannot look at it (it says so)."""
    if "sources" in ds.unread:
        return []  # the source naming it may be in the part not read
    files = ds.article_files()
    named = {s.file for s in ds.sources}
    named |= {files[name] for name in named if name in files}  # what a link a source names leads to
    return [Problem(f"seeds/{name}", 0, f"no source names this article (`file: {name}` in data/sources.yaml)")
            for name in files if name not in named]


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
            if type(text) is not str:
                continue  # reported as a wrong field
            wanted = f" {fold_words(text)} "
            if wanted.strip() and not any(wanted in f" {fold_words(c.quote)} " for c in part.citations
                                          if type(c.quote) is str):
                problems.append(Problem(label, line_of(part, field), f"{what} {text!r} is in none of its quotes: "
                                        "write it as a source wrote it, and quote the words that say it"))
    return problems
