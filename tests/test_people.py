"""People, offices, places and names over time: the shipped facts, the look-ups and the rules
`cica check` keeps for them."""

import pytest


# --- people and offices, as the articles give them ------------------------------------------

def test_sarybay_is_secretary_general_of_cica_in_ravichandran_2023(cica):
    result = cica("person", "sarybay", "--json")
    assert result.exit_code == 0
    person = result.json()
    assert person["name"] == "Kairat Sarybay"
    (office,) = person["offices"]
    assert (office["office"], office["of"], office["post"]) == ("Secretary General of CICA", "cica", "secretariat-head")
    assert [c["source"] for c in office["citations"]] == ["ravichandran-2023"]
    assert office["as_of"] is None  # held as of the source's date: 16 July of 2023, 2024 or 2025
    assert person["events"] == ["2023-central-asian-security-forum"]
    shown = cica("person", "Sarybay").stdout
    assert "Secretary General of CICA" in shown and "as of 16 Jul 2023, 2024 or 2025 †" in shown


def test_bakishev_is_executive_director_of_the_secretariat_in_late_2009(cica):
    (office,) = cica("person", "Dulat Hangereevich", "--json").json()["offices"]
    assert office["office"] == "Executive Director of the CICA Secretariat"
    assert office["of"] == "cica-secretariat" and office["post"] == "secretariat-head"
    assert {c["source"] for c in office["citations"]} == {"bakishev-2009"}


def test_nazarbayev_is_president_in_the_2009_interview_and_the_first_president_later(cica):
    offices = cica("person", "nazarbayev", "--json").json()["offices"]
    titles = [(o["office"], o["as_of"], o["citations"][0]["source"]) for o in offices]
    assert ("President of Kazakhstan", "1992-10", "bakishev-2009") in titles
    assert ("President", "2004", "bakishev-2009") in titles
    assert ("the first President", None, "auelbayev-2022") in titles  # as of 4 Oct 2022, the source's date
    assert ("the first president of Kazakhstan", None, "ravichandran-2023") in titles
    lines = cica("people").stdout.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("Nursultan Nazarbayev"))
    block = "\n".join(lines[row:row + 5])
    assert "President of Kazakhstan" in block and "as of Oct 1992" in block
    assert "the first President" in block and "as of 4 Oct 2022 †" in block


def test_presidents_of_uzbekistan_and_china_with_their_sources_dates(cica):
    (mirziyoyev,) = cica("person", "Мирзиёев", "--json").json()["offices"]
    assert (mirziyoyev["office"], mirziyoyev["of"], mirziyoyev["as_of"]) == (
        "President of Uzbekistan", "uzbekistan", "[2022-10-12..2022-10-13]")
    (xi,) = cica("person", "xi jinping", "--json").json()["offices"]
    assert xi["of"] == "china" and xi["citations"][0]["source"] == "laumulin-kozhirova-2021"


def test_a_transliterated_alias_finds_the_person(cica):
    assert cica("person", "Касым-Жомарт Токаев", "--json").json()["id"] == "kassym-jomart-tokayev"
    assert cica("person", "yerkin", "--json").json()["id"] == "yerkin-tukumov"  # the article writes a Cyrillic і
    # bakishev-2009's byline writes "Nikolay Limov", its introduction "Nikolai Limov"
    assert cica("person", "Nikolai Limov", "--json").json()["id"] == "nikolay-limov"
    result = cica("person", "tokaev")
    assert result.exit_code == 1 and "Kassym-Jomart Tokayev" in result.stderr


def test_the_secretariats_head_with_each_sources_name_for_the_post_and_its_renaming(cica):
    post = cica("show", "secretariat-head", "--json").json()
    names = {n["name"]: n for n in post["names"]}
    assert list(names) == ["Executive Director", "General Secretariat", "Secretary General"]
    assert names["Executive Director"]["until"] == "[2022-10-13..2022-10-14]"
    renamed = names["General Secretariat"]
    assert renamed["date"] == "[2022-10-13..2022-10-14]" and renamed["date_basis"] == "claims"
    assert renamed["citations"][0]["source"] == "askeroglu-2022" and renamed["citations"][0]["inferred"]
    assert [c["source"] for c in names["Secretary General"]["citations"]] == ["ravichandran-2023"]
    assert post["holders"] == ["dulat-bakishev", "kairat-sarybay"]
    listed = cica("people", "--post", "secretary general").stdout
    assert "Dulat Bakishev" in listed and "Kairat Sarybay" in listed and "Tokayev" not in listed


def test_timeline_person_keeps_the_events_whose_quotes_name_them(cica):
    ids = [e["id"] for e in cica("timeline", "--person", "tokayev", "--json").json()]
    assert ids == ["2020-iabs-proposed", "2022-tokayev-transformation-proposal", "2023-aif-plenary"]
    ids = [e["id"] for e in cica("timeline", "--person", "Nazarbayev", "--json").json()]
    assert ids == ["1992-unga-proposal", "2004-ministerial-meeting"]
    assert "shavkat-mirziyoyev: Shavkat Mirziyoyev" in cica("show", "2022-astana-summit").stdout


def test_people_exports_carry_the_offices_in_words(cica):
    csv = cica("people", "--format", "csv").stdout
    assert csv.splitlines()[0] == "id,name,aliases,offices,notes,offices_in_words"
    assert "Secretary General of CICA (CICA), as of 16 Jul 2023, 2024 or 2025" in csv


# --- places and names over time -------------------------------------------------------------

def test_astana_lists_its_names_over_time_with_sources(cica):
    place = cica("show", "astana", "--json").json()
    names = [(n["name"], [c["source"] for c in n["citations"]]) for n in place["names"]]
    assert names == [
        ("Astana", ["bakishev-2009"]),
        ("Nur-Sultan", ["laumulin-kozhirova-2021", "laumulin-kozhirova-2021"]),
        ("Astana", ["auelbayev-2022", "askeroglu-2022", "ravichandran-2023"]),
    ]
    nur_sultan = place["names"][1]
    assert nur_sultan["inferred"] and nur_sultan["date"] is None and nur_sultan["until"] is None
    assert "2022-astana-summit" in place["events"]


def test_show_says_which_name_each_source_used_and_which_were_in_use_then(cica):
    lines = cica("show", "astana").stdout.splitlines()
    used = next(line for line in lines if line.startswith("laumulin-kozhirova-2021"))
    assert used.split()[-2:] == ["Nur-Sultan", "Nur-Sultan"]  # used, and the only name in use then
    used = next(line for line in lines if line.startswith("askeroglu-2022"))
    assert used.split()[-2:] == ["Astana", "Astana"]


@pytest.mark.parametrize("name, found", [
    ("Nur-Sultan", "astana"), ("nur sultan", "astana"), ("ICCA", "cica"), ("свмда", "cica"),
    ("Conference on Interaction and Confidence Building Measures in Asia", "cica"),
    ("Secretary General", "secretariat-head"), ("Council of Foreign Ministers", "cica-foreign-ministers"),
])
def test_a_place_or_body_is_found_by_any_of_its_names(cica, name, found):
    assert cica("place", name, "--json").json()["id"] == found


def test_search_for_nur_sultan_finds_the_article_and_the_place(cica):
    results = cica("search", "Nur-Sultan", "--json").json()
    assert {(h["source"], h["line"]) for h in results["articles"]} == {("laumulin-kozhirova-2021", 2),
                                                                      ("laumulin-kozhirova-2021", 3)}
    assert {"record": "place", "id": "astana", "field": "names[1].name"}.items() <= next(
        h for h in results["records"] if h["field"] == "names[1].name").items()


def test_cica_records_its_names_and_abbreviations_as_the_sources_write_them(cica):
    names = {n["name"]: n for n in cica("show", "cica", "--json").json()["names"]}
    assert names["ICCA"]["kind"] == "abbreviation"
    assert [c["source"] for c in names["ICCA"]["citations"]] == ["auelbayev-2022"]
    assert names["СВМДА"]["lang"] == "ru" and "СВДМА" in names
    assert len(names["CICA"]["citations"]) == 5  # every article writes CICA


def test_events_keep_the_sources_wording_and_link_the_place(cica):
    event = cica("show", "2009-beijing-action-plans", "--json").json()
    assert (event["place"], event["place_id"]) == ("Beijing", "beijing")


# --- what check keeps -----------------------------------------------------------------------

PEOPLE = """\
- id: someone
  name: Some One
  offices:
    - office: {office}
      of: {of}
      post: {post}
      as_of: "{as_of}"
      until: "{until}"
      citations:
        - source: sample
          quote: The Conference was first proposed in October 1992.
          date: "{since}"
"""
BODIES = """\
- id: conference
  name: The Conference
  kind: organisation
  names:
    - name: The Conference
      citations:
        - source: sample
          quote: The Conference was first proposed
- id: conference-head
  name: Head of the Conference
  kind: post
  part_of: {part_of}
  names:
    - name: {name}
      citations:
        - source: sample
          quote: The Conference was first proposed
"""
GOOD = dict(office="The Conference", name="Conference", of="kazakhstan", post="conference-head", as_of="1995", until="1999", since="1992-10", part_of="conference")


def write(dataset, **changes):
    values = {**GOOD, **changes}
    (dataset / "data" / "people.yaml").write_text(PEOPLE.format(**values), encoding="utf-8")
    (dataset / "data" / "bodies.yaml").write_text(BODIES.format(**values), encoding="utf-8")


def test_a_clean_person_and_post_pass(cica, dataset):
    write(dataset)
    result = cica("check", "--data", dataset)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "1 people" in result.stdout and "2 bodies" in result.stdout
    assert cica("person", "some one", "--data", dataset, "--json").json()["offices"][0]["date"] == "1992-10"


@pytest.mark.parametrize("change, problem", [
    (dict(of="nowhere"), "data/people.yaml:5: person 'someone' refers to unknown member or body 'nowhere'"),
    (dict(post="conference"), "data/people.yaml:6: person 'someone': 'conference' is a body of kind organisation, not a post"),
    (dict(post="nobody"), "data/people.yaml:6: person 'someone' refers to unknown post 'nobody'"),
    (dict(as_of="1990"), "data/people.yaml:7: office 'The Conference': as_of 1990 is before it began (Oct 1992, from its claims)"),
    (dict(until="1991", as_of="1992-10"), "data/people.yaml:8: office 'The Conference': until 1991 is before it began (Oct 1992, from its claims)"),
    (dict(as_of="2001"), "data/people.yaml:7: office 'The Conference': as_of 2001 is after it ended (until 1999)"),
    (dict(since="2005", as_of="2005", until="2006"), "data/people.yaml:12: office 'The Conference': sample claims it began 2005, after the source was published (2003)"),
    (dict(part_of="elsewhere"), "data/bodies.yaml:12: body 'conference-head' refers to unknown body 'elsewhere'"),
    (dict(office="Chairman"), "data/people.yaml:4: office 'Chairman' is in none of its quotes: write it as a source "
                              "wrote it, and quote the words that say it"),
    (dict(name="Head of the Conference"), "data/bodies.yaml:14: name 'Head of the Conference' is in none of its quotes: "
                                          "write it as a source wrote it, and quote the words that say it"),
])
def test_check_refuses_bad_offices_and_links(cica, dataset, change, problem):
    write(dataset, **change)
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    assert problem in result.stdout.splitlines() + result.stderr.splitlines(), result.stdout + result.stderr


@pytest.mark.parametrize("place_id, wording, problem", [
    ("nowhere", "Almaty", "data/events.yaml:8: event 'proposal' refers to unknown place 'nowhere'"),
    ("almaty", "Alma Ata", "data/events.yaml:7: event 'proposal': place 'Alma Ata' is not a name of place 'almaty' (add it to its names)"),
])
def test_check_refuses_an_event_place_that_does_not_resolve(cica, dataset, place_id, wording, problem):
    (dataset / "data" / "places.yaml").write_text("""\
- id: almaty
  name: Almaty
  kind: city
  names:
    - name: Almaty
      citations:
        - source: sample
          quote: The Conference was first proposed
""", encoding="utf-8")
    events = dataset / "data" / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "  members: [kazakhstan]\n", f"  members: [kazakhstan]\n  place: {wording}\n  place_id: {place_id}\n", 1),
        encoding="utf-8")
    result = cica("check", "--data", dataset)
    assert result.exit_code == 1
    assert problem in result.stdout.splitlines() + result.stderr.splitlines(), result.stdout + result.stderr


def test_the_secretariat_is_named_from_2006_as_the_2009_interview_dates_it(cica):
    (name,) = cica("show", "cica-secretariat", "--json").json()["names"]
    assert (name["name"], name["date"]) == ("CICA Secretariat", "2006")
    assert name["citations"][0]["source"] == "bakishev-2009" and name["citations"][0]["inferred"]
    assert "2006 *" in cica("show", "cica-secretariat").stdout  # the since is a reading, marked


def test_an_office_with_a_claimed_beginning_is_shown_since_then(cica, dataset):
    write(dataset)
    shown = cica("person", "someone", "--data", dataset).stdout
    assert "since Oct 1992" in shown and "until 1999" in shown
    assert "since Oct 1992, until 1999" in cica("people", "--data", dataset).stdout


def test_completion_offers_people_places_and_posts_by_any_name():
    from cica_cli.cli.options import complete_people, complete_places, complete_posts

    class Context:
        params = {"data": None}

    values = lambda found: [c[0] for c in found]  # noqa: E731
    assert "kairat-sarybay" in values(complete_people(Context(), "kairat"))
    assert "Мирзиёев" in values(complete_people(Context(), "мир"))
    assert "Nur-Sultan" in values(complete_places(Context(), "nur"))
    assert values(complete_posts(Context(), "secretary")) == ["Secretary General"]
