"""A cache of the records built from a dataset's YAML files, keyed by each file's content.

Parsing YAML and building records is most of what a command costs on a large dataset
(about 0.8 s for 10 000 events); unpickling the records costs a tenth of that. An entry is
used only when the file's text is byte-for-byte what it was built from (a BLAKE2 digest of
the text, the cica version and the Python version), so an edit is always seen. The cache
lives in $CICA_CACHE_DIR, else $XDG_CACHE_HOME/cica, else ~/.cache/cica, one file per
dataset directory; CICA_NO_CACHE=1 turns it off. A cache that cannot be read or written is
ignored: it only ever saves time. It holds pickles, so it must stay in a directory only its
user can write, as the default one is.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Optional

from . import __version__

_STAMP = f"cica {__version__} / python {sys.version_info[0]}.{sys.version_info[1]} / 3"


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _directory() -> Optional[Path]:
    if os.environ.get("CICA_NO_CACHE"):
        return None
    chosen = os.environ.get("CICA_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cica"


class Cache:
    """The cached entries of one dataset directory: file name -> (digest, what was built)."""

    def __init__(self, root: Path):
        directory = _directory()
        self.path = None
        self.entries: dict[str, tuple[bytes, tuple]] = {}
        self.changed = False
        if directory is None:
            return
        name = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        self.path = directory / f"{name}.pickle"
        try:
            with open(self.path, "rb") as stream:
                stamp, entries = pickle.load(stream)
            if stamp == _STAMP and isinstance(entries, dict):
                self.entries = entries
        except Exception:  # missing, unreadable or from another version: start afresh
            self.entries = {}

    def get(self, name: str, key: bytes) -> Optional[tuple]:
        """What was built from the file `name` when its text had the digest `key`, if cached."""
        entry = self.entries.get(name)
        if entry is None or entry[0] != key:
            return None
        return entry[1]

    def put(self, name: str, key: bytes, built: tuple) -> None:
        if self.path is not None:
            self.entries[name] = (key, built)
            self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            with open(temporary, "wb") as stream:
                pickle.dump((_STAMP, self.entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except Exception:  # a read-only home, a full disk: the cache only saves time
            pass
