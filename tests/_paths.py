"""Where the tests find the repository and the shared corpus."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The Cypher cookbook other apps copy their queries from.
COOKBOOK = REPO / "cookbook" / "cypher"
#: The shared folder beside the repository (CI lays a copy there too).
SHARED = Path(os.environ.get("CHAINKG_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
SEED_ARTICLE = CORPUS / "seed_quanzhou_parks_2024q1.txt"
