"""Write a synthetic `cica` dataset of a given size, for the scale benchmark.

    python bench/generate.py 10000 /tmp/cica-10k

The layout is the shipped one (DIR/data/*.yaml, DIR/seeds/*.txt): sources with generated
article text, events, members with statuses and roles, documents, metrics, figures and
exclusions. Events are dated by their citations' claims (one source's date, sometimes a
second source's year), not on the record. Every quote is a verbatim span of its article, every date is valid EDTF and every
reference resolves, so `cica check --data DIR` prints `ok`. The output depends only on the
size and the seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

EVENTS_PER_SOURCE = 50
KINDS = ("proposal", "summit", "ministerial", "meeting", "adoption", "institutional",
         "membership", "anniversary", "statement", "initiative", "forum")
DOC_KINDS = ("declaration", "act", "catalogue", "action-plan", "concept-paper", "perception-paper",
             "statement", "other")
STATUSES = ("member", "observer", "partner", "applicant", "non-member", "cooperating")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
WORDS = ("security cooperation dialogue trade energy transport water climate health culture "
         "tourism finance customs migration border terrorism narcotics food education science "
         "technology maritime aviation youth media disaster relief logistics agriculture").split()
PLACES = ("Astana Almaty Beijing Istanbul Dushanbe Tehran Baku Bangkok Seoul Delhi Tashkent "
          "Bishkek Ankara Moscow Doha Hanoi Manila Cairo Amman Dhaka").split()
# Real countries and their ISO 3166-1 codes, which `cica check` verifies: a synthetic state
# carries one country's codes, with that country's name among its aliases.
COUNTRIES = (("Armenia", "AM", "ARM"), ("Azerbaijan", "AZ", "AZE"), ("Bahrain", "BH", "BHR"),
             ("Bangladesh", "BD", "BGD"), ("Cambodia", "KH", "KHM"), ("Egypt", "EG", "EGY"),
             ("India", "IN", "IND"), ("Israel", "IL", "ISR"), ("Jordan", "JO", "JOR"),
             ("Kyrgyzstan", "KG", "KGZ"), ("Mongolia", "MN", "MNG"), ("Pakistan", "PK", "PAK"),
             ("Qatar", "QA", "QAT"), ("Sri Lanka", "LK", "LKA"), ("Tajikistan", "TJ", "TJK"),
             ("Thailand", "TH", "THA"), ("Turkmenistan", "TM", "TKM"), ("Viet Nam", "VN", "VNM"))
NATIONS = ("Aland Borduria Carpania Dorvia Elbonia Freedonia Genovia Hidalgo Ishkabar Jotunheim "
           "Krakozhia Latveria Markovia Nairomi Orsinia Poldovia Qurac Ruritania Sokovia Tomainia "
           "Urkesh Vadeem Wadiya Xanadu Yerbania Zamunda").split()


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def edtf(rng: random.Random, year: int) -> tuple[str, str]:
    """(EDTF date, the words an article would use for it)."""
    month, day = rng.randint(1, 12), rng.randint(1, 27)
    shape = rng.randrange(8)
    if shape == 0:
        return f"{year}", f"in {year}"
    if shape == 1:
        return f"{year}-{month:02d}", f"in {MONTHS[month - 1]} {year}"
    if shape == 2:
        return f"{year}~", f"around {year}"
    if shape == 3:
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{day + 1:02d}", \
            f"on {day} and {day + 1} {MONTHS[month - 1]} {year}"
    if shape == 4:
        return f"[{year}-{month:02d}..{year}-12]", f"late in {year}"
    if shape == 5:
        return f"../{year}", f"until {year}"
    return f"{year}-{month:02d}-{day:02d}", f"on {day} {MONTHS[month - 1]} {year}"


def generate(n_events: int, root: Path, seed: int = 1992) -> dict[str, int]:
    rng = random.Random(seed)
    data, seeds = root / "data", root / "seeds"
    data.mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    n_sources = max(5, -(-n_events // EVENTS_PER_SOURCE))
    n_members = max(10, n_events // 50)
    n_documents = max(5, n_events // 20)
    n_figures = max(10, n_events // 10)
    n_excluded = max(5, n_events // 20)
    metrics = [f"metric-{i}" for i in range(20)]
    member_ids = [f"member-{i}" for i in range(n_members)]
    document_ids = [f"document-{i}" for i in range(n_documents)]
    sentences: list[list[str]] = [[] for _ in range(n_sources)]

    def cite(source: int, text: str) -> str:
        """Put `text` in the article of `source` and return the quote (all of it or a part)."""
        sentences[source].append(text)
        words = text.split()
        if len(words) > 8 and rng.random() < 0.5:
            start = rng.randrange(len(words) - 6)
            return " ".join(words[start:start + 6])
        return text

    events, event_ids = [], []
    for i in range(n_events):
        source = i % n_sources
        year = 1992 + rng.randrange(32)
        date, said = edtf(rng, year)
        topic, place, kind = rng.choice(WORDS), rng.choice(PLACES), rng.choice(KINDS)
        nation = rng.choice(NATIONS)
        sentence = (f"The CICA {kind} on {topic} number {i} was held in {place} {said}, "
                    f"with {nation} and {rng.randint(2, 40)} delegations taking part.")
        quote = cite(source, sentence)
        eid = f"event-{i}"
        event_ids.append(eid)
        lines = [
            f"- id: {eid}",
            f"  title: {q(f'CICA {kind} on {topic} ({i})')}",
            f"  kind: {kind}",
            f"  place: {place}",
            f"  summary: {q(f'A {kind} on {topic} in {place}.')}",
        ]
        if rng.random() < 0.2:
            lines.append("  status: planned")
        if rng.random() < 0.1:
            lines.append("  context: true")
        if rng.random() < 0.5:
            lines.append(f"  members: {flow(rng.sample(member_ids, min(3, n_members)))}")
        if rng.random() < 0.2:
            lines.append(f"  documents: {flow([rng.choice(document_ids)])}")
        if date.startswith(".."):
            lines.append(f"  inferred: {q('The article says only that it ran until then.')}")
        # the date is each source's claim; the event's own date is derived from them
        lines += ["  citations:", f"    - source: source-{source}", f"      quote: {q(quote)}",
                  f"      date: {q(date)}"]
        if rng.random() < 0.3:  # a second source dates it to the year only
            other = rng.randrange(n_sources)
            extra = cite(other, f"Delegates recalled the {topic} {kind} {i} in {place} in {year}.")
            lines += [f"    - source: source-{other}", f"      quote: {q(extra)}", f"      date: {q(str(year))}"]
        elif rng.random() < 0.1:  # or cites it without a date
            other = rng.randrange(n_sources)
            extra = cite(other, f"Delegates recalled the {topic} {kind} in {place}.")
            lines += [f"    - source: source-{other}", f"      quote: {q(extra)}"]
        events.append("\n".join(lines))

    members = []
    for i, mid in enumerate(member_ids):
        name = f"{rng.choice(NATIONS)} {i}"
        aliases = [q(f"Republic of {name}"), q(f"R{i}")]
        codes = []
        if i % 7:  # a state, with a real country's ISO 3166-1 codes and name
            country, alpha2, alpha3 = COUNTRIES[i % len(COUNTRIES)]
            aliases.append(q(country))
            codes = [f"  iso_alpha2: {alpha2}", f"  iso_alpha3: {alpha3}"]
        lines = [f"- id: {mid}", f"  name: {q(name)}", f"  kind: {'state' if i % 7 else 'organisation'}",
                 f"  aliases: {flow(aliases)}", *codes, "  statuses:"]
        for status in rng.sample(STATUSES, 2):
            source = rng.randrange(n_sources)
            year = 1992 + rng.randrange(32)
            quote = cite(source, f"{name} became a {status} of CICA in {year}.")
            lines += [f"    - status: {status}", f"      date: {q(str(year))}", "      citations:",
                      f"        - source: source-{source}", f"          quote: {q(quote)}"]
        if i % 5 == 0:
            source = rng.randrange(n_sources)
            quote = cite(source, f"{name} hosted a CICA gathering in {rng.choice(PLACES)}.")
            lines += ["  roles:", "    - role: host", f"      as_of: {q(str(1992 + rng.randrange(32)))}",
                      "      citations:", f"        - source: source-{source}", f"          quote: {q(quote)}"]
        members.append("\n".join(lines))

    documents = []
    for i, did in enumerate(document_ids):
        kind, topic = rng.choice(DOC_KINDS), rng.choice(WORDS)
        year = 1992 + rng.randrange(32)
        title = f"{kind.replace('-', ' ').title()} on {topic} {i}"
        source = rng.randrange(n_sources)
        quote = cite(source, f"The {title} was adopted in {year}.")
        lines = [f"- id: {did}", f"  title: {q(title)}", f"  kind: {kind}", f"  date: {q(str(year))}",
                 f"  adopted_at: {rng.choice(event_ids) if event_ids else 'null'}",
                 f"  related: {flow([rng.choice(document_ids)])}",
                 f"  members: {flow([rng.choice(member_ids)])}",
                 "  citations:", f"    - source: source-{source}", f"      quote: {q(quote)}"]
        documents.append("\n".join(lines))

    figures = []
    for i in range(n_figures):
        source = rng.randrange(n_sources)
        value = rng.randint(1, 5000)
        metric = rng.choice(metrics)
        quote = cite(source, f"Observers counted {value} units of {metric} ({i}).")
        figures.append("\n".join([
            f"- id: figure-{i}", f"  metric: {metric}", f"  value: {value}", f"  source: source-{source}",
            f"  quote: {q(quote)}", f"  qualifier: {q('as reported')}",
        ]))

    excluded = []
    for i in range(n_excluded):
        source = rng.randrange(n_sources)
        text = cite(source, f"A footnote mentions {rng.randint(1, 999)} pages of annex {i}.")
        excluded.append("\n".join([f"- source: source-{source}", f"  text: {q(text)}",
                                   f"  reason: {q('A page count, not a fact about CICA.')}"]))

    sources = []
    for i in range(n_sources):
        file = f"{i:05d}_synthetic.txt"
        body = [f"Synthetic article {i} about the Conference on Interaction and Confidence-Building "
                "Measures in Asia.", ""]
        paragraph: list[str] = []
        for sentence in sentences[i]:
            paragraph.append(sentence)
            if len(paragraph) == 4:
                body.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            body.append(" ".join(paragraph))
        (seeds / file).write_text("\n".join(body) + "\n", encoding="utf-8")
        sources.append("\n".join([
            f"- id: source-{i}", f"  file: {file}", f"  title: {q(f'Synthetic article {i}')}",
            f"  authors: {flow([q('A. Writer'), q('B. Editor')])}", "  outlet: null",
            '  published: "2024-01-15"', f"  published_basis: {q('Generated.')}",
            '  as_of: "2024"', f"  as_of_basis: {q('Generated.')}",
        ]))

    metric_records = [f"- id: {m}\n  description: {q(f'Synthetic metric {m}')}\n  unit: units" for m in metrics]
    for name, records in (("sources", sources), ("events", events), ("members", members),
                          ("documents", documents), ("metrics", metric_records),
                          ("figures", figures), ("excluded", excluded)):
        (data / f"{name}.yaml").write_text("\n\n".join(records) + "\n", encoding="utf-8")
    return {"sources": n_sources, "events": n_events, "members": n_members,
            "documents": n_documents, "figures": n_figures, "excluded": n_excluded}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=int, help="number of events, e.g. 10000")
    parser.add_argument("directory", type=Path, help="where to write DIR/data and DIR/seeds")
    parser.add_argument("--seed", type=int, default=1992)
    args = parser.parse_args()
    counts = generate(args.events, args.directory, args.seed)
    print(", ".join(f"{n} {name}" for name, n in counts.items()), "->", args.directory)


if __name__ == "__main__":
    main()
