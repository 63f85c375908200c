"""Cost proportional to input: one long line, dense overlapping quotes, a data file of junk
items, named pipes. The bounds are generous (a slow machine passes); the quadratic code these
tests replaced took minutes on the same inputs."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from support import MINIMAL, invoke

CICA = Path(sys.executable).with_name("cica")


def timed(args):
    start = time.perf_counter()
    result = invoke(args, env={"COLUMNS": "200", "CICA_DATA": None})
    return result, time.perf_counter() - start


def long_line_dataset(tmp_path, line):
    root = tmp_path / "ds"
    shutil.copytree(MINIMAL, root)
    article = root / "seeds" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return root


def test_search_is_linear_on_a_long_one_line_article(tmp_path):
    root = long_line_dataset(tmp_path, "the summit met again " * 10_000)  # 210 KB, 10,000 matches
    result, seconds = timed(["search", "summit", "--json", "--data", root])
    assert result.exit_code == 0
    hits = [h for h in __import__("json").loads(result.stdout)["articles"] if h["line"] == 4]
    assert len(hits) == 10_000
    assert hits[5000]["before"] == "… summit met again the summit met again the "
    assert hits[5000]["after"] == " met again the summit met again the summit …"
    assert seconds < 5, seconds


def test_context_is_cut_at_its_line_and_marked():
    from cica_cli.search import context

    text = "one two three four five six seven eight nine ten MATCH a b c\nnext line"
    start = text.index("MATCH")
    assert context(text, start, start + 5, words=3, high=text.index("\n")) == ("… eight nine ten ", " a b c")
    assert context("x" * 5000 + " MATCH", 5001, 5006) == ("… " + "x" * 399 + " ", "")


def test_quote_search_is_linear_on_dense_overlapping_matches(tmp_path):
    from cica_cli.quotes import Article

    article = Article("10 " * 400_000)  # 1.2 MB: the quote below occurs at every second character
    start = time.perf_counter()
    spans = article.find_all("10 " * 40)
    assert spans == [(0, len(article.normal) - 1)]
    assert time.perf_counter() - start < 2


def test_overlapping_occurrences_cover_what_each_covers():
    from cica_cli.quotes import Article

    article = Article("a b a b a x a b a")
    assert article.find_all("a b a") == [(0, 9), (12, 17)]
    assert article.find_all("b") == [(2, 3), (6, 7), (14, 15)]


def peak_memory_kib(args):
    proc = subprocess.Popen([str(CICA), *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "CICA_NO_CACHE": "1"})
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss, proc.returncode, proc.stderr.read().decode()


def test_memory_is_bounded_on_a_data_file_of_junk_items(tmp_path):
    root = tmp_path / "ds"
    shutil.copytree(MINIMAL, root)
    metrics = root / "data" / "metrics.yaml"
    metrics.write_text("- xy\n" * 2_000_000, encoding="utf-8")  # 10 MB, two million items that are not records
    kib, code, _ = peak_memory_kib(["check", "--data", root])
    assert code == 1 and kib < 250_000, kib
    result, _ = timed(["check", "--data", root])
    assert "data/metrics.yaml:1001: more than 1000 problems: the rest of the file is not read" in result.stdout
    metrics.write_text("- [" + ",".join(f"v{i}" for i in range(1_000_000)) + "]\n", encoding="utf-8")
    kib, code, stderr = peak_memory_kib(["check", "--data", root])
    assert code == 1 and kib < 250_000, kib
    result, _ = timed(["check", "--data", root])
    assert "data/metrics.yaml:1: a record of more than 100000 values" in result.stdout


def test_no_command_waits_on_a_named_pipe(tmp_path):
    root = tmp_path / "ds"
    shutil.copytree(MINIMAL, root)
    os.remove(root / "seeds" / "article.txt")
    os.mkfifo(root / "seeds" / "article.txt")
    os.remove(root / "data" / "metrics.yaml")
    os.mkfifo(root / "data" / "metrics.yaml")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    for args in (["check"], ["coverage"], ["source", "sample", "--text"], ["search", "summit"], ["timeline"]):
        result = subprocess.run([str(CICA), *args, "--data", str(root)], capture_output=True, timeout=20,
                                env={**os.environ, "CICA_CACHE_DIR": str(cache)})
        assert result.returncode == 1, (args, result.stderr)
        assert b"Traceback" not in result.stderr
    check = subprocess.run([str(CICA), "check", "--data", str(root)], capture_output=True, timeout=20, text=True)
    assert "data/metrics.yaml: not a regular file" in check.stdout
    assert "seeds/article.txt: not a regular file" in check.stdout


def _occurrences_covered(text, needle):
    """The characters covered by some occurrence of `needle`, found the slow, obvious way."""
    covered, at = set(), text.find(needle)
    while at != -1:
        covered.update(range(at, at + len(needle)))
        at = text.find(needle, at + 1)
    return covered


def test_quote_spans_cover_exactly_the_occurrences():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cica_cli.quotes import Article, normalise

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.text(alphabet="ab ", max_size=60), st.text(alphabet="ab ", min_size=1, max_size=8))
    def check(text, quote):
        article, needle = Article(text), normalise(quote)
        spans = article.find_all(quote)
        covered = set()
        for start, end in spans:
            covered.update(range(start, end))
        assert covered == (_occurrences_covered(article.normal, needle) if needle else set())
        assert all(article.normal.startswith(needle, start) for start, _ in spans)
        assert all(article.normal.endswith(needle, 0, end) for _, end in spans)

    check()


def _fold_map_one_character_at_a_time(text):
    """fold_map as it was first written: each character on its own (the reference)."""
    import unicodedata

    from cica_cli.names import _NOT_WORD

    chars, offsets = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(c):
                continue
            for out in c.casefold():
                if _NOT_WORD.fullmatch(out):
                    if chars and chars[-1] != " ":
                        chars.append(" ")
                        offsets.append(i)
                else:
                    chars.append(out)
                    offsets.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def test_fold_map_by_runs_is_fold_map_by_characters():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cica_cli.names import fold_map

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.one_of(st.text(max_size=30),
                     st.lists(st.sampled_from(list("aZ09 _.,'\n-ĞüßﬁİÉ“”–漢😀\u0306\x00")), max_size=30).map("".join)))
    def check(text):
        assert fold_map(text) == _fold_map_one_character_at_a_time(text)

    check()
