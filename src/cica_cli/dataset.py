"""Find a dataset directory, load its YAML files into records, and read its articles safely."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field, make_dataclass
from pathlib import Path
from typing import Any, Optional

from . import dates, model
from .errors import DataError, Problem, UsageError
from .yamlfile import MAX_DATA_BYTES, MAX_DEPTH, ProblemError, parse, read_fd

MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# The records of a dataset: the root, then one list per kind of record, named as in
# model.KINDS (`ds.events`, `ds.members`), in that order; a new kind adds its list here by itself.
Records = make_dataclass("Records", [("root", Path), *((k.name, list, field(default_factory=list)) for k in model.KINDS)],
                         namespace={"__module__": __name__})


@dataclass
class Dataset(Records):
    """The records of one dataset directory, with lookups by id and its articles."""

    problems: list[Problem] = field(default_factory=list)
    # The data files not read whole (invalid YAML, unreadable, too many problems), by kind
    # name ("documents"): where reading stopped. A reference into such a file may point to a
    # record that was never read, so `check` does not report it as unknown.
    unread: dict[str, Problem] = field(default_factory=dict)
    _articles: dict[str, Any] = field(default_factory=dict, repr=False)
    # The parsed EDTF dates of the records, by text, as the loader found them (restored from
    # the record cache on a warm run): see `span`. This dataset's own, never shared.
    spans: dict[str, dates.Span] = field(default_factory=dict, repr=False)

    def span(self, text: str) -> dates.Span:
        """The EDTF date `text` parsed: the span read with the data files, else `dates.parse`
        (EDTFError if invalid). Spares re-parsing every date on a warm cache."""
        span = self.spans.get(text) if type(text) is str else None
        return span if span is not None else dates.parse(text)

    def in_time_order(self, records: Any) -> list:
        """Records (events, documents) sorted by their `date` as this dataset reads it; the
        undated ones last, in the order given."""
        return sorted(records, key=lambda r: (r.date is None, dates.sort_key(self.span(r.date)) if r.date else ()))

    # --- lookups by id -------------------------------------------------
    def source(self, source_id: str) -> Optional[model.Source]:
        return self._index("sources").get(source_id)

    def _index(self, name: str) -> dict[str, Any]:
        key = "_by_" + name
        if key not in self.__dict__:
            self.__dict__[key] = {r.id: r for r in getattr(self, name)}
        return self.__dict__[key]

    def by_id(self, name: str) -> dict[str, Any]:
        """`name` is one of sources, events, members, documents, metrics, figures."""
        return self._index(name)

    # --- articles --------------------------------------------------------
    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    def _check_name(self, source: model.Source) -> str:
        name = source.file
        if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
            raise ProblemError(self._problem(source, f"file must be a plain file name inside seeds/, not {name!r}"))
        return name

    def _open_article(self, source: model.Source) -> int:
        """A file descriptor of the source's article, opened inside seeds/ (see `open_inside`),
        or a ProblemError: a name that is not a plain file name, a link leading out of seeds/,
        a file that is missing or cannot be opened."""
        name = self._check_name(source)
        try:
            return open_inside(self.root, "seeds", name)
        except Outside as exc:
            if exc.what == "seeds":
                raise ProblemError(_outside_problem("seeds")) from None
            raise ProblemError(self._problem(source, f"file {name!r} lies outside seeds/")) from None
        except FileNotFoundError:
            raise ProblemError(self._problem(source, f"file seeds/{name} does not exist")) from None
        except OSError as exc:
            import errno

            if exc.errno != errno.ELOOP:
                raise ProblemError(self._problem(source, f"file {name!r} cannot be read: {exc.strerror or exc}")) from None
            raise ProblemError(self._problem(source, f"file {name!r} cannot be resolved: a loop of symbolic links")) from None
        except ValueError as exc:
            raise ProblemError(self._problem(source, f"file {name!r} cannot be read: {exc}")) from None

    @staticmethod
    def _problem(source: model.Source, message: str) -> Problem:
        return Problem("data/sources.yaml", model.line_of(source, "file"), f"source '{source.id}': {message}")

    def path_problems(self) -> list[Problem]:
        """A problem for each source whose file is not a plain name or lies outside seeds/
        (an article that is missing or unreadable is reported when it is read)."""
        problems = []
        for source in self.sources:
            if type(source.file) is not str:
                continue  # reported as a wrong field
            try:
                os.close(self._open_article(source))
            except ProblemError as exc:
                message = exc.problem.message
                if exc.problem.file == "seeds/" or any(m in message for m in ("lies outside", "plain file name", "cannot be resolved")):
                    problems.append(exc.problem)
        return sorted(set(problems))

    def article_files(self) -> dict[str, str]:
        """The files in seeds/ (not hidden ones, not folders), read through a descriptor of
        the folder as articles are, each with the name of the entry it is (itself, or for a
        link, the entry of seeds/ it leads to); none when seeds/ is missing or leads out."""
        import stat

        try:
            root_fd = os.open(self.root, os.O_RDONLY | _DIRECTORY)
        except OSError:
            return {}
        try:
            fd = _open_entry(root_fd, os.path.realpath(self.root), "seeds", os.O_RDONLY | _DIRECTORY)
        except (Outside, OSError):
            return {}
        finally:
            os.close(root_fd)
        seeds = os.path.realpath(self.seeds_dir)
        try:
            names = {}
            for name in sorted(os.listdir(fd)):
                if name.startswith("."):
                    continue
                try:
                    mode = os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode
                except OSError:
                    continue
                if stat.S_ISDIR(mode):
                    continue
                target = os.path.realpath(os.path.join(seeds, name)) if stat.S_ISLNK(mode) else ""
                names[name] = os.path.basename(target) if os.path.dirname(target) == seeds else name
            return names
        finally:
            os.close(fd)

    def article(self, source_id: str):
        """The source's article as a quotes.Article (read and normalised once), or a ProblemError."""
        if source_id not in self._articles:
            from .quotes import Article

            source = self.source(source_id)
            if source is None:
                raise KeyError(source_id)
            try:
                fd = self._open_article(source)
                text = read_fd(fd, f"seeds/{source.file}", MAX_ARTICLE_BYTES)
                if not text.strip():
                    raise ProblemError(Problem(f"seeds/{source.file}", 0, "the article is empty"))
                self._articles[source_id] = Article(text)
            except ProblemError as exc:
                self._articles[source_id] = exc
        result = self._articles[source_id]
        if isinstance(result, ProblemError):
            raise result
        return result


class Outside(Exception):
    """A name that leads out of its directory (`what`: the directory, or the entry's name)."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def _outside_problem(folder: str) -> Problem:
    return Problem(f"{folder}/", 0, f"the {folder}/ folder must be a directory inside the dataset directory, "
                                    "not a link leading out of it")


def _open_entry(dir_fd: int, dir_real: str, name: str, flags: int) -> int:
    """Open `name`, an entry of the directory open as `dir_fd` (real path `dir_real`).

    The open is relative to the directory's file descriptor and never follows a link, so what
    is opened is an entry of that directory whatever happens to the names around it. A link is
    followed only when it leads to another entry of the same directory, which is then opened
    the same way: a link swapped in between the check and the open is refused (ELOOP), never
    followed. Raises Outside for a link leading elsewhere, OSError otherwise."""
    import errno
    import stat

    try:
        return os.open(name, flags | _NOFOLLOW, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise
        try:
            link = stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
        except OSError:
            link = False
        if not link:
            raise
    target = os.path.realpath(os.path.join(dir_real, name))
    if os.path.dirname(target) != dir_real:
        raise Outside(name)
    if os.path.basename(target) == name:  # a link to itself, or a loop
        import errno

        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
    return os.open(os.path.basename(target), flags | _NOFOLLOW, dir_fd=dir_fd)


def open_inside(root: Path, folder: str, name: str) -> int:
    """A file descriptor for reading `root`/`folder`/`name`, where `folder` (data or seeds)
    must be a directory of the dataset directory `root` (or a link to another one there) and
    `name` an entry of it (or a link to another entry). Raises Outside (`what` is the folder
    or the name) or OSError."""
    root_fd = os.open(root, os.O_RDONLY | _DIRECTORY)
    try:
        root_real = os.path.realpath(root)
        try:
            folder_fd = _open_entry(root_fd, root_real, folder, os.O_RDONLY | _DIRECTORY)
        except Outside:
            raise Outside(folder) from None
    finally:
        os.close(root_fd)
    try:
        return _open_entry(folder_fd, os.path.realpath(os.path.join(root_real, folder)), name, _READ)
    finally:
        os.close(folder_fd)


def folder_problem(root: Path, folder: str) -> Optional[Problem]:
    """A problem if `root`/`folder` exists but is a link leading out of the dataset directory."""
    try:
        fd = os.open(root, os.O_RDONLY | _DIRECTORY)
    except OSError:
        return None
    try:
        os.close(_open_entry(fd, os.path.realpath(root), folder, os.O_RDONLY | _DIRECTORY))
    except Outside:
        return _outside_problem(folder)
    except OSError:
        return None
    finally:
        os.close(fd)
    return None


def default_root() -> Path:
    """The dataset shipped inside the package, or the source tree's own when run from a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "dataset"
    if (packaged / "data").is_dir():
        return packaged
    return here.parent.parent


def resolve_root(option: Optional[str]) -> Path:
    """The dataset directory from --data, then $CICA_DATA, then the shipped one."""
    if option is not None and not option.strip():
        raise UsageError("give a dataset directory (an empty name is not one)", "data")
    chosen = option or os.environ.get("CICA_DATA") or None
    if chosen is None:
        return default_root()
    field, origin = ("data", "") if option else (None, "CICA_DATA: ")
    try:
        root = Path(chosen).expanduser()
    except RuntimeError:  # ~user with no such user
        raise UsageError(f"{origin}{chosen!r}: no such user's home directory", field) from None
    if not (root / "data").is_dir():
        raise UsageError(f"{origin}{chosen!r} is not a dataset directory (it has no data/ folder)", field)
    return root


def load_dataset(root: Path) -> Dataset:
    """Load every data file under `root`/data; problems are collected, not raised."""
    collecting = gc.isenabled()
    gc.disable()  # records hold no cycles: collecting while tens of thousands are made is pure cost
    try:
        return _load(root)
    finally:
        if collecting:
            gc.enable()


def _load(root: Path) -> Dataset:
    from .cache import Cache, digest

    ds = Dataset(root=root)
    for folder in ("data", "seeds"):
        problem = folder_problem(root, folder)
        if problem is not None:
            ds.problems.append(problem)
    if ds.problems and ds.problems[0].file == "data/":
        return ds  # nothing is read through a link leading out of the dataset
    cache = Cache(root)
    for kind in model.KINDS:
        name, cls, label = kind.file, kind.cls, kind.label
        try:
            fd = open_inside(root, "data", name)
        except FileNotFoundError:
            if kind.required:
                ds.problems.append(Problem(label, 0, "required data file is missing"))
            continue
        except Outside:
            ds.problems.append(Problem(label, 0, "the file is a link leading out of data/; it is not read"))
            continue
        except OSError as exc:
            ds.problems.append(Problem(label, 0, f"cannot read file: {exc.strerror or exc}"))
            continue
        try:
            text = read_fd(fd, label, MAX_DATA_BYTES)
        except ProblemError as exc:
            ds.problems.append(exc.problem)
            ds.unread[kind.name] = exc.problem
            continue
        key = digest(text)
        cached = cache.get(name, key)
        if cached is None:
            cached = _build(cls, text, label)
            cache.put(name, key, cached)
        records, problems, spans, stopped = cached
        getattr(ds, kind.name).extend(records)
        ds.problems.extend(problems)
        if stopped is not None:
            ds.unread[kind.name] = stopped
        # a span read back from the cache is taken only for its own text, so that a planted
        # entry cannot make one date read as another
        ds.spans.update((text, span) for text, span in spans.items() if span.text == text)
    cache.save()
    if ds.rosters:  # after saving: the cache holds the members as entered, statuses are added here
        from .rosters import expand

        expand(ds.members, ds.rosters)
    return ds


MAX_PROBLEMS = 1000  # per data file; past it, the rest of the file is not read


class _TooMany(Exception):
    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def _build(cls: type, text: str, label: str) -> tuple[list[Any], list[Problem], dict[str, Any], Optional[Problem]]:
    """The records of one data file, its problems (what kept a record from being built, and
    invalid dates), the parsed spans of its valid dates, and the problem that stopped the
    reading before the end of the file (None when it was read whole)."""
    from .claims import settle

    records: list[Any] = []
    problems: list[Problem] = []

    def add(item: Any, line: int) -> None:  # each item as it is parsed: memory holds the records
        if len(problems) >= MAX_PROBLEMS:
            raise _TooMany(line)
        record = model.build(cls, item, label, line, problems)
        if record is not None:
            records.append(record)

    try:
        content = parse(text, label, each=add, problems=problems, verbatim=model.VERBATIM_FIELDS)
    except ProblemError as exc:
        # the records read before the error are checked too (their dates are settled)
        problems = problems[:MAX_PROBLEMS]
        spans = settle(label, records, problems)
        return records, problems + [exc.problem], spans, exc.problem
    except _TooMany as stop:
        problem = Problem(label, stop.line, f"more than {MAX_PROBLEMS} problems: the rest of the file is not read")
        return records, problems + [problem], {}, problem
    if content is None:
        return records, problems, {}, None
    if not isinstance(content, list):
        problem = Problem(label, 1, f"the file must be a list of {cls.__name__.lower()} records")
        return records, [problem], {}, problem
    spans = settle(label, records, problems)
    return records, problems, spans, None


def open_dataset(option: Optional[str] = None) -> Dataset:
    """Load the dataset and refuse it (DataError) if any record could not be built."""
    ds = load_dataset(resolve_root(option))
    problems = ds.problems + ds.path_problems()
    if problems:
        raise DataError(sorted(set(problems)))
    return ds


__all__ = ["Dataset", "MAX_DEPTH", "load_dataset", "open_dataset", "resolve_root"]
