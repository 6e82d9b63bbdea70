"""Bad input exits non-zero with a message naming the file, line or field; outputs stay intact."""

import shutil

import pytest
import yaml

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.graph.build import load_facts
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, load_reviewed_facts


@pytest.fixture()
def facts_copy(tmp_path):
    """A copy of the seed facts and its article, to break in one place."""
    shutil.copy(SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt", tmp_path)
    target = tmp_path / SEED_FACTS.name
    shutil.copy(SEED_FACTS, target)
    return target


def replace_once(path, old: str, new: str) -> int:
    """Replace the first `old` in `path`; return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def test_missing_file():
    with pytest.raises(SourceError, match=r"nope\.yaml: file not found"):
        load_facts(["nope.yaml"])


def test_malformed_yaml_names_the_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("source:\n  id: x\n  kind: article\nentities: [\n  - {id: org/a\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.yaml:\d+: malformed YAML"):
        load_reviewed_facts(bad)


def test_unknown_class_names_line_field_and_suggests(facts_copy):
    line = replace_once(facts_copy, "type: Company", "type: Compnay")
    with pytest.raises(SourceError) as error:
        load_reviewed_facts(facts_copy)
    assert str(error.value).startswith(f"{facts_copy}:{line}: type: unknown class 'Compnay'")
    assert "did you mean Company" in str(error.value)


def test_unknown_property_names_line_and_field(facts_copy):
    line = replace_once(facts_copy, "predicate: hostsChain", "predicate: hostChain")
    with pytest.raises(SourceError, match=rf":{line}: predicate: unknown property 'hostChain' \(did you mean hostsChain"):
        load_reviewed_facts(facts_copy)


def test_quote_that_does_not_match_its_offsets(facts_copy):
    text = facts_copy.read_text(encoding="utf-8")
    first_start = yaml.safe_load(text)["relations"][0]["evidence"]["start"]
    line = replace_once(facts_copy, f"start: {first_start}\n    end:", f"start: {first_start + 1}\n    end:")
    with pytest.raises(SourceError) as error:
        load_reviewed_facts(facts_copy)
    message = str(error.value)
    assert f"{facts_copy}:" in message and "quote: quote does not match the file" in message
    assert f"the quote stands at [{first_start}," in message
    assert int(message.split(":")[1]) in range(line, line + 3)


def test_article_changed_since_review(facts_copy):
    article = facts_copy.parent / "seed_quanzhou_parks_2024q1.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"sha256: seed_quanzhou_parks_2024q1\.txt has changed since review"):
        load_reviewed_facts(facts_copy)


def test_unknown_reference_is_named_with_its_line(facts_copy):
    line = replace_once(facts_copy, "object: area/350582", "object: area/350599")
    with pytest.raises(SourceError, match=rf"{facts_copy.name}:{line}: object: unknown id 'area/350599'"):
        load_facts([PLACES_FACTS, facts_copy])


def test_relation_outside_its_domain_is_refused(facts_copy):
    line = replace_once(facts_copy, "subject: park/nanan_xingu\n  predicate: locatedIn", "subject: park/nanan_xingu\n  predicate: listedOn")
    with pytest.raises(SourceError, match=rf":{line}: subject: listedOn does not take a IndustrialPark"):
        load_facts([PLACES_FACTS, facts_copy])


@pytest.mark.parametrize(
    "breakage",
    [
        ("type: Company", "type: Compnay"),
        ("predicate: hostsChain", "predicate: hostChain"),
        ("quote: ", "quote: X"),
    ],
)
def test_build_with_bad_input_exits_nonzero_and_leaves_outputs_intact(tmp_path, facts_copy, capsys, breakage):
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), str(PLACES_FACTS), str(facts_copy)]) == 0
    before = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(before) == 6 + 14  # 4 graph files, report.html, gaps.html, 14 chain pictures
    replace_once(facts_copy, *breakage)
    capsys.readouterr()
    assert main(["build", "--out", str(out), str(PLACES_FACTS), str(facts_copy)]) == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.startswith(f"chainkg: error: {facts_copy}:")
    assert {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_build_of_a_missing_source_exits_2(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path), str(tmp_path / "missing.yaml")]) == 2
    assert "missing.yaml: file not found" in capsys.readouterr().err
