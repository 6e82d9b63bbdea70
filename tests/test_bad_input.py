"""Bad input exits non-zero with a message naming the file, line or field; outputs stay intact."""

import re
import shutil

import pytest
import yaml
from rdflib import Graph
from rdflib.query import ResultRow

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.graph.build import load_facts
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, load_reviewed_facts
from chainkg.ontology import CKG, SHAPES_FILE, allowed_values


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


#: Each closed-vocabulary field of a facts file: the ontology property whose shape lists its
#: values, the bundled file and a line in it that sets the field, and how errors name it.
VOCABULARY_FIELDS = [
    ("admin_level", CKG.adminLevel, PLACES_FACTS, "admin_level: province", "admin level"),
    ("status", CKG.status, SEED_FACTS, "  status: in_operation", "project status"),
    ("leadership_kind", CKG.leadershipKind, SEED_FACTS, "leadership_kind: chain_leader", "leadership kind"),
    ("measure", CKG.measure, SEED_FACTS, "measure: project_count", "measure"),
    ("bound", CKG.bound, SEED_FACTS, "bound: exact", "bound"),
    ("project_status", CKG.projectStatus, SEED_FACTS, "project_status: in_operation", "project status"),
]


def sh_in_values(prop) -> set[str]:
    """The values shapes.ttl lists for ``prop``, read with SPARQL (not with the code under test)."""
    rows = Graph().parse(SHAPES_FILE).query(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT DISTINCT ?value WHERE { ?shape sh:path ?prop ; sh:in ?list . ?list rdf:rest*/rdf:first ?value }",
        initBindings={"prop": prop})
    values = set()
    for row in rows:
        assert isinstance(row, ResultRow)  # a SELECT answers rows (rdflib types every kind of answer alike)
        values.add(str(row.value))
    return values


def facts_file_copy(tmp_path, source):
    """A copy of a bundled facts file (and the seed's article beside it) to change."""
    shutil.copy(SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt", tmp_path)
    return shutil.copy(source, tmp_path / source.name)


@pytest.mark.parametrize("field, prop, source, line_text, what", VOCABULARY_FIELDS, ids=[f[0] for f in VOCABULARY_FIELDS])
def test_the_checker_allows_exactly_the_values_the_shapes_list(tmp_path, field, prop, source, line_text, what):
    listed = sh_in_values(prop)
    assert len(listed) >= 2 and set(allowed_values(prop)) == listed
    path = facts_file_copy(tmp_path, source)
    original = path.read_text(encoding="utf-8")
    # every listed value loads ...
    for value in sorted(listed):
        path.write_text(original.replace(line_text, line_text.split(":")[0] + ": " + value, 1), encoding="utf-8")
        load_reviewed_facts(path)
    # ... and one outside the list is refused with file, line and field, and the list it must come from
    path.write_text(original, encoding="utf-8")
    line = replace_once(path, line_text, line_text.split(":")[0] + ": zzzz")
    with pytest.raises(SourceError) as error:
        load_reviewed_facts(path)
    message = str(error.value)
    assert message.startswith(f"{path}:{line}: {field}: unknown {what} 'zzzz' (expected one of: ")
    assert set(message.split("expected one of: ")[1].rstrip(")").split(", ")) == listed


def test_a_close_miss_is_refused_with_a_suggestion_from_the_shapes(tmp_path):
    path = facts_file_copy(tmp_path, PLACES_FACTS)
    line = replace_once(path, "admin_level: province", "admin_level: provinces")
    with pytest.raises(SourceError, match=rf"^{re.escape(str(path))}:{line}: admin_level: unknown admin level 'provinces' "
                                          r"\(did you mean province\?\)$"):
        load_reviewed_facts(path)


def test_a_qualifier_the_records_declare_is_read_from_a_facts_file_and_checked_against_the_shapes(tmp_path):
    """modality was added as one field on Relation; the facts reader takes it with no edit of its own."""
    path = facts_file_copy(tmp_path, SEED_FACTS)
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("  leadership_kind: chain_leader\n",
                                     "  leadership_kind: chain_leader\n  modality: intended\n", 1), encoding="utf-8")
    [lead] = [r for r in load_reviewed_facts(path).relations if r.leadership_kind == "chain_leader"]
    assert lead.modality == "intended"
    assert set(allowed_values(CKG.modality)) == sh_in_values(CKG.modality) == {"stated", "intended"}
    path.write_text(original, encoding="utf-8")
    line = replace_once(path, "  leadership_kind: chain_leader", "  leadership_kind: chain_leader\n  modality: maybe") + 1
    with pytest.raises(SourceError, match=rf"^{re.escape(str(path))}:{line}: modality: unknown modality 'maybe'"):
        load_reviewed_facts(path)
