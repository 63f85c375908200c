"""The JSON Schemas shipped in schemas/, regenerated from the record classes.

`python tests/schemas.py --write` rewrites schemas/*.schema.json and puts the
yaml-language-server modeline on the last line of each data file in data/ (run it after
changing a record class or adding a kind, and read the diff); `tests/test_schema.py` fails
while they are out of step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cica_cli import model, schema

ROOT = Path(__file__).resolve().parent.parent


def expected() -> dict[Path, str]:
    """Each schema file's path and the text it should have."""
    return {ROOT / schema.FOLDER / schema.file_name(kind): schema.text(kind) for kind in model.KINDS}


def with_modeline(text: str, kind: model.Kind) -> str:
    """A data file's text with its modeline as the last line (an older one removed). The
    language server reads the modeline wherever it is; at the end it moves no line of the
    file, so the lines problems are reported at stay where they were."""
    lines = [line for line in text.rstrip("\n").split("\n") if not line.startswith("# yaml-language-server:")]
    return "\n".join(lines + [schema.modeline(kind)]) + "\n"


def write() -> int:
    changed = 0
    for path, text in expected().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
    for kind in model.KINDS:
        path = ROOT / "data" / kind.file
        if path.exists():
            old = path.read_text(encoding="utf-8")
            new = with_modeline(old, kind)
            if new != old:
                path.write_text(new, encoding="utf-8")
                changed += 1
    return changed


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/schemas.py --write")
    print(f"{write()} file(s) rewritten")
