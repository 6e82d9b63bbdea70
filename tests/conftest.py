"""Shared fixtures: the real seed article, the built seed graph, a built out/ folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from chainkg.graph.build import build_seed_dataset
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import union_graph

from _paths import SEED_ARTICLE


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as the user gave it, read from the shared corpus."""
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_dataset():
    return build_seed_dataset()


@pytest.fixture(scope="session")
def seed_graph(seed_dataset):
    return union_graph(seed_dataset)


@pytest.fixture(scope="session")
def seed_kg(seed_graph):
    return to_networkx(seed_graph)


@pytest.fixture(scope="session")
def built_out(tmp_path_factory) -> Path:
    """`chainkg build --out DIR` run once for the session, as a user would."""
    from chainkg.cli import main

    out = tmp_path_factory.mktemp("out")
    assert main(["build", "--out", str(out)]) == 0
    return out
