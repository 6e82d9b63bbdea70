"""Which files a list of sources names: the one folder expansion every command uses.

A source is a file or a folder. A folder stands for the reviewed-facts files (``*.yaml``,
``*.yml``, table mappings among them) and the articles (``*.txt``, ``*.html``, ``*.htm``)
directly inside it, each kind in name order; sub-folders are not entered, so pointing at
a working folder never walks into a virtual environment or a checkout's history. Files are
kept in the order given. Anything else is a :class:`~chainkg.errors.SourceError` naming the
path: a missing file, a device or pipe, a file of another type, a folder with nothing to read.

Example
-------
>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("b.txt", "a.html", "facts.yaml", "notes.md"):
...     _ = (folder / name).write_text("…", encoding="utf-8")
>>> found = expand_sources([folder])
>>> [p.name for p in found.reviewed], [p.name for p in found.articles]
(['facts.yaml'], ['a.html', 'b.txt'])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chainkg.errors import SourceError

__all__ = ["ARTICLE_SUFFIXES", "REVIEWED_SUFFIXES", "SourceFiles", "expand_sources"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
REVIEWED_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SourceFiles:
    """The files a list of sources stands for, by kind."""

    reviewed: tuple[Path, ...]
    articles: tuple[Path, ...]


def expand_sources(sources: Iterable[str | Path]) -> SourceFiles:
    """The reviewed-facts files and article files that ``sources`` (files or folders) name.

    Raises
    ------
    SourceError
        A source that does not exist, a file that is neither reviewed facts nor an article,
        or a folder holding neither.
    """
    reviewed: list[Path] = []
    articles: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file())
            found_reviewed = [p for p in found if p.suffix.lower() in REVIEWED_SUFFIXES]
            found_articles = [p for p in found if p.suffix.lower() in ARTICLE_SUFFIXES]
            if not found_reviewed and not found_articles:
                raise SourceError(path, "folder holds no reviewed-facts files (*.yaml) and no articles (*.txt, *.html)")
            reviewed.extend(found_reviewed)
            articles.extend(found_articles)
        elif not path.exists():
            raise SourceError(path, "file not found")
        elif not path.is_file():
            raise SourceError(path, "not a regular file (a device, pipe or socket)")
        elif path.suffix.lower() in REVIEWED_SUFFIXES:
            reviewed.append(path)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            articles.append(path)
        else:
            raise SourceError(path, f"unsupported source type '{path.suffix}': give reviewed facts (.yaml) "
                                    "or articles (.txt, .html)")
    return SourceFiles(tuple(reviewed), tuple(articles))
