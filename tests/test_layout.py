"""The card's folders install under the one namespace `chainkg`, never as bare packages."""

import subprocess
import sys
from importlib import metadata

import chainkg.graph
import chainkg.loaders
import chainkg.ontology
import chainkg.reports

from _paths import REPO


def test_card_folders_are_chainkg_subpackages():
    assert chainkg.graph.__path__[0] == str(REPO / "graph")
    assert chainkg.loaders.__path__[0] == str(REPO / "loaders")
    assert chainkg.ontology.__path__[0] == str(REPO / "ontology")
    assert chainkg.reports.__path__[0] == str(REPO / "reports")


def test_no_bare_top_level_graph_or_loaders_package(tmp_path):
    # From a neutral folder (so the checkout is not on sys.path), only chainkg resolves.
    code = "import importlib.util as u; print([n for n in ('graph','loaders','ontology','reports','chainkg') if u.find_spec(n)])"
    found = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "['chainkg']"


def test_console_script_is_declared():
    scripts = {ep.name: ep.value for ep in metadata.entry_points(group="console_scripts")}
    assert scripts["chainkg"] == "chainkg.cli:main"
