"""`--format csv|markdown|json|table` on listings (wired into `cica timeline`)."""

import csv
import json
import io

import pytest
from support import edit, shipped_dataset

ALMATY_QUOTE = "basic, statutory documents such as the 1999 Declaration on the Principles and the 2002 Almaty Act"


def rows(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_row_for_the_2002_almaty_act(cica):
    result = cica("timeline", "--kind", "adoption", "--format", "csv")
    assert result.exit_code == 0
    out = result.stdout
    header = out.split("\r\n")[0]
    assert header.startswith("id,date,date_human,title,kind,summary,citations,")
    records = {r["id"]: r for r in rows(out)}
    act = records["2002-almaty-act-adopted"]
    assert (act["date"], act["date_human"], act["title"]) == ("2002", "2002", "Almaty Act")
    assert act["citations"] == f"ravichandran-2023, 2002: “{ALMATY_QUOTE}”"  # its own date
    assert act["documents"] == "almaty-act" and act["context"] == "false" and act["status"] == "held"
    assert list(records) == [e["id"] for e in cica("timeline", "--kind", "adoption", "--json").json()]


def test_csv_is_rfc_4180(cica):
    result = cica("timeline", "--format", "csv")
    out = result.stdout
    # CRLF record ends; a cell with several quotes keeps its newlines inside double quotes
    raw = result.stdout_bytes.decode("utf-8")
    events = len(shipped_dataset().events)
    assert raw.endswith("\r\n") and raw.count("\r\n") == 1 + events
    unga = {r["id"]: r for r in rows(out)}["1992-unga-proposal"]
    assert unga["date"] == "1992-10-05" and unga["date_human"] == "5 Oct 1992"
    assert len(unga["citations"].split("\n")) == 5
    assert unga["members"] == "kazakhstan; united-nations"  # a list, joined with "; "
    # rough dates stay EDTF, with the human reading next to them
    kuwait = {r["id"]: r for r in rows(out)}["2022-kuwait-application"]
    assert (kuwait["date"], kuwait["date_human"]) == (
        "[2022-10-12..2022-10-13]", "between 12 Oct 2022 and 13 Oct 2022")
    assert len(rows(out)) == len(cica("timeline", "--json").json()) == events


def test_markdown_table_for_the_summits(cica):
    out = cica("timeline", "--kind", "summit", "--format", "markdown").stdout
    lines = out.splitlines()
    assert lines[0].startswith("| id | date | date\\_human | title | kind | summary | citations |")
    assert set(lines[1]) == {"|", "-"}
    assert len(lines) == 2 + 3
    first = lines[2]
    assert first.startswith("| 2002-first-summit | 2002 | 2002 | First CICA summit | summit |")
    assert ("ravichandran-2023, 2002: “the idea of CICA which held its first Summit in 2002”<br>"
            "ravichandran-2023, 2002: “with 16 member states participating at the first Summit in 2002”") in first
    # every row has as many cells as the header
    cells = [line.replace("\\|", "").count("|") for line in lines]
    assert len(set(cells)) == 1


def test_format_json_is_json(cica):
    assert cica("timeline", "--format", "json").stdout == cica("timeline", "--json").stdout


def test_format_table_is_the_default_table(cica):
    assert cica("timeline", "--format", "table").stdout == cica("timeline").stdout


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "--format: unknown format 'xml'; choose from table, csv, markdown, json"),
    (["--format", "csv", "--json"], "--json is short for --format json"),
])
def test_bad_format_is_a_usage_error(cica, args, message):
    result = cica("timeline", *args)
    assert result.exit_code == 2 and message in result.stderr


def test_empty_listing_is_a_header_only(cica):
    # like `--json` printing [], an empty export is not an error
    result = cica("timeline", "--kind", "anniversary", "--to", "2000", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("id,date,date_human,title,") and result.stdout_bytes.count(b"\r\n") == 1


HOSTILE = 'title: "=HYPERLINK(\\"http://x\\")|<script>alert(1)</script> \\x1b[2J end\\nsecond line"'


def test_hostile_title_in_csv(cica, dataset):
    edit(dataset, "data/events.yaml", "title: First summit", HOSTILE)
    out = cica("timeline", "--data", dataset, "--format", "csv").stdout
    assert "\x1b" not in out
    title = {r["id"]: r for r in rows(out)}["first-summit"]["title"]
    # a spreadsheet would run a cell starting with =; the ' keeps it text
    assert title == "'=HYPERLINK(\"http://x\")|<script>alert(1)</script> \\x1b[2J end\nsecond line"


def test_hostile_title_in_markdown(cica, dataset):
    edit(dataset, "data/events.yaml", "title: First summit", HOSTILE)
    out = cica("timeline", "--data", dataset, "--format", "markdown").stdout
    assert "\x1b" not in out and "<script>" not in out
    row = [line for line in out.splitlines() if line.startswith("| first-summit |")]
    assert len(row) == 1, "the newline in the title must not break the row"
    # the escape shows as \x1b once rendered (Markdown's \\ is a backslash)
    assert ("| =HYPERLINK(\"http://x\")\\|\\<script\\>alert(1)\\</script\\> \\\\x1b\\[2J end<br>second line |"
            in row[0])
    cells = [line.replace("\\|", "").count("|") for line in out.splitlines()]
    assert len(set(cells)) == 1


@pytest.mark.parametrize("text, cell", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\\x0dx"), ("2002", "2002"), ("a=b", "a=b"),
])
def test_csv_cells_a_spreadsheet_would_execute_get_a_quote(text, cell):
    from cica_cli.export import csv_cell

    assert csv_cell(text) == cell


def test_other_records_export_with_their_own_fields(cica):
    """The same machinery serves any listing: the figures, with as_of and its human reading."""
    from cica_cli.dataset import open_dataset
    from cica_cli.export import export

    ds = open_dataset()
    figures = [f for f in ds.figures if f.id in ("members-2002-first-summit", "members-2023-ravichandran")]
    got = rows(export(figures, "csv"))
    assert [(r["id"], r["value"], r["as_of"], r["as_of_human"], r["source"]) for r in got] == [
        ("members-2002-first-summit", "16", "2002", "2002", "ravichandran-2023"),
        ("members-2023-ravichandran", "28", "", "", "ravichandran-2023"),
    ]
    md = export(figures, "markdown").splitlines()
    assert md[0].startswith("| id | metric | value | source | quote | as\\_of | as\\_of\\_human |")
    assert md[2].startswith("| members-2002-first-summit | member-states | 16 | ravichandran-2023 | "
                            "with 16 member states participating at the first Summit in 2002 | 2002 | 2002 |")


# --- --format on the other listing commands ------------------------------------------

def _csv_rows(result):
    import csv
    import io

    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def test_members_csv_lists_statuses_and_roles(cica):
    rows = {r["id"]: r for r in _csv_rows(cica("members", "--format", "csv"))}
    # Kuwait's application is dated by the meeting that received it: an inference, and said so
    assert rows["kuwait"]["statuses_and_roles"] == "applicant (since between 12 Oct 2022 and 13 Oct 2022 (inferred))"
    assert rows["iraq"]["statuses_and_roles"] == "non-member (as of between Oct 2009 and Dec 2009)"
    assert rows["turkey"]["aliases"] == "Türkiye; Turkiye; Republic of Turkey"


def test_documents_markdown_has_the_almaty_act_dated_2002(cica):
    result = cica("documents", "--format", "markdown")
    line = next(l for l in result.stdout.splitlines() if l.startswith("| almaty-act |"))
    assert "| Almaty Act | act |" in line and "| 2002 | 2002 | 2002-almaty-act-adopted |" in line


def test_sources_csv_counts_citations_and_dates_the_repost(cica):
    rows = {r["id"]: r for r in _csv_rows(cica("sources", "--format", "csv"))}
    assert (rows["bakishev-2009"]["published"], rows["bakishev-2009"]["as_of"]) == ("2020-03-03", "[2009-10..2009-12]")
    assert int(rows["ravichandran-2023"]["cited_by"]) > 0


def test_compare_csv_member_states_16_to_28_changed(cica):
    rows = {r["metric"]: r for r in _csv_rows(cica("compare", "--format", "csv"))}
    assert rows["member-states"]["values"] == "16; 20; 27; 27; 28; 28"
    assert rows["member-states"]["verdict"] == "changed"
    assert rows["observer-organisations"]["verdict"] == "agree"


LISTINGS = [["timeline"], ["members"], ["documents"], ["sources"], ["compare"], ["compare", "member-states"],
            ["compare", "1992-unga-proposal"], ["compare", "founding"], ["diff", "auelbayev-2022", "askeroglu-2022"],
            ["conflicts"], ["search", "almaty act"], ["coverage"], ["scopes"]]


@pytest.mark.parametrize("args", LISTINGS, ids=[" ".join(a) for a in LISTINGS])
def test_every_listing_honours_every_format(cica, args):
    """csv parses back with the csv module, markdown is a table, json parses, and the --json
    output is the same as --format json; the quotes behind the records are carried."""
    as_json = cica(*args, "--json")
    assert as_json.exit_code == 0 and cica(*args, "--format", "json").stdout == as_json.stdout
    found = json.loads(as_json.stdout)
    text = cica(*args, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.startswith(next(csv.reader([text.splitlines()[0]]))[0])  # a header, even for no rows
    assert all(len(r) == len(rows[0]) for r in rows)
    assert bool(rows) == bool(found)  # a row for each thing found, none when nothing is
    assert cica(*args, "--json", "--format", "csv").exit_code == 2
    markdown = cica(*args, "--format", "markdown").stdout.splitlines()
    assert markdown[0].startswith("| ") and set(markdown[1]) == {"|", "-"}
    if rows and args[0] not in ("sources", "search", "coverage", "scopes") and args != ["compare"]:
        # a listing of facts carries their quotes
        assert "“" in text or '""quote""' in text or any(
            v for r in rows for k, v in r.items() if k.endswith("quote")), text[:300]
