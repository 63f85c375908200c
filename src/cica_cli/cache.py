"""A cache of the records built from a dataset's YAML files, keyed by each file's content.

Parsing YAML and building records is most of what a command costs on a large dataset
(about 0.8 s for 10 000 events); reading them back from the cache costs a tenth of that.

What is stored is data only: JSON (records as lists of their field values, problems as
(file, line, message), parsed dates as ordinal day numbers, the problem that stopped the
reading of a file, if one did), never pickles, so a cache file
can make `cica` wrong at worst, never run code. To keep it from being wrong:

* an entry is used only when its data file's text is byte-for-byte what it was built from
  (a BLAKE2 digest of the text), and only when the file was written by the same code: the
  stamp is a digest of every .py file of the package, so any change to the rules that build
  records (not only a new version number) starts the cache afresh;
* each entry carries a digest of its own bytes: a damaged or edited entry is rebuilt, with
  one warning line;
* the directory and the file must be owned by the user running `cica` and writable by no
  one else, and are opened through file descriptors without following a link at the file
  (the checks `ssh` makes of ~/.ssh); a cache that fails a check is ignored, with one
  warning line, and never written to;
* it is written to a temporary file created exclusively (O_EXCL, a random name) in the
  same directory, renamed over the old one, and removed on any failure or interruption.

Where it lives: $CICA_CACHE_DIR, else $XDG_CACHE_HOME/cica, else $HOME/.cache/cica; a relative
path in either variable is ignored (as the XDG specification says), a missing or empty HOME
means no cache (a missing home directory is never created), and CICA_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import Any, Optional

_FORMAT = b"cica-cache 4\n"
MAX_CACHE_BYTES = 2 * 1024 * 1024 * 1024
_PRIVATE = stat.S_IWGRP | stat.S_IWOTH
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_stamp: Optional[str] = None


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def stamp() -> str:
    """A digest of the Python version and of the source of every module of the package
    (about half a millisecond): an entry built by other code is never used."""
    global _stamp
    if _stamp is None:
        package = Path(__file__).resolve().parent
        h = hashlib.blake2b(f"python {sys.version_info[0]}.{sys.version_info[1]}".encode(), digest_size=16)
        for path in sorted(package.rglob("*.py")):
            h.update(str(path.relative_to(package)).encode("utf-8", "surrogatepass") + b"\0")
            h.update(path.read_bytes() + b"\0")
        _stamp = h.hexdigest()
    return _stamp


def directory() -> Optional[Path]:
    """Where the cache lives, or None for no cache (see the module's documentation)."""
    if os.environ.get("CICA_NO_CACHE") or not hasattr(os, "geteuid"):
        return None  # without owners to check (Windows), no cache
    chosen = os.environ.get("CICA_CACHE_DIR")
    if chosen and os.path.isabs(chosen):
        return Path(chosen)
    if chosen:
        return None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "cica"
    home = os.environ.get("HOME")
    if not home or not os.path.isabs(home) or not os.path.isdir(home):
        return None
    return Path(home) / ".cache" / "cica"


def _warn(message: str) -> None:
    from .output import warn

    warn(message)


class Untrusted(Exception):
    """The cache directory or file fails a check: it is not used."""


def _check_owned(info: os.stat_result, what: str) -> None:
    if info.st_uid != os.geteuid():
        raise Untrusted(f"{what} is owned by another user")
    if info.st_mode & _PRIVATE:
        raise Untrusted(f"{what} is writable by group or others")


def _open_directory(path: Path, create: bool) -> Optional[int]:
    """A file descriptor of the cache directory once it passes the checks; None if it does
    not exist (and is not to be created); Untrusted if it fails a check."""
    if create and not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            path.mkdir(mode=0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Untrusted(f"cannot open the directory: {exc.strerror or exc}") from None
    try:
        _check_owned(os.fstat(fd), "the directory")
    except BaseException:
        os.close(fd)
        raise
    return fd


class Cache:
    """The cached entries of one dataset directory: file name -> what was built from it."""

    def __init__(self, root: Path):
        self.path: Optional[Path] = None
        self.raw: dict[str, tuple[str, bytes]] = {}  # name -> (key hex, the entry's JSON bytes)
        self.built: dict[str, tuple[str, tuple]] = {}  # name -> (key hex, built) to be written
        self.changed = False
        self.hits = 0
        where = directory()
        if where is None:
            return
        name = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
        self.path = where / f"{name}.json"
        try:
            self._read()
        except Untrusted as exc:
            _warn(f"cache {self.path} ignored: {exc}")
            self.path = None  # never written to either
        except Exception:  # unreadable, or not a cache file this code wrote: start afresh
            self.raw = {}

    def _read(self) -> None:
        assert self.path is not None
        dir_fd = _open_directory(self.path.parent, create=False)
        if dir_fd is None:
            return
        try:
            try:
                fd = os.open(self.path.name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, dir_fd=dir_fd)
            except FileNotFoundError:
                return
            except OSError as exc:  # ELOOP: a symlink
                raise Untrusted(f"cannot open the file: {exc.strerror or exc}") from None
        finally:
            os.close(dir_fd)
        with open(fd, "rb") as stream:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise Untrusted("the file is not a regular file")
            _check_owned(info, "the file")
            data = stream.read(MAX_CACHE_BYTES + 1)
        if len(data) > MAX_CACHE_BYTES or not data.startswith(_FORMAT):
            return
        import json

        header_end = data.index(b"\n", len(_FORMAT))
        header = json.loads(data[len(_FORMAT):header_end])
        if header.get("stamp") != stamp():
            return
        at, damaged = header_end + 1, []
        for name, key, length, entry_digest in header["entries"]:
            body = data[at: at + length]
            at += length
            if hashlib.blake2b(body, digest_size=20).hexdigest() != entry_digest:
                damaged.append(f"data/{name}")
                continue
            self.raw[name] = (key, body)
        if damaged:
            _warn(f"cache {self.path}: the entry for {', '.join(damaged)} is damaged; rebuilt")

    def get(self, name: str, key: bytes) -> Optional[tuple]:
        """What was built from the file `name` when its text had the digest `key`, if cached."""
        entry = self.raw.get(name)
        if entry is None or entry[0] != key.hex():
            return None
        try:
            built = _decode(name, entry[1])
        except Exception:  # a stamp collision or a bug: never trust what does not decode
            del self.raw[name]
            return None
        self.hits += 1
        return built

    def put(self, name: str, key: bytes, built: tuple) -> None:
        if self.path is not None:
            self.built[name] = (key.hex(), built)
            self.changed = True

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            bodies = dict(self.raw)
            for name, (key, built) in self.built.items():
                bodies[name] = (key, _encode(name, built))
        except (ValueError, TypeError, RecursionError):  # a value JSON cannot hold: not cached
            return
        import json

        header = {"stamp": stamp(), "entries": [
            [name, key, len(body), hashlib.blake2b(body, digest_size=20).hexdigest()]
            for name, (key, body) in bodies.items()
        ]}
        content = b"".join([_FORMAT, json.dumps(header).encode("ascii"), b"\n"] + [b for _k, b in bodies.values()])
        try:
            self._write(content)
        except (OSError, Untrusted):  # a read-only home, a full disk: the cache only saves time
            pass

    def _write(self, content: bytes) -> None:
        import secrets

        from .output import write_fd

        assert self.path is not None
        dir_fd = _open_directory(self.path.parent, create=True)
        if dir_fd is None:
            return
        temporary = f"{self.path.stem}.{secrets.token_hex(8)}.tmp"
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600, dir_fd=dir_fd)
            try:
                try:
                    write_fd(fd, content)
                finally:
                    os.close(fd)
                os.replace(temporary, self.path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
                try:  # the pickle an earlier version kept for this dataset is never read: remove it
                    os.unlink(f"{self.path.stem}.pickle", dir_fd=dir_fd)
                except OSError:
                    pass
            except BaseException:  # a full disk, Ctrl-C: leave nothing behind
                try:
                    os.unlink(temporary, dir_fd=dir_fd)
                except OSError:
                    pass
                raise
        finally:
            os.close(dir_fd)


# --- records as JSON --------------------------------------------------------------------

def _encode(name: str, built: tuple) -> bytes:
    """(records, problems, spans, the problem that stopped the reading or None) of one data
    file as JSON bytes."""
    import json

    records, problems, spans, stopped = built
    data = [
        [_record_values(r) for r in records],
        [list(p) for p in problems],
        [[s.text, s.lower.toordinal(), s.upper.toordinal(), s.precision, s.approximate, s.uncertain, s.kind]
         for s in spans.values()],
        None if stopped is None else list(stopped),
    ]
    return json.dumps(data, ensure_ascii=False, check_circular=False).encode("utf-8", "surrogatepass")


def _record_values(record: Any) -> list:
    import dataclasses

    values = []
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if dataclasses.is_dataclass(value):
            value = _record_values(value)
        elif type(value) is list and value and dataclasses.is_dataclass(value[0]):
            value = [_record_values(v) for v in value]
        values.append(value)
    values.append(getattr(record, "_lines", None))  # where each field is (model.line_of)
    return values


def _decode(name: str, body: bytes) -> tuple:
    import json
    from datetime import date

    from . import model
    from .dates import Span
    from .errors import Problem

    records, problems, spans, stopped = json.loads(body.decode("utf-8", "surrogatepass"))
    cls = model.KIND[name.removesuffix(".yaml")].cls
    make = _maker(cls)
    built_spans = {}
    for text, lower, upper, precision, approximate, uncertain, kind in spans:
        built_spans[text] = Span(text, date.fromordinal(lower), date.fromordinal(upper),
                                 precision, approximate, uncertain, kind)
    return ([make(r) for r in records], [Problem(f, int(n), m) for f, n, m in problems], built_spans,
            None if stopped is None else Problem(stopped[0], int(stopped[1]), stopped[2]))


_MAKERS: dict[type, Any] = {}


def _maker(cls: type) -> Any:
    """A function building a `cls` from its encoded field values (nested records included)."""
    maker = _MAKERS.get(cls)
    if maker is not None:
        return maker
    import dataclasses
    import typing

    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    nested: list[tuple[int, Any, bool]] = []  # (position, maker, is a list)
    for i, f in enumerate(fields):
        hint = hints[f.name]
        is_list = typing.get_origin(hint) is list
        inner = typing.get_args(hint)[0] if is_list else hint
        options = [o for o in typing.get_args(inner) if o is not type(None)] or [inner]
        if len(options) == 1 and dataclasses.is_dataclass(options[0]):
            nested.append((i, _maker(options[0]), is_list))
    names = [f.name for f in fields]
    count = len(fields) + 1  # the fields, then the field lines

    def make(values: list) -> Any:
        if type(values) is not list or len(values) != count:
            raise ValueError(f"a cached {cls.__name__} does not have {count - 1} fields")
        for i, inner_make, is_list in nested:
            value = values[i]
            if is_list:
                values[i] = [inner_make(v) for v in value]
            elif value is not None:
                values[i] = inner_make(value)
        lines = values.pop()
        made = cls(**dict(zip(names, values)))
        if type(lines) is dict:
            made._lines = lines
        return made

    _MAKERS[cls] = maker = make
    return maker
