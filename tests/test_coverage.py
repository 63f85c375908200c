"""`cica coverage`: every date and quantity in an article is cited or excluded."""


import pytest

from support import copy_shipped, edit


def test_shipped_data_is_fully_covered(cica):
    result = cica("coverage")
    assert result.exit_code == 0
    assert result.stdout.strip() == "coverage: every date and quantity in 5 source(s) is cited or excluded"


def test_uncited_number_is_reported_with_its_line(cica, dataset):
    article = dataset / "seeds" / "article.txt"
    article.write_text(article.read_text() + "Observers: nine states, as of March 2003.\n", encoding="utf-8")
    result = cica("coverage", "--data", dataset, "--json")
    assert result.exit_code == 1
    assert [(m["source"], m["line"], m["mention"]) for m in result.json()] == [
        ("sample", 4, "nine"), ("sample", 4, "March"), ("sample", 4, "2003")]


def test_exclusion_accounts_for_a_mention(cica, dataset):
    article = dataset / "seeds" / "article.txt"
    article.write_text(article.read_text() + "Posted in 2003.\n", encoding="utf-8")
    (dataset / "data" / "excluded.yaml").write_text(
        "- source: sample\n  text: Posted in 2003.\n  reason: The publication date.\n", encoding="utf-8")
    assert cica("coverage", "--data", dataset).exit_code == 0
    assert cica("check", "--data", dataset).exit_code == 0


def test_an_article_no_source_names_is_not_claimed_covered(cica, dataset):
    (dataset / "seeds" / "005_0123456789abcdef.txt").write_text("In 2004 the forum met again.\n", encoding="utf-8")
    result = cica("coverage", "--data", dataset)
    assert result.exit_code == 1
    assert result.stderr == ("cica: seeds/005_0123456789abcdef.txt: no source names this article "
                             "(`file: 005_0123456789abcdef.txt` in data/sources.yaml): its dates and quantities "
                             "are not looked at\n")


@pytest.fixture
def shipped_without_one_exclusion(tmp_path):
    """A copy of the shipped dataset whose exclusion of "ninth largest country" is cut short."""
    copy = copy_shipped(tmp_path / "copy")
    edit(copy, "data/excluded.yaml", "  text: Being the ninth largest country in the world\n",
         "  text: Being the\n")
    return copy


def test_removing_a_shipped_exclusion_reopens_the_gap(cica, shipped_without_one_exclusion):
    copy = shipped_without_one_exclusion
    result = cica("coverage", "--data", copy, "--json")
    assert [(m["source"], m["line"], m["mention"]) for m in result.json()] == [("ravichandran-2023", 39, "ninth")]


def test_source_option_limits_the_report_to_one_article(cica, shipped_without_one_exclusion):
    copy = shipped_without_one_exclusion
    only_004 = cica("coverage", "--data", copy, "--source", "004", "--json")
    assert [(m["source"], m["mention"]) for m in only_004.json()] == [("ravichandran-2023", "ninth")]
    only_003 = cica("coverage", "--data", copy, "--source", "bakishev-2009")
    assert only_003.exit_code == 0
    assert only_003.stdout.strip() == "coverage: every date and quantity in 1 source(s) is cited or excluded"
