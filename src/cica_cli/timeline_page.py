"""The timeline as one self-contained HTML page: inline CSS, a little JavaScript, no network.

Each event is a row: its date and title, and a bar on a shared time axis drawn to show the
date's precision: a dot for a day, a bar over its month or year, a solid bar for an interval,
a dashed bar for "one day somewhere in this span", a fuzzy bar (over the span EDTF allows)
for an approximate date, and a bar fading out towards the open side of an open-ended date.
A row opens (<details>) to the summary, quotes and references. Check boxes filter by kind.
The URL fragment holds the view: `#kind=summit,adoption` shows only those kinds, `context=0`
leaves out the related initiatives, `open=<event id>` opens that event and scrolls to it; the
parts are joined with `&`. Ticking a filter or opening an event writes the fragment, so the
view can be shared; a fragment that cannot be decoded is ignored.

The layout holds from a phone's 390 px to 1920 px: the date column wraps (keeping each date
whole), and below 720 px the time axis moves under the date and title.

Every piece of text from the data is escaped with html.escape, control characters shown as
escapes first.
"""

from __future__ import annotations

import html
import re
from datetime import date
from typing import Sequence

from . import dates
from .claims import basis, marked, quoted
from .cite import quotes_by_source, reference
from .dataset import Dataset
from .model import EVENT_KINDS, Event
from .placing import Placement, place
from .plans import stories
from .safetext import clean


def esc(value) -> str:
    return html.escape(clean(value), quote=True)


def _axis(placements: Sequence[Placement]) -> tuple[date, date]:
    """From 1 January of the earliest year to 1 January after the latest, open ends ignored."""
    known = [d for p in placements for d in (p.first, p.last, *(p.widened if p.approximate else ())) if d]
    low = min(known, default=date(2000, 1, 1))
    high = max(known, default=date(2000, 12, 31))
    return date(low.year, 1, 1), date(high.year + 1, 1, 1)


def _pct(day: date, axis: tuple[date, date]) -> float:
    start, end = axis
    day = min(max(day, start), end)
    return round((day - start).days / (end - start).days * 100, 3)


def _mark(p: Placement, axis: tuple[date, date]) -> str:
    """The bar for one date, positioned in percent of the axis."""
    classes = ["mark", p.precision, p.kind]
    first, last = p.first, p.last
    if p.approximate:
        classes.append("approx")
        first, last = p.widened
    if p.first is None:
        classes.append("open-start")
        first = axis[0]
    if p.last is None:
        classes.append("open-end")
        last = axis[1]
    left = _pct(first, axis)
    right = _pct(date.fromordinal(min(last.toordinal() + 1, date.max.toordinal())), axis)
    title = f"{dates.human(p.text)} ({p.text})"
    return (f'<span class="{" ".join(classes)}" style="left:{left}%;width:{max(right - left, 0):.3f}%"'
            f' title="{esc(title)}"></span>')


def _ticks(axis: tuple[date, date]) -> str:
    """A label for every year on the axis; the page shows every 1st, 2nd, 5th, 10th... year
    (`on`), as many as its width has room for. Before the script runs, every `_step` one."""
    start, end = axis
    step = _step(end.year - start.year)
    return "".join(
        f'<span class="tick{" on" if year % step == 0 else ""}" data-year="{year}" '
        f'style="left:{_pct(date(year, 1, 1), axis)}%">{year}</span>'
        for year in range(start.year, end.year))


def _step(years: int) -> int:
    """Label every nth year of a `years`-long axis on a track about 600 px wide."""
    return next((s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if years / s <= 16), 2000)


def _unbroken(human: str) -> str:
    """A date in words whose day, month and year stay on one line: "12\u00a0Oct\u00a02022"."""
    return re.sub(r"(\b\d{1,2}|[A-Z][a-z]{2}|c\.) (?=[A-Z][a-z]{2}\b|\d{4}\b)", "\\1\u00a0", human)


def _event(ds: Dataset, event: Event, p: Placement, axis: tuple[date, date]) -> str:
    human = _unbroken(dates.human(event.date))
    label = p.label()
    badges = "".join(f'<span class="badge">{esc(b)}</span>' for b in (
        event.status if event.status != "held" else "", "context" if event.context else "", "inferred" if marked(event) else "",
    ) if b)
    quotes = []
    for source_id, said in quotes_by_source(event.citations).items():
        source = ds.source(source_id)
        ref = reference(source) if source else source_id
        lines = "".join(f"<p>{esc(quoted(c))}</p>" for c in said)
        quotes.append(f'<blockquote class="quote">{lines}<cite>{esc(source_id)}: {esc(ref)}</cite></blockquote>')
    extra = []
    if event.place:
        extra.append(f"<p><b>Place:</b> {esc(event.place)}</p>")
    extra.append(f"<p><b>Date:</b> {esc(basis(event))}</p>")
    extra += [f"<p><b>Plan:</b> {esc(s.sentence)}</p>" for s in stories(ds, event)]
    if event.inferred:
        extra.append(f"<p><b>Inferred:</b> {esc(event.inferred)}</p>")
    if event.notes:
        extra.append(f"<p><b>Note:</b> {esc(event.notes)}</p>")
    return f"""<details class="event" id="ev-{esc(event.id)}" data-id="{esc(event.id)}" data-kind="{esc(event.kind)}"{' data-context="1"' if event.context else ''}>
<summary><span class="when" title="EDTF {esc(event.date)}">{esc(human)}</span><span class="what"><span class="kind k-{esc(event.kind)}">{esc(event.kind)}</span> {esc(event.title)} <span class="precision">{esc(label)}</span>{badges}</span><span class="track">{_mark(p, axis)}</span></summary>
<div class="body"><p>{esc(event.summary)}</p>{''.join(extra)}{''.join(quotes)}</div>
</details>"""


_CSS = """
:root { --ink:#1d2733; --muted:#667085; --line:#e4e7ec; --bar:#2563eb; --bg:#fff; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); margin: 0; padding: 16px 24px 48px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.lede { color: var(--muted); margin: 0 0 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 0 0 6px; align-items: center; }
.filters label { cursor: pointer; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; color: var(--muted); font-size: 12px; margin: 0 0 10px; align-items: center; }
.legend .mark { position: relative; display: inline-block; width: 34px; height: 10px; vertical-align: middle; margin-right: 4px; }
.legend .mark.day { width: 8px; }
/* date | title | time axis; the date wraps (each date kept whole) rather than run into the title */
.row, summary { display: grid; grid-template-columns: 12em minmax(12em, 28em) minmax(240px, 1fr); gap: 2px 12px; align-items: center; }
.row > *, summary > * { min-width: 0; }
.axis { position: sticky; top: 0; background: var(--bg); z-index: 2; border-bottom: 1px solid var(--line); padding: 4px 0; }
.axis .track { height: 18px; background: none; overflow: hidden; }
.tick { position: absolute; top: 0; display: none; padding-left: 3px; border-left: 1px solid var(--line); font-size: 11px; line-height: 18px; color: var(--muted); white-space: nowrap; }
.tick.on { display: block; }
details.event { border-bottom: 1px solid var(--line); }
details.event[hidden] { display: none; }
summary { cursor: pointer; padding: 5px 0; list-style: none; }
summary::-webkit-details-marker { display: none; }
summary:hover { background: #f7f9fc; }
.when { font-variant-numeric: tabular-nums; padding-left: 14px; position: relative; overflow-wrap: anywhere; }
.when::before { content: "▸"; position: absolute; left: 0; color: var(--muted); }
details[open] .when::before { content: "▾"; }
.what { overflow-wrap: anywhere; }
.kind { display: inline-block; font-size: 11px; border-radius: 3px; padding: 0 5px; background: #eef2f7; color: #344054; margin-right: 4px; }
.precision { color: var(--muted); font-size: 12px; white-space: nowrap; }
.badge { display: inline-block; font-size: 11px; color: #9a3412; background: #fff7ed; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
.track { position: relative; height: 14px; background: linear-gradient(90deg, var(--line) 1px, transparent 1px) 0 0 / var(--year) 100%; }
.mark { position: absolute; top: 2px; height: 10px; min-width: 3px; background: var(--bar); border-radius: 2px; }
.mark.day.date { min-width: 8px; height: 8px; top: 3px; border-radius: 50%; transform: translateX(-3px); }
.mark.interval { background: var(--bar); }
.mark.month, .mark.year { opacity: .75; }
.mark.set { background: rgba(37, 99, 235, .12); border: 2px dashed var(--bar); min-width: 8px; }
.mark.approx { background: linear-gradient(90deg, transparent, var(--bar) 33%, var(--bar) 67%, transparent); filter: blur(1.2px); border: 0; }
.mark.open-start { background: linear-gradient(90deg, transparent, var(--bar)); }
.mark.open-end { background: linear-gradient(90deg, var(--bar), transparent); }
.mark.set.open-end { background: linear-gradient(90deg, rgba(37, 99, 235, .25), transparent); border-right: 0; }
.body { padding: 4px 0 12px calc(12em + 12px); max-width: 1100px; overflow-wrap: anywhere; }
.body p { margin: 4px 0; }
.quote { margin: 6px 0; padding: 4px 10px; border-left: 3px solid var(--bar); background: #f8fafc; }
.quote cite { display: block; font-style: normal; color: var(--muted); font-size: 12px; margin-top: 2px; }
.count { color: var(--muted); font-size: 12px; }
footer { color: var(--muted); font-size: 12px; margin-top: 16px; overflow-wrap: anywhere; }
/* a phone: date and title side by side, the time axis below them at full width */
@media (max-width: 720px) {
  body { padding: 12px 12px 32px; }
  .row, summary { grid-template-columns: 7.5em minmax(0, 1fr); }
  .track { grid-column: 1 / -1; }
  .axis > span:not(.track) { display: none; }
  .body { padding-left: 14px; }
}
"""

_JS = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  var kindBoxes = boxes.filter(function (b) { return b.value !== 'context'; });
  var contextBox = boxes.filter(function (b) { return b.value === 'context'; })[0];
  var events = Array.prototype.slice.call(document.querySelectorAll('details.event'));
  var count = document.getElementById('count');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    var shown = 0;
    events.forEach(function (e) {
      var hide = !on[e.dataset.kind] || (e.dataset.context && !on['context']);
      e.hidden = hide;
      if (!hide) shown++;
    });
    count.textContent = shown + ' of ' + events.length + ' event(s) shown';
  }
  // The fragment: kind=summit,adoption & context=0 & open=<event id>. A part that cannot be
  // decoded, or names no kind on this page, is ignored.
  function fragment() {
    var found = {};
    location.hash.slice(1).split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      try { found[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1)); } catch (e) { /* malformed: ignored */ }
    });
    return found;
  }
  // Ticking a filter or opening an event writes the view into the fragment, so the address
  // can be shared.
  var opened = fragment().open || null;
  function toFragment() {
    var parts = [];
    var kinds = kindBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (kinds.length < kindBoxes.length) parts.push('kind=' + kinds.map(encodeURIComponent).join(','));
    if (contextBox && !contextBox.checked) parts.push('context=0');
    if (opened) parts.push('open=' + encodeURIComponent(opened));
    var url = location.href.split('#')[0] + (parts.length ? '#' + parts.join('&') : '');
    try { history.replaceState(null, '', url); } catch (e) { location.hash = parts.join('&'); }
  }
  boxes.forEach(function (b) { b.addEventListener('change', function () { apply(); toFragment(); }); });
  events.forEach(function (e) {
    e.addEventListener('toggle', function () {
      if (e.open) opened = e.dataset.id;
      else if (opened === e.dataset.id) opened = null;
      toFragment();
    });
  });
  function fromFragment() {
    var found = fragment();
    if ('kind' in found) {
      var kinds = found.kind.split(',');
      var known = kindBoxes.filter(function (b) { return kinds.indexOf(b.value) >= 0; });
      if (known.length || found.kind === '') kindBoxes.forEach(function (b) { b.checked = known.indexOf(b) >= 0; });
    }
    if (contextBox && 'context' in found) contextBox.checked = found.context !== '0';
    apply();
    opened = found.open || null;
    if (found.open) {
      events.forEach(function (e) {
        if (e.dataset.id === found.open) { e.hidden = false; e.open = true; e.scrollIntoView({block: 'center'}); }
      });
    }
  }
  // Year labels: every 1st, 2nd, 5th, 10th... year, as many as the axis has room for.
  var axis = document.querySelector('.axis .track');
  var ticks = Array.prototype.slice.call(document.querySelectorAll('.axis .tick'));
  function label() {
    var perYear = axis.clientWidth / Math.max(ticks.length, 1);
    var step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000].filter(function (s) { return s * perYear >= 40; })[0] || 5000;
    ticks.forEach(function (t) { t.classList.toggle('on', t.dataset.year % step === 0); });
  }
  window.addEventListener('resize', label);
  window.addEventListener('hashchange', fromFragment);
  label();
  fromFragment();
})();
"""


def page(ds: Dataset, events: Sequence[Event], title: str = "CICA timeline") -> str:
    """The whole HTML document."""
    placements = [place(e.date) for e in events]
    axis = _axis(placements)
    years = max((axis[1].year - axis[0].year), 1)
    kinds = [k for k in EVENT_KINDS if any(e.kind == k for e in events)]
    filters = "".join(
        f'<label><input type="checkbox" data-filter value="{esc(k)}" checked> {esc(k)} '
        f'<span class="count">({sum(e.kind == k for e in events)})</span></label>' for k in kinds)
    if any(e.context for e in events):
        filters += ('<label><input type="checkbox" data-filter value="context" checked> '
                    "Kazakhstan's related initiatives (context)</label>")
    rows = "\n".join(_event(ds, e, p, axis) for e, p in zip(events, placements))
    legend = "".join(f'<span><span class="mark {cls}"></span>{what}</span>' for cls, what in (
        ("day date", "a day"), ("year date", "a month or year"), ("day interval", "an interval"),
        ("day set", "one day somewhere in the span"), ("year date approx", "approximate (c.)"),
        ("year interval open-start", "open-ended"),
    ))
    cited = sorted({c.source for e in events for c in e.citations})
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{esc(title)}</title>
<style>{_CSS}</style>
</head>
<body style="--year: calc(100% / {years})">
<h1>{esc(title)}</h1>
<p class="lede">{len(events)} event(s), {axis[0].year}–{axis[1].year - 1}, each dated at the precision its sources give. Click an event for its quotes and sources.</p>
<div class="filters">{filters} <span class="count" id="count"></span></div>
<div class="legend">{legend}</div>
<div class="row axis"><span></span><span></span><span class="track">{_ticks(axis)}</span></div>
{rows}
<footer>Sources: {esc(", ".join(cited))}. Made with cica.</footer>
<script>{_JS}</script>
</body>
</html>
"""
