"""Find a dataset directory, load its YAML files into records, and read its articles safely."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from . import dates, model
from .errors import DataError, Problem, UsageError
from .yamlfile import MAX_DATA_BYTES, MAX_DEPTH, ProblemError, parse, read_text

MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# file name -> record class, in the order they are loaded and checked
FILES: dict[str, type] = {
    "sources.yaml": model.Source,
    "events.yaml": model.Event,
    "members.yaml": model.Member,
    "documents.yaml": model.Document,
    "metrics.yaml": model.Metric,
    "figures.yaml": model.Figure,
    "excluded.yaml": model.Exclusion,
}
REQUIRED_FILES = ("sources.yaml", "events.yaml", "members.yaml")


@dataclass
class Dataset:
    """The records of one dataset directory, with lookups by id and its articles."""

    root: Path
    sources: list[model.Source] = field(default_factory=list)
    events: list[model.Event] = field(default_factory=list)
    members: list[model.Member] = field(default_factory=list)
    documents: list[model.Document] = field(default_factory=list)
    metrics: list[model.Metric] = field(default_factory=list)
    figures: list[model.Figure] = field(default_factory=list)
    excluded: list[model.Exclusion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _articles: dict[str, Any] = field(default_factory=dict, repr=False)

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

    def article_path(self, source: model.Source) -> Path:
        """The article's path inside seeds/, or a ProblemError if it would lie outside it
        (an absolute path, `..`, a symlink leading out) or is not a file there."""
        path = self._inside_seeds(source)
        try:
            exists = path.is_file()
        except (OSError, ValueError):
            exists = False
        if not exists:
            raise ProblemError(self._problem(source, f"file seeds/{source.file} does not exist"))
        return path

    def _inside_seeds(self, source: model.Source) -> Path:
        """The resolved path of the source's file, refused unless it lies directly in seeds/.
        Only names are looked at and links followed: nothing is opened."""
        name = source.file
        if not name or "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
            raise ProblemError(self._problem(source, f"file must be a plain file name inside seeds/, not {name!r}"))
        try:
            seeds = self.seeds_dir.resolve()
            path = (self.seeds_dir / name).resolve()
        except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, a name too long
            raise ProblemError(self._problem(source, f"file {name!r} cannot be resolved: {exc}")) from None
        if path.parent != seeds:
            raise ProblemError(self._problem(source, f"file {name!r} lies outside seeds/"))
        return path

    @staticmethod
    def _problem(source: model.Source, message: str) -> Problem:
        return Problem("data/sources.yaml", model.line_of(source, "file"), f"source '{source.id}': {message}")

    def path_problems(self) -> list[Problem]:
        """A problem for each source whose file would lie outside seeds/ (nothing is read)."""
        problems = []
        for source in self.sources:
            try:
                self._inside_seeds(source)
            except ProblemError as exc:
                problems.append(exc.problem)
        return problems

    def article(self, source_id: str):
        """The source's article as a quotes.Article (read and normalised once), or a ProblemError."""
        if source_id not in self._articles:
            from .quotes import Article

            source = self.source(source_id)
            if source is None:
                raise KeyError(source_id)
            try:
                path = self.article_path(source)
                text = read_text(path, f"seeds/{source.file}", MAX_ARTICLE_BYTES)
                self._articles[source_id] = Article(text)
            except ProblemError as exc:
                self._articles[source_id] = exc
        result = self._articles[source_id]
        if isinstance(result, ProblemError):
            raise result
        return result


def default_root() -> Path:
    """The dataset shipped inside the package, or the source tree's own when run from a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "dataset"
    if (packaged / "data").is_dir():
        return packaged
    return here.parent.parent


def resolve_root(option: Optional[str]) -> Path:
    """The dataset directory from --data, then $CICA_DATA, then the shipped one."""
    chosen = option or os.environ.get("CICA_DATA") or None
    if chosen is None:
        return default_root()
    root = Path(chosen).expanduser()
    if not (root / "data").is_dir():
        origin = "--data" if option else "CICA_DATA"
        raise UsageError(f"{origin}: {chosen!r} is not a dataset directory (it has no data/ folder)")
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
    cache = Cache(root)
    for name, cls in FILES.items():
        label = f"data/{name}"
        path = root / "data" / name
        if not path.exists():
            if name in REQUIRED_FILES:
                ds.problems.append(Problem(label, 0, "required data file is missing"))
            continue
        try:
            text = read_text(path, label, MAX_DATA_BYTES)
        except ProblemError as exc:
            ds.problems.append(exc.problem)
            continue
        key = digest(text)
        cached = cache.get(name, key)
        if cached is None:
            cached = _build(cls, text, label)
            cache.put(name, key, cached)
        records, problems, spans = cached
        getattr(ds, name.removesuffix(".yaml")).extend(records)
        ds.problems.extend(problems)
        dates.remember(spans)
    cache.save()
    return ds


def _build(cls: type, text: str, label: str) -> tuple[list[Any], list[Problem], dict[str, Any]]:
    """The records of one data file, its problems (what kept a record from being built, and
    invalid dates), and the parsed spans of its valid dates."""
    from .check import date_problems

    records: list[Any] = []
    problems: list[Problem] = []
    try:
        content = parse(text, label)
    except ProblemError as exc:
        return records, [exc.problem], {}
    if content is None:
        return records, problems, {}
    if not isinstance(content, list):
        return records, [Problem(label, 1, f"the file must be a list of {cls.__name__.lower()} records")], {}
    for item in content:
        record = model.build(cls, item, label, getattr(item, "line", 1), problems)
        if record is not None:
            records.append(record)
    more, spans = date_problems(label, records)
    return records, problems + more, spans


def open_dataset(option: Optional[str] = None) -> Dataset:
    """Load the dataset and refuse it (DataError) if any record could not be built."""
    ds = load_dataset(resolve_root(option))
    problems = ds.problems + ds.path_problems()
    if problems:
        raise DataError(sorted(problems))
    return ds


__all__ = ["Dataset", "FILES", "MAX_DEPTH", "load_dataset", "open_dataset", "resolve_root"]
