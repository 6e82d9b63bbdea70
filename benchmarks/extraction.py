"""Extraction throughput on the development corpus: articles/s and characters/s.

    .venv/bin/python benchmarks/extraction.py [--repeat 7] [--corpus ../shared/corpus]

Prints the median of several timed passes (this machine is noisy), next to the cost of
normalization alone — the floor every extractor pays — so the rules' own cost shows.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from chainkg.loaders.extract import extract_text
from chainkg.loaders.gazetteer import chain_gazetteer, place_gazetteer
from chainkg.loaders.text import normalize_article


def _timed(function, texts, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            function(text)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    characters = sum(map(len, texts))
    started = time.perf_counter()
    place_gazetteer(), chain_gazetteer()
    warmup = time.perf_counter() - started
    normalize = _timed(normalize_article, texts, args.repeat)
    extract = _timed(extract_text, texts, args.repeat)
    print(f"{time.strftime('%Y-%m-%d')} · {platform.processor() or platform.machine()} · Python {platform.python_version()}")
    print(f"corpus: {len(texts)} articles, {characters} characters; gazetteers loaded once in {warmup:.2f} s")
    print(f"{'step':<28}{'median s/pass':>14}{'articles/s':>12}{'chars/s':>12}")
    for name, seconds in (("normalize_article (floor)", normalize), ("extract_text (full)", extract)):
        print(f"{name:<28}{seconds:>14.4f}{len(texts) / seconds:>12.1f}{characters / seconds:>12.0f}")
    print(f"rules cost {extract / normalize:.1f}× normalization alone")


if __name__ == "__main__":
    main()
