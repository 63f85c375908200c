"""Text from the data made safe to print: control and bidi-override characters shown as
escapes (\\x1b, \\u202e), never passed to a terminal, a calendar, a page or a file. Small and
free of imports, so every writer (tables, exports, the calendar, the page, citations) uses it
without loading the renderer."""

from __future__ import annotations

import re
from typing import Any

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")


def clean(text: Any) -> str:
    """`text` as a string with every control or bidi-override character shown as an escape."""
    text = "" if text is None else str(text)
    return UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)
