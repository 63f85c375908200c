"""Where the sources speak to the same thing, and whether they agree.

Every observation has a time window: its own `as_of` if it has one, otherwise its source's
`as_of`, read as an interval at its stated precision (`dates.parse`). Two observations of the
same thing are then judged:

* agree: the same value (and the same scope), or an exact number within a range
  (9 and "9-10");
* compatible: counts that may both be true without being the same (27 and "over 20", or
  two ranges that overlap);
* changed: values that cannot both be true, in windows that cannot share a day: the later
  one is the newer state of things;
* conflict: values that cannot both be true, in windows that may share a day;
* different-scope: the figures count different things, by their `scope` (model.SCOPES: the
  members taking part in one summit are not all the members), so the values are not
  comparable: shown, never a conflict. A figure's qualifier (the source's words) is shown but
  not compared: "16 member states participating at the first Summit in 2002" counts all the
  members of 2002 (scope `all`), the qualifier only restating the time.

Dates are judged per claim: each source's own date for an event, a document, a status or a
role (see claims.py for the verdicts: agree, confirmed, compatible, conflict).

A figure's value is a count as written (see counts.py): a number, a range or a bound. A metric
that is the sum of others (`sum_of`) is observed by its own figures and by the sum of its
parts wherever one source states every part for the same window: such an observation has
`parts`, the figures summed, and is compared like any other.

Member statuses are values too, with one rule of their own: membership excludes every other
status, but the other statuses (observer, partner, applicant, cooperating, non-member) can
hold at once, so two of them in overlapping windows are compatible rather than in conflict.

Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Callable, Iterable, Optional

from . import claims, counts, dates
from .dataset import Dataset
from .errors import DataError, Problem, UsageError
from .model import Metric, cited_sources, scope_words

AGREE = claims.AGREE
COMPATIBLE = claims.COMPATIBLE
CONFIRMED = claims.CONFIRMED
CHANGED = "changed"
CONFLICT = claims.CONFLICT
SCOPE = "different-scope"
SINGLE = "single"  # a metric observed once: nothing to compare with
NONE = "none"  # a metric never observed
VERDICTS = (AGREE, CONFIRMED, COMPATIBLE, CHANGED, CONFLICT, SCOPE)

FIGURE, STATUS, DATE = "figure", "status", "date"


@dataclass(frozen=True)
class Observation:
    """One thing one source says: a figure of a metric, a member's status, or a date.

    `subject` is what it is about (a metric, member, event or document id), `id` the record
    it comes from, `as_of` its time window (EDTF), `value` a number, a status or an EDTF date.
    """

    kind: str
    subject: str
    id: str
    value: Any
    as_of: str
    source: str
    quote: str
    qualifier: Optional[str] = None
    inferred: Optional[str] = None  # how the source's date was worked out, for a date claim
    parts: tuple = ()  # for the sum of a metric's parts: the ids of the figures summed
    scope: Optional[str] = None  # a figure's scope (model.SCOPES); None for other kinds

    @property
    def scope_key(self) -> str:
        """What must be equal for two observations to count the same thing: a figure's scope,
        an answer's scope text (whitespace and case aside); the same for everything else."""
        return self.scope if self.scope is not None else _scope(self.qualifier)

    @property
    def span(self) -> dates.Span:
        return dates.parse(self.as_of)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "subject": self.subject, "id": self.id, "value": self.value,
            "as_of": self.as_of, "qualifier": self.qualifier, "scope": self.scope, "source": self.source,
            "quote": self.quote, "inferred": self.inferred, "parts": list(self.parts),
        }

    @property
    def shown(self) -> str:
        """The value for people: a count as written (9–10, over 20), a status or a date."""
        return counts.text(self.value) if self.kind == FIGURE else str(self.value)


@dataclass(frozen=True)
class Comparison:
    """The verdict on two observations of the same thing, and why. For `changed`, `newer`
    is the id and source of the later one ("a" or "b" says which side)."""

    a: Observation
    b: Observation
    verdict: str
    reason: str
    newer: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "kind": self.a.kind, "subject": self.a.subject, "verdict": self.verdict,
            "reason": self.reason, "newer": self.newer, "a": self.a.to_dict(), "b": self.b.to_dict(),
        }


# --- the relations ---------------------------------------------------------


def _scope(q: Optional[str]) -> str:
    return " ".join((q or "").split()).casefold()


def scope_label(o: Observation) -> Optional[str]:
    """How an observation's scope is named beside its value (model.scope_words); an answer's
    qualifier."""
    return scope_words(o.scope, o.qualifier)


def _describe(o: Observation) -> str:
    return f"{o.shown} ({dates.human(o.as_of)})"


def _values_compatible(kind: str, x: Any, y: Any) -> bool:
    """Different values that can both hold at once: statuses other than membership."""
    return kind == STATUS and "member" not in (x, y)


def compare(a: Observation, b: Observation, span: Callable[[str], dates.Span] = dates.parse) -> Comparison:
    """The verdict on two observations of the same thing (symmetric but for `newer`); `span`
    parses the dates claimed (`Dataset.span`)."""
    if a.kind == DATE:
        return Comparison(a, b, *claims.judge(a.value, b.value, bool(a.inferred), bool(b.inferred), span))
    if a.kind == ANSWER and _scope(a.qualifier) != _scope(b.qualifier):
        return Comparison(a, b, SCOPE, f"different scope: {a.id} answers as “{a.qualifier}”, {b.id} as “{b.qualifier}”")
    if a.kind == ANSWER:
        return Comparison(a, b, *claims.judge(a.value, b.value, span=span))
    if a.scope_key != b.scope_key:
        def scope(o):
            return o.scope + (f" (“{o.qualifier}”)" if o.qualifier else "")
        return Comparison(a, b, SCOPE, f"different scope: {scope(a)} vs {scope(b)}")
    if a.value == b.value:
        return Comparison(a, b, AGREE, f"the same value, {a.shown}")
    if a.kind == FIGURE:
        relation = counts.relation(a.value, b.value)
        if relation == counts.SAME:
            return Comparison(a, b, AGREE, f"the same count, {a.shown} and {b.shown}")
        if relation == counts.WITHIN:
            exact, wide = (a, b) if counts.interval(a.value).exact else (b, a)
            return Comparison(a, b, AGREE, f"{exact.shown} lies within {wide.shown}")
        if relation == counts.OVERLAP:
            return Comparison(a, b, COMPATIBLE, f"{a.shown} and {b.shown} can both be true")
    if not dates.overlaps(a.span, b.span):
        older, newer = (a, b) if a.span.upper < b.span.lower else (b, a)
        side = "a" if newer is a else "b"
        return Comparison(a, b, CHANGED,
                          f"change over time: {_describe(older)} → {_describe(newer)}", newer=side)
    if _values_compatible(a.kind, a.value, b.value):
        return Comparison(a, b, COMPATIBLE,
                          f"{a.value} and {b.value} can hold at once ({dates.human(a.as_of)}, {dates.human(b.as_of)})")
    return Comparison(a, b, CONFLICT,
                      f"{_describe(a)} and {_describe(b)} differ in windows that overlap")


def overall(comparisons: Iterable[Comparison], count: int) -> str:
    """conflict if any conflicts, else changed if any change, else agree if any agree;
    different-scope when scopes differ and nothing else can be said; single or none."""
    verdicts = {c.verdict for c in comparisons}
    for verdict in (CONFLICT, CHANGED, AGREE, COMPATIBLE, SCOPE):
        if verdict in verdicts:
            return verdict
    return SINGLE if count == 1 else NONE


# --- observations from the dataset ------------------------------------------


def _held(ds: Dataset, record: Any, source_id: str, file: str, what: str) -> str:
    """When `record` holds by `source_id` (claims.held_as_of); a source the dataset lacks is
    a data problem."""
    when, _ = claims.held_as_of(ds, record, source_id)
    if when is None:
        raise DataError([Problem(file, record.line, f"{what} refers to unknown source '{source_id}'")])
    return when


def figures(ds: Dataset, metric: Optional[str] = None) -> list[Observation]:
    """The figures (of one metric, or all), in time order, with the sums of the parts of
    every metric that is a sum (see `sums`)."""
    result = []
    for f in ds.figures:
        if metric is not None and f.metric != metric:
            continue
        as_of = _held(ds, f, f.source, "data/figures.yaml", f"figure '{f.id}'")
        result.append(Observation(FIGURE, f.metric, f.id, f.value, as_of, f.source, f.quote, f.qualifier,
                                  scope=f.scope))
    for m in ds.metrics:
        if m.sum_of and (metric is None or m.id == metric):
            result += sums(ds, m)
    return in_time_order(result)


def sums(ds: Dataset, metric: Metric) -> list[Observation]:
    """The sum of a metric's parts wherever one source states every part for the same window
    and scope: one observation per (source, window, scope), its value the total of the parts'
    counts (a range or bound if any part is one), its quote theirs, its `parts` the figures
    summed. A source that gives one part twice there (two quotes) is summed with the first."""
    parts = list(dict.fromkeys(metric.sum_of))
    found: dict[tuple, dict[str, Any]] = {}
    for f in ds.figures:
        if f.metric not in parts:
            continue
        as_of = _held(ds, f, f.source, "data/figures.yaml", f"figure '{f.id}'")
        found.setdefault((f.source, as_of, f.scope), {}).setdefault(f.metric, f)
    result = []
    for (source, as_of, _), by_part in found.items():
        if len(by_part) < len(parts):
            continue
        chosen = [by_part[p] for p in parts]
        value = counts.total(f.value for f in chosen)
        quote = " … ".join(dict.fromkeys(f.quote for f in chosen))
        how = " + ".join(f"{counts.text(f.value)} {f.metric}" for f in chosen)
        result.append(Observation(FIGURE, metric.id, "+".join(f.id for f in chosen), value, as_of, source, quote,
                                  chosen[0].qualifier, inferred=f"the sum of the parts: {how}",
                                  parts=tuple(f.id for f in chosen), scope=chosen[0].scope))
    return result


def statuses(ds: Dataset) -> list[Observation]:
    """One observation per member status and citing source, in time order."""
    result = []
    for m in ds.members:
        for s in m.statuses:
            seen = set()
            for c in s.citations:
                if c.source in seen:
                    continue
                seen.add(c.source)
                as_of = _held(ds, s, c.source, "data/members.yaml", f"member '{m.id}'")
                result.append(Observation(STATUS, m.id, m.id, s.status, as_of, c.source, c.quote))
    return in_time_order(result)


def date_claims(ds: Dataset) -> list[Observation]:
    """The date each source gives for each event and document: one observation per citation
    that carries a date (a source that cites a record without dating it claims no date)."""
    result = []
    for kind, records in (("event", ds.events), ("document", ds.documents)):
        for record in records:
            for c in claims.dated(record.citations):
                result.append(Observation(DATE, f"{kind}:{record.id}", record.id, c.date, c.date,
                                          c.source, c.quote, inferred=c.inferred))
    return result


def in_time_order(observations: Iterable[Observation]) -> list[Observation]:
    return sorted(observations, key=lambda o: (dates.sort_key(o.span), o.source, o.id))


# --- one metric -------------------------------------------------------------


@dataclass
class Step:
    """Consecutive observations with the same value and scope (or an exact number and ranges
    or bounds that allow it): one state of things."""

    value: Any
    qualifier: Optional[str]
    observations: list[Observation]

    @property
    def when(self) -> str:
        windows = list(dict.fromkeys(o.as_of for o in self.observations))
        if len(windows) == 1:
            return dates.human(windows[0])
        spans = [dates.parse(w) for w in windows]
        if max(s.lower for s in spans) <= min(s.upper for s in spans):  # all share a day
            widest = max(spans, key=lambda s: (s.upper - s.lower, s.text))
            return dates.human(widest)
        first, last = min(s.lower for s in spans), max(s.upper for s in spans)
        return f"{first.year}–{last.year}" if first.year != last.year else str(first.year)

    def label(self) -> str:
        sources = list(dict.fromkeys(o.source for o in self.observations))
        parts = [self.when]
        if len(sources) > 1:
            parts.append(f"{_number(len(sources))} articles")
        elif len(self.observations) > 1:
            parts.append(f"{_number(len(self.observations))} quotes")
        if self.qualifier:
            parts.append(self.qualifier)
        if all(o.parts for o in self.observations):
            parts.append("sum of the parts")
        others = [o.value for o in self.observations if o.value != self.value]
        if others:  # ranges that hold the step's number
            parts.append("also written " + ", ".join(dict.fromkeys(counts.text(v) for v in others)))
        return f"{counts.text(self.value)} ({', '.join(parts)})"


_NUMBERS = "zero one two three four five six seven eight nine ten".split()


def _number(n: int) -> str:
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


@dataclass
class MetricComparison:
    """A metric's observations in time order, the verdict between consecutive ones, any
    conflict between others, the overall verdict and a one-sentence explanation."""

    metric: Metric
    observations: list[Observation]
    steps: list[Comparison]  # between consecutive observations
    others: list[Comparison] = field(default_factory=list)  # conflicts between non-neighbours
    verdict: str = NONE
    explanation: str = ""

    @property
    def values(self) -> list[Any]:
        return [o.value for o in self.observations]

    @property
    def latest(self) -> Optional[Observation]:
        """The observation whose window ends last (then starts last)."""
        if not self.observations:
            return None
        return max(self.observations, key=lambda o: (o.span.upper, o.span.lower))

    @property
    def scoped(self) -> list[Observation]:
        """Observations whose scope differs from the one most observations share."""
        if not self.observations:
            return []
        scopes = [o.scope_key for o in self.observations]
        main = max(set(scopes), key=lambda s: (scopes.count(s), s in ("", "all")))
        return [o for o, s in zip(self.observations, scopes) if s != main]

    def to_dict(self) -> dict:
        latest = self.latest
        return {
            "metric": self.metric.id, "description": self.metric.description, "unit": self.metric.unit,
            "verdict": self.verdict, "explanation": self.explanation,
            "count": len(self.observations),
            "min": counts.ends(self.values)[0],
            "max": counts.ends(self.values)[1],
            "latest": latest.value if latest else None,
            "latest_as_of": latest.as_of if latest else None,
            "different_scope": [o.id for o in self.scoped],
            "observations": [o.to_dict() for o in self.observations],
            "comparisons": [c.to_dict() for c in self.steps + self.others],
        }


def compare_metric(ds: Dataset, metric: Metric) -> MetricComparison:
    observations = figures(ds, metric.id)
    steps = [compare(a, b) for a, b in zip(observations, observations[1:])]
    neighbours = {(a.id, b.id) for a, b in zip(observations, observations[1:])}
    others = [c for c in _hidden_conflicts(observations) if c.verdict == CONFLICT
              and (c.a.id, c.b.id) not in neighbours and (c.b.id, c.a.id) not in neighbours]
    result = MetricComparison(metric, observations, steps, others)
    result.verdict = overall(steps + others, len(observations))
    result.explanation = explain(result)
    return result


def _hidden_conflicts(observations: list[Observation]) -> list[Comparison]:
    """Conflicts anywhere in a metric's observations, at most one per observation: each is
    paired with an observation of the same scope and another value whose window began no
    later and still overlaps its own. A sweep over window starts that remembers, per scope,
    the two observations with different values whose windows end last: O(n log n), where
    comparing every pair would take a metric observed 10 000 times 50 million comparisons.
    Where a metric has ranges or bounds, "another value" is one that cannot be true with
    it (see `_hidden_count_conflicts`)."""
    found = []
    groups: dict[str, list[Observation]] = {}
    for o in observations:
        groups.setdefault(o.scope_key, []).append(o)
    for group in groups.values():
        if any(isinstance(o.value, (list, dict)) for o in group):
            found += _hidden_count_conflicts(group)
            continue
        first = second = None  # the latest-ending window; the latest-ending with another value
        for o in sorted(group, key=lambda o: (o.span.lower, o.span.upper)):
            partner = first if first is not None and first.value != o.value else second
            if partner is not None and partner.span.upper >= o.span.lower:
                found.append(compare(partner, o))
            if first is None or o.span.upper > first.span.upper:
                if first is not None and o.value != first.value:
                    second = first
                first = o
            elif o.value != first.value and (second is None or o.span.upper > second.span.upper):
                second = o
    return found


def _hidden_count_conflicts(group: list[Observation]) -> list[Comparison]:
    """The sweep of `_hidden_conflicts` for counts that are ranges or bounds, where "may both
    be true" is not transitive (9 and 10 each fit "9-10"). In order of window start, each
    observation is paired with an earlier-starting one whose window still overlaps its own
    and whose count lies wholly below or wholly above its own, if there is one: among those
    windows, the count whose upper end is least, or whose lower end is greatest, is such a
    one whenever any is. Two heaps keep these, dropping windows that ended before the
    current one starts (starts only grow, so a dropped window never overlaps again)."""
    import heapq

    found: list[Comparison] = []
    lows: list = []  # (upper end of the count, closed?, n, observation): least first
    highs: list = []  # (-lower end of the count, closed?, n, observation): greatest first
    for n, o in enumerate(sorted(group, key=lambda o: (o.span.lower, o.span.upper))):
        start = o.span.lower
        for heap in (lows, highs):
            while heap and heap[0][3].span.upper < start:
                heapq.heappop(heap)
        for heap in (lows, highs):
            if heap and counts.apart(heap[0][3].value, o.value):
                found.append(compare(heap[0][3], o))
                break
        span = counts.interval(o.value)
        heapq.heappush(lows, (span.high, not span.high_open, n, o))  # an open end first: it is lower
        heapq.heappush(highs, (-span.low, not span.low_open, n, o))
    return found


def compare_metrics(ds: Dataset) -> list[MetricComparison]:
    return [compare_metric(ds, m) for m in ds.metrics]


def find_metric(ds: Dataset, query: str) -> Metric:
    """A metric by id or description (any case, unique prefix); NotFound with suggestions."""
    from .names import resolve

    return resolve(query, ds.metrics, lambda m: [m.id, m.description], "metric")


_PHRASES = {
    CHANGED: "change over time", AGREE: "the sources agree", COMPATIBLE: "compatible",
    SCOPE: "the same count under different scopes", SINGLE: "one observation, nothing to compare",
    NONE: "no observations",
}


def explain(mc: MetricComparison) -> str:
    """One sentence: the states of things in time order, and what the differences are."""
    if not mc.observations:
        return f"{mc.metric.id}: no observations"
    groups: list[Step] = []
    for o in mc.observations:
        last = groups[-1] if groups else None
        if last and last.observations[0].scope_key == o.scope_key and (
                last.value == o.value or not counts.apart(last.value, o.value)):
            last.observations.append(o)  # the same count, or counts that may both be true: one state
            if counts.interval(o.value).exact:
                last.value = o.value  # the step is named by its exact number
        else:
            groups.append(Step(o.value, scope_label(o), [o]))
    chain = " → ".join(g.label() for g in groups)
    if mc.verdict == CONFLICT:
        c = next(c for c in mc.steps + mc.others if c.verdict == CONFLICT)
        return f"{chain}: conflict between {c.a.source} and {c.b.source} ({c.reason})"
    sentence = f"{chain}: {_PHRASES[mc.verdict]}"
    scoped = mc.scoped
    if scoped and mc.verdict != SCOPE:
        sentence += "; " + ", ".join(f"{o.shown} counts a different scope" for o in scoped)
    return sentence


def chart(mc: MetricComparison, width: int = 40) -> list[str]:
    """The values over time as plain-text bars, one per observation, labelled with date and value."""
    if not mc.observations:
        return []
    top = max((abs(n) for n in counts.ends(mc.values) if n is not None), default=0) or 1
    if mc.metric.unit == "percent":
        top = max(top, 100)  # a share is drawn against the whole
    labels = [f"{dates.human(o.as_of)}" for o in mc.observations]
    pad = max(len(x) for x in labels)
    lines = [f"{mc.metric.description} ({mc.metric.unit}) over time"]
    for label, o in zip(labels, mc.observations):
        lines.append(f"{label.ljust(pad)} | {_bar(o.value, top, width)} {o.shown}  {o.source}{_chart_note(o)}")
    return lines


def _chart_note(o: Observation) -> str:
    scope = scope_label(o)
    notes = [scope] if scope else []
    if o.parts:
        notes.append("sum of the parts")
    return f"  [{'; '.join(notes)}]" if notes else ""


def _bar(value: Any, top: float, width: int) -> str:
    """`#` up to the least number a count allows, `-` on to its greatest, `>` for no upper end."""
    span = counts.interval(value)
    if span.exact:
        return "#" * max(1, round(width * abs(span.low) / top)) if span.low else ""
    low = round(width * max(span.low, 0) / top) if span.low > 0 else 0
    if span.high == float("inf"):
        return "#" * low + ">"
    return "#" * low + "-" * max(1, round(width * span.high / top) - low)


# --- two sources, and the whole dataset ---------------------------------------


@dataclass
class SourceDiff:
    """Everything two sources both speak to, judged; then what only one of them says."""

    a: str
    b: str
    comparisons: list[Comparison]
    only_a: dict[str, list[str]]
    only_b: dict[str, list[str]]

    def grouped(self) -> dict[str, list[Comparison]]:
        return {v: [c for c in self.comparisons if c.verdict == v] for v in VERDICTS}

    def to_dict(self) -> dict:
        return {
            "a": self.a, "b": self.b,
            "counts": {v: len(cs) for v, cs in self.grouped().items()},
            "comparisons": [c.to_dict() for c in self.comparisons],
            "only_a": self.only_a, "only_b": self.only_b,
        }


def _by_subject(observations: Iterable[Observation]) -> dict[tuple[str, str], list[Observation]]:
    table: dict[tuple[str, str], list[Observation]] = {}
    for o in observations:
        table.setdefault((o.kind, o.subject), []).append(o)
    return table


def _all_observations(ds: Dataset) -> list[Observation]:
    return figures(ds) + statuses(ds) + date_claims(ds)


def diff(ds: Dataset, a: str, b: str) -> SourceDiff:
    """Compare what sources `a` and `b` (ids) say about the same metrics, members, events
    and documents."""
    if a == b:
        raise UsageError(f"diff needs two different sources; both are '{a}'")
    comparisons = []
    only: dict[str, dict[str, list[str]]] = {a: {}, b: {}}
    for (_kind, subject), obs in _by_subject(_all_observations(ds)).items():
        side_a = [o for o in obs if o.source == a]
        side_b = [o for o in obs if o.source == b]
        if side_a and side_b:
            comparisons += [compare(x, y) for x in side_a for y in side_b]
            continue
        for source, side in ((a, side_a), (b, side_b)):
            for o in side:
                if o.kind == DATE or o.parts:
                    continue  # events and documents: by who cites them, below; a sum: by its parts
                key, record = ("figures", o.id) if o.kind == FIGURE else ("members", o.subject)
                ids = only[source].setdefault(key, [])
                if record not in ids:
                    ids.append(record)
    # an event or document is "only" one source's when the other does not cite it at all
    # (a source may cite it without giving a date: then there is no date to compare either)
    for group in ("events", "documents"):
        for record in getattr(ds, group):
            cited = {c.source for c in record.citations}
            for source, other in ((a, b), (b, a)):
                if source in cited and other not in cited:
                    only[source].setdefault(group, []).append(record.id)
    return SourceDiff(a, b, comparisons, only[a], only[b])


def conflicts(ds: Dataset) -> list[Comparison]:
    """The real conflicts in the dataset: figures of the same metric and scope that
    differ in overlapping windows; different statuses of the same member, from different
    sources, in overlapping windows, where one is membership; dates that two sources give
    for the same event or document that cannot be the same day."""
    result = []
    for (kind, _subject), obs in _by_subject(_all_observations(ds)).items():
        if kind == FIGURE:  # a metric may be observed thousands of times: the sweep, not every pair
            result += [c for c in _hidden_conflicts(obs) if c.verdict == CONFLICT]
            continue
        for x, y in combinations(obs, 2):  # a member's statuses, an event's claims: a handful each
            if kind != FIGURE and x.source == y.source:
                continue  # one source against itself: see data/tensions.yaml
            c = compare(x, y, ds.span)
            if c.verdict == CONFLICT:
                result.append(c)
    return result


# --- the dates of one record, and questions that span records ------------------------------


def overall_dates(comparisons: Iterable[Comparison], count: int) -> str:
    """conflict if any claims conflict; else confirmed, compatible or agree, the first that
    any pair has in that order; single or none when there is nothing to compare."""
    verdicts = {c.verdict for c in comparisons}
    for verdict in (CONFLICT, SCOPE, CONFIRMED, COMPATIBLE, AGREE):
        if verdict in verdicts:
            return verdict
    return SINGLE if count == 1 else NONE


@dataclass
class DateComparison:
    """What each source says about when one event or document happened, side by side: every
    pair of claims from different sources judged, and the date derived from them all."""

    kind: str  # "event" or "document"
    record: Any
    observations: list[Observation]
    comparisons: list[Comparison]
    verdict: str = NONE
    explanation: str = ""
    plans: list = field(default_factory=list)  # plans.Story: a plan and what became of it

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "id": self.record.id, "title": self.record.title,
            "date": self.record.date, "date_basis": self.record.date_basis or None,
            "verdict": self.verdict, "explanation": self.explanation,
            "claims": [o.to_dict() for o in self.observations],
            "comparisons": [c.to_dict() for c in self.comparisons],
            "plans": [s.to_dict() for s in self.plans],
        }


def compare_record(ds: Dataset, kind: str, record: Any) -> DateComparison:
    """The claims on one event or document, every pair from different sources judged."""
    observations = [o for o in date_claims(ds) if o.subject == f"{kind}:{record.id}"]
    pairs = [compare(x, y) for x, y in combinations(observations, 2) if x.source != y.source]
    result = DateComparison(kind, record, observations, pairs)
    if kind == "event":
        from .plans import stories

        result.plans = stories(ds, record)
    result.verdict = overall_dates(pairs, len(observations))
    derived = dates.human(record.date) if record.date else "no date"
    result.explanation = f"{derived}, {claims.basis(record)}: {_DATE_PHRASES.get(result.verdict, result.verdict)}"
    return result


_DATE_PHRASES = {
    AGREE: "the sources agree", CONFIRMED: "a stated date confirms an inferred one",
    COMPATIBLE: "compatible: the dates differ only in precision",
    CONFLICT: "conflict: two sources give dates that cannot be the same day",
    SINGLE: "one source gives a date, nothing to compare", NONE: "no source gives a date",
}


@dataclass
class QuestionComparison:
    """The records that answer one question, with their dates side by side: answers of the
    same scope are judged on their dates; answers of different scope never conflict."""

    question: Any
    answers: list[Observation]
    comparisons: list[Comparison]
    verdict: str = NONE
    explanation: str = ""

    def to_dict(self) -> dict:
        return {
            "question": self.question.id, "text": self.question.question,
            "verdict": self.verdict, "explanation": self.explanation,
            "answers": [o.to_dict() for o in self.answers],
            "comparisons": [c.to_dict() for c in self.comparisons],
        }


ANSWER = "answer"


def compare_question(ds: Dataset, question: Any) -> QuestionComparison:
    """Each answer is an observation: the record's date, the sources that date it, its scope."""
    records = {**ds.by_id("events"), **ds.by_id("documents")}
    answers = []
    for answer in question.answers:
        record = records.get(answer.record)
        if record is None or not record.date:
            continue
        cited = claims.dated(record.citations) or record.citations
        answers.append(Observation(ANSWER, question.id, record.id, record.date, record.date,
                                   ", ".join(cited_sources(cited)),
                                   cited[0].quote if cited else "", answer.scope))
    answers = in_time_order(answers)
    pairs = [compare(x, y) for x, y in combinations(answers, 2)]
    result = QuestionComparison(question, answers, pairs)
    result.verdict = overall_dates(pairs, len(answers))
    chain = "; ".join(f"{o.id} {dates.human(o.value)}" for o in answers)
    phrase = ("different scopes: each answers the question in its own sense, none contradicts another"
              if result.verdict == SCOPE and not any(c.verdict == CONFLICT for c in pairs)
              else _DATE_PHRASES.get(result.verdict, result.verdict))
    result.explanation = f"{question.question} {chain}: {phrase}"
    return result


def find_subject(ds: Dataset, query: str) -> tuple[str, Any]:
    """What `compare` was asked about: ("metric" | "event" | "document" | "question", record),
    by id (or a metric's description, a document's title or alias), any case, unique prefix."""
    from .names import resolve

    items = ([("metric", m) for m in ds.metrics] + [("question", q) for q in ds.questions]
             + [("event", e) for e in ds.events] + [("document", d) for d in ds.documents])

    def keys(item):
        kind, record = item
        if kind == "metric":
            return [record.id, record.description]
        if kind == "document":
            return [record.id, record.title, *record.aliases]
        return [record.id]

    return resolve(query, items, keys, "metric, question, event or document")
