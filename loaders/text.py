"""Article text with an offset map back to the original file.

Source articles come as traditional characters with inline pinyin annotations
(``質(zhì)``), real parentheticals (``(原哈工大研究院)``) and corrupted annotations
(``?shù)``). :func:`normalize_annotated_text` turns them into plain simplified Chinese
and remembers, for every output character, where it came from, so that a fact found in
the clean text can cite offsets into the original file.

Example
-------
>>> text = normalize_annotated_text("高品質(zhì)打造(原哈工大研究院)")
>>> text.text
'高品质打造(原哈工大研究院)'
>>> text.original_span(2, 3)
(2, 3)
>>> text.original_span(3, 5)
(8, 10)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormalizedText", "normalize_annotated_text", "normalize_article", "to_simplified", "sentence_spans", "BOX_DRAWING"]

# Lower-case latin letters with or without tone marks; pinyin never has capitals here.
_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# (zhì)  (chuàng )  — an annotation right after a Chinese character
_ANNOTATION = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\(\s*[{_PINYIN}]{{1,7}}\s*\)")
# ?shù)  — a corrupted annotation: the '(' and sometimes the character became '?'
_CORRUPT_ANNOTATION = re.compile(rf"\?[{_PINYIN}]{{1,7}}\s*\)")


@dataclass(frozen=True)
class NormalizedText:
    """Clean text plus, for each of its characters, the index of its source character."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span ``[start, end)`` to a span of the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        if start == end:
            at = self.offsets[start] if start < len(self.offsets) else self.original_length
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``); other characters pass through.

    >>> to_simplified("鯉城區臺商投資區")
    '鲤城区台商投资区'
    """
    # OpenCC works on UTF-8: lone surrogates cannot cross, so convert around them.
    parts = _SURROGATES.split(text)
    gaps = _SURROGATES.findall(text)
    converted = [_t2s().convert(part) if part else part for part in parts]
    return "".join(part + (gaps[i] if i < len(gaps) else "") for i, part in enumerate(converted))


_SURROGATES = re.compile(r"[\ud800-\udfff]+")


def normalize_annotated_text(original: str) -> NormalizedText:
    """Strip pinyin annotations and convert to simplified Chinese, keeping an offset map.

    Real parentheticals (anything that is not a lone pinyin syllable) are kept.
    Normalizing the result again changes nothing.
    """
    text = original
    offsets = list(range(len(original)))
    while True:
        stripped, kept = _strip_annotations(text)
        if len(kept) == len(text):
            break
        text, offsets = stripped, [offsets[i] for i in kept]
    simplified = to_simplified(text)
    if len(simplified) != len(text):
        # OpenCC changed the length (a phrase or a control character): go char by char.
        simplified = "".join(_simplify_char(ch) for ch in text)
    return NormalizedText(simplified, tuple(offsets), len(original))


def _simplify_char(ch: str) -> str:
    converted = to_simplified(ch)
    return converted if len(converted) == 1 else ch


def _strip_annotations(text: str) -> tuple[str, list[int]]:
    """Remove annotations once: the text left and the indexes of its characters."""
    kept: list[int] = []
    position = 0
    for match in _annotations(text):
        kept.extend(range(position, match.start()))
        position = match.end()
    kept.extend(range(position, len(text)))
    return "".join(text[i] for i in kept), kept


def _annotations(text: str):
    matches = sorted(
        [*_ANNOTATION.finditer(text), *_CORRUPT_ANNOTATION.finditer(text)], key=lambda m: m.start()
    )
    end = -1
    for match in matches:
        if match.start() >= end:
            end = match.end()
            yield match


# ASCII "?" is no sentence end here: mojibake turns lost characters into "?".
_SENTENCE_END = re.compile(r"[。;；！!？\n]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of sentences (split after 。 ; ！ ？ and at line ends), without surrounding space.

    >>> sentence_spans("甲。 乙;丙")
    [(0, 2), (3, 5), (5, 6)]
    """
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.end() if match.group() != "\n" else match.start()))
        start = match.end()
    spans.append((start, len(text)))
    cleaned = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            cleaned.append((s, e))
    return cleaned


# --- Whole articles: boilerplate, mojibake, punctuation and spacing ----------------------

# Lines that are the site's, not the article's: copyright footers, contact lines, editor and
# photo credits, source lines.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:\d+、\s*本网|※|版权|免责声明|责任编辑|编辑[:：]|来源[:：]|原标题[:：]|(?:图|摄影|图片)[:：]|.{0,20}(?:邮箱|电话)[:：].*@)"
)
# A trailing photo credit inside a line: (融媒体记者陈晓东 摄)
_PHOTO_CREDIT = re.compile(r"[(（][^()（）]{0,20}\s摄[)）]")
# Mojibake debris: a lost character became '?' followed by stray ASCII (?,F場 → 場)
_MOJIBAKE = re.compile(r"\?[,.;A-Za-z]{1,3}(?=[\u3400-\u9fff])")
_CJK = "\u3400-\u9fff\uf900-\ufaff"
#: The Unicode box-drawing block (light, heavy and double lines): ┌ ─ ┬ ┐ │ ├ ┼ ┤ └ ┴ ┘ ┏ ━ ┃ ╔ ═ ║ ….
BOX_DRAWING = "\u2500-\u257f"
# A table's ruling line (┌───┬───┐, ├───┼───┤, or a row of empty cells): it holds no text.
_BOX_RULE_LINE = re.compile(rf"^[{BOX_DRAWING}\s]*[{BOX_DRAWING}][{BOX_DRAWING}\s]*$")
_FULLWIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
# a space between two Chinese words separates phrases or table columns: it becomes a comma
_PHRASE_SPACE = re.compile(rf"(?<=[{_CJK}0-9）)])[ \t\u3000]+(?=[{_CJK}★☆])")
# spaces next to Chinese or punctuation carry nothing (集微网消息 , 我国… → 集微网消息，我国…)
# (a table's cell rules count as punctuation: │ 1 │厦船… → │1│厦船…)
_LOOSE_SPACE = re.compile(rf"(?<=[{_CJK}，。；：！？、”“（）,;:!?{BOX_DRAWING}])[ \t\u3000]+"
                          rf"|[ \t\u3000]+(?=[{_CJK}，。；：！？、”“（）,;:!?{BOX_DRAWING}])")
# An ASCII "?" before a list comma, a full stop or another "?" stands for a character lost to
# mojibake (??松梨?、沙特阿美), not for a question: it stays ASCII, which ends no sentence.
_ASCII_PUNCT = re.compile(rf"(?<=[{_CJK}）)”])(?:[,;:!]|\?(?![、，,。；;?]))(?=[{_CJK}（(“]|$)"
                          rf"|(?<=[{_CJK}])(?:[,;:!]|\?(?![、，,。；;?]))")


def _drop(text: str, offsets: list[int], spans) -> tuple[str, list[int]]:
    keep = [True] * len(text)
    for start, end in spans:
        for i in range(start, end):
            keep[i] = False
    return "".join(ch for ch, k in zip(text, keep, strict=True) if k), [o for o, k in zip(offsets, keep, strict=True) if k]


def normalize_article(original: str) -> NormalizedText:
    """Everything :func:`normalize_annotated_text` does, plus what whole web articles need:
    boilerplate lines and photo credits dropped, mojibake debris removed, spaces around
    Chinese text removed and ASCII punctuation between Chinese made full-width. A box-drawing
    table keeps one line per row with its ``│`` rules as cell delimiters; its ruling lines go.
    Offsets still point into ``original``; normalizing the result again changes nothing.

    >>> normalize_article("集微网消息 , 我国半导体 。\\n※ 有关作品版权事宜请联系").text
    '集微网消息，我国半导体。'
    >>> normalize_article("┌───┬──────┐\\n│ 1 │ 甲乙项目 │\\n└───┴──────┘").text
    '│1│甲乙项目│'
    """
    text, offsets = original, list(range(len(original)))
    while True:
        before = text
        base = normalize_annotated_text(text)  # removing spaces can bring an annotation next to its character
        text, offsets = base.text, [offsets[i] for i in base.offsets]
        while True:
            spans = []
            position = 0
            for line in text.splitlines(keepends=True):
                if _BOILERPLATE_LINE.match(line) or _BOX_RULE_LINE.match(line):
                    spans.append((position, position + len(line)))
                position += len(line)
            spans += [m.span() for m in _PHOTO_CREDIT.finditer(text)]
            spans += [m.span() for m in _MOJIBAKE.finditer(text)]
            spans += [(m.start() + 1, m.end()) for m in _PHRASE_SPACE.finditer(text) if m.end() - m.start() > 1]
            if not spans:
                text = _PHRASE_SPACE.sub("，", text)
                spans += [m.span() for m in _LOOSE_SPACE.finditer(text)]
            if not spans:
                break
            text, offsets = _drop(text, offsets, spans)
        text = _ASCII_PUNCT.sub(lambda m: _FULLWIDTH[m.group()], text)
        trailing = len(text) - len(text.rstrip("\n"))
        if trailing:
            text, offsets = text[: len(text) - trailing], offsets[: len(text) - trailing]
        if text == before:
            break
    return NormalizedText(text, tuple(offsets), len(original))
