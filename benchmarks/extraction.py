"""Extraction throughput on the development corpus: articles/s and characters/s.

    .venv/bin/python benchmarks/extraction.py [--repeat 7] [--corpus ../shared/corpus]

Prints the median of several timed passes (this machine is noisy), next to the cost of
normalization alone — the floor every extractor pays — and side by side: the full extractor
(the lexical model and the rules over its words, ``loaders/lexical.py``) and the rules alone
(``extract_lexical.rules_only``), and the model's own share (``lexical_tokens``). Each rate is
given per second of wall time and per second of this process's CPU time: on a shared machine
the wall rate also counts the time other processes held the core, the CPU rate does not.
Everything runs in one thread (the model's session is held to one), so both are one core's.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from chainkg.loaders.batch import ArticleJob, extract_many, usable_cores
from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_lexical import rules_only
from chainkg.loaders.gazetteer import chain_gazetteer, place_gazetteer
from chainkg.loaders.lexical import clear_token_cache, lexical_tokens
from chainkg.loaders.text import normalize_article

#: LAC's encoder per character: two bidirectional GRU layers of 128 units (reading 128, then 256
#: values) and a 256 → 59 output layer; a GRU step costs 3 × 128 × (inputs + 128) multiply-adds.
MODEL_MACS_PER_CHARACTER = 2 * 3 * 128 * (128 + 128) + 2 * 3 * 128 * (256 + 128) + 256 * 59


def _timed(function: Callable[[str], object], texts: list[str], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of one pass over ``texts``."""
    walls, cpus = [], []
    for _ in range(repeat):
        clear_token_cache()  # every pass pays for the model, as a new article would
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            function(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _rules_alone(text: str) -> object:
    with rules_only():
        return extract_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--lengths", action="store_true", help="only: one long line at 10k, 100k and 1M characters")
    parser.add_argument("--processes", type=int, default=usable_cores(),
                        help="also: the corpus eight times over through loaders.batch with this many processes "
                             "(default: every usable core; 1 skips it)")
    args = parser.parse_args()
    if args.lengths:
        for line in HOSTILE_LINES:
            print(f"one line of {line!r} repeated:")
            for length, seconds in length_growth(repeat=min(args.repeat, 3), line=line):
                print(f"{length:>9} characters  {seconds:8.2f} s (median)  {length / seconds:10.0f} chars/s")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    normalized = [normalize_article(t).text for t in texts]
    characters = sum(map(len, texts))
    started = time.perf_counter()
    place_gazetteer(), chain_gazetteer()
    warmup = time.perf_counter() - started
    started = time.perf_counter()
    lexical_tokens("模型加载")
    model_load = time.perf_counter() - started
    steps = [
        ("normalize_article (floor)", normalize_article, texts),
        ("lexical_tokens (model)", lexical_tokens, normalized),
        ("extract_text, rules alone", _rules_alone, texts),
        ("extract_text, model + rules", extract_text, texts),
    ]
    timings = {name: _timed(function, inputs, args.repeat) for name, function, inputs in steps}
    print(f"{time.strftime('%Y-%m-%d')} · {platform.processor() or platform.machine()} · Python {platform.python_version()}")
    print(f"corpus: {len(texts)} articles, {characters} characters; gazetteers loaded once in {warmup:.2f} s, "
          f"the lexical model in {model_load:.2f} s")
    print(f"{'step':<30}{'wall s/pass':>12}{'articles/s':>12}{'chars/s':>10}{'cpu s/pass':>12}{'articles/cpu-s':>16}"
          f"{'chars/cpu-s':>13}")
    for name, (wall, cpu) in timings.items():
        print(f"{name:<30}{wall:>12.4f}{len(texts) / wall:>12.1f}{characters / wall:>10.0f}"
              f"{cpu:>12.4f}{len(texts) / cpu:>16.1f}{characters / cpu:>13.0f}")
    full, alone = timings["extract_text, model + rules"][1], timings["extract_text, rules alone"][1]
    print(f"the model and its rules cost {full / alone:.1f}× the rules alone (CPU)")
    model_cpu = timings["lexical_tokens (model)"][1]
    print(f"the model's arithmetic: {MODEL_MACS_PER_CHARACTER / 1e6:.2f} M multiply-adds per character of text, "
          f"{2 * MODEL_MACS_PER_CHARACTER * sum(map(len, normalized)) / model_cpu / 1e9:.1f} GFLOP/s on this core")
    if args.processes > 1:
        many = [ArticleJob(text, f"{i}") for i, text in enumerate(texts * 8)]
        started = time.perf_counter()
        extract_many(many, workers=args.processes, progress=False)
        wall = time.perf_counter() - started
        print(f"extract_many, {args.processes} processes (not one core): {len(many)} articles in {wall:.2f} s wall, "
              f"{len(many) / wall:.1f} articles/s, starting the processes included")


#: Hostile single lines: the red team's (one "sentence", thousands of parks and verbs), and a list
#: of thousands of names with no head word after it (before session 13 the list patterns tried
#: every item of it from every start: 45,000 characters took 151 s), and thousands of bracketed parks
#: and dotted projects (session 15's names: a pass compared every project with every park once per
#: relation, 30,000 characters ran for minutes).
HOSTILE_LINES = ("引进甲产业园,", "甲乙丙丁戊己庚辛、", "在甲乙(翔安)产业园，宏帆·恒帆项目都位于东园镇，")


def length_growth(lengths=(10_000, 100_000, 1_000_000), repeat: int = 3, line: str = HOSTILE_LINES[0]) -> list[tuple[int, float]]:
    """Median seconds of ``extract_text`` over one ``line`` repeated to each length. Linear
    extraction takes about ten times as long for ten times the text."""
    rows = []
    for length in lengths:
        text = (line * (length // len(line) + 1))[:length]
        times = []
        for _ in range(repeat):
            clear_token_cache()
            started = time.perf_counter()
            extract_text(text)
            times.append(time.perf_counter() - started)
        rows.append((length, statistics.median(times)))
    return rows


if __name__ == "__main__":
    main()
