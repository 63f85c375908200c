"""Taking a new article into a dataset: its name in seeds/, whether its text is already
there, and a draft of its record for data/sources.yaml. Nothing here prints.

Names in seeds/ are `NNN_HHHHHHHHHHHHHHHH.txt`: NNN, three digits, is the article's number
in the order it was added (000, 001, ...; one more than the highest in seeds/), and the 16
hexadecimal digits are the start of the SHA-256 digest of the file's bytes (`sha256sum FILE
| cut -c1-16`), so a name says which text it holds. The first five articles were numbered
and named when collected, before this rule: their 16 digits are not a digest of their text.
Two articles are the same text when they are equal after `quotes.normalise` (whitespace,
quote marks and dashes aside), whatever their names.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import dataset as datasets
from .errors import CicaError, DataError, Problem, UsageError
from .quotes import normalise

SEED_NAME = re.compile(r"^(\d{3})_([0-9a-f]{16})\.txt$")


class Refused(CicaError):
    """The article is already in seeds/ (exit 1)."""


@dataclass
class Intake:
    """A new article: its text, the name it gets in seeds/, what the text seems to say about
    its own title, authors, outlet and dates (each with its line), and the draft record."""

    name: str
    text: str
    seen: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


def seed_name(number: int, data: bytes) -> str:
    return f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def read_article(path: str) -> tuple[bytes, str]:
    """The bytes and text of the article at `path` (a file the curator names): a UsageError
    if it cannot be read, a DataError if it is empty, too large or not UTF-8."""
    if not path.strip():
        raise UsageError("give the article's file (an empty name is not one)", "file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UsageError(f"{path!r}: {exc.strerror or exc}", "file") from None
    try:
        import stat

        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(f"{path!r} is not a regular file", "file")
        with open(fd, "rb", closefd=False) as stream:
            data = stream.read(datasets.MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path!r}: {exc.strerror or exc}", "file") from None
    finally:
        os.close(fd)
    label = Path(path).name
    if len(data) > datasets.MAX_ARTICLE_BYTES:
        raise DataError([Problem(label, 0, f"file is too large (more than {datasets.MAX_ARTICLE_BYTES} bytes)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError([Problem(label, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                              "save the article as UTF-8 text")]) from None
    if not text.strip():
        raise DataError([Problem(label, 0, "the article is empty")])
    return data, text


def _seeds(root: Path) -> list[tuple[str, Optional[str]]]:
    """(name, normalised text or None when unreadable) of every file in seeds/."""
    try:
        names = sorted(os.listdir(root / "seeds"))
    except FileNotFoundError:
        return []
    except OSError as exc:  # seeds is a file, or cannot be read
        raise DataError([Problem("seeds", 0, f"cannot read the folder: {exc.strerror or exc}")]) from None
    found = []
    for name in names:
        try:
            fd = datasets.open_inside(root, "seeds", name)
            text = datasets.read_fd(fd, f"seeds/{name}", datasets.MAX_ARTICLE_BYTES)
        except (OSError, datasets.Outside, datasets.ProblemError, ValueError):
            found.append((name, None))
            continue
        found.append((name, normalise(text)))
    return found


def plan(ds: datasets.Dataset, data: bytes, text: str) -> Intake:
    """The name the article gets in seeds/ and what its text seems to say; Refused if the same
    text is there already, under any name."""
    normal = normalise(text)
    seeds = _seeds(ds.root)
    citing = {s.file: s.id for s in ds.sources}
    for name, other in seeds:
        if other == normal:
            by = f" (source '{citing[name]}')" if name in citing else " (no source cites it yet)"
            raise Refused(f"the article is already in seeds/ as {name}{by}")
    numbers = [int(m.group(1)) for name, _ in seeds if (m := SEED_NAME.match(name))]
    name = seed_name(max(numbers, default=-1) + 1, data)
    if any(name == other for other, _ in seeds):  # a digest prefix shared by another text
        raise Refused(f"seeds/{name} exists and holds another text; name this one by hand")
    return Intake(name, text, seen(text))


def copy_in(root: Path, intake: Intake, data: bytes) -> None:
    """Write the article's bytes, unchanged, as a new file seeds/NAME (never over a file)."""
    from .output import write_fd

    seeds = root / "seeds"
    if not seeds.exists():
        os.mkdir(seeds)
    problem = datasets.folder_problem(root, "seeds")
    if problem is not None:
        raise DataError([problem])
    dir_fd = os.open(seeds, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(intake.name, flags, 0o644, dir_fd=dir_fd)
        except FileExistsError:
            raise Refused(f"seeds/{intake.name} already exists") from None
        except OSError as exc:
            raise DataError([Problem(f"seeds/{intake.name}", 0, f"cannot write: {exc.strerror or exc}")]) from None
        try:
            write_fd(fd, data)
        except BaseException:
            os.close(fd)
            os.unlink(intake.name, dir_fd=dir_fd)
            raise
        os.close(fd)
    finally:
        os.close(dir_fd)


# --- what the text seems to say about itself ---------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATES = re.compile(
    rf"\b(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|{_MONTH} \d{{4}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}} {_MONTH}|(?:19|20)\d{{2}})\b")
_BYLINE = re.compile(r"^\s*(?:by|author|authors|written by)\s*:?\s+(.{2,120}?)\s*$", re.I)
_AGENCY = re.compile(r"\(([A-Z][\w.&' -]{1,40})\)\s*[—–-]")


def seen(text: str) -> dict[str, list[tuple[int, str]]]:
    """What the text seems to say about its title (its first line), authors (a "By ..." line),
    outlet (a news agency in a dateline, "(Agency) —") and dates, each with its line: hints
    for the curator to check, never values."""
    lines = text.split("\n")  # lines end at \n only, as everywhere cica numbers an article's lines
    found: dict[str, list[tuple[int, str]]] = {"title": [], "authors": [], "outlet": [], "dates": []}
    for number, line in enumerate(lines, 1):
        words = " ".join(line.split())
        if not words:
            continue
        if not found["title"] and len(words) <= 200:
            found["title"].append((number, words))
        if (m := _BYLINE.match(words)) and len(found["authors"]) < 3:
            found["authors"].append((number, m.group(1)))
        if (m := _AGENCY.search(words)) and len(found["outlet"]) < 3:
            found["outlet"].append((number, m.group(1)))
        dates = list(dict.fromkeys(m.group(0) for m in _DATES.finditer(words)))
        if dates:
            found["dates"].append((number, ", ".join(dates)))
    return found


PUBLISHED_QUESTIONS = (
    "Is a date printed: a dateline, \"Posted on\", a copyright year, a footnote's date of access?",
    "If it lacks the year, which years does the text allow, and what says so?",
    "If none is printed, what bounds it: the latest event told as past, the first told as future?",
    "A page that changes (an encyclopaedia, a website): the day you retrieved it, saying so.",
)
AS_OF_QUESTIONS = (
    "When did the facts it states hold: the day of publication, an interview's day, a 'currently'?",
    "Does the text give facts older than its publication (an interview printed later, a reprint)?",
    "A page that changes: the day you retrieved it, as for published.",
)


def source_draft(intake: Intake) -> str:
    """A draft record for data/sources.yaml, as YAML with comments: the file name filled in,
    every other field empty for the curator (so `cica check` refuses the record until it is
    filled), with what the text seems to say beside each field and the questions that the
    `*_basis` fields answer."""
    from .safetext import clean

    def hint(key: str) -> str:
        items = intake.seen.get(key, [])
        return "; ".join(f"line {n}: {_quoted(clean(w))}" for n, w in items) if items else "nothing found"

    lines = [
        f"# A draft record for data/sources.yaml: the article is seeds/{intake.name}.",
        "# Every empty field is for you to fill from the article; `cica check` refuses the record until",
        "# you do. \"seen\" is what the text seems to say: check it against the article, do not copy it unread.",
        "- id:  # SURNAME-YEAR, lower-case letters, digits, hyphens (e.g. ravichandran-2023)",
        f"  file: {intake.name}",
        f"  title:  # as printed, or null if it has none; seen: {hint('title')}",
        f"  authors: []  # as named; [] if none; seen: {hint('authors')}",
        f"  outlet:  # as named, or null; seen: {hint('outlet')}",
        "  published:  # EDTF, in quotes: when the article appeared (\"2023-07-16\", \"[2022-10-14..2022-12-31]\")",
        "  published_basis:  # how you know, in a sentence or two; answer:",
        *(f"  #   - {q}" for q in PUBLISHED_QUESTIONS),
        "  as_of:  # EDTF, in quotes: when the facts it states held (often = published)",
        "  as_of_basis:  # how you know; answer:",
        *(f"  #   - {q}" for q in AS_OF_QUESTIONS),
        "# Dates in the text (line: words), to answer from:",
    ]
    dates = intake.seen.get("dates", [])
    lines += [f"#   {n}: {clean(words)}" for n, words in dates[:25]] or ["#   none found"]
    if len(dates) > 25:
        lines.append(f"#   ... and {len(dates) - 25} more line(s): cica search or the article itself")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    text = text if len(text) <= 90 else text[:87] + "..."
    return f"“{text}”"
