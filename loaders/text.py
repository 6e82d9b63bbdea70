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
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from chainkg.errors import SourceError

__all__ = ["NormalizedText", "normalize_annotated_text", "normalize_article", "to_simplified", "sentence_spans", "BOX_DRAWING",
           "MAX_ARTICLE_BYTES", "SOURCE_ENCODINGS", "read_source_file", "decode_source"]

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
# A site's navigation bar (福建| 时评| 福州| 厦门| …: five short links or more, no sentence) and its
# breadcrumb (您所在的位置: 东南网 > 三明频道 > 正文): the site's, naming places the article does not
_NAVIGATION_LINE = re.compile(r"^\s*(?:(?:[^|｜，。；：:\n]{1,6}\s*[|｜]\s*){4,}[^|｜，。；\n]{0,6}\s*"
                              r"|(?:您(?:现在)?(?:所在的?|的)?位置|当前位置)[:：].*)$")
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
# a space between two Chinese words separates phrases or table columns: it becomes a comma — but
# not between a number and its measure word or unit (15 个项目, 2018 年, 100 亿元: the space goes)
_COUNTED_UNIT = "[个家项批条座栋年月日亿万千百元吨亩米名位期号倍]"
_PHRASE_SPACE = re.compile(rf"(?<=[{_CJK}）)])[ \t\u3000]+(?=[{_CJK}★☆])|(?<=[0-9])[ \t\u3000]+(?!{_COUNTED_UNIT})(?=[{_CJK}★☆])")
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
    >>> normalize_article("首页| 福建| 时评| 福州| 厦门| 莆田\\n您所在的位置: 甲网 > 三明频道 > 正文\\n甲县引进乙公司。").text
    '甲县引进乙公司。'
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
                if _BOILERPLATE_LINE.match(line) or _BOX_RULE_LINE.match(line) or _NAVIGATION_LINE.match(line):
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


# --- Reading source files: size cap, regular files only, encodings ------------------------

#: The largest article read, alone or cited by a facts file (the seed's is 6 KB).
MAX_ARTICLE_BYTES = 32 * 1024 * 1024
#: Encodings a source file may be in; :func:`decode_source` tells them apart.
SOURCE_ENCODINGS = ("UTF-8", "UTF-8 with BOM", "UTF-16", "GB 18030 / GBK", "Big5")

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def read_source_file(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A folder, a device (``/dev/zero``), a pipe or a file larger than ``limit`` is refused
    with one line, before anything is read into memory.

    >>> read_source_file("/dev/zero", 1024)
    Traceback (most recent call last):
    ...
    chainkg.errors.SourceError: /dev/zero: not a regular file (a device, pipe or socket)
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(path, "not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise SourceError(path, f"file is {info.st_size:,} bytes; the limit for this kind of file is {limit:,}")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise SourceError(path, "file not found") from None
    except (OSError, ValueError) as error:  # permissions, a name too long, a NUL in the name
        raise SourceError(path, f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    if len(data) > limit:
        raise SourceError(path, f"file is larger than the limit for this kind of file ({limit:,} bytes)")
    return data


def decode_source(data: bytes, path: str | Path, encoding: str | None = None) -> str:
    """Text of a source file: in ``encoding`` if given, else detected among
    :data:`SOURCE_ENCODINGS` (a byte-order mark first, then UTF-8, UTF-16 without a mark,
    and GB 18030 or Big5, whichever reads as the more common characters).

    >>> decode_source("泉州".encode("big5"), "a.csv"), decode_source("泉州".encode("gbk"), "a.csv")
    ('泉州', '泉州')
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise SourceError(path, f"unknown text encoding {encoding[:40]!r}", field="encoding") from None
        except UnicodeDecodeError as error:
            raise SourceError(path, f"not {encoding} text: cannot decode byte {error.start}", field="encoding") from None
    for mark, codec in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise SourceError(path, f"starts as {codec} but cannot be decoded at byte {error.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_mark(data)
    if utf16 is not None:
        return utf16
    readings = {}
    for codec in ("gb18030", "big5"):
        try:
            readings[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if not readings:
        raise SourceError(path, "not text in " + ", ".join(SOURCE_ENCODINGS)
                          + "; convert it to UTF-8 or name its encoding with 'encoding:'")
    return max(readings.values(), key=_common_share)


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: NUL in every other byte of mostly-ASCII text,
    or in none where Chinese text alone would put many."""
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros >= half * 0.3 and zeros > 4 * min(even, odd):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _common_share(text: str) -> float:
    """The share of a text's CJK characters that GB 2312 (the 6,763 common simplified
    characters) or Big5's level 1 (the 5,401 common traditional ones) holds: a text read
    in the wrong one of GB 18030 and Big5 comes out as rare characters."""
    cjk = [ch for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"]
    if not cjk:
        return 0.0
    return sum(1 for ch in cjk if _is_common(ch)) / len(cjk)


@lru_cache(maxsize=65536)
def _is_common(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA440 <= int.from_bytes(ch.encode("big5"), "big") <= 0xC67E
    except UnicodeEncodeError:
        return False
