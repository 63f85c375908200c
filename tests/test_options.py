"""Options shared across commands: several values of a closed choice, "did you mean" for a
mistyped one, help text shown as written, and shell completion."""

import pytest

from cica_cli.model import DOCUMENT_KINDS, EVENT_KINDS, MEMBER_KINDS, STATUSES


def ids(result):
    assert result.exit_code == 0, result.stderr
    return [r["id"] for r in result.json()]


@pytest.mark.parametrize("command, option, values", [
    ("timeline", "--kind", ("summit", "adoption")),
    ("documents", "--kind", ("action-plan", "declaration")),
    ("members", "--status", ("member", "observer")),
])
def test_repeated_and_comma_separated_values_mean_any_of_them(cica, command, option, values):
    one, other = (ids(cica(command, option, v, "--json")) for v in values)
    assert one and other
    repeated = ids(cica(command, option, values[0], option, values[1], "--json"))
    commas = ids(cica(command, option, ",".join(values), "--json"))
    assert repeated == commas
    assert set(repeated) == set(one) | set(other)
    # in the command's own order, not the order the values were given in
    assert ids(cica(command, option, f"{values[1]},{values[0]}", "--json")) == repeated


@pytest.mark.parametrize("command, option, values", [
    ("timeline", "--kind", EVENT_KINDS), ("documents", "--kind", DOCUMENT_KINDS),
    ("members", "--status", STATUSES), ("members", "--kind", MEMBER_KINDS),
])
def test_help_lists_every_allowed_value_from_the_model(cica, command, option, values):
    """The closed lists are the model's: a value added there is offered in --help at once."""
    import re

    text = " ".join(cica(command, "--help").stdout.split())
    described = text[text.index(option + " "):]
    listed = re.search(r"\(([^)]*)\)", described).group(1)
    assert [v.strip() for v in listed.split(",")] == list(values)


def test_values_are_matched_in_any_case(cica):
    assert ids(cica("timeline", "--kind", "Summit", "--json")) == ids(cica("timeline", "--kind", "summit", "--json"))
    assert ids(cica("members", "--status", "MEMBER", "--json")) == ids(cica("members", "--status", "member", "--json"))
    assert cica("cite", "almaty-act", "--style", "BibTeX").stdout == cica("cite", "almaty-act", "--style", "bibtex").stdout


@pytest.mark.parametrize("args, wrong, meant, choices", [
    (["timeline", "--kind", "sumit"], "--kind: unknown kind 'sumit'", "'summit'", EVENT_KINDS),
    (["timeline", "--kind", "summit,adopton"], "--kind: unknown kind 'adopton'", "'adoption'", EVENT_KINDS),
    (["documents", "--kind", "action-plna"], "--kind: unknown kind 'action-plna'", "'action-plan'", DOCUMENT_KINDS),
    (["members", "--kind", "stat"], "--kind: unknown kind 'stat'", "'state'", ("state", "organisation")),
    (["members", "--status", "obsrver"], "--status: unknown status 'obsrver'", "'observer'", STATUSES),
    (["cite", "almaty-act", "--style", "bibtx"], "--style: unknown style 'bibtx'", "'bibtex'",
     ("plain", "chicago", "apa", "bibtex", "markdown", "csl-json")),
    (["timeline", "--format", "jsn"], "--format: unknown format 'jsn'", "'json'", ("table", "csv", "markdown", "json")),
])
def test_a_mistyped_choice_gets_a_did_you_mean(cica, args, wrong, meant, choices):
    result = cica(*args)
    assert result.exit_code == 2 and not result.stdout
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith(f"cica: {wrong}; did you mean {meant}")
    assert line.endswith(f"(one of {', '.join(choices)})")


def test_a_choice_with_nothing_close_lists_the_choices(cica):
    result = cica("cite", "almaty-act", "--style", "mla")
    assert result.exit_code == 2
    assert result.stderr.strip() == "cica: --style: unknown style 'mla'; choose from plain, chicago, apa, bibtex, markdown, csl-json"


def test_a_mistyped_command_is_suggested_once(cica):
    result = cica("timelin")
    assert result.exit_code == 2
    assert result.stderr.count("Did you mean 'timeline'?") == 1


def test_help_shows_brackets_as_written_and_wraps_by_paragraph(cica):
    from commands import command_names

    text = cica("cite", "--help").stdout
    assert '(marked "[untitled]", "[no author named]" or "[outlet not named]"' in " ".join(text.split())
    assert "[default: plain]" in text
    for name in command_names():
        out = cica(name, "--help").stdout
        assert "\\[" not in out, name
        assert f"  Example:\n\n    cica {name}" in out, name
    # one paragraph of the docstring is wrapped as one, not broken where the source line ends
    assert "(N from 1, in the order of" in " ".join(cica("cite", "--help").stdout.split())


def complete(cica, *words):
    """What bash completion offers after `cica WORDS...` (the last word is being typed)."""
    line = ["cica", *words]
    result = cica(env={"_CICA_COMPLETE": "complete_bash", "COMP_WORDS": " ".join(line), "COMP_CWORD": str(len(line) - 1)})
    return result.stdout.splitlines()


@pytest.mark.parametrize("words, expected", [
    (["timeline", "--kind", "su"], ["summit"]),
    (["timeline", "--kind", "summit,ad"], ["summit,adoption"]),
    (["documents", "--kind", "action"], ["action-plan"]),
    (["members", "--status", "ob"], ["observer"]),
    (["members", "--kind", "org"], ["organisation"]),
    (["cite", "almaty-act", "--style", "bib"], ["bibtex"]),
    (["timeline", "--format", "c"], ["csv"]),
    (["cite", "2002-a"], ["2002-almaty-act-adopted"]),  # an id
    (["show", "ravi"], ["ravichandran-2023"]),
    (["timeline", "--member", "kaz"], ["kazakhstan"]),  # an id
    (["timeline", "--member", "Kaz"], ["Kazakhstan"]),  # a name
    (["member", "Shanghai"], ["Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"]),  # and alias
    (["diff", "bak"], ["bakishev-2009"]),  # a source: its id
    (["timeline", "--source", "bak"], ["bakishev-2009"]),
    (["coverage", "--source", "ask"], ["askeroglu-2022"]),
    (["search", "summit", "--source", "rav"], ["ravichandran-2023"]),
    (["compare", "obs"], ["observer-states", "observer-organisations"]),  # metric ids
    (["document", "almaty"], ["almaty-act"]),
])
def test_shell_completion_offers_kinds_ids_names_and_sources(cica, words, expected):
    assert complete(cica, *words) == expected
