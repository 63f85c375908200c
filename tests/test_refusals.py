"""No silent wrong answers: what would have been read wrongly or crashed is refused, with one
line naming the file and line."""

import pytest

from support import edit


def check_lines(cica, dataset):
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    return result.stdout.splitlines()


@pytest.mark.parametrize("value, message", [
    (".nan", ".nan is not a finite number"),
    (".inf", ".inf is not a finite number"),
    ("-.Inf", "-.Inf is not a finite number"),
    ("1.0e+999", "1.0e+999 is too large a number"),
    ("033", "'033' is a YAML 1.1 number form"),
    ("0x7D2", "'0x7D2' is a YAML 1.1 number form"),
    ("1:30", "'1:30' is a YAML 1.1 number form"),
    ("2_7", "'2_7' is a YAML 1.1 number form"),
    ("9" * 5000, "a number of 5000 characters is too long (at most 100)"),
])
def test_number_forms_read_wrongly_are_refused_with_file_and_line(cica, dataset, value, message):
    path = dataset / "data" / "figures.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.strip().startswith("value:"))
    old = text.splitlines()[line - 1]
    edit(dataset, "data/figures.yaml", old, old.split(":")[0] + ": " + value)
    lines = check_lines(cica, dataset)
    assert any(l.startswith(f"data/figures.yaml:{line}: ") and message in l for l in lines), lines
    for args in (["compare", "--json"], ["compare", "member-states", "--chart"], ["timeline", "--json"]):
        result = cica(*args, "--data", dataset)
        assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.stderr and "NaN" not in result.stdout and "Infinity" not in result.stdout


def test_a_quoted_number_form_is_text(cica, dataset):
    edit(dataset, "data/events.yaml", "title: First summit", 'title: "033"')
    assert cica("timeline", "--data", dataset, "--json").json()[1]["title"] == "033"


def test_a_hexadecimal_date_is_refused_not_read_as_a_year(cica, dataset):
    text = (dataset / "data" / "events.yaml").read_text(encoding="utf-8")
    date_line = next(l for l in text.splitlines() if l.strip().startswith("date:"))
    edit(dataset, "data/events.yaml", date_line, date_line.split(":")[0] + ": 0x7D2")
    assert any("'0x7D2' is a YAML 1.1 number form" in l for l in check_lines(cica, dataset))


def test_an_id_with_a_trailing_newline_is_refused(cica, dataset):
    edit(dataset, "data/events.yaml", "id: first-summit", 'id: "first-summit\\n"')
    assert any("id 'first-summit\\n' must be lower-case letters, digits and hyphens" in l
               for l in check_lines(cica, dataset))


def test_a_key_with_a_newline_cannot_forge_a_problem_line(cica, dataset):
    edit(dataset, "data/events.yaml", "title: First summit",
         'title: First summit\n  "x\\ndata/members.yaml:1: forged problem": 1')
    lines = check_lines(cica, dataset)
    assert not any(l.startswith("data/members.yaml:1: forged") for l in lines), lines
    assert any("unknown field 'x\\ndata/members.yaml:1: forged problem'" in l for l in lines), lines
    result = cica("timeline", "--data", dataset)
    assert len(result.stderr.splitlines()) == 1


def test_the_calendar_uid_passes_no_escape_sequence(cica, dataset, tmp_path):
    edit(dataset, "data/events.yaml", "id: first-summit", 'id: "first-\\e[2Jsummit"')
    result = cica("timeline", "--data", dataset, "--ics", "-")
    assert result.exit_code == 0
    uid = next(line for line in result.stdout.splitlines() if line.startswith("UID:first-"))
    assert "\x1b" not in result.stdout and uid.endswith("x1b[2Jsummit@cica")  # shown escaped


@pytest.mark.parametrize("state, message", [
    ("missing", "file seeds/article.txt does not exist"),
    ("empty", "seeds/article.txt: the article is empty"),
    ("not utf-8", "seeds/article.txt:1: not valid UTF-8"),
    ("too large", "seeds/article.txt: file is too large"),
])
def test_coverage_and_check_fail_loudly_on_an_unreadable_article(cica, dataset, state, message):
    article = dataset / "seeds" / "article.txt"
    if state == "missing":
        article.unlink()
    elif state == "empty":
        article.write_text(" \n", encoding="utf-8")
    elif state == "not utf-8":
        article.write_bytes(b"caf\xe9 " + article.read_bytes())
    else:
        with open(article, "a", encoding="utf-8") as stream:
            stream.write("x" * (5 * 1024 * 1024 + 1))
    coverage = cica("coverage", "--data", dataset)
    assert coverage.exit_code == 1
    assert "every date and quantity" not in coverage.stdout
    assert len(coverage.stderr.splitlines()) == 1 and message in coverage.stderr, coverage.stderr
    assert any(message in l for l in check_lines(cica, dataset))
    assert cica("coverage", "--data", dataset, "--json").exit_code == 1


@pytest.mark.parametrize("option", ["--data", "--ics", "--html"])
def test_an_empty_file_name_is_a_usage_error(cica, option):
    result = cica("timeline", option, "")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"cica: {option}: give a")


def test_a_home_directory_of_no_such_user_is_one_line(cica):
    result = cica("timeline", "--data", "~nosuchuser-9f2/x")
    assert result.exit_code == 2
    assert result.stderr == "cica: --data: '~nosuchuser-9f2/x': no such user's home directory\n"
