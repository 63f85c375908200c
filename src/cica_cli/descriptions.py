"""What each field of the data files holds, and what a curator needs to know to write it.

One table says what a field holds (`HOLDS`): the exports' schemas (Data Package, Datasette)
show it as it is. The JSON Schemas that editors show while a curator types add the advice
for writing it (`ADVICE`: the form, the quoting, what must match the quotes) and, for a field
naming other records, which data file holds them (from model.REFERENCES). Keys are
"Class.field" for one class, else "field" for that name in any class.
"""

from __future__ import annotations

import inspect

from . import model

HOLDS = {
    "id": "The record's id: lower-case letters, digits and hyphens; stable, used to refer to it.",
    "title": "The title, as the dataset writes it.",
    "kind": "The kind of record, one of a fixed list.",
    "summary": "What happened, in one or two sentences.",
    "notes": "The curator's notes: doubts, and what the sources do not say.",
    "inferred": "How a date, link or reading was worked out rather than read in the source; empty when read as written.",
    "aliases": "Other names it goes by.",
    "members": "States and organisations involved (member ids).",
    "documents": "Documents involved (document ids).",
    "date": "The date, an EDTF string at the precision the sources give.",
    "as_of": "When it held, an EDTF string; empty: as of the citing source's as_of.",
    "source": "The source (article) that says it (a source id).",
    "quote": "The words of the source that say it, verbatim (a short exact span of the article).",
    "citations": "The quotes that support it, each with its source and the date that source gives.",
    "Citation.date": "The date this source gives for the record, an EDTF string at the precision of its words; empty: the quote supports the fact, not a date.",
    "Citation.inferred": "How this source's date was worked out (from 'last week', an anniversary, the article's own date); empty when the quote states it.",
    "Source.file": "The article's file name in the dataset's seeds/ folder.",
    "Source.title": "The article's title; empty where the article gives none.",
    "Source.authors": "The authors as the article names them; an organisation is written in braces ({Institute for Strategic Studies}).",
    "Source.outlet": "Where it was published; empty where the article does not say.",
    "Source.published": "When the text appeared, an EDTF string.",
    "Source.published_basis": "How `published` was worked out from the text.",
    "Source.as_of": "When the facts the article states were true, an EDTF string.",
    "Source.as_of_basis": "How `as_of` was worked out from the text.",
    "Event.kind": "proposal, summit, ministerial, meeting, adoption, institutional, membership, anniversary, statement, initiative or forum.",
    "Event.place": "Where it happened, as the sources name it.",
    "Event.status": "held; planned (announced, what became of it not reported); postponed, moved (held later or elsewhere) or cancelled.",
    "Event.outcome": "The event that fulfilled or replaced this plan (an event id); empty when no source reports one.",
    "Event.context": "True for Kazakhstan's related initiatives outside CICA itself.",
    "Member.name": "The name, as commonly written in English.",
    "Member.kind": "state or organisation.",
    "Member.iso_alpha2": "A state's ISO 3166-1 alpha-2 code (KZ), verified against the standard by `cica check`.",
    "Member.iso_alpha3": "A state's ISO 3166-1 alpha-3 code (KAZ), verified against the standard by `cica check`.",
    "Member.identifier": "An organisation's identifier in an external scheme (see identifier_scheme).",
    "Member.identifier_scheme": "The scheme of `identifier` (e.g. wikidata).",
    "Member.statuses": "Its statuses in relation to CICA over time.",
    "Member.roles": "Its roles in CICA over time.",
    "Status.status": "member, observer, partner, applicant, non-member or cooperating.",
    "Status.date": "Since when the status holds, an EDTF string (derived from its citations' dates, or stated).",
    "Role.role": "chair, host or initiator.",
    "Role.date": "Since when the role holds, an EDTF string (derived from its citations' dates, or stated).",
    "Document.kind": "declaration, act, catalogue, action-plan, concept-paper, perception-paper, statement or other.",
    "Document.adopted_at": "The event at which it was adopted (an event id).",
    "Document.related": "Related documents (document ids).",
    "Metric.description": "What is measured.",
    "Metric.unit": "The unit of the values.",
    "Metric.sum_of": "The metrics this one adds up (metric ids); its figures are compared with the sum of theirs.",
    "Roster.status": "The status the quote gives every member it names: member, observer, partner, applicant, non-member or cooperating.",
    "Roster.members": "The members the quote names, as ids, names or aliases; each gets the status, citing the quote.",
    "Figure.metric": "The metric observed (a metric id).",
    "Figure.value": "The value the source states: a number, a range [low, high], or a bound ({over: 20}, {min: 21}, max, under).",
    "Figure.value.value": "The count, when the source states one number; empty for a range or a bound.",
    "Figure.value.min": "The least number a range or bound allows (inclusive): [9, 10] and {min: 9} give 9.",
    "Figure.value.over": "A lower bound the count exceeds (exclusive): \"over 20\" gives 20.",
    "Figure.value.max": "The greatest number a range or bound allows (inclusive): [9, 10] and {max: 10} give 10.",
    "Figure.value.under": "An upper bound the count stays below (exclusive): \"under 30\" gives 30.",
    "Figure.as_of": "When the value held, an EDTF string; empty: as of its source's as_of.",
    "Figure.qualifier": "The source's own words on what the value counts (e.g. participating at the first Summit), kept as written.",
    "Figure.scope": "What the value counts: all, founding, participants or signatories (`cica scopes` says what each means).",
    "Exclusion.text": "The words of the article (verbatim) deliberately not recorded.",
    "Exclusion.reason": "Why they are not a fact about CICA.",
    "Question.question": "The question, as people ask it.",
    "Question.answers": "The records that answer it, each with its scope.",
    "Answer.record": "The event or document that answers (an id).",
    "Answer.scope": "In what sense it answers the question.",
    "Tension.source": "The source whose statements do not add up (a source id).",
    "Tension.summary": "What does not add up, and why.",
    "Event.place_id": "The place record of `place` (a place id); `place` keeps the sources' wording.",
    "until": "When it ended, an EDTF string; empty where no source says.",
    "Person.name": "The person's name, as commonly written in English.",
    "Person.aliases": "Other ways the articles write the person: a surname alone, a form of address, another transliteration or script.",
    "Person.offices": "The offices the person held, each titled as a source wrote it, with its claims.",
    "Office.office": "The title as the source wrote it (President, the first President).",
    "Office.of": "What it is an office of: a member id or a body id; empty where neither.",
    "Office.post": "The CICA post it is (a body id of kind post), so that one post can be followed across its names.",
    "Office.date": "Since when the person held it, an EDTF string (derived from its citations' dates, or stated).",
    "Office.as_of": "When the person is known to hold it, an EDTF string; empty: as of the citing source's as_of.",
    "Name.name": "The name or abbreviation, as the sources write it.",
    "Name.kind": "name or abbreviation.",
    "Name.lang": "The language of the name where it is not English (ru).",
    "Name.date": "Since when the name was in use, an EDTF string (derived from its citations' dates); empty where no source says.",
    "Name.as_of": "When the name is known to be in use, an EDTF string; empty: as of each citing source's as_of.",
    "Name.citations": "The sources using the name, each quote with the date (since) it claims, if any.",
    "names": "Its names over time, each with the sources using it.",
    "Place.name": "The name the place is listed under.",
    "Place.kind": "city, country or other.",
    "Place.country": "The state it lies in (a member id), where the dataset has it.",
    "Body.name": "The name the body is listed under.",
    "Body.kind": "organisation (CICA itself), organ (one of its bodies) or post (one of its posts).",
    "Body.part_of": "The body it belongs to (a body id).",
}

# What a curator needs to know to write a field, beyond what it holds (HOLDS).
ADVICE = {
    "id": "For example 2002-first-summit.",
    "date": "For example 1992, 1992-10, 1992-10-05, "
            "2022-10-12/2022-10-13 (an interval), 2007~ (about), [2022-10-12..2022-10-13] "
            "(one day in the span), [..2021] (by 2021). Put it in quotes so YAML keeps it as written.",
    "as_of": "In quotes, written as for date.",
    "until": "In quotes, written as for date; only where a source says so.",
    "published": "In quotes, written as for date; say how you know in published_basis.",
    "published_basis": "Where in the text, or from outside it (say where).",
    "as_of_basis": "For a page that changes, the day it was retrieved.",
    "quote": "Whitespace and quote marks need not match.",
    "citations": "On a dated record give each the date its words give, with `inferred` saying how where "
                 "they do not state it.",
    "inferred": "Only where the words do not say it outright.",
    "Source.file": "NNN_HASH.txt; `cica add` names it.",
    "Source.authors": "[] when it names none.",
    "Figure.value": "A word such as 'half' is written as its number, with `inferred`; \"nine or ten\" is "
                    "[9, 10]; \"over 20\" is {over: 20}; a lower and an upper end may go together.",
    "Figure.qualifier": "Shown beside the value, not compared.",
    "Figure.scope": "; ".join(f"{k}: {v}" for k, v in model.SCOPES.items()) + ".",
    "Metric.sum_of": "As in \"14 observer states and organizations\".",
    "Event.outcome": "An event of the same kind; the plan's status then says what became of it.",
    "Event.place_id": "`place` must be one of its names.",
    "names": "A name used again after another is a new entry.",
    "Office.office": "It must appear in one of the quotes.",
    "Name.name": "It must appear in one of the quotes.",
    "Office.date": "State it only with `inferred` saying why; otherwise leave it to the citations.",
    "Name.date": "Give a citation a date only where its words say when the name began.",
}


def _find(table: dict[str, str], cls: type, name: str) -> str:
    return table.get(f"{cls.__name__}.{name}") or table.get(name, "")


def holds(cls: type, name: str) -> str:
    """What field `name` of a record class holds."""
    return _find(HOLDS, cls, name)


def writing(cls: type, name: str) -> str:
    """What field `name` of a record class holds and how to write it: for editors."""
    parts = [holds(cls, name), _find(ADVICE, cls, name)]
    kinds = model.REFERENCES.get((cls.__name__, name))
    if kinds:
        parts.append("From " + " or ".join(model.KIND[k].label for k in kinds) + ".")
    return " ".join(p for p in parts if p)


def of_class(cls: type, first_paragraph: bool = False) -> str:
    """What a record class is, from its docstring, on one line (or its first paragraph only)."""
    text = inspect.getdoc(cls) or cls.__name__
    return " ".join((text.split("\n\n")[0] if first_paragraph else text).split())
