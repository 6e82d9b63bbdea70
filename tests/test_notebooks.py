"""Both notebooks run top to bottom as shipped (stored without outputs), Cypher cells included."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from _paths import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_two_notebooks_stored_without_outputs():
    assert [n.name for n in NOTEBOOKS] == ["chain_gaps.ipynb", "explore_quanzhou.ipynb"]
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in cells if c["cell_type"] == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, neo4j_settings, loaded_seed, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    if path.name == "explore_quanzhou.ipynb":
        assert "NEO4J_URI is not set" not in text and "中国机械总院海西分院" in text
    else:
        assert "SYNTHETIC DATA" in text and "补缺环节「晶圆制造」" in text
        assert "没有可据以招商的缺口" in text  # the Quanzhou answer says why it has no candidate
