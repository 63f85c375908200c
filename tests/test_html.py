"""`cica timeline --html FILE`: a self-contained page, checked as text and in headless Chromium."""

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import edit

from cica_cli.model import EVENT_KINDS

ROOT = Path(__file__).resolve().parent.parent
BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(
    BROWSER is None,
    reason="no Chromium on this machine (apt-get install chromium); the page is not browser-tested here",
)
ALMATY_QUOTE = "basic, statutory documents such as the 1999 Declaration on the Principles and the 2002 Almaty Act"


class Events(HTMLParser):
    """The <details class="event"> elements of a page: id -> {attrs, text inside}."""

    def __init__(self, page):
        super().__init__()
        self.events, self.current, self.depth, self.scripts = {}, None, 0, 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "details" and "event" in (attrs.get("class") or "").split():
            self.current, self.depth = attrs["data-id"], 0
            self.events[self.current] = {"attrs": attrs, "text": ""}
        elif tag == "details" and self.current:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "details" and self.current:
            if self.depth == 0:
                self.current = None
            else:
                self.depth -= 1

    def handle_data(self, data):
        if self.current:
            self.events[self.current]["text"] += data


@pytest.fixture
def page(cica, tmp_path):
    path = tmp_path / "timeline.html"
    result = cica("timeline", "--html", path)
    assert result.exit_code == 0, result.stderr
    count = len(cica("timeline", "--json").json())
    assert result.stdout == "" and result.stderr == f"cica: wrote {count} event(s) to {path}\n"
    return path


def browse(url, tmp_path, *extra):
    """Run headless Chromium on `url`; its stdout (the DOM with --dump-dom)."""
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *extra, url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_page_is_self_contained_and_lists_every_event(cica, page):
    text = page.read_text(encoding="utf-8")
    ids = [e["id"] for e in cica("timeline", "--json").json()]
    assert list(Events(text).events) == ids
    # nothing fetched from anywhere: no src, no href, no url(), no @import
    assert not re.search(r"\b(src|href)\s*=|url\(|@import", text)
    assert "default-src 'none'" in text  # and the page forbids it anyway


def test_precision_is_drawn(cica, page):
    text = page.read_text(encoding="utf-8")
    events = Events(text).events
    # the axis runs from the first year of the earliest date to the last of the latest
    years = [int(y) for e in cica("timeline", "--json").json() for y in re.findall(r"\d{4}", e["date"])]
    first, span = min(years), max(years) - min(years) + 1

    def mark(event_id):
        body = text[text.index(f'id="ev-{event_id}"'):]
        return re.search(r'<span class="(mark [^"]*)" style="left:([\d.]+)%;width:([\d.]+)%"', body).groups()

    assert f"{first}–{first + span - 1}, each dated" in text
    # a year-precision event spans one year of the axis
    cls, left, width = mark("2002-almaty-act-adopted")
    assert cls == "mark year date" and float(left) == pytest.approx((2002 - first) / span * 100, abs=0.01)
    assert float(width) == pytest.approx(100 / span, abs=0.01)
    assert mark("1992-unga-proposal")[0] == "mark day date"
    assert mark("2007-un-observer-status")[0] == "mark year date approx"  # drawn fuzzy
    assert mark("2022-astana-summit")[0] == "mark day interval"  # a bar
    assert mark("2022-kuwait-application")[0] == "mark day set"  # one day somewhere: dashed
    assert mark("osda-proposal")[0] == "mark year set open-start"  # one day, no later than 2021: fades out to the left
    assert "(c. year)" in events["2007-un-observer-status"]["text"]
    assert "(year)" in events["2002-almaty-act-adopted"]["text"]


def test_each_event_holds_its_quotes_and_sources(page):
    events = Events(page.read_text(encoding="utf-8")).events
    act = events["2002-almaty-act-adopted"]["text"]
    assert f"“{ALMATY_QUOTE}”" in act
    assert "ravichandran-2023: R. Ravichandran. “Kazakhstan’s Unwavering Commitment In Promoting International Peace, Security”. NNN-Bernama, 16 Jul 2023, 2024 or 2025." in act


def test_text_from_the_data_is_escaped(cica, dataset, tmp_path):
    edit(dataset, "data/events.yaml", "title: First summit",
         'title: "<script>document.title=\'owned\'</script><b onmouseover=x>&amp; | =cmd \\x1b[2J"')
    path = tmp_path / "h.html"
    assert cica("timeline", "--data", dataset, "--html", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=&#x27;owned&#x27;&lt;/script&gt;&lt;b onmouseover=x&gt;&amp;amp; | =cmd \\x1b[2J" in text
    assert "\x1b" not in text and "<b onmouseover" not in text
    assert Events(text).scripts == 1



# --- in headless Chromium: one browser run, every view in a frame of its own ----------------
#
# The harness page holds one <iframe> per view (a width, a fragment, a click); a probe script,
# added to a test-only copy of the page, measures each view once loaded and posts the results
# to the harness, which writes them into its DOM for --dump-dom. The page itself is unchanged.

PROBE = """<script>
(function () {
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  function box(r) { return [r.left, r.top, r.right, r.bottom]; }
  function rect(el) { return box(el.getBoundingClientRect()); }
  function texts(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    return Array.prototype.map.call(range.getClientRects(), box)
      .filter(function (r) { return r[2] > r[0] && r[3] > r[1]; });
  }
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function state() {
    var events = all('details.event');
    var shown = events.filter(function (e) { return !e.hidden; });
    return {
      errors: errors.slice(), hash: location.hash, innerWidth: window.innerWidth,
      viewport: document.documentElement.clientWidth, pageWidth: document.documentElement.scrollWidth,
      count: document.getElementById('count').textContent,
      checked: all('input[data-filter]').filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
      shown: shown.map(function (e) { return e.dataset.id; }),
      open: events.filter(function (e) { return e.open; }).map(function (e) { return e.dataset.id; }),
      openText: events.filter(function (e) { return e.open; }).map(function (e) { return e.textContent; }),
      rows: shown.map(function (e) {
        var q = function (s) { return e.querySelector('summary ' + s); };
        return {id: e.dataset.id, when: rect(q('.when')), what: rect(q('.what')), track: rect(q('.track')),
                mark: rect(q('.mark')), whenText: texts(q('.when')), whatText: texts(q('.what'))};
      }),
      axis: rect(document.querySelector('.axis .track')),
      ticks: all('.axis .tick').filter(function (t) { return t.getClientRects().length; }).map(rect),
      header: all('.filters label, .filters #count, .legend > span').map(rect),
      owned: document.body.dataset.owned || null, images: document.images.length
    };
  }
  window.addEventListener('load', function () {
    setTimeout(function () {
      var report = {name: window.name, before: state()};
      if (window.name === 'click') {
        all('input[value="proposal"], input[value="context"]').forEach(function (b) { b.click(); });
        report.filtered = state();
        document.querySelector('details.event:not([hidden]) summary').click();  // opens it
        setTimeout(function () {
          report.after = state();
          parent.postMessage(JSON.stringify(report), '*');
        }, 50);
        return;
      }
      parent.postMessage(JSON.stringify(report), '*');
    }, 50);
  });
})();
</script>"""

HARNESS = """<!DOCTYPE html>
<html><body>
<script>
var views = %s, results = {};
function add(name, src, width) {
  var frame = document.createElement('iframe');
  frame.name = name; frame.src = src; frame.width = width; frame.height = 800; frame.style.border = '0';
  document.body.appendChild(frame);
}
window.addEventListener('message', function (m) {
  var report = JSON.parse(m.data);
  results[report.name] = report;
  if (report.name === 'click') add('restored', 'probe.html' + report.after.hash, 1280);
  if (Object.keys(results).length === views.length + 1) {
    var out = document.createElement('pre');
    out.id = 'results';
    out.textContent = JSON.stringify(results);
    document.body.appendChild(out);
  }
});
views.forEach(function (v) { add(v[0], v[1], v[2]); });
</script>
</body></html>"""

WIDTHS = (390, 1280, 1920)
VIEWS = [
    *((f"w{w}", "probe.html", w) for w in WIDTHS),
    ("open", "probe.html#open=2002-almaty-act-adopted", 1280),
    ("open390", "probe.html#open=1992-unga-proposal", 390),
    ("kind", "probe.html#kind=summit", 1280),
    ("click", "probe.html", 1280),  # then "restored", the address the click left
    ("malformed", "probe.html#%", 1280),
    ("unknown", "probe.html#kind=nonsense&context=%E0%A4%A", 390),
    ("hostile", "hostile.html", 1280),
]


def _probe_copy(page: Path, target: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert text.count("</head>") == 1
    target.write_text(text.replace("</head>", PROBE + "\n</head>"), encoding="utf-8")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Every view's measurements, from one run of headless Chromium: name -> report."""
    if BROWSER is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium); the page is not browser-tested here")
    from support import MINIMAL, invoke

    work = tmp_path_factory.mktemp("browser")
    env = {"CICA_DATA": None}
    assert invoke(["timeline", "--html", work / "page.html"], env=env).exit_code == 0
    hostile = work / "hostile-ds"
    shutil.copytree(MINIMAL, hostile)
    edit(hostile, "data/events.yaml", "title: First summit",
         "title: \"<img src=x onerror=\\\"document.body.dataset.owned=1\\\"><script>document.body.dataset.owned=1</script>\"")
    assert invoke(["timeline", "--data", hostile, "--html", work / "hostile-page.html"], env=env).exit_code == 0
    _probe_copy(work / "page.html", work / "probe.html")
    _probe_copy(work / "hostile-page.html", work / "hostile.html")
    harness = work / "harness.html"
    harness.write_text(HARNESS % json.dumps(VIEWS), encoding="utf-8")
    dom = browse(harness.as_uri(), work, "--dump-dom", "--virtual-time-budget=20000", "--window-size=1920,1080")
    found = re.search(r'<pre id="results">(.*?)</pre>', dom, re.S)
    assert found, "the views did not all report back:\n" + dom[-3000:]
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture(scope="module")
def timeline_json():
    from support import invoke

    result = invoke(["timeline", "--json"], env={"CICA_DATA": None})
    return json.loads(result.stdout)


def _overlap(a, b, slack=0.5) -> bool:
    """Whether two [left, top, right, bottom] boxes share more than `slack` px each way."""
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def _inside(inner, outer, slack=1.0) -> bool:
    return inner[0] >= outer[0] - slack and inner[2] <= outer[2] + slack


@pytest.mark.parametrize("width", WIDTHS)
def test_in_chromium_the_page_fits_the_width(browser, timeline_json, width):
    view = browser[f"w{width}"]["before"]
    assert view["innerWidth"] == width and not view["errors"]
    assert view["pageWidth"] == view["viewport"], "the page scrolls sideways"
    assert view["shown"] == [e["id"] for e in timeline_json]
    for row in view["rows"]:
        cells = {name: row[name] for name in ("when", "what", "track")}
        for a, b in (("when", "what"), ("when", "track"), ("what", "track")):
            assert not _overlap(cells[a], cells[b]), (row["id"], a, b, cells)
        # the text stays inside its own cell: no date runs into the title
        assert all(_inside(t, cells["when"]) for t in row["whenText"]), (row["id"], row["when"], row["whenText"])
        assert all(_inside(t, cells["what"]) for t in row["whatText"]), (row["id"], row["what"], row["whatText"])
        assert _inside(row["mark"], cells["track"]), (row["id"], row["mark"], row["track"])
        assert cells["track"][2] - cells["track"][0] >= 200 and max(c[2] for c in cells.values()) <= view["viewport"]
    header = view["header"]  # the check boxes and the legend
    assert not any(_overlap(a, b) for i, a in enumerate(header) for b in header[i + 1:]), header
    assert max(h[2] for h in header) <= view["viewport"]
    ticks = view["ticks"]
    assert len(ticks) >= 4
    assert all(_inside(t, view["axis"], 0) for t in ticks)
    assert not any(_overlap(a, b, 0) for a, b in zip(ticks, ticks[1:]))


def test_in_chromium_the_longest_date_wraps_inside_its_cell(browser):
    """"between 12 Oct 2022 and 13 Oct 2022" is wider than the date column: it takes two lines
    (four on a phone), each date kept whole."""
    for width, lines in ((390, 4), (1280, 2), (1920, 2)):
        row = next(r for r in browser[f"w{width}"]["before"]["rows"] if r["id"] == "2022-kuwait-application")
        assert len({round(t[1]) for t in row["whenText"]}) == lines, (width, row["whenText"])


def test_in_chromium_a_fragment_opens_one_event(browser, timeline_json):
    view = browser["open"]["before"]
    assert view["shown"] == [e["id"] for e in timeline_json] and not view["errors"]
    assert view["open"] == ["2002-almaty-act-adopted"]
    assert f"“{ALMATY_QUOTE}”" in view["openText"][0]
    # an opened event, its quotes and references, fits a phone too
    phone = browser["open390"]["before"]
    assert phone["open"] == ["1992-unga-proposal"] and phone["pageWidth"] == phone["viewport"]


def test_in_chromium_the_kind_filter_hides_the_rest(browser, timeline_json):
    view = browser["kind"]["before"]
    summits = [e["id"] for e in timeline_json if e["kind"] == "summit"]
    assert view["shown"] == summits and view["checked"] == ["summit", "context"]
    assert view["count"] == f"{len(summits)} of {len(timeline_json)} event(s) shown"


def test_in_chromium_ticking_a_filter_writes_the_address_and_the_address_restores_it(browser, timeline_json):
    click = browser["click"]
    assert click["before"]["hash"] == "" and not click["after"]["errors"]
    kinds = list(dict.fromkeys(e["kind"] for e in sorted(timeline_json, key=lambda e: EVENT_KINDS.index(e["kind"]))))
    filters = "#kind=" + ",".join(k for k in kinds if k != "proposal") + "&context=0"
    assert click["filtered"]["hash"] == filters
    expected = [e["id"] for e in timeline_json if e["kind"] != "proposal" and not e["context"]]
    assert click["filtered"]["shown"] == expected
    # opening an event adds it to the address
    assert click["after"]["open"] == [expected[0]]
    assert click["after"]["hash"] == f"{filters}&open={expected[0]}"
    restored = browser["restored"]["before"]
    assert restored["hash"] == click["after"]["hash"] and not restored["errors"]
    assert restored["checked"] == click["after"]["checked"] and restored["shown"] == expected
    assert restored["open"] == [expected[0]]
    assert restored["count"] == f"{len(expected)} of {len(timeline_json)} event(s) shown"


@pytest.mark.parametrize("name", ["malformed", "unknown"])
def test_in_chromium_a_fragment_that_cannot_be_read_is_ignored(browser, timeline_json, name):
    view = browser[name]["before"]
    assert view["errors"] == []
    assert view["shown"] == [e["id"] for e in timeline_json]


def test_in_chromium_hostile_title_stays_text(browser):
    view = browser["hostile"]["before"]
    assert view["owned"] is None and view["images"] == 0 and not view["errors"]


def test_the_readme_picture_is_a_png_made_by_the_script():
    """docs/timeline.png is written by docs/screenshot.py (1280 x 900 unless told otherwise)."""
    import struct

    data = (ROOT / "docs" / "timeline.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 900)
    assert "docs/screenshot.py" in (ROOT / "README.md").read_text(encoding="utf-8")
