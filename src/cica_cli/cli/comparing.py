"""`cica compare`, `cica diff` and `cica conflicts`: where the sources differ, and why."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import DataOption, JsonOption, command
from .options import complete_sources, complete_subjects
from .sharing import FormatOption, export_listing

CiteOption = Annotated[bool, typer.Option("--cite", help="Show the quotes behind each side.")]


def _when(o, edtf: bool = True) -> str:
    """An observation's window for people, then (with `edtf`) as written, on its own line."""
    from .. import dates

    human = dates.short(o.as_of)
    return human if human == o.as_of or not edtf else f"{human}\n{o.as_of}"


def _side(o, cite: bool = False) -> str:
    """One side of a comparison: its value and window, and with `cite` its evidence."""
    from .. import dates

    if o.kind == "date":
        text = f"{dates.short(o.value)}\n{o.value}" + (" (inferred)" if o.inferred else "")
    else:
        from ..compare import scope_label

        text = f"{o.shown}: {_when(o)}"
        if (label := scope_label(o)):
            text += f"\n({label})"
        if o.parts:
            text += f"\n({o.inferred})"
    if cite:
        text += f"\n{o.source}: “{o.quote}”"
    return text


def _pair_columns(ds) -> list:
    """The CSV and Markdown columns of a verdict between two sources (diff, conflicts); a
    tension within one source fills the same columns with its own quotes."""
    from ..compare import Comparison

    def side(letter: str, field: str):
        def get(row):
            if isinstance(row, Comparison):
                o = getattr(row, letter)
                return {"source": o.source, "says": _side(o), "quote": o.quote}[field]
            quotes = row.citations[:1] if letter == "a" else row.citations[1:]
            return {"source": row.source, "says": "",
                    "quote": " … ".join(c.quote for c in quotes)}[field]
        return (f"{letter}_{field}", get)

    return [("verdict", lambda r: r.verdict if isinstance(r, Comparison) else "tension"),
            ("topic", lambda r: _topic(ds, r.a) if isinstance(r, Comparison) else r.summary),
            *(side(letter, field) for letter in "ab" for field in ("source", "says", "quote")),
            ("why", lambda r: r.reason if isinstance(r, Comparison) else r.notes)]


def _topic(ds, o) -> str:
    if o.kind == "figure":
        return o.subject
    if o.kind == "status":
        member = ds.by_id("members").get(o.subject)
        return f"status of {member.name if member else o.subject}"
    group, _, record = o.subject.partition(":")
    return f"date of {group} {record}"


@command("compare", "cica compare member-states --chart")
def compare_command(
    metric: Annotated[Optional[str], typer.Argument(metavar="[SUBJECT]", help="A metric (id or description), an event or document id, or a question id (founding); unique prefix, any case. Omit for every metric.", show_default=False, autocompletion=complete_subjects)] = None,
    chart: Annotated[bool, typer.Option("--chart", help="Draw the values over time as bars.")] = False,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Each metric's figures side by side, in time order: whether they agree, changed over
    time, conflict, or count a different scope. With a METRIC, every observation and the
    verdict between consecutive ones; with an event or document id, the date each source
    gives for it and the date derived from them; with a question id, the records that
    answer it, their dates and scopes."""
    from .. import counts, render
    from ..compare import chart as draw, compare_metric, compare_metrics
    from ..dataset import open_dataset
    from ..errors import NotFound

    ds = open_dataset(data)
    if metric is not None:
        from ..compare import compare_question, compare_record, find_subject

        kind, record = find_subject(ds, metric)
        if kind == "metric":
            result = compare_metric(ds, record)
            rows, show = result.observations, lambda: _one_metric(result, chart)
        elif kind == "question":
            result = compare_question(ds, record)
            rows, show = result.answers, lambda: _one_question(ds, result)
        else:
            result = compare_record(ds, kind, record)
            rows, show = result.observations, lambda: _one_record(result)
        from ..compare import Observation

        # csv or markdown: one row per observation, claim or answer
        if not export_listing(rows, fmt, json, of=Observation, as_json=result.to_dict()):
            show()
        return
    results = compare_metrics(ds)
    columns = [
        ("metric", lambda r: r.metric.id), ("description", lambda r: r.metric.description),
        ("unit", lambda r: r.metric.unit), ("observations", lambda r: len(r.observations)),
        ("values", lambda r: [o.shown for o in r.observations]),
        ("latest", lambda r: r.latest.shown if r.latest else None),
        ("latest_as_of", lambda r: r.latest.as_of if r.latest else None),
        ("verdict", lambda r: r.verdict), ("explanation", lambda r: r.explanation),
    ]
    if export_listing(results, fmt, json, columns=columns, as_json=[r.to_dict() for r in results]):
        return
    if not results:
        raise NotFound("no metrics in this dataset (data/metrics.yaml)")
    rows = []
    for r in results:
        latest = r.latest
        span = counts.extent(r.values)
        verdict = r.verdict + (f"\n({len(r.scoped)} of another scope)" if r.scoped and r.verdict != "different-scope" else "")
        rows.append([r.metric.id, f"{r.metric.description} ({r.metric.unit})", len(r.observations), span,
                     f"{latest.shown} ({_when(latest, edtf=False)})" if latest else "", verdict])
    render.print_table(
        f"{len(results)} metric(s) compared across sources",
        ["Metric", "Description (unit)", "Obs.", "Range", "Latest", "Verdict"], rows,
        nowrap=("Metric", "Obs.", "Range", "Verdict"), drop=("Description (unit)", "Obs."),
    )
    if chart:
        for r in results:
            if r.observations:
                render.print_lines([""] + draw(r))


def _one_metric(result, chart: bool) -> None:
    from .. import render
    from ..compare import chart as draw
    from ..compare import scope_label

    m = result.metric
    rows = []
    for i, o in enumerate(result.observations):
        step = result.steps[i - 1] if i else None
        value = o.shown + (f"\n= {o.inferred.removeprefix('the sum of the parts: ')}" if o.parts else "")
        rows.append([value, _when(o), o.source, scope_label(o) or "", f"“{o.quote}”",
                     "" if step is None else step.verdict])
    title = f"{m.id}: {m.description} ({m.unit}), {len(result.observations)} observation(s)"
    if m.sum_of:
        title += f"; the sum of {' + '.join(m.sum_of)}"
    render.print_table(
        title,
        ["Value", "As of", "Source", "Qualifier", "Quote", "vs previous"], rows,
        nowrap=("Value", "vs previous"), drop=("Quote", "Qualifier"),
    )
    lines = [result.explanation]
    lines += [f"also {c.verdict}: {c.a.id} ({c.a.source}) and {c.b.id} ({c.b.source}): {c.reason}" for c in result.others]
    render.print_lines(lines)
    if chart and result.observations:
        render.print_lines([""] + draw(result))


def _one_record(result) -> None:
    """Each source's date for one event or document, side by side, and the date derived."""
    from .. import dates, render

    rows = [[o.source, f"{dates.human(o.value)}\n{o.value}", o.inferred or "", f"“{o.quote}”"]
            for o in result.observations]
    render.print_table(f"{result.kind} {result.record.id}: {result.record.title}, dated by {len(rows)} claim(s)",
                       ["Source", "Its date", "Inferred", "Quote"], rows, nowrap=("Source",))
    lines = [result.explanation]
    lines += [f"  {c.verdict}: {c.a.source} and {c.b.source}: {c.reason}" for c in result.comparisons]
    lines += [f"plan {s.plan.id}: {s.sentence}" for s in result.plans]
    render.print_lines(lines)


def _one_question(ds, result) -> None:
    """The records answering one question, their dates and scopes side by side."""
    from .. import dates, render

    rows = [[f"{dates.human(o.value)}\n{o.value}", o.qualifier, o.id, o.source] for o in result.answers]
    render.print_table(f"{result.question.id}: {result.question.question}",
                       ["Date", "Scope", "Record", "Dated by"], rows, nowrap=("Record",))
    lines = [result.explanation]
    lines += [f"  {c.verdict}: {c.a.id} and {c.b.id}: {c.reason}" for c in result.comparisons
              if c.verdict != "different-scope"]
    render.print_lines(lines)


@command("diff", "cica diff auelbayev-2022 002")
def diff_command(
    a: Annotated[str, typer.Argument(metavar="A", help="A source: id, file name or unique prefix.", show_default=False, autocompletion=complete_sources)],
    b: Annotated[str, typer.Argument(metavar="B", help="Another source.", show_default=False, autocompletion=complete_sources)],
    cite: CiteOption = False,
    data: DataOption = None,
    json: JsonOption = False,
    fmt: FormatOption = None,
) -> None:
    """Everything two sources both speak to (figures of the same metric, dates of the same
    event or document, statuses of the same member), grouped as agree, compatible, changed
    over time, conflict and different scope; then what only one of them says."""
    from .. import render
    from ..compare import diff
    from ..dataset import open_dataset
    from ..lookup import find_source

    ds = open_dataset(data)
    result = diff(ds, find_source(ds, a).id, find_source(ds, b).id)
    groups = result.grouped()
    if export_listing([c for cs in groups.values() for c in cs], fmt, json,
                      columns=_pair_columns(ds), as_json=result.to_dict()):
        return
    counts = ", ".join(f"{len(cs)} {v}" for v, cs in groups.items())
    if result.comparisons:
        rows = [[c.verdict, _topic(ds, c.a), _side(c.a, cite), _side(c.b, cite), c.reason]
                for cs in groups.values() for c in cs]
        render.print_table(f"{result.a} vs {result.b}: {counts}",
                           ["Verdict", "Topic", f"A: {result.a}", f"B: {result.b}", "Why"], rows,
                           nowrap=("Verdict",), drop=("Why",))
    else:
        render.print_lines([f"{result.a} and {result.b} speak to nothing in common"])
    for source, only in ((result.a, result.only_a), (result.b, result.only_b)):
        if not only:
            render.print_lines([f"only {source}: nothing"])
            continue
        render.print_lines([f"only {source}:"] + [f"  {group} ({len(ids)}): {', '.join(ids)}" for group, ids in only.items()])


@command("conflicts", "cica conflicts --json")
def conflicts_command(data: DataOption = None, json: JsonOption = False, fmt: FormatOption = None) -> None:
    """Only the real contradictions in the dataset: figures of the same metric and scope
    that differ in overlapping windows, a member given membership and another status at
    overlapping times by different sources, dates two sources give for the same event or
    document that cannot be the same day, each with both sides' evidence; then statements
    within one source that do not add up (data/tensions.yaml). Exits 0 either way."""
    from .. import render
    from ..compare import conflicts
    from ..dataset import open_dataset

    ds = open_dataset(data)
    found = conflicts(ds)
    if export_listing([*found, *ds.tensions], fmt, json, columns=_pair_columns(ds),
                      as_json=[c.to_dict() for c in found] + [_tension_json(t) for t in ds.tensions]):
        return
    if not found and not ds.tensions:
        render.print_lines(["no conflicts"])
        return
    if found:
        render.print_table(
            f"{len(found)} conflict(s) between sources", ["Topic", "One side", "Other side", "Why"],
            ([_topic(ds, c.a), _side(c.a, True), _side(c.b, True), c.reason] for c in found),
        )
    else:
        render.print_lines(["no conflicts between sources"])
    if ds.tensions:
        render.print_table(
            f"{len(ds.tensions)} tension(s) within one source", ["Source", "What does not add up", "Quotes"],
            ([t.source, t.summary + (f"\n{t.notes}" if t.notes else ""), render.evidence(t.citations)] for t in ds.tensions),
            nowrap=("Source",),
        )


def _tension_json(tension) -> dict:
    from ..model import to_dict

    return {"kind": "tension", **to_dict(tension)}
