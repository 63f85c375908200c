"""The shipped dataset's claims: what each article says about when, at its own precision.

Each test names a fact, the date each source gives for it, and the source. Dates a record
derives from its claims are worked out here from the data (the narrowest date within them),
and every count is counted from the data, never written in.
"""

import re

import yaml

from cica_cli import claims, dates
from cica_cli.dataset import load_dataset

from support import ROOT

DS = load_dataset(ROOT)
EVENTS = DS.by_id("events")
DOCUMENTS = DS.by_id("documents")
MEMBERS = DS.by_id("members")
RAW_EVENTS = {e["id"]: e for e in yaml.safe_load((ROOT / "data" / "events.yaml").read_text(encoding="utf-8"))}
RAW_DOCUMENTS = {d["id"]: d for d in yaml.safe_load((ROOT / "data" / "documents.yaml").read_text(encoding="utf-8"))}

def claimed(record):
    """(source, date, inferred?) for every citation, in order."""
    return [(c.source, c.date, bool(c.inferred)) for c in record.citations]


def dated_claims(record):
    return [c.date for c in record.citations if c.date]


def span(text):
    s = dates.parse(text)
    return s.lower.isoformat(), s.upper.isoformat()


# --- the 1992 proposal -------------------------------------------------------------------


def test_1992_proposal_each_source_at_its_own_precision():
    event = EVENTS["1992-unga-proposal"]
    assert ("askeroglu-2022", "1992", False) in claimed(event)          # "In 1992"
    assert ("bakishev-2009", "1992-10", False) in claimed(event)        # "in October 1992"
    assert ("ravichandran-2023", "1992-10", False) in claimed(event)    # "in October 1992"
    assert ("auelbayev-2022", "1992", False) in claimed(event)          # "in 1992, during the 47th session"
    # the day only from auelbayev-2022's anniversary: 30 years before "October 5" (2022)
    anniversary = [c for c in event.citations if c.date == "1992-10-05"]
    assert [c.source for c in anniversary] == ["auelbayev-2022"]
    assert "30 years" in anniversary[0].quote and "30 years before" in anniversary[0].inferred
    # no source other than that inference gives the day
    assert all(c.inferred for c in event.citations if c.date and dates.parse(c.date).precision == "day")


def test_1992_proposal_date_is_derived_not_stated():
    assert "date" not in RAW_EVENTS["1992-unga-proposal"]
    assert RAW_EVENTS["1992-unga-proposal"].get("inferred") is None  # the reasoning is on the citation
    assert claims.narrowest(dated_claims(EVENTS["1992-unga-proposal"])) == "1992-10-05"


def test_1992_proposal_derived_date_and_its_basis():
    event = EVENTS["1992-unga-proposal"]
    assert (event.date, event.date_basis) == ("1992-10-05", claims.CLAIMS)
    basis = claims.basis(event)
    assert basis.startswith("derived: the narrowest date within every claim")
    for source in {c.source for c in event.citations}:
        assert source in basis


def test_show_json_carries_each_source_with_its_own_date(cica):
    record = cica("show", "1992-unga-proposal", "--json").json()
    by_source = {}
    for c in record["citations"]:
        by_source.setdefault(c["source"], set()).add(c["date"])
    assert by_source == {
        "askeroglu-2022": {"1992"},
        "bakishev-2009": {"1992-10"},
        "ravichandran-2023": {"1992-10"},
        "auelbayev-2022": {"1992", "1992-10-05"},
    }
    assert len(record["citations"]) == len(RAW_EVENTS["1992-unga-proposal"]["citations"])


# --- the sixth summit, the anniversary and the summit's decisions -------------------------


def test_2022_astana_summit_each_source_at_its_own_precision():
    event = EVENTS["2022-astana-summit"]
    assert ("ravichandran-2023", "2022", False) in claimed(event)       # "the last being in 2022"
    assert ("askeroglu-2022", "2022-10-12/2022-10-13", False) in claimed(event)  # "held on 12-13 October 2022"
    # "begins next week on October 12": the first day, the end not given, the year the article's
    assert ("auelbayev-2022", "2022-10-12/", True) in claimed(event)
    assert "date" not in RAW_EVENTS["2022-astana-summit"]
    assert claims.narrowest(dated_claims(event)) == "2022-10-12/2022-10-13"


def test_2022_astana_summit_derived_date():
    event = EVENTS["2022-astana-summit"]
    assert (event.date, event.date_basis) == ("2022-10-12/2022-10-13", claims.CLAIMS)


def test_30th_anniversary_dated_by_auelbayev_only():
    event = EVENTS["2022-30th-anniversary"]
    assert ("auelbayev-2022", "2022-10-05", True) in claimed(event)     # "On October 5", year inferred
    # askeroglu-2022: "due to the 30th anniversary of CICA" gives no date
    assert ("askeroglu-2022", None, False) in claimed(event)
    assert dated_claims(event) == ["2022-10-05"]


def test_the_final_document_is_dated_after_the_meeting_not_to_the_summit_days():
    summit_last_day = span(EVENTS["2022-astana-summit"].citations[0].date)[1]
    for record in (EVENTS["2022-transformation-launched"], EVENTS["2022-bodies-renamed"],
                   DOCUMENTS["astana-transformation-statement"]):
        dated = [c for c in record.citations if c.date]
        assert dated, record.id
        for c in dated:
            assert c.source == "askeroglu-2022" and c.inferred and "signed after the meeting" in c.inferred
            assert span(c.date)[0] >= summit_last_day, (record.id, c.date)
        assert "date" not in (RAW_EVENTS.get(record.id) or RAW_DOCUMENTS[record.id])


def test_kuwait_reading_of_join_the_meeting_is_marked_on_event_and_status():
    event = EVENTS["2022-kuwait-application"]
    assert "join the meeting" in event.inferred
    (status,) = MEMBERS["kuwait"].statuses
    assert status.status == "applicant" and "join the meeting" in status.inferred
    assert claimed(event) == [("askeroglu-2022", "[2022-10-12..2022-10-13]", True)]


def test_documents_dated_only_by_quotes_that_give_the_date():
    assert claimed(DOCUMENTS["declaration-on-the-principles"]) == [("ravichandran-2023", "1999", False)]
    assert claimed(DOCUMENTS["almaty-act"]) == [("ravichandran-2023", "2002", False)]
    for doc_id in ("action-plan-sme", "action-plan-tourism", "perception-paper-military-political"):
        ((source, date, inferred),) = claimed(DOCUMENTS[doc_id])
        assert (source, date, inferred) == ("bakishev-2009", "2009-10", True)
        assert "end of October" in DOCUMENTS[doc_id].citations[0].quote
    # no document states its own date: every dated one takes it from its claims
    assert not any("date" in d for d in RAW_DOCUMENTS.values())


def test_2007_observer_status_two_years_before_a_late_2009_interview():
    assert claimed(EVENTS["2007-un-observer-status"]) == [("bakishev-2009", "2007~", True)]
    assert "Two years ago" in EVENTS["2007-un-observer-status"].citations[0].inferred


# --- rules over the whole dataset ----------------------------------------------------------


def test_every_event_has_a_date_from_its_claims_or_stated_with_its_reason():
    for event_id, raw in RAW_EVENTS.items():
        claimed_dates = dated_claims(EVENTS[event_id])
        if "date" in raw:
            # stated only where outside knowledge is used, and then said why
            assert raw.get("inferred"), event_id
            if claimed_dates:
                assert dates.overlaps(dates.parse(raw["date"]), dates.parse(claims.narrowest(claimed_dates)))
        else:
            assert claimed_dates, f"{event_id} has no date from anywhere"
            assert claims.narrowest(claimed_dates) is not None, event_id


def test_every_inference_on_a_citation_explains_a_date():
    for record in [*DS.events, *DS.documents, *(p for m in DS.members for p in m.statuses + m.roles)]:
        for c in record.citations:
            if c.inferred:
                assert c.date, (record, c.quote)
            if c.date:
                dates.parse(c.date)  # valid EDTF


def test_ravichandran_year_is_open_and_nothing_claims_more_on_it_alone():
    source = DS.source("ravichandran-2023")
    # the dateline "July 16" has no year: the years the text allows, not one of them as certain
    years = {y for y in range(2020, 2030) if dates.overlaps(dates.parse(f"{y}-07-16"), dates.parse(source.published))}
    assert years == {2023, 2024, 2025}
    assert source.as_of == source.published
    # a day-and-month quote takes its year from the source: the claim keeps every year allowed
    for event_id in ("2023-aif-plenary", "2023-central-asian-security-forum"):
        event = EVENTS[event_id]
        for date in dated_claims(event):
            assert span(date)[1][:4] == "2025", (event_id, date)
        # the record's 2023 date is stated from outside reports, and says so
        assert RAW_EVENTS[event_id]["date"].startswith("2023") and "outside the text" in RAW_EVENTS[event_id]["inferred"]


def test_one_off_venues_are_not_lasting_host_roles():
    assert MEMBERS["china"].roles == [] and MEMBERS["turkey"].roles == []
    kazakhstan = MEMBERS["kazakhstan"]
    # "The meeting was led by Kazakhstan" is on the summit, not a "chair" role
    assert [r.as_of for r in kazakhstan.roles if r.role == "chair"] == ["[2009-10..2009-12]"]
    assert "The meeting was led by Kazakhstan, due to the 30th anniversary of CICA." in [
        c.quote for c in EVENTS["2022-astana-summit"].citations]
    # the host roles left are the headquarters' seat
    hosts = [r for r in kazakhstan.roles if r.role == "host"]
    assert {c.quote for r in hosts for c in r.citations} == {
        "Since 2014, CICA’s headquarter is in Kazakhstan.", "CICA headquartered in Astana"}
    assert [c.date for r in hosts for c in r.citations] == ["2014", None]


def test_summaries_are_carried_by_their_quotes():
    iofs = " ".join(c.quote for c in EVENTS["2011-iofs-announced"].citations)
    assert "food security entity" in iofs and "Organisation of Islamic Cooperation (OIC)" in iofs
    forum = " ".join(c.quote for c in EVENTS["2023-central-asian-security-forum"].citations)
    assert "organised by the Kazakhstan Institute for Strategic Studies (KazISS)" in forum
    assert "the Secretary General of CICA in his remarks at the Central Asian Security and Cooperation Forum" in forum


def test_fifty_countries_is_no_figure_and_its_doubt_is_noted():
    assert not any(f.value == 50 and "delegations" in f.quote for f in DS.figures)
    congress = EVENTS["2022-seventh-religions-congress"]
    assert "50 countries" in congress.citations[0].quote and "all seven" in congress.notes


# --- questions ---------------------------------------------------------------------------


def answer_dates(question_id):
    (question,) = [q for q in DS.questions if q.id == question_id]
    records = {**EVENTS, **DOCUMENTS}
    return question, {a.record: claims.narrowest(dated_claims(records[a.record])) for a in question.answers}


def test_founding_is_answered_by_proposal_declaration_and_first_summit():
    question, answered = answer_dates("founding")
    assert question.question == "When was CICA founded?"
    assert answered["1992-unga-proposal"] == "1992-10-05"
    assert answered["1999-declaration-adopted"] == "1999"
    assert answered["2002-first-summit"] == "2002"
    # different things founded, so different years: each answer says what it dates
    assert len({d[:4] for d in answered.values()}) >= 3
    assert all(a.scope.strip() for a in question.answers)
    scopes = {a.record: a.scope for a in question.answers}
    assert "creation" in scopes["1992-unga-proposal"] and "summit" in scopes["2002-first-summit"]


def test_headquarters_question_sets_2006_beside_2014():
    question, answered = answer_dates("headquarters")
    assert answered == {"2006-secretariat-established": "2006", "2014-headquarters-in-kazakhstan": "2014"}
    assert claimed(EVENTS["2006-secretariat-established"]) == [("bakishev-2009", "2006", False)]
    assert claimed(EVENTS["2014-headquarters-in-kazakhstan"]) == [
        ("askeroglu-2022", "2014", False), ("ravichandran-2023", None, False)]


def test_every_answer_is_a_record_with_claims():
    records = {**EVENTS, **DOCUMENTS}
    for question in DS.questions:
        assert len(question.answers) >= 2, question.id
        for answer in question.answers:
            assert dated_claims(records[answer.record]), (question.id, answer.record)


# --- tensions ----------------------------------------------------------------------------


def test_congress_every_three_years_since_2003_does_not_reach_2022_in_seven():
    (tension,) = [t for t in DS.tensions if t.id == "religions-congress-rhythm"]
    assert tension.source == "ravichandran-2023"
    text = " ".join(c.quote for c in tension.citations)
    every = {"two": 2, "three": 3, "four": 4}[re.search(r"every (\w+) years", text).group(1)]
    since = int(re.search(r"since (\d{4})", text).group(1))
    times = {"six": 6, "seven": 7, "eight": 8}[re.search(r"held (\w+) times", text).group(1)]
    last = int(re.search(r"the last one in (\d{4})", text).group(1))
    assert since + (times - 1) * every != last  # 2003 + 6 × 3 = 2021, not 2022
    assert str(since + (times - 1) * every) in tension.summary
    # and the two dates are recorded as the article gives them
    assert dated_claims(EVENTS["2003-first-religions-congress"]) == [str(since)]
    assert dated_claims(EVENTS["2022-seventh-religions-congress"]) == [str(last)]


def test_every_tension_quotes_one_source_at_least_twice():
    assert DS.tensions
    for tension in DS.tensions:
        assert len(tension.citations) >= 2, tension.id
        assert {c.source for c in tension.citations} == {tension.source}
        assert len({c.quote for c in tension.citations}) == len(tension.citations)
