"""Naming things: fold case, accents and punctuation; resolve ids, names, aliases and prefixes."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence, TypeVar

from .errors import InvalidChoice, NotFound

T = TypeVar("T")
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form: "Türkiye" -> "turkiye", "U.N." -> "un"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", stripped.casefold()).replace(" ", "")


def fold_map(text: str) -> tuple[str, list[int]]:
    """`text` folded like `fold` but with each run of spaces and punctuation kept as one space,
    and, for each character of the result, the offset in `text` it came from.

    "Türkiye's  U.N." -> ("turkiye s u n", [0, 1, ...]); leading and trailing spaces are dropped.
    Runs of ASCII letters and digits, and of other ASCII characters, are handled a run at a time
    (most of an article); every other character one at a time, as `_fold_char` says.
    """
    chars: list[str] = []
    offsets: list[int] = []
    space = True  # the last character kept is a space (or nothing is kept yet)
    for match in _RUNS.finditer(text):
        word, gap = match.group(1), match.group(2)
        start = match.start()
        if word is not None:
            chars.append(word.lower())
            offsets.extend(range(start, match.end()))
            space = False
        elif gap is not None:
            if not space:
                chars.append(" ")
                offsets.append(start)
                space = True
        else:
            for out in _fold_char(text[start]):
                if out == " ":
                    if not space:
                        chars.append(" ")
                        offsets.append(start)
                        space = True
                else:
                    chars.append(out)
                    offsets.append(start)
                    space = False
    if chars and space:
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


# An ASCII letter-and-digit run, a run of other ASCII characters, or one other character.
_RUNS = re.compile(r"([A-Za-z0-9]+)|([\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+)|(.)", re.S)


def _fold_char(ch: str) -> list[str]:
    """The folded characters of one character: accents dropped, case folded, and a space for
    each one that is not a letter or digit."""
    result = []
    for c in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(c):
            continue
        for out in c.casefold():
            result.append(" " if _NOT_WORD.fullmatch(out) else out)
    return result


def fold_words(text: str) -> str:
    """`fold` that keeps word boundaries: "Almaty  Act," -> "almaty act"."""
    return fold_map(text)[0]


def resolve(query: str, items: Sequence[T], keys, what: str) -> T:
    """The one item whose key (id, name, alias...) matches `query` exactly, else by unique prefix.

    `keys(item)` gives the names an item answers to. Raises NotFound with the candidates when the
    query is ambiguous, or with the closest names when nothing matches.
    """
    folded = fold(query)
    if not folded:
        raise NotFound(f"no {what} named {query!r}")
    table: list[tuple[str, str, T]] = [(fold(k), k, item) for item in items for k in keys(item) if k]
    exact = _unique(item for f, _k, item in table if f == folded)
    if len(exact) == 1:
        return exact[0]
    prefixed = exact or _unique(item for f, _k, item in table if f.startswith(folded))
    if len(prefixed) == 1:
        return prefixed[0]
    if prefixed:
        names = sorted({_label(keys, item) for item in prefixed})
        raise NotFound(f"{what} {query!r} is ambiguous: it could be {', '.join(names)}")
    close = suggest(folded, table, keys)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise NotFound(f"no {what} named {query!r}{hint}")


def _label(keys, item) -> str:
    names = list(keys(item))
    return names[0] if len(names) < 2 else f"{names[0]} ({names[1]})"


def display(keys, item) -> str:
    """The name an item is shown by: the first of its keys."""
    return next(iter(keys(item)))


def _unique(items: Iterable[T]) -> list[T]:
    seen, result = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            result.append(item)
    return result


def suggest(folded: str, table: list[tuple[str, str, object]], keys, limit: int = 3) -> list[str]:
    """The display names of the closest items, matching whole names and each of their words
    (so "korea" finds "Republic of Korea"); difflib is what Typer itself uses."""
    import difflib

    scored: dict[str, float] = {}
    for f, key, item in table:
        words = [fold(w) for w in key.split()] + [f]
        score = max((difflib.SequenceMatcher(None, folded, w).ratio() for w in words if w), default=0)
        if score >= 0.75:
            name = display(keys, item)
            scored[name] = max(score, scored.get(name, 0))
    return [k for k, _ in sorted(scored.items(), key=lambda kv: -kv[1])][:limit]


def did_you_mean(value: object, allowed: Iterable[str]) -> str:
    """"; did you mean 'summit'?" when `value` is close to some of the `allowed` words or ids
    (found by `suggest`, as for names), else ""."""
    folded = fold(value) if type(value) is str else ""
    close = suggest(folded, [(fold(a), a, a) for a in allowed], lambda a: [a]) if folded else []
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def choose(value: str, allowed: Sequence[str], field: str, noun: str | None = None) -> str:
    """`value` as one of the `allowed` words of a closed choice (a kind, a style...), matched
    like a name (any case, accents or punctuation); else an InvalidChoice for `field` with the
    closest words, found by `suggest` as for names, and the choices."""
    folded = fold(value)
    match = next((a for a in allowed if fold(a) == folded), None) if folded else None
    if match is not None:
        return match
    close = suggest(folded, [(fold(a), a, a) for a in allowed], lambda a: [a]) if folded else []
    raise InvalidChoice(field, value, allowed, close, noun)
