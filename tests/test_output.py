"""Text from the data is printed exactly as written: no markup, no terminal control characters."""

from support import edit


def test_rich_markup_in_data_is_printed_literally(cica, dataset):
    edit(dataset, "data/events.yaml", "title: First summit", 'title: "[bold red]First[/] summit :smile:"')
    out = cica("timeline", "--data", dataset).stdout
    assert "[bold red]First[/] summit :smile:" in out


def test_escape_sequences_in_data_are_shown_escaped(cica, dataset):
    edit(dataset, "data/events.yaml", "title: First summit", 'title: "First \\x1b[2J\\x9b31m summit\\u202e"')
    table = cica("timeline", "--data", dataset)
    as_json = cica("timeline", "--data", dataset, "--json")
    for out in (table.stdout, as_json.stdout):
        assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert "First \\x1b[2J\\x9b31m summit\\u202e" in table.stdout
    assert as_json.json()[1]["title"] == "First \x1b[2J\x9b31m summit\u202e"


def test_piped_output_has_no_escape_codes(cica):
    out = cica("timeline", "--cite").stdout
    assert "\x1b" not in out


def test_version(cica):
    result = cica("--version")
    assert result.exit_code == 0 and result.stdout.startswith("cica ")


def test_every_command_has_help_with_an_example(cica):
    from cica_cli.cli import app

    names = [c.name for c in app.registered_commands]
    assert {"check", "timeline", "coverage"} <= set(names)
    for name in names:
        result = cica(name, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.stdout and f"cica {name}" in result.stdout


def test_unknown_option_is_usage_error(cica):
    result = cica("timeline", "--colour")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_json_listing_is_one_record_per_line(cica):
    import json

    lines = cica("timeline", "--json").stdout.splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    records = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    assert records[0]["id"] == "1992-unga-proposal" and records[0]["date"] == "1992-10-05"


def test_piped_tables_are_plain_text_one_line_per_row(cica):
    out = cica("timeline", "--kind", "summit", "--cite").stdout.splitlines()
    assert out[0] == "CICA timeline: 3 event(s)"
    assert out[1].split() == ["Date", "Event", "Kind", "Evidence"]
    row = next(line for line in out if line.startswith("12–13 Oct 2022"))
    assert "Sixth CICA summit in Astana" in row and "summit" in row
    assert "askeroglu-2022, 12–13 Oct 2022: “Summit was held on 12-13 October 2022, in the capital of Kazakhstan, Astana.”" in row
    assert not any(set(line) & set("│┃|+") for line in out[:3])


def test_piped_tables_align_wide_and_combining_characters(cica, dataset):
    """A title in Chinese (two columns a character) and one with a combining accent line up
    with the ASCII ones: every row's next column starts at the same display column."""
    from cica_cli.render import display_width

    path = dataset / "data" / "events.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: First summit", "title: 亚洲相互协作与信任措施会议").replace(
        "title: First proposal", "title: Pre\u0301sident's proposal"), encoding="utf-8")
    lines = cica("timeline", "--data", dataset).stdout.splitlines()
    header = next(line for line in lines if line.startswith("Date"))
    rows = [line for line in lines if "亚洲" in line or "Pre\u0301sident" in line]
    kind_at = display_width(header[: header.index("Kind")])
    for row in rows:
        kind = "summit" if "亚洲" in row else "proposal"
        assert display_width(row[: row.rindex(kind)]) == kind_at, row
