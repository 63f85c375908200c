"""`cica timeline --html FILE`: a self-contained page, checked as text and in headless Chromium."""

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_check import edit

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
    assert result.stdout == "" and result.stderr == f"cica: wrote 34 event(s) to {path}\n"
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


def test_precision_is_drawn(page):
    text = page.read_text(encoding="utf-8")
    events = Events(text).events

    def mark(event_id):
        body = text[text.index(f'id="ev-{event_id}"'):]
        return re.search(r'<span class="(mark [^"]*)" style="left:([\d.]+)%;width:([\d.]+)%"', body).groups()

    # the axis runs 1992-2023 (32 years): a year-precision event spans 1/32 of it
    cls, left, width = mark("2002-almaty-act-adopted")
    assert cls == "mark year date" and float(left) == pytest.approx(10 / 32 * 100, abs=0.01)
    assert float(width) == pytest.approx(100 / 32, abs=0.01)
    assert mark("1992-unga-proposal")[0] == "mark day date"
    assert mark("2007-un-observer-status")[0] == "mark year date approx"  # drawn fuzzy
    assert mark("2022-astana-summit")[0] == "mark day interval"  # a bar
    assert mark("2022-kuwait-application")[0] == "mark day set"  # one day somewhere: dashed
    assert mark("osda-proposal")[0] == "mark year interval open-start"  # fades out to the left
    assert "(c. year)" in events["2007-un-observer-status"]["text"]
    assert "(year)" in events["2002-almaty-act-adopted"]["text"]


def test_each_event_holds_its_quotes_and_sources(page):
    events = Events(page.read_text(encoding="utf-8")).events
    act = events["2002-almaty-act-adopted"]["text"]
    assert f"“{ALMATY_QUOTE}”" in act
    assert "ravichandran-2023: R. Ravichandran. “Kazakhstan’s Unwavering Commitment In Promoting International Peace, Security”. NNN-Bernama, 16 Jul 2023." in act


def test_text_from_the_data_is_escaped(cica, dataset, tmp_path):
    edit(dataset, "data/events.yaml", "title: First summit",
         'title: "<script>document.title=\'owned\'</script><b onmouseover=x>&amp; | =cmd \\x1b[2J"')
    path = tmp_path / "h.html"
    assert cica("timeline", "--data", dataset, "--html", path).exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert "&lt;script&gt;document.title=&#x27;owned&#x27;&lt;/script&gt;&lt;b onmouseover=x&gt;&amp;amp; | =cmd \\x1b[2J" in text
    assert "\x1b" not in text and "<b onmouseover" not in text
    assert Events(text).scripts == 1


@needs_browser
def test_in_chromium_every_event_renders_and_one_opens(cica, page, tmp_path):
    ids = [e["id"] for e in cica("timeline", "--json").json()]
    dom = Events(browse(page.as_uri() + "#open=2002-almaty-act-adopted", tmp_path, "--dump-dom"))
    assert list(dom.events) == ids
    # the fragment opened that event, and only that one, and it shows its quote and source
    opened = [i for i, e in dom.events.items() if "open" in e["attrs"]]
    assert opened == ["2002-almaty-act-adopted"]
    assert f"“{ALMATY_QUOTE}”" in dom.events["2002-almaty-act-adopted"]["text"]
    assert not any("hidden" in e["attrs"] for e in dom.events.values())


@needs_browser
def test_in_chromium_the_kind_filter_hides_the_rest(page, tmp_path):
    dom_text = browse(page.as_uri() + "#kind=summit", tmp_path, "--dump-dom")
    dom = Events(dom_text)
    shown = [i for i, e in dom.events.items() if "hidden" not in e["attrs"]]
    assert shown == ["2002-first-summit", "third-summit-turkey-planned", "2022-astana-summit"]
    assert "3 of 34 event(s) shown" in dom_text


@needs_browser
def test_in_chromium_hostile_title_stays_text(cica, dataset, tmp_path):
    edit(dataset, "data/events.yaml", "title: First summit",
         "title: \"<img src=x onerror=\\\"document.body.dataset.owned=1\\\"><script>document.body.dataset.owned=1</script>\"")
    path = tmp_path / "h.html"
    assert cica("timeline", "--data", dataset, "--html", path).exit_code == 0
    dom_text = browse(path.as_uri(), tmp_path, "--dump-dom")
    assert "data-owned" not in dom_text and "<img" not in dom_text
    assert "&lt;script&gt;document.body.dataset.owned=1&lt;/script&gt;" in dom_text


@needs_browser
def test_screenshot(page, tmp_path):
    shot = tmp_path / "timeline.png"
    browse(page.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=1400,900")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    # the README shows the same view
    assert (ROOT / "docs" / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
