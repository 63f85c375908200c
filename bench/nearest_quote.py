"""How to find the passage of an article nearest to a quote that is not in it: measured.

Every quote of the shipped dataset is altered the ways a curator's copy goes wrong (a word
replaced, left out or added, a digit changed, two letters swapped, a comma dropped, words run
on past the end, a quote from another article), and each way of searching is asked for the
nearest passage of the quote's own article. A passage is right when it covers at least 80%
of where the quote really is and is at most a third longer. Time is the median per quote,
in-process, after the article is loaded.

    .venv/bin/python bench/nearest_quote.py          # needs rapidfuzz: pip install rapidfuzz

Not part of the test suite.
"""

from __future__ import annotations

import difflib
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cica_cli.check import quoted  # noqa: E402
from cica_cli.dataset import load_dataset  # noqa: E402
from cica_cli.quotes import normalise  # noqa: E402

_WORD = re.compile(r"\S+")


def alterations(quote: str, rng: random.Random) -> dict[str, str]:
    words = quote.split()
    out = {}
    if len(words) >= 4:
        i = rng.randrange(1, len(words) - 1)
        out["word replaced"] = " ".join(words[:i] + ["proposed"] + words[i + 1:])
        out["word left out"] = " ".join(words[:i] + words[i + 1:])
        out["word added"] = " ".join(words[:i] + ["indeed"] + words[i:])
        j = rng.randrange(0, len(words) - 1)
        k = min(len(words) - 1, j + 3)
        out["two words replaced"] = " ".join(words[:j] + ["new"] + words[j + 1:k] + ["old"] + words[k + 1:])
        out["run on"] = quote + " and was later widely welcomed"
    digits = [m.start() for m in re.finditer(r"[0-9]", quote)]
    if digits:
        at = rng.choice(digits)
        out["digit changed"] = quote[:at] + str((int(quote[at]) + 1) % 10) + quote[at + 1:]
    letters = [m.start() for m in re.finditer(r"[a-z]{2}", quote)]
    if letters:
        at = rng.choice(letters)
        out["letters swapped"] = quote[:at] + quote[at + 1] + quote[at] + quote[at + 2:]
    if "," in quote:
        out["comma dropped"] = quote.replace(",", "", 1)
    return out


# --- the ways of searching: each takes (normalised article, normalised quote) -> (start, end) --

def by_longest_block(text: str, needle: str) -> tuple[int, int]:
    """difflib: the longest common run of characters anchors a window of the quote's length,
    then the window's ends are moved to the nearest word boundaries."""
    m = difflib.SequenceMatcher(None, needle, text, autojunk=False)
    i, j, k = m.find_longest_match(0, len(needle), 0, len(text))
    start = max(0, j - i)
    return start, min(len(text), start + len(needle))


def by_word_blocks(text: str, needle: str) -> tuple[int, int]:
    """difflib on words: the quote's words matched against the article's (matching blocks),
    then the window of about the quote's length holding the most matched words."""
    from cica_cli.quotes import Article

    return Article(text).nearest(needle)[:2]


def by_rapidfuzz(text: str, needle: str) -> tuple[int, int]:
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(needle, text)
    return found.dest_start, found.dest_end


WAYS = {"difflib, longest run": by_longest_block, "difflib, words (used)": by_word_blocks}
try:
    import rapidfuzz  # noqa: F401

    WAYS["rapidfuzz partial_ratio_alignment"] = by_rapidfuzz
except ImportError:
    print("rapidfuzz is not installed: it is left out", file=sys.stderr)


def right(found: tuple[int, int], truth: tuple[int, int]) -> bool:
    covered = max(0, min(found[1], truth[1]) - max(found[0], truth[0]))
    length = truth[1] - truth[0]
    return covered >= 0.8 * length and (found[1] - found[0]) <= 1.34 * length


def main() -> None:
    ds = load_dataset(ROOT)
    rng = random.Random(7)
    cases = []  # (kind, article text, altered quote, where the original is)
    seen = set()
    for _label, _line, source, quote in quoted(ds):
        if (source, quote) in seen:
            continue
        seen.add((source, quote))
        text = ds.article(source).normal
        needle = normalise(quote)
        at = text.find(needle)
        if at < 0:
            continue
        for kind, altered in alterations(quote, rng).items():
            if normalise(altered) not in text:
                cases.append((kind, text, normalise(altered), (at, at + len(needle))))
    kinds = sorted({c[0] for c in cases})
    print(f"{len(cases)} altered quotes ({len(seen)} quotes, {len(ds.sources)} articles of "
          f"{min(len(ds.article(s.id).normal) for s in ds.sources)}-"
          f"{max(len(ds.article(s.id).normal) for s in ds.sources)} characters)\n")
    header = "| way | right | " + " | ".join(kinds) + " | median ms | max ms |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name, way in WAYS.items():
        way(cases[0][1], cases[0][2])  # imports
        ok, per_kind, times = 0, {k: [0, 0] for k in kinds}, []
        for kind, text, needle, truth in cases:
            start = time.perf_counter()
            found = way(text, needle)
            times.append((time.perf_counter() - start) * 1000)
            good = right(found, truth)
            ok += good
            per_kind[kind][0] += good
            per_kind[kind][1] += 1
        cells = " | ".join(f"{a}/{b}" for a, b in per_kind.values())
        print(f"| {name} | {ok}/{len(cases)} | {cells} | {statistics.median(times):.2f} | {max(times):.1f} |")
    start = time.perf_counter()
    import importlib

    importlib.import_module("difflib")
    print(f"\nimport difflib (already loaded here): {1000 * (time.perf_counter() - start):.1f} ms")


if __name__ == "__main__":
    main()
