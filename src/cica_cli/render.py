"""Turning records into text: Rich tables on a terminal, plain text when piped, JSON.

Text from the data is never interpreted as console markup, and control characters are shown
escaped (\\x1b) rather than passed to the terminal. Every byte is written through output.py.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Iterable, Sequence

from . import output
from .claims import evidence  # noqa: F401  (the commands show citations through render)
from .safetext import UNSAFE as _UNSAFE, clean


def to_json(data: Any) -> str:
    """JSON text: an array with one record per line, anything else indented. C1 controls and
    bidi overrides are written as \\u escapes, like the C0 controls json always escapes.

    One record per line keeps the json module on its C encoder (it falls back to pure Python
    whenever it indents), so a listing of 10 000 events is written in a few hundredths of a
    second, and stays easy to read, grep and diff."""
    import json

    if isinstance(data, list) and data:
        text = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in data) + "\n]"
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def console(stderr: bool = False):
    """A Rich console that never parses markup, never highlights, and is plain when piped or NO_COLOR."""
    from rich.console import Console

    stream = output.Stream(stderr)
    terminal = stream.isatty()
    plain = bool(os.environ.get("NO_COLOR")) or not terminal
    return Console(
        file=stream, markup=False, emoji=False, highlight=False,
        color_system=None if plain else "auto", soft_wrap=False, width=_width(terminal),
    )


def _width(terminal: bool):
    """The console's width: $COLUMNS when it is a positive number (Rich reads it), else the
    terminal's (COLUMNS=0 or junk must not make a table of width 0, which prints nothing),
    else 120 when output is not a terminal."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and 0 < int(columns) < 100_000:
        return None
    if terminal:
        import shutil

        return max(shutil.get_terminal_size((80, 24)).columns, 20)
    return 120


def text(value: Any, style: str = ""):
    from rich.text import Text

    return Text(clean(value), style=style)


def print_json(data: Any) -> None:
    """JSON on standard output; where its encoding cannot hold a character (PYTHONIOENCODING=ascii)
    the character is written as a JSON escape (\\u00e9), so the output stays valid JSON."""
    text = to_json(data) + "\n"
    if not output.holds(text):
        text = _NON_ASCII.sub(_json_escape, text)
    output.out(text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _json_escape(match: Any) -> str:
    units = match.group().encode("utf-16-be")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2))


def print_table(
    title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]],
    caption: str | None = None, nowrap: Sequence[str] = (), drop: Sequence[str] = (),
) -> None:
    """A table of cleaned text cells (each cell a value, or a Rich Text made by `text`);
    the columns named in `nowrap` are kept on one line. On a terminal too narrow for every
    column, the columns named in `drop` are left out, the first named first (as `gh` and
    `kubectl` do), rather than squeezing every column until words break; the caption says so.
    Piped output keeps every column."""
    if not sys.stdout.isatty():
        _plain_table(title, columns, rows, caption)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out = console()
    rows = [list(row) for row in rows]
    columns = list(columns)
    left_out = []
    for name in drop:
        if _comfortable(columns, rows, nowrap) <= out.width or name not in columns:
            continue
        i = columns.index(name)
        del columns[i]
        for row in rows:
            del row[i]
        left_out.append(name)
    if left_out:
        note = f"{', '.join(left_out)} left out at this width: a wider terminal, a pipe or --json shows all"
        caption = f"{caption}\n{note}" if caption else note
    table = Table(
        title=text(title) if title else None, caption=text(caption) if caption else None,
        box=box.SIMPLE_HEAD if out.color_system else _ascii_head(), show_lines=False, show_edge=False,
        header_style="bold" if out.color_system else "", title_justify="left", caption_justify="left",
    )
    for column, (width, whole) in zip(columns, _widths(columns, rows, nowrap, out.width)):
        table.add_column(column, overflow="fold", no_wrap=whole, width=width)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else text(cell) for cell in row))
    out.print(table)


def _widths(columns: Sequence[str], rows: list[list[Any]], nowrap: Sequence[str], width: int) -> list[tuple[Any, bool]]:
    """(width, kept on one line) of each column, the width None where the table fits `width`
    as it is. Where it does not, columns give way, the widest first: first those that wrap,
    down to their longest word; then those kept on one line, down to their longest word (they
    then wrap between words); then those that wrap, down to 8 (a long word, a link, is folded,
    never lost); only then the others (an id is folded last). Rich is left to share out the
    width only when everything fits: squeezed, it can make a column narrower than its longest
    word, or overflow the terminal, which crops the last characters."""
    from rich.cells import cell_len

    natural, word = [], []
    for i, name in enumerate(columns):
        lines = [line for row in rows for line in _plain(row[i]).split("\n")]
        natural.append(max([cell_len(name)] + [cell_len(line) for line in lines]))
        word.append(max([cell_len(w) for w in name.split()] + [cell_len(w) for line in lines for w in line.split()]))
    excess = sum(natural) + _spacing(columns) - width
    if excess <= 0:
        return [(None, name in nowrap) for name in columns]
    widths = natural[:]
    kept = [name in nowrap for name in columns]
    floors = ([n if k else min(w, 40) for k, n, w in zip(kept, natural, word)],  # wrapping columns
              [min(w, 40) for w in word],  # then one-line columns, to their longest word
              [min(w, 40) if k else min(8, n) for k, n, w in zip(kept, natural, word)],  # fold a long word
              [min(8, n) for n in natural])  # and at last an id
    for floor in floors:
        if excess > 0:
            widths, excess = _narrowed(widths, floor, excess)
    return [(w, name in nowrap and w >= n) for name, w, n in zip(columns, widths, natural)]


def _narrowed(widths: list[int], floor: list[int], excess: int) -> tuple[list[int], int]:
    """`widths` less up to `excess` in all, the widest first, none below its `floor`: the
    columns above a level are brought down to it (the lowest level that takes off no more than
    `excess`), then one more each, left to right, until `excess` is taken. What could not be
    taken is returned with them."""
    def at(level: int) -> list[int]:
        return [max(f, min(w, level)) for w, f in zip(widths, floor)]

    total, low, high = sum(widths), 0, max(widths)
    while low < high:  # the lowest level whose widths take off no more than `excess`
        middle = (low + high) // 2
        if total - sum(at(middle)) <= excess:
            high = middle
        else:
            low = middle + 1
    shared = at(low)
    left = excess - (total - sum(shared))
    for i, width in enumerate(shared):
        if left > 0 and width == low and width > floor[i]:
            shared[i] -= 1
            left -= 1
    return shared, left


def _spacing(columns: Sequence[str]) -> int:
    """The width a table takes besides its cells: a space each side of a cell, one between columns."""
    return 3 * len(columns) - 1


def _ascii_head():
    """Rich's SIMPLE_HEAD drawn in ASCII (a dashed line under the header, no vertical rules):
    for terminals without colour, where the box-drawing characters may not show either. No
    vertical rules leaves the data two more columns each."""
    from rich.box import Box

    return Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def _comfortable(columns: Sequence[str], rows: list[list[Any]], nowrap: Sequence[str]) -> int:
    """The width a table needs to read well: its one-line columns whole, the others at up to
    30 characters (or their longest line), plus the borders."""
    from rich.cells import cell_len

    total = _spacing(columns)
    for i, name in enumerate(columns):
        longest = max([cell_len(name)] + [cell_len(line) for row in rows for line in _plain(row[i]).split("\n")])
        total += longest if name in nowrap else min(longest, 30)
    return total


def highlight(before: Any, match: Any, after: Any, style: str = "bold reverse"):
    """A Rich Text of cleaned pieces with the match styled (styles vanish when output is plain)."""
    from rich.text import Text

    result = Text(clean(before))
    result.append(clean(match), style=style)
    result.append(clean(after))
    return result


def print_fields(title: str | None, fields: Iterable[tuple[str, Any]]) -> None:
    """One record as a two-column table of field and value; empty values are left out."""
    if not sys.stdout.isatty():
        shown = [(name, value) for name, value in fields if value not in (None, "", [])]
        _plain_table(title, None, shown, None)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    out = console()
    if title:  # on its own line, so that a narrow table does not wrap it
        out.print(text(title, "bold" if out.color_system else ""), soft_wrap=True)
    table = Table(show_header=False, box=box.SIMPLE if out.color_system else _ascii_head())
    table.add_column("Field", style="bold" if out.color_system else "", no_wrap=True)
    table.add_column("Value", overflow="fold")
    for name, value in fields:
        if value is None or value == "" or value == []:
            continue
        table.add_row(text(name), value if isinstance(value, Text) else text(value))
    out.print(table)


def _plain_table(title: str | None, columns: Sequence[str] | None, rows: Iterable[Sequence[Any]],
                 caption: str | None) -> None:
    """A table as plain aligned text, for output that is not a terminal: one line per row (a
    cell with several lines continues below it), never wrapped, so that it can be searched
    and cut; and no Rich to import or lay out."""
    cells = [[_plain(cell).split("\n") for cell in row] for row in rows]
    head = [list(columns)] if columns else []
    widths = [max(display_width(line) for row in [[[h] for h in r] for r in head] + cells for line in row[i])
              for i in range(len(columns) if columns else len(cells[0]) if cells else 0)]
    out = [clean(title)] if title else []
    if columns:
        out.append("  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip())
        out.append("  ".join("-" * w for w in widths))
    for row in cells:
        for k in range(max(len(cell) for cell in row)):
            out.append("  ".join(_pad(cell[k] if k < len(cell) else "", w) for cell, w in zip(row, widths)).rstrip())
    if caption:
        out.append(clean(caption))
    output.out("\n".join(out) + "\n")


def display_width(text: str) -> int:
    """How many terminal columns `text` takes: wide (CJK) characters two, combining marks
    none. The stdlib's unicodedata answers this without a dependency (it is a C module, so
    importing it costs nothing measurable); ASCII text, nearly all of it, takes a fast path."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _plain(cell: Any) -> str:
    """A cell's text: a Rich Text's plain string (already cleaned), or the cleaned value."""
    return cell.plain if hasattr(cell, "plain") else clean(cell)


def print_lines(lines: Iterable[str]) -> None:
    """Lines of cleaned text to standard output: on a terminal wrapped between words to its
    width (a continuation indented like its line), never wrapped when piped."""
    if not sys.stdout.isatty():
        for line in lines:
            output.out(clean(line) + "\n")
        return
    import textwrap

    width = console().width
    for line in lines:
        line = clean(line)
        indent = " " * (len(line) - len(line.lstrip(" ")))
        wrapped = textwrap.wrap(line, width, subsequent_indent=indent + "  ", break_long_words=False,
                                break_on_hyphens=False, drop_whitespace=True) or [""]
        output.out("\n".join(wrapped) + "\n")


def error(message: str) -> None:
    """One line on standard error."""
    output.err(f"cica: {clean(message)}\n")
