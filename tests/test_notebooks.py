"""Both notebooks run top to bottom as shipped (stored without outputs) on the user's own graph
(``CHAINKG_DATA`` = a build folder), Cypher cells included, and show DataFrames and figures."""

import json
from decimal import Decimal

import nbformat
import pytest
from nbclient import NotebookClient

from chainkg.graph.build import load_sources
from chainkg.loaders.review import review_items
from chainkg.loaders.reviewed import DATA_DIR, PLACES_FACTS, SEED_FACTS
from chainkg.reports.user_graph import open_graph

from _paths import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_two_notebooks_stored_without_outputs_and_without_asserts():
    assert [n.name for n in NOTEBOOKS] == ["chain_gaps.ipynb", "explore_quanzhou.ipynb"]
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
        assert not [c for c in code if "assert " in "".join(c["source"])], path.name  # checks live here, not in cells
        assert 'os.environ.get("CHAINKG_DATA", "../out")' in "".join(code[0]["source"])  # the user's graph first


def test_without_a_graph_of_their_own_the_user_is_told_the_seed_is_read(tmp_path):
    empty = open_graph(tmp_path / "nothing-built-here")
    assert empty.is_seed and empty.note.startswith(f"no graph at {tmp_path / 'nothing-built-here'}: using the bundled Quanzhou seed")


def _run(path, monkeypatch, data):
    monkeypatch.setenv("CHAINKG_DATA", str(data))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return [(i, o) for i, c in enumerate(notebook.cells) if c.cell_type == "code" for o in c.outputs]


def _frames(outputs) -> list[str]:
    return [o["data"]["text/html"] for _, o in outputs if "text/html" in o.get("data", {}) and 'class="dataframe"' in o["data"]["text/html"]]


def _text(outputs) -> str:
    return "".join(o.get("text", "") for _, o in outputs if o.output_type == "stream")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_the_users_graph_and_shows_dataframes(path, built_out, neo4j_settings, loaded_seed, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    outputs = _run(path, monkeypatch, built_out)
    assert not [o for _, o in outputs if o.output_type == "error"]
    text, frames = _text(outputs), _frames(outputs)
    assert text.startswith(f"graph: {built_out / 'graph.trig'} (")  # the user's build, not the seed
    assert "bundled Quanzhou seed" not in text
    if path.name == "explore_quanzhou.ipynb":
        assert "NEO4J_URI is not set" not in text
        assert any("中国机械总院海西分院" in f for f in frames)  # the Cypher leaders as a DataFrame
        assert any("泉州市工业(产业)园区标准化建设2024年第一季度拉练活动" in f for f in frames)  # the source list
        # the review queue below the notebook's 0.95: each fact or merge the seed build is least sure of, by its id
        queued = review_items(load_sources([PLACES_FACTS, SEED_FACTS, DATA_DIR / "seed_quanzhou_parks_2024q1.txt"]),
                              below=Decimal("0.95"))
        assert queued and f"{len(queued)} to review (confidence below 0.95)" in text and "named things →" in text
        assert all(any(item.id in f for f in frames) for item in queued[:15])
        # whole tables: the cookbook's longest answer shows every row (no 8-row cut, no 40-character cut)
        counts = [int(o["data"]["text/markdown"].rsplit("— ", 1)[1].split()[0]) for _, o in outputs if "text/markdown" in o.get("data", {})
                  and "— " in o["data"]["text/markdown"]]
        longest = max(counts)
        assert longest > 8 and any(f.count("<tr") == longest + 1 for f in frames)  # header row + every row
        assert "…" not in "".join(frames) and "..." not in "".join(frames)
    else:
        svgs = [o["data"]["image/svg+xml"] for _, o in outputs if "image/svg+xml" in o.get("data", {})]
        assert len(svgs) == 2 and "产业链图谱 · 永春县" in svgs[0] and "环节 × 县市区" in svgs[1]  # the promised figures
        assert len(frames) >= 6
        gaps_frame = frames[0]
        assert "扫地机器人零部件" in gaps_frame and "永春县" in gaps_frame
        # the Quanzhou answer: no candidate, and why; the synthetic demo only in its labelled cell
        quanzhou = [(i, o) for i, o in outputs if o.output_type == "stream" and "没有可据以招商的缺口" in o.get("text", "")]
        assert len(quanzhou) == 1
        synthetic_cell = next(i for i, o in outputs if o.output_type == "stream" and o.get("text", "").startswith("SYNTHETIC DATA"))
        assert synthetic_cell > quanzhou[0][0]
        assert not [f for i, o in outputs if i != synthetic_cell for f in _frames([(i, o)]) if "合成企业" in f]
        assert any("合成企业" in f and "补缺环节「晶圆制造」" in f for f in _frames([(i, o) for i, o in outputs if i == synthetic_cell]))
