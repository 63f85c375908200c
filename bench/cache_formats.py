"""Time the record cache's format against the alternatives, in-process, on a synthetic dataset.

    python bench/cache_formats.py 10000

Builds the records of every data file once, then times reading them back as the cache
would: pickle (the format used before: it runs code on load), marshal and JSON of the same
field lists (data only), each including the rebuilding of the records. Not part of the suite.
"""

from __future__ import annotations

import argparse
import gc
import json
import marshal
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from cica_cli import cache, dataset  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("events", type=int, nargs="?", default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(args.events, root)
        built = {}
        for name, cls in dataset.FILES.items():
            path = root / "data" / name
            if path.exists():
                built[name] = dataset._build(cls, path.read_text(encoding="utf-8"), f"data/{name}")
    gc.disable()
    as_lists = {name: json.loads(cache._encode(name, b)) for name, b in built.items()}
    blobs = {
        "pickle": pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL),
        "marshal": marshal.dumps(as_lists),
        "json": {name: cache._encode(name, b) for name, b in built.items()},
    }

    def rebuild(lists):
        from datetime import date
        from cica_cli.dates import Span
        from cica_cli.errors import Problem
        out = {}
        for name, (records, problems, spans) in lists.items():
            make = cache._maker(dataset.FILES[name])
            out[name] = ([make(r) for r in records], [Problem(*p) for p in problems],
                         {s[0]: Span(s[0], date.fromordinal(s[1]), date.fromordinal(s[2]), *s[3:]) for s in spans})
        return out

    readers = {
        "pickle": lambda: pickle.loads(blobs["pickle"]),
        "marshal": lambda: rebuild(marshal.loads(blobs["marshal"])),
        "json": lambda: {name: cache._decode(name, body) for name, body in blobs["json"].items()},
    }
    assert readers["json"]() == built and readers["marshal"]() == built
    print(f"{args.events} events")
    print("| format | size (MB) | load and rebuild (ms, median) |")
    print("|---|---|---|")
    for name, read in readers.items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            read()
            times.append(time.perf_counter() - start)
        blob = blobs[name]
        size = sum(len(b) for b in blob.values()) if isinstance(blob, dict) else len(blob)
        print(f"| {name} | {size / 1e6:.1f} | {statistics.median(times) * 1000:.0f} |")


if __name__ == "__main__":
    main()
