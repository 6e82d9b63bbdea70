"""Two builds of the same sources write the same bytes; a killed build leaves nothing behind.

The builds run as separate processes with different ``PYTHONHASHSEED`` values: string hashing,
and with it the order of every set of IRIs, differs between them as between two real runs.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from chainkg.cli import main
from chainkg.graph.writers import STAGING_PREFIX, remove_stale_staging, write_outputs
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS

from _paths import CORPUS


def _build(out: Path, hash_seed: str, sources: list[Path]) -> None:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run([sys.executable, "-m", "chainkg.cli", "build", "--out", str(out), *map(str, sources)],
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("articles", [[], ["d2_quanzhou_xingu_part2.txt", "d3_jinjiang_devzone_parks.txt"]],
                         ids=["seed", "seed+2 articles"])
def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path, articles):
    sources = [PLACES_FACTS, SEED_FACTS, *(CORPUS / name for name in articles)]
    _build(tmp_path / "first", "1", sources)
    _build(tmp_path / "second", "2", sources)
    first, second = _files(tmp_path / "first"), _files(tmp_path / "second")
    assert sorted(first) == sorted(second)
    assert {"graph.nt", "graph.ttl", "graph.jsonld", "graph.trig", "report.html", "gaps.html"} <= set(first)
    assert [name for name in first if first[name] != second[name]] == []


def test_ntriples_lines_are_in_code_point_order(tmp_path):
    assert main(["build", "--out", str(tmp_path), "--no-report"]) == 0
    lines = (tmp_path / "graph.nt").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # the file ends with a newline
    assert lines[:-1] == sorted(lines[:-1])
    assert len(lines[:-1]) == len(Graph().parse(tmp_path / "graph.nt", format="nt"))


def test_trig_names_its_graphs_in_sorted_order(tmp_path):
    assert main(["build", "--out", str(tmp_path), "--no-report"]) == 0
    names = [line.split(" ", 1)[0] for line in (tmp_path / "graph.trig").read_text(encoding="utf-8").splitlines()
             if line.endswith(" {")]
    assert len(names) >= 3  # chains, places, the seed
    assert names == sorted(names)


def test_a_build_removes_the_staging_folder_a_killed_build_left(tmp_path):
    assert main(["build", "--out", str(tmp_path), "--no-report"]) == 0
    clean = (tmp_path / "graph.nt").read_bytes()
    stale = tmp_path / f"{STAGING_PREFIX}x"  # what a SIGKILL half-way through the writes leaves
    stale.mkdir()
    (stale / "graph.nt").write_text("<urn:half", encoding="utf-8")
    assert main(["build", "--out", str(tmp_path), "--no-report"]) == 0
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(STAGING_PREFIX)] == []
    assert (tmp_path / "graph.nt").read_bytes() == clean


def test_a_staging_folder_a_live_build_holds_is_left_alone(tmp_path):
    live = tmp_path / f"{STAGING_PREFIX}live"
    live.mkdir()
    with open(live / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the running build holds it
        assert remove_stale_staging(tmp_path) == []
        assert live.is_dir()
    assert remove_stale_staging(tmp_path) == [live]  # the holder is gone: stale now


#: A child that writes one output, then waits in the middle of the next (as a long write would).
_SLOW_WRITE = """
import sys, time
from pathlib import Path
from chainkg.graph.writers import write_outputs

def slow(path):
    path.write_text("partial", encoding="utf-8")
    print("writing", flush=True)
    time.sleep(60)

write_outputs(sys.argv[1], {"a.txt": lambda path: path.write_text("new", encoding="utf-8"), "b.txt": slow})
"""


def test_a_terminated_build_removes_its_staging_folder_and_keeps_the_old_outputs(tmp_path):
    write_outputs(tmp_path, {"a.txt": lambda path: path.write_text("old", encoding="utf-8")})
    child = subprocess.Popen([sys.executable, "-c", _SLOW_WRITE, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "writing\n"
    assert len(list(tmp_path.glob(STAGING_PREFIX + "*"))) == 1
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert list(tmp_path.glob(STAGING_PREFIX + "*")) == []
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "b.txt").exists()
