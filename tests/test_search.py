"""`cica search` and the search library: verbatim hits in the articles with line numbers, the
facts whose quotes contain the words, folding of case, accents and punctuation."""

import pytest

from cica_cli.names import fold_map, fold_words
from cica_cli.search import context, find_spans


def test_almaty_act_is_on_line_53_of_ravichandran(cica):
    results = cica("search", "Almaty Act", "--json").json()
    assert results["query"] == "Almaty Act"
    (hit,) = results["articles"]
    assert (hit["source"], hit["line"], hit["match"]) == ("ravichandran-2023", 53, "Almaty Act")
    assert hit["before"].endswith("1999 Declaration on the Principles and the 2002 ")
    assert hit["after"].startswith(", is the Catalogue of Confidence Building Measures.")
    facts = {(r["record"], r["id"], r["field"]) for r in results["records"]}
    assert ("document", "almaty-act", "citations[0].quote") in facts
    assert ("document", "almaty-act", "title") in facts
    assert ("event", "2002-almaty-act-adopted", "citations[0].quote") in facts
    assert ("document", "catalogue-of-cbms", "citations[1].quote") in facts


def test_search_table(cica):
    result = cica("search", "almaty act")
    assert result.exit_code == 0
    out = result.stdout
    assert "1 match(es) in the articles" in out
    assert "\nravichandran-2023  53    " in out
    assert "2002 Almaty Act, is the Catalogue" in out
    assert "match(es) in the dataset" in out and "almaty-act" in out
    assert "\x1b" not in out  # plain when piped


def test_case_and_accents_are_ignored_and_the_text_shown_verbatim(cica):
    hits = cica("search", "askeroglu", "--json").json()["articles"]
    assert [(h["source"], h["line"], h["match"]) for h in hits[:2]] == [
        ("askeroglu-2022", 52, "ASKEROĞLU"), ("askeroglu-2022", 53, "ASKEROĞLU")]
    assert "Askeroğlu" in {h["match"] for h in hits}
    accented = cica("search", "TÜRKÇE", "--json").json()["articles"]
    assert [(h["source"], h["line"], h["match"]) for h in accented] == [("askeroglu-2022", 5, "Türkçe")]


def test_punctuation_and_spacing_are_ignored(cica):
    hits = cica("search", "12 13 october  2022", "--json").json()["articles"]
    assert [(h["source"], h["line"], h["match"]) for h in hits] == [("askeroglu-2022", 7, "12-13 October 2022")]
    quoted = cica("search", "Kuwait's application", "--json").json()
    assert [(h["source"], h["line"], h["match"]) for h in quoted["articles"]] == [
        ("askeroglu-2022", 9, "Kuwait’s application")]


def test_facts_whose_quotes_contain_the_words(cica):
    results = cica("search", "not a Member of the forum", "--json").json()
    assert [(h["source"], h["line"]) for h in results["articles"]] == [("bakishev-2009", 28)]
    assert [(r["record"], r["id"], r["field"], r["detail"]) for r in results["records"]] == [
        ("member", "iraq", "statuses[0].citations[0].quote", "status non-member")]
    figure = cica("search", "unites 20 states", "--json").json()["records"]
    assert ("figure", "members-2009-bakishev", "quote") in {(r["record"], r["id"], r["field"]) for r in figure}
    out = cica("search", "not a Member of the forum").stdout
    assert "member" in out and "iraq" in out and "(status non-member)" in out


def test_source_option_limits_hits(cica):
    results = cica("search", "Nazarbayev", "--source", "003", "--json").json()
    assert results["articles"] and {h["source"] for h in results["articles"]} == {"bakishev-2009"}
    everywhere = cica("search", "Nazarbayev", "--json").json()
    assert {h["source"] for h in everywhere["articles"]} > {"bakishev-2009"}
    for record in results["records"]:
        assert record["field"].endswith("quote")


def test_no_match_exits_1_and_empty_query_exits_2(cica):
    none = cica("search", "Atlantis")
    assert none.exit_code == 1 and none.stderr.strip() == "cica: no match for 'Atlantis'"
    as_json = cica("search", "Atlantis", "--json")
    assert as_json.exit_code == 1 and as_json.json() == {"query": "Atlantis", "articles": [], "records": []}
    empty = cica("search", " ... ")
    assert empty.exit_code == 2 and "nothing to search for" in empty.stderr


def test_search_on_a_terminal_highlights_the_match():
    from rich.console import Console

    from cica_cli import render

    line = render.highlight("the 2002 ", "Almaty Act", ", is the", style="bold reverse")
    assert line.plain == "the 2002 Almaty Act, is the"
    (span,) = line.spans
    assert line.plain[span.start:span.end] == "Almaty Act" and span.style == "bold reverse"
    terminal = Console(force_terminal=True, color_system="standard", width=80)
    with terminal.capture() as captured:
        terminal.print(line)
    assert "\x1b[1;7mAlmaty Act\x1b[0m" in captured.get()
    plain = Console(color_system=None, width=80)
    with plain.capture() as captured:
        plain.print(line)
    assert captured.get() == "the 2002 Almaty Act, is the\n"


def test_highlight_escapes_control_characters():
    from cica_cli import render

    line = render.highlight("a\x1b[2J", "b", "[bold]c")
    assert line.plain == "a\\x1b[2Jb[bold]c"


# --- the library -------------------------------------------------------------------------

def test_fold_map_keeps_spaces_and_maps_back():
    folded, offsets = fold_map("  Türkiye's  U.N.")
    assert folded == "turkiye s u n"
    assert offsets == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15]  # "ü" from 3, "'" as the space at 9
    assert fold_words("ﬁne Straße") == "fine strasse"


@pytest.mark.parametrize("text, query, found", [
    ("Dr. Sabir ASKEROĞLU", "askeroglu", ["ASKEROĞLU"]),
    ("Askerog\u0306lu wrote", "askeroglu", ["Askerog\u0306lu"]),  # accent as a separate character
    ("held on 12-13 October 2022,", "12 13 october", ["12-13 October"]),
    ("the U.N. and the UN", "u n", ["U.N"]),  # trailing punctuation is not part of the match
    ("Straße, STRASSE", "strasse", ["Straße", "STRASSE"]),
    ("CICA, CICA", "cica", ["CICA", "CICA"]),
])
def test_find_spans_returns_original_text(text, query, found):
    assert [text[a:b] for a, b in find_spans(text, fold_words(query))] == found


def test_context_gives_surrounding_words():
    text = "one two three four five six seven eight nine ten ELEVEN twelve thirteen"
    start = text.index("ELEVEN")
    before, after = context(text, start, start + 6, words=3)
    assert before == "… eight nine ten "
    assert after == " twelve thirteen"


def test_search_library_returns_records():
    from cica_cli.dataset import open_dataset
    from cica_cli.search import search

    from support import ROOT

    results = search(open_dataset(str(ROOT)), "Secretariat")
    assert {h.source for h in results.articles} >= {"bakishev-2009"}
    assert any(h.record == "event" and h.id == "2006-secretariat-established" for h in results.records)
