"""The command line as a user meets it: help, queries, validation, sources, the Neo4j password."""

import json
import shutil
import subprocess
import sys

import pytest

from chainkg.cli import main


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["query"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: chainkg" in capsys.readouterr().out


def test_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "chainkg.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("chainkg ")


PARKS_IN_COUNTIES = """
PREFIX ckg: <https://w3id.org/chainkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?park ?county WHERE {
  ?p a ckg:IndustrialPark ; skos:prefLabel ?park ; ckg:locatedIn ?c .
  ?c a ckg:AdministrativeArea ; skos:prefLabel ?county .
  FILTER(lang(?park) = "zh" && lang(?county) = "zh")
} ORDER BY ?park
"""


def test_query_on_the_seed_graph_as_json(capsys):
    assert main(["query", PARKS_IN_COUNTIES, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"park": "九牧卫浴智慧产业园", "county": "石狮市"} in rows
    assert {"park": "安溪芯园", "county": "安溪县"} in rows
    assert len(rows) == 5


def test_query_on_a_built_file_as_table(built_out, capsys):
    assert main(["query", PARKS_IN_COUNTIES, "--data", str(built_out / "graph.ttl")]) == 0
    out = capsys.readouterr().out
    assert "南安芯谷半导体科技产业港  南安市" in out and "(5 rows)" in out


def test_query_from_a_file_and_ask(tmp_path, capsys):
    query = tmp_path / "ask.rq"
    query.write_text('PREFIX ckg: <https://w3id.org/chainkg/ontology#> ASK { ?x ckg:leadsChain ?c }', encoding="utf-8")
    assert main(["query", f"@{query}"]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_bad_sparql_is_one_line_and_exit_2(capsys):
    assert main(["query", "SELEKT * WHERE {}"]) == 2
    read, error = capsys.readouterr().err.splitlines()  # which graph, then the one-line error
    assert read.startswith("reading graph: the bundled Quanzhou seed") and error.startswith("chainkg: error: SPARQL:")


def test_validate_facts_and_graph_files(built_out, capsys):
    from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS

    assert main(["validate", str(PLACES_FACTS), str(SEED_FACTS)]) == 0
    assert "every quote matches its offsets" in capsys.readouterr().out
    assert main(["validate", str(built_out / "graph.ttl")]) == 0
    assert "conform to the chainkg shapes" in capsys.readouterr().out


def test_validate_reports_nonconforming_graph_with_exit_1(tmp_path, built_out, capsys):
    text = (built_out / "graph.nt").read_text(encoding="utf-8")
    broken = "\n".join(line for line in text.splitlines() if "ontology#divisionCode> \"350521\"" not in line)
    path = tmp_path / "broken.nt"
    path.write_text(broken + "\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert "1 SHACL violation" in captured.err


def test_validate_unparsable_file_names_it(tmp_path, capsys):
    path = tmp_path / "junk.ttl"
    path.write_text("this is not turtle", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert f"{path}: cannot parse as turtle" in capsys.readouterr().err


# --- One folder expansion for build and extract ------------------------------------------

def test_extract_reads_the_articles_directly_in_a_folder(tmp_path, capsys):
    from _paths import CORPUS

    shutil.copy(CORPUS / "d2_quanzhou_xingu_part2.txt", tmp_path)
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "older").mkdir()
    shutil.copy(CORPUS / "d3_jinjiang_devzone_parks.txt", tmp_path / "older")
    assert main(["extract", str(tmp_path), "--json"]) == 0
    documents = json.loads(capsys.readouterr().out)["documents"]
    assert [d["source"] for d in documents] == [str(tmp_path / "d2_quanzhou_xingu_part2.txt")]


@pytest.mark.parametrize("name, message", [
    ("empty", "folder holds no reviewed-facts files (*.yaml) and no articles (*.txt, *.html)"),
    ("missing.txt", "file not found"),
    ("notes.md", "unsupported source type '.md'"),
])
def test_build_and_extract_refuse_the_same_sources_alike(tmp_path, capsys, name, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    source = tmp_path / name
    assert main(["extract", str(source)]) == 2
    from_extract = capsys.readouterr().err.splitlines()[-1]
    assert main(["build", "--out", str(tmp_path / "out"), str(source)]) == 2
    from_build = capsys.readouterr().err.splitlines()[-1]  # after build's "loading 1 source(s)…"
    assert from_extract == from_build
    assert from_extract.startswith(f"chainkg: error: {source}: {message}")


def test_extract_of_reviewed_facts_only_says_there_is_no_article(capsys):
    from chainkg.loaders.reviewed import SEED_FACTS

    assert main(["extract", str(SEED_FACTS)]) == 2
    assert capsys.readouterr().err == f"chainkg: error: no article files (.txt, .html) found in {SEED_FACTS}\n"


# --- The password: asked by the CLI at a terminal, never by the settings ------------------

class Terminal:
    """stdin as a terminal: the CLI may ask; reading it directly would be a bug."""

    def isatty(self) -> bool:
        return True

    def readline(self):
        raise AssertionError("the password is read with getpass, never from stdin")


@pytest.fixture()
def at_a_terminal(monkeypatch):
    """A terminal user with no NEO4J_PASSWORD; getpass answers and records each prompt."""
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return "typed-secret"

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", getpass)
    return prompts


def test_at_a_terminal_the_cli_asks_for_the_password(at_a_terminal, monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")  # nothing listens: the connection fails after asking
    assert main(["neo4j", "search", "芯谷", "--user", "reader"]) == 2
    assert at_a_terminal == ["Neo4j password for reader: "]
    captured = capsys.readouterr()
    assert "cannot reach Neo4j at bolt://127.0.0.1:1" in captured.err
    assert "typed-secret" not in captured.out + captured.err


@pytest.mark.parametrize("uri, message", [
    (None, "no Neo4j server given: pass --uri or set NEO4J_URI"),
    ("http://127.0.0.1:7474", "not a Neo4j URI: 'http://127.0.0.1:7474'"),
])
def test_a_bad_uri_is_reported_before_the_password_is_asked(at_a_terminal, monkeypatch, capsys, uri, message):
    if uri is None:
        monkeypatch.delenv("NEO4J_URI", raising=False)
    else:
        monkeypatch.setenv("NEO4J_URI", uri)
    assert main(["neo4j", "search", "芯谷"]) == 2
    assert message in capsys.readouterr().err
    assert at_a_terminal == []


def test_settings_never_prompt_even_at_a_terminal(at_a_terminal):
    from chainkg.errors import ChainKGError
    from chainkg.settings import Neo4jSettings

    with pytest.raises(ChainKGError, match="no Neo4j password: set NEO4J_PASSWORD"):
        Neo4jSettings.resolve("bolt://127.0.0.1:7687")
    assert at_a_terminal == []
