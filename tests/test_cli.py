"""The command line as a user meets it: help, queries, validation."""

import json
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
    assert capsys.readouterr().err.startswith("chainkg: error: SPARQL:")


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
