"""`cica export datapackage DIR` and `cica export sqlite FILE`, read back by the tools their users
have: the real `frictionless` validates the Data Package (the shipped data's, and a synthetic
10k-event dataset's), the stdlib `sqlite3` queries the database, and a real `datasette` serves
it over HTTP. The exports are made once per module and shared."""

import csv
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from cica_cli import model
from cica_cli.dataset import load_dataset
from support import ROOT, invoke

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def export(*args):
    result = invoke(["export", *map(str, args)], env={"CICA_DATA": None})
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def records():
    """The shipped dataset, loaded once for the module."""
    return load_dataset(ROOT)


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    target = tmp_path_factory.mktemp("package")
    export("datapackage", target)
    return target


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    target = tmp_path_factory.mktemp("sqlite") / "cica.db"
    export("sqlite", target)
    return target


def rows(package, name):
    with open(package / f"{name}.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def all_quotes(ds):
    """(record kind, record ref, source, quote) of every quote in the dataset but exclusions."""
    found = []
    for kind in model.KINDS:
        for record in getattr(ds, kind.name):
            if isinstance(record, model.Figure):
                found.append(("figure", record.id, record.source, record.quote))
            for c in getattr(record, "citations", []) or []:
                found.append((kind.singular, record.id, c.source, c.quote))
            for field in model.nested_fields(type(record)):  # statuses, roles, offices, names
                for n, item in enumerate(getattr(record, field, []) or [], 1):
                    what = type(item).__name__.lower()
                    found += [(what, f"{record.id}:{what}:{n}", c.source, c.quote)
                              for c in getattr(item, "citations", None) or []]
    return found


# --- the Data Package -----------------------------------------------------------------------

def test_frictionless_validates_the_shipped_package_and_every_row_was_read(package, records):
    import frictionless

    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.to_summary()
    checked = {task.name: task.stats.get("rows", 0) for task in report.tasks}  # no key: no rows
    assert checked["events"] == len(records.events)
    assert checked["claims"] == len(all_quotes(records))
    assert set(checked) >= {k.name for k in model.KINDS} | {"claims", "statuses", "roles", "article_lines"}


def test_frictionless_catches_a_foreign_key_that_does_not_resolve(package, tmp_path):
    """The validation above checks the foreign keys: one dangling member id makes it fail."""
    import shutil

    import frictionless

    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    path = broken / "event_members.csv"
    text = path.read_bytes()
    assert b",kazakhstan\r\n" in text  # CRLF line ends, as RFC 4180 has them
    path.write_bytes(text.replace(b",kazakhstan\r\n", b",kazakstan\r\n", 1))
    report = frictionless.validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert [e.type for task in report.tasks for e in task.errors] == ["foreign-key"]


def test_the_package_describes_its_fields_keys_licence_and_sources(package, records):
    meta = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["licenses"][0]["name"] == "MIT"
    titles = [s["title"] for s in meta["sources"]]
    assert [t.split(":")[0] for t in titles] == [s.id for s in records.sources]
    assert any("R. Ravichandran. “Kazakhstan’s Unwavering Commitment" in t for t in titles)
    resources = {r["name"]: r for r in meta["resources"]}
    members = {f["name"]: f for f in resources["members"]["schema"]["fields"]}
    from cica_cli.descriptions import HOLDS

    assert members["iso_alpha2"]["description"] == HOLDS["Member.iso_alpha2"]
    assert members["kind"]["constraints"]["enum"] == list(model.MEMBER_KINDS)
    claims = resources["claims"]["schema"]
    assert claims["primaryKey"] == ["id"]
    assert {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}} in claims["foreignKeys"]
    assert {"fields": ["status"], "reference": {"resource": "statuses", "fields": ["id"]}} in claims["foreignKeys"]
    date = next(f for f in claims["fields"] if f["name"] == "date")
    assert date["type"] == "string" and "EDTF" in date["description"] and date["rdfType"] == "https://www.loc.gov/standards/datetime/"
    events = {f["name"]: f["type"] for f in resources["events"]["schema"]["fields"]}
    assert (events["date_earliest"], events["date_latest"], events["context"]) == ("date", "date", "boolean")


def test_dates_keep_their_edtf_with_earliest_and_latest_days(package):
    events = {r["id"]: r for r in rows(package, "events")}
    # ravichandran-2023: "the 2002 Almaty Act" -- a year
    assert [events["2002-almaty-act-adopted"][k] for k in ("date", "date_earliest", "date_latest")] == \
        ["2002", "2002-01-01", "2002-12-31"]
    # bakishev-2009: "Two years ago" (in late 2009) -- approximate, widened as EDTF widens it
    assert [events["2007-un-observer-status"][k] for k in ("date", "date_earliest", "date_latest")] == \
        ["2007~", "2006-01-01", "2008-12-31"]
    # laumulin-kozhirova-2021: proposed by 2021 -- an open start has no earliest day
    assert [events["osda-proposal"][k] for k in ("date", "date_earliest", "date_latest")] == \
        ["[..2021]", "", "2021-12-31"]


def test_claims_carry_each_sources_own_date_and_record(package):
    claims = rows(package, "claims")
    # askeroglu-2022 dates the Astana summit to 12-13 October 2022; auelbayev-2022 to "October 12", inferred
    summit = [(c["source"], c["date"], bool(c["inferred"])) for c in claims if c["event"] == "2022-astana-summit"]
    assert ("askeroglu-2022", "2022-10-12/2022-10-13", False) in summit
    assert ("auelbayev-2022", "2022-10-12/", True) in summit
    kuwait = next(c for c in claims if c["status"] == "kuwait:status:1")
    assert (kuwait["record_kind"], kuwait["record"], kuwait["source"], kuwait["date"]) == \
        ("status", "kuwait:status:1", "askeroglu-2022", "[2022-10-12..2022-10-13]")
    assert kuwait["quote"] == "CICA, which has 27 members, received Kuwait’s application to join the meeting in Astana."


def test_states_carry_their_iso_codes_in_the_export(package, records):
    members = {r["id"]: r for r in rows(package, "members")}
    assert (members["iran"]["iso_alpha2"], members["iran"]["iso_alpha3"]) == ("IR", "IRN")
    assert (members["iraq"]["iso_alpha2"], members["iraq"]["iso_alpha3"]) == ("IQ", "IRQ")
    states = [m for m in records.members if m.kind == "state"]
    assert states and all(members[m.id]["iso_alpha2"] == m.iso_alpha2 for m in states)


def test_every_state_code_is_the_standards_code_for_that_country(records):
    import pycountry

    states = [m for m in records.members if m.kind == "state"]
    assert len(states) >= 8
    for member in states:
        country = pycountry.countries.get(alpha_2=member.iso_alpha2)
        assert country is not None and country.alpha_3 == member.iso_alpha3, member.id
    assert pycountry.countries.get(alpha_3=next(m for m in states if m.id == "turkey").iso_alpha3).alpha_2 == "TR"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic-10k")
    generate(10_000, root)
    export("datapackage", root / "package", "--data", root)
    return root


def test_frictionless_validates_a_10k_event_package(synthetic):
    import frictionless

    ds = load_dataset(synthetic)
    report = frictionless.validate(str(synthetic / "package" / "datapackage.json"))
    assert report.valid, report.to_summary()[:3000]
    checked = {task.name: task.stats.get("rows", 0) for task in report.tasks}  # no key: no rows
    assert checked["events"] == len(ds.events) == 10_000
    assert checked["claims"] == len(all_quotes(ds))
    assert checked["event_members"] == sum(len(e.members) for e in ds.events)


# --- the SQLite database ----------------------------------------------------------------------

def test_the_database_has_its_foreign_keys_and_every_one_resolves(database):
    db = sqlite3.connect(database)
    keys = {(t, row[3], row[2]) for (t,) in db.execute("select name from sqlite_master where type = 'table'")
            for row in db.execute(f"pragma foreign_key_list('{t}')")}
    assert ("claims", "source", "sources") in keys and ("statuses", "member", "members") in keys
    assert db.execute("pragma foreign_key_check").fetchall() == []
    indexed = {row[0] for row in db.execute("select name from sqlite_master where type = 'index'")}
    assert {"idx_claims_source", "idx_events_kind", "idx_events_date_earliest", "idx_statuses_status"} <= indexed


def test_a_join_from_kazakhstan_to_the_quotes_behind_each_status(database, records):
    db = sqlite3.connect(database)
    found = db.execute("""
        select s.position, s.status, c.source, c.quote
        from members m join statuses s on s.member = m.id join claims c on c.status = s.id
        where m.name = 'Kazakhstan' order by s.position, c.id""").fetchall()
    kazakhstan = records.by_id("members")["kazakhstan"]
    assert found == [(n, s.status, c.source, c.quote) for n, s in enumerate(kazakhstan.statuses, 1) for c in s.citations]
    # bakishev-2009, as of late 2009: a member (inferred from its chairing CICA)
    assert (1, "member", "bakishev-2009", "Kazakhstan, in its capacity of Chairman of CICA") in found


def test_full_text_search_finds_the_quotes_naming_the_almaty_act(database, records):
    db = sqlite3.connect(database)
    found = db.execute("""select c.record_kind, c.record, c.quote from claims_fts
                          join claims c on c.id = claims_fts.rowid
                          where claims_fts match '"Almaty Act"' order by c.id""").fetchall()
    expected = [(kind, ref, quote) for kind, ref, _source, quote in all_quotes(records) if "Almaty Act" in quote]
    assert sorted(found) == sorted(expected)
    assert ("document", "almaty-act",
            "basic, statutory documents such as the 1999 Declaration on the Principles and the 2002 Almaty Act") in found
    lines = db.execute("""select a.source, a.line from article_lines_fts join article_lines a
                          on a.rowid = article_lines_fts.rowid where article_lines_fts match '"Almaty Act"'""").fetchall()
    assert ("ravichandran-2023", 53) in lines  # `cica source 004 --text` line 53


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_datasette_serves_the_database_and_its_search(database):
    """A real `datasette` on a free port of this machine: a table and a full-text search as JSON."""
    datasette = Path(sys.executable).parent / "datasette"
    port = free_port()
    server = subprocess.Popen([str(datasette), "serve", str(database), "--host", "127.0.0.1", "--port", str(port),
                               "--metadata", str(database.parent / "metadata.json")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def get(path):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return json.loads(response.read())

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get("/-/versions.json")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.1)
        members = get("/cica/members.json?_shape=array&_size=max")
        assert {"id": "kazakhstan", "iso_alpha2": "KZ"}.items() <= next(m for m in members if m["id"] == "kazakhstan").items()
        found = get("/cica/claims.json?_search=Almaty+Act&_shape=array&_size=max")
        assert found and all("Almaty Act" in row["quote"] for row in found)
        assert "almaty-act" in {row["record"] for row in found}
        meta = get("/-/metadata.json")
        assert meta["databases"]["cica"]["tables"]["claims"]["title"] == "Claims"
    finally:
        server.terminate()
        server.wait(timeout=10)


# --- refusals ---------------------------------------------------------------------------------

def test_export_refuses_a_dataset_that_fails_check_and_writes_nothing(dataset, tmp_path):
    path = dataset / "data" / "events.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "quote: Its first summit took place in 2002", "quote: Its first summit took place in 2003"), encoding="utf-8")
    result = invoke(["export", "sqlite", tmp_path / "x.db", "--data", dataset], env={"CICA_DATA": None})
    assert result.exit_code == 1
    assert result.stderr == ("cica: data/events.yaml:17: quote not found in source 'sample'; nearest passage, "
                             "seeds/article.txt:3: “Its first summit took place in 2002”: the article has “2002” "
                             "where the quote has “2003”\n")
    assert [p.name for p in tmp_path.iterdir()] == ["ds"]  # no database, no temporary file


@pytest.mark.parametrize("args, message", [
    (["sqlit", "x.db"], "did you mean 'sqlite'?"),
    (["sqlite", "-"], "a SQLite database is a file"),
    (["sqlite", "."], "is a directory"),
    (["datapackage", "README.md"], "exists and is not a directory"),
    (["sqlite", "no/such/dir/x.db"], "no such directory"),
], ids=["unknown format", "stdout", "directory", "onto a file", "missing directory"])
def test_usage_errors_are_one_line_and_exit_2(args, message, tmp_path):
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = invoke(["export", *args], env={"CICA_DATA": None})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr


def test_json_says_what_was_written(tmp_path, records):
    result = export("datapackage", tmp_path / "p", "--json")
    summary = json.loads(result.stdout)
    assert summary["format"] == "datapackage" and summary["tables"]["events"] == len(records.events)
    assert sorted(summary["files"]) == sorted(p.name for p in (tmp_path / "p").iterdir())


@pytest.mark.parametrize("fmt, target, planted", [
    ("datapackage", "package", "package/sources.csv"),  # a file inside the package's folder
    ("sqlite", "cica.db", "metadata.json"),  # the file written beside the database
])
def test_a_planted_symbolic_link_is_never_written_through(cica, tmp_path, fmt, target, planted):
    """Another user's link where an export's file is to go (a shared folder) cannot send the
    bytes elsewhere: the export stops with one line and the link's target is untouched. (A link
    at the database's own name is replaced by the new database, as a whole file is.)"""
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    link = tmp_path / planted
    link.parent.mkdir(exist_ok=True)
    link.symlink_to(victim)
    result = cica("export", fmt, str(tmp_path / target))
    assert result.exit_code == 1
    assert "symbolic link, not followed" in result.stderr and "Traceback" not in result.stderr
    assert victim.read_text() == "keep me"
