"""Imports point only down the floors, and no module reaches into another's private names.

Floors, bottom first: the base (``chainkg.errors``, ``chainkg.settings``, ``chainkg.text``) <
ontology < loaders < graph < analyses < reports < cli. A module may import its own floor and
those below. Every import counts — at module level, inside a function, under
``TYPE_CHECKING`` — because each is a dependency a reader must know about.
"""

from __future__ import annotations

import ast
from pathlib import Path

from _paths import REPO

FLOORS = ("base", "ontology", "loaders", "graph", "analyses", "reports", "cli")
#: Source folder → the package it installs as (pyproject's package-dir).
PACKAGES = {"ontology": "chainkg.ontology", "loaders": "chainkg.loaders", "graph": "chainkg.graph",
            "analyses": "chainkg.analyses", "reports": "chainkg.reports", "chainkg": "chainkg"}

def floor_of(module: str) -> str | None:
    """The floor of a ``chainkg`` module, or None for a module outside chainkg."""
    parts = module.split(".")
    if parts[0] != "chainkg":
        return None
    if len(parts) > 1 and parts[1] in FLOORS:
        return parts[1]
    if len(parts) > 1 and parts[1].startswith("cli_"):
        return "cli"  # the command line's own modules (chainkg.cli_review)
    return "base"  # chainkg itself, chainkg.errors, chainkg.settings, chainkg.text


def module_name(path: Path, root: Path = REPO) -> str:
    """``graph/rdf.py`` → ``chainkg.graph.rdf``; files outside the packages keep their folder name."""
    relative = path.relative_to(root).with_suffix("")
    parts = [PACKAGES.get(relative.parts[0], relative.parts[0]), *relative.parts[1:]]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layered_files() -> list[Path]:
    return sorted(path for folder in PACKAGES for path in (REPO / folder).glob("*.py"))


def imports(path: Path, root: Path = REPO) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, imported module, names taken from it) for every import statement in the file."""
    this = module_name(path, root)
    package = this if path.name == "__init__.py" else this.rsplit(".", 1)[0]
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names = tuple(alias.name for alias in node.names)
            found.append((node.lineno, module, names))
            if module == "chainkg":  # `from chainkg import cli` imports the module chainkg.cli
                found.extend((node.lineno, f"{module}.{name}", ()) for name in names)
    return found


def upward_arrows(path: Path, root: Path = REPO) -> list[str]:
    here = floor_of(module_name(path, root))
    problems = []
    for line, module, _ in imports(path, root):
        there = floor_of(module)
        if there is not None and FLOORS.index(there) > FLOORS.index(here):
            problems.append(f"{path.relative_to(root)}:{line}: {here} imports {module} ({there}), a higher floor")
    return problems


def private_imports(path: Path) -> list[str]:
    relative = str(path.relative_to(REPO))
    return [f"{relative}:{line}: imports private name {name} from {module}"
            for line, module, names in imports(path) for name in names
            if name.startswith("_") and not name.startswith("__")]


def test_every_layered_module_is_read_and_mapped_to_a_floor():
    files = layered_files()
    floors = {floor_of(module_name(path)) for path in files}
    assert floors == set(FLOORS)
    assert len(files) > 40
    # the reader sees function-level imports too: the CLI imports its commands lazily
    cli = [module for _, module, _ in imports(REPO / "chainkg" / "cli.py")]
    assert "chainkg.reports.tables" in cli and "chainkg.analyses.cypher" in cli


def test_no_import_points_up():
    problems = [problem for path in layered_files() for problem in upward_arrows(path)]
    assert not problems, "\n".join(problems)


def test_an_upward_import_is_caught_with_file_line_and_module(tmp_path):
    """The check itself: a loader importing an analysis inside a function, or the graph
    importing the CLI by a relative import, is named with its file and line."""
    (tmp_path / "loaders").mkdir()
    (tmp_path / "graph").mkdir()
    loader = tmp_path / "loaders" / "bad.py"
    loader.write_text('"""A loader."""\n\n\ndef f():\n    from chainkg.analyses.names import resolve_chain\n',
                      encoding="utf-8")
    writer = tmp_path / "graph" / "bad.py"
    writer.write_text("from .. import cli\nfrom ..loaders import records\n", encoding="utf-8")
    assert upward_arrows(loader, tmp_path) == [
        "loaders/bad.py:5: loaders imports chainkg.analyses.names (analyses), a higher floor"]
    assert upward_arrows(writer, tmp_path) == ["graph/bad.py:1: graph imports chainkg.cli (cli), a higher floor"]


def test_no_private_name_is_imported_from_another_module():
    files = layered_files() + sorted((REPO / "tests").glob("*.py")) + sorted((REPO / "benchmarks").glob("*.py"))
    problems = [problem for path in files for problem in private_imports(path)]
    assert not problems, "\n".join(problems)
