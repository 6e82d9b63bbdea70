"""Fuzzing every input boundary: facts YAML, table mappings and tables, articles.

Whatever the bytes, a loader either loads or raises a ChainKGError whose message is one line
of at most 500 characters, within 10 s, and the command line exits 0, 1 or 2 — never 3 (an
internal error) and never with a traceback. The suite runs a small fixed budget; a longer
run (README, "Errors and exit codes") raises it and writes a summary:

    CHAINKG_FUZZ_EXAMPLES=1300 CHAINKG_FUZZ_REPORT=fuzz.json \\
        .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_inputs.py
"""

import contextlib
import csv
import io
import json
import os
import resource
import shutil
import signal
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from chainkg.cli import main
from chainkg.errors import MAX_MESSAGE, ChainKGError
from chainkg.graph.build import load_facts
from chainkg.loaders.articles import extract_file
from chainkg.loaders.gazetteer import chain_gazetteer, place_gazetteer
from chainkg.loaders.reviewed import SEED_FACTS, load_reviewed_facts
from chainkg.loaders.tables import FORMATS, load_table, read_table

EXAMPLES = int(os.environ.get("CHAINKG_FUZZ_EXAMPLES", "25"))
LONG_RUN = "CHAINKG_FUZZ_EXAMPLES" in os.environ
# no "explain" phase: its line tracing makes each input many times slower, and so time out
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not LONG_RUN,
                suppress_health_check=list(HealthCheck), print_blob=True,
                phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
HANG_SECONDS = 10
SEED_ARTICLE_FILE = SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt"

#: What the long run reports (README): inputs per kind, slowest input, longest error message.
STATS: dict = {"inputs": {}, "loaded": {}, "errors": 0, "slowest_seconds": 0.0, "longest_message": 0}


@pytest.fixture(scope="module", autouse=True)
def fuzz_report():
    yield
    report = os.environ.get("CHAINKG_FUZZ_REPORT")
    if report:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        Path(report).write_text(json.dumps({**STATS, "total_inputs": sum(STATS["inputs"].values()),
                                            "peak_rss_mib": round(peak / 1024, 1)}, indent=2), encoding="utf-8")


class Hang(Exception):
    """An input took longer than HANG_SECONDS (raised from the alarm signal)."""


@contextlib.contextmanager
def within(seconds: int):
    def alarm(signum, frame):
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def survives(kind: str, load) -> None:
    """Run ``load``: it may succeed or raise a ChainKGError of one short line; nothing else."""
    STATS["inputs"][kind] = STATS["inputs"].get(kind, 0) + 1
    started = time.perf_counter()
    try:
        with within(HANG_SECONDS):
            load()
        STATS["loaded"][kind] = STATS["loaded"].get(kind, 0) + 1
    except ChainKGError as error:
        message = str(error)
        STATS["errors"] += 1
        STATS["longest_message"] = max(STATS["longest_message"], len(message))
        assert len(message) <= MAX_MESSAGE, message[:1000]
        assert len(message.splitlines()) == 1, message
    STATS["slowest_seconds"] = max(STATS["slowest_seconds"], round(time.perf_counter() - started, 3))


def cli_survives(kind: str, argv: list[str]) -> None:
    """The command line on the input: exit 0, 1 or 2, at most one line on stderr, no traceback."""
    STATS["inputs"][kind] = STATS["inputs"].get(kind, 0) + 1
    err, out = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with within(HANG_SECONDS), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = main(argv)
    STATS["slowest_seconds"] = max(STATS["slowest_seconds"], round(time.perf_counter() - started, 3))
    errors = [line for line in err.getvalue().splitlines() if line.startswith("chainkg: error:")]
    assert status in (0, 1, 2), err.getvalue()[-2000:]
    assert "Traceback" not in err.getvalue()
    STATS["loaded"][kind] = STATS["loaded"].get(kind, 0) + (status == 0)
    if status == 2:
        assert len(errors) == 1 and len(errors[0]) <= MAX_MESSAGE, err.getvalue()[-2000:]
        STATS["errors"] += 1
        STATS["longest_message"] = max(STATS["longest_message"], len(errors[0]))


@contextlib.contextmanager
def scratch():
    """A fresh folder per example (hypothesis runs many examples in one test call)."""
    folder = Path(tempfile.mkdtemp(prefix="chainkg-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- Values: the awkward ones ---------------------------------------------------------------

#: Characters that break naive line splitting, CSV and YAML, and text from far planes.
AWKWARD = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e\x00\t\r\n\"',;:#&*!|>%@`{}[]-?\ufeff\u200f\u202e😀𠀀"
awkward_text = st.text(alphabet=st.one_of(st.sampled_from(AWKWARD), st.characters(codec="utf-8")), max_size=40)
numbers = st.one_of(st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True, allow_infinity=True),
                    st.sampled_from(["1e99999", "-0", ".5", "NaN", "0x1F", "1_000"]))
scalars = st.one_of(st.none(), st.booleans(), numbers, awkward_text, st.sampled_from(["", "~", "yes", "2024-01-01"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(awkward_text, inner, max_size=4)), max_leaves=12)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "gbk", "big5"]


def encoded(text: str, encoding: str) -> bytes:
    """``text`` in ``encoding``, or in UTF-8 when the encoding cannot hold it."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="surrogatepass")


def sometimes(draw, good, bad=values, chance: float = 0.8):
    """A good value most of the time, anything at all otherwise."""
    return draw(good) if draw(st.floats(0, 1)) < chance else draw(bad)


# --- Facts YAML -----------------------------------------------------------------------------

ENTITY_KEYS = ["id", "type", "name", "name_en", "aliases", "division_code", "admin_level", "status", "note", "evidence"]
RELATION_KEYS = ["subject", "predicate", "object", "confidence", "evidence", "leadership_kind", "modality", "scope", "note"]
OBSERVATION_KEYS = ["about", "measure", "value", "unit", "bound", "period", "project_status", "label", "evidence"]


@st.composite
def facts_documents(draw):
    """A facts file's shape with values from plausible to hostile."""
    ids = st.sampled_from(["org/a", "park/b", "area/350521", "chain/semiconductor", "bad id", ""])
    span = st.fixed_dictionaries({"start": st.integers(-2, 40), "end": st.integers(-2, 40), "quote": awkward_text})

    def record(keys, good):
        chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
        node = {key: sometimes(draw, good.get(key, scalars)) for key in chosen}
        if draw(st.booleans()):
            node[draw(awkward_text)] = draw(values)
        return node

    good = {"id": ids, "subject": ids, "object": ids, "about": ids, "scope": ids, "type": st.sampled_from(["Company", "IndustrialPark", ["Company"], "Nope"]),
            "predicate": st.sampled_from(["locatedIn", "hostsChain", "operatesIn", "nope"]), "confidence": numbers,
            "value": numbers, "evidence": st.one_of(span, st.lists(span, max_size=2)), "name": awkward_text,
            "measure": st.sampled_from(["project_count", "investment", "x"]), "unit": st.sampled_from(["count", "CNY_100M", "x"]),
            "period": st.fixed_dictionaries({}, optional={"start": scalars, "end": scalars, "label": scalars})}
    source = {"id": sometimes(draw, st.sampled_from(["src", "a.b-c", "bad id"])),
              "kind": sometimes(draw, st.sampled_from(["article", "reference_table"])),
              "title": sometimes(draw, awkward_text)}
    if draw(st.booleans()):
        source["file"] = sometimes(draw, st.sampled_from(["article.txt", ".", "/dev/zero", "missing.txt", "a\x00b"]))
    document = {"source": source if draw(st.floats(0, 1)) < 0.9 else draw(values)}
    for section, keys in (("entities", ENTITY_KEYS), ("relations", RELATION_KEYS), ("observations", OBSERVATION_KEYS),
                          ("mentions", ["id", "evidence"])):
        if draw(st.booleans()):
            document[section] = [record(keys, good) for _ in range(draw(st.integers(0, 3)))]
    return document


@FUZZ
@given(document=facts_documents(), encoding=st.sampled_from(ENCODINGS), article=awkward_text)
def test_fuzzed_facts_documents(document, encoding, article):
    with scratch() as folder:
        (folder / "article.txt").write_text(article, encoding="utf-8", errors="surrogatepass")
        path = folder / "facts.yaml"
        path.write_bytes(encoded(yaml.safe_dump(document, allow_unicode=True), encoding))
        survives("facts", lambda: load_facts([path]))


@st.composite
def mutated_seed(draw):
    """The bundled seed facts file with a few edits: cuts, repeats and inserted YAML syntax."""
    text = SEED_FACTS.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 200))
        edit = draw(st.sampled_from(["cut", "repeat", "insert"]))
        if edit == "cut":
            text = text[:at] + text[at + size:]
        elif edit == "repeat":
            text = text[:at] + text[at:at + size] * draw(st.integers(2, 5)) + text[at:]
        else:
            text = text[:at] + draw(st.text(alphabet=st.sampled_from(AWKWARD + " abc01\n:"), max_size=20)) + text[at:]
    return text


@FUZZ
@given(text=mutated_seed(), encoding=st.sampled_from(ENCODINGS))
def test_fuzzed_seed_edits(text, encoding):
    with scratch() as folder:
        shutil.copy(SEED_ARTICLE_FILE, folder)
        path = folder / "facts.yaml"
        path.write_bytes(encoded(text, encoding))
        survives("facts", lambda: load_reviewed_facts(path))


@FUZZ
@given(pieces=st.lists(st.sampled_from([*"&*ab:[]{},-\n #!|>'\"?%", "9" * 5000, ".nan", "!!binary ", "<<", "&a ", "*a"]),
                      max_size=150))
def test_fuzzed_yaml_syntax_through_the_command_line(pieces):
    text = "".join(pieces)
    with scratch() as folder:
        path = folder / "facts.yaml"
        path.write_text(text, encoding="utf-8")
        cli_survives("facts", ["validate", str(path)])


# --- Table mappings and tables ----------------------------------------------------------------


def place_names() -> list[str]:
    return sorted(place_gazetteer())[:20]


def chain_names() -> list[str]:
    return sorted(chain_gazetteer())[:20]


@st.composite
def table_cells(draw):
    """A header 属地,园区,产业链 and rows of place names, chain names and awkward text."""
    place = st.one_of(st.sampled_from(place_names()), awkward_text)
    chain = st.one_of(st.sampled_from(chain_names()), awkward_text)
    rows = draw(st.lists(st.tuples(place, awkward_text, chain), max_size=6))
    return [["属地", "园区", "产业链"], *[list(r) for r in rows]]


def table_bytes(draw, fmt: str, cells: list[list[str]], folder: Path) -> bytes:
    """The cells written as ``fmt`` (CSV by the csv module or by hand), or a broken file."""
    damage = draw(st.sampled_from(["none", "none", "truncate", "flip", "junk", "empty"]))
    if fmt in ("csv", "tsv", "whitespace"):
        if fmt == "whitespace" or draw(st.booleans()):
            sep = {"csv": ",", "tsv": "\t", "whitespace": " "}[fmt]
            text = "\n".join(sep.join(row) for row in cells)
        else:
            lines = io.StringIO()
            csv.writer(lines, delimiter="," if fmt == "csv" else "\t").writerows(cells)
            text = lines.getvalue()
        data = encoded(text, draw(st.sampled_from(ENCODINGS)))
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        sink = pa.BufferOutputStream()
        columns = {name: [row[i] if i < len(row) else None for row in cells[1:]] for i, name in enumerate(dict.fromkeys(cells[0]))}
        pq.write_table(pa.table(columns), sink)
        data = sink.getvalue().to_pybytes()
    else:
        from openpyxl import Workbook

        book = Workbook()
        for row in cells:
            book.worksheets[0].append([_xlsx_safe(c) for c in row])
        workbook_bytes = io.BytesIO()
        book.save(workbook_bytes)
        data = workbook_bytes.getvalue()
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    elif damage == "junk":
        data = draw(st.binary(max_size=200))
    elif damage == "empty":
        data = b""
    return data


def _xlsx_safe(text: str) -> str:
    # openpyxl refuses control characters XML 1.0 cannot carry; a real sheet cannot hold them either
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


@st.composite
def mappings(draw, fmt: str, table_file: str):
    column = st.sampled_from(["属地", "园区", "产业链", "missing"])
    entity = {"type": sometimes(draw, st.sampled_from(["IndustrialPark", "Nope"]) | st.fixed_dictionaries(
                  {"by_name_suffix": st.just({"项目": "Project"}), "default": st.just("IndustrialPark")})),
              "name": sometimes(draw, st.fixed_dictionaries({"column": column}, optional={"strip": awkward_text,
                                                                                         "required": st.booleans()})),
              "id_prefix": sometimes(draw, st.sampled_from(["park", "org", "Bad Prefix"]))}
    relation = st.fixed_dictionaries({"predicate": st.sampled_from(["locatedIn", "hostsChain", "nope"]),
                                      "object": st.one_of(st.fixed_dictionaries({"place": column}),
                                                          st.fixed_dictionaries({"chain": column}), values)})
    table = {"file": sometimes(draw, st.just(table_file), st.sampled_from([".", "/dev/zero", "", "missing.csv", 5, ["a"]])),
             "format": sometimes(draw, st.just(fmt), st.sampled_from([*FORMATS, "xls", 5]))}
    if draw(st.booleans()):
        table["encoding"] = draw(st.sampled_from([*ENCODINGS, "rot13", "base64", "no-such-codec"]))
    if fmt == "excel" and draw(st.booleans()):
        table["sheet"] = draw(st.sampled_from(["Sheet", "Missing"]))
    document = {"source": sometimes(draw, st.fixed_dictionaries({"id": st.sampled_from(["roster", "bad id"]),
                                                                 "title": awkward_text})),
                "table": table if draw(st.floats(0, 1)) < 0.9 else draw(values),
                "entity": entity if draw(st.floats(0, 1)) < 0.9 else draw(values),
                "relations": sometimes(draw, st.lists(relation, max_size=3))}
    for key in draw(st.lists(st.sampled_from(list(document)), max_size=1)):
        del document[key]
    return document


@st.composite
def table_inputs(draw):
    fmt = draw(st.sampled_from(FORMATS))
    suffix = {"csv": "csv", "tsv": "tsv", "whitespace": "txt", "parquet": "parquet", "excel": "xlsx"}[fmt]
    return fmt, f"roster.{suffix}", draw(table_cells()), draw(mappings(fmt, f"roster.{suffix}"))


@FUZZ
@given(table=table_inputs(), data=st.data())
def test_fuzzed_tables_and_mappings(table, data):
    fmt, name, cells, mapping = table
    with scratch() as folder:
        (folder / name).write_bytes(table_bytes(data.draw, fmt, cells, folder))
        path = folder / "roster.table.yaml"
        path.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
        survives("tables", lambda: load_table(path))


@FUZZ
@given(rows=st.lists(st.lists(awkward_text.filter(lambda s: "\x00" not in s), min_size=3, max_size=3), min_size=1, max_size=5),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), delimiter=st.sampled_from([",", "\t"]))
def test_any_cell_written_by_the_csv_module_reads_back_unchanged(rows, encoding, delimiter):
    """Line separators, quotes and control characters inside cells stay in their cells."""
    header = ["a", "b", "c"]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    STATS["inputs"]["tables"] = STATS["inputs"].get("tables", 0) + 1
    with scratch() as folder:
        path = folder / "t.csv"
        path.write_bytes(buffer.getvalue().encode(encoding))
        read = read_table(path, "csv" if delimiter == "," else "tsv")
    expected = [dict(zip(header, (c.strip() for c in row), strict=True)) for row in rows if any(c.strip() for c in row)]
    assert [row.values for row in read] == expected


# --- Articles (the `chainkg extract` path) ----------------------------------------------------

ARTICLE_PIECES = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    st.sampled_from(["(zhì)", "?shù)", "。", "，", "；", "\n", " ", "│", "┌──┐", "?,F", "<p>", "</p>", "<script>",
                     "产业园", "有限公司", "引进", "落户", "龙头", "亿元", "2024年", "\u2028", "\x85", "\x00", "\ufeff"]),
    st.sampled_from(place_names()),
    st.characters(codec="utf-8"),
)


@FUZZ
@given(pieces=st.lists(ARTICLE_PIECES, max_size=250), suffix=st.sampled_from([".txt", ".html"]),
       encoding=st.sampled_from(ENCODINGS))
def test_fuzzed_articles_through_extract(pieces, suffix, encoding):
    with scratch() as folder:
        path = folder / f"article{suffix}"
        path.write_bytes(encoded("".join(pieces), encoding))
        if len(pieces) % 3 == 0:
            cli_survives("articles", ["extract", "--json", str(path)])
        else:
            survives("articles", lambda: extract_file(path).to_dict())


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".yaml"]))
def test_fuzzed_bytes_as_any_source(data, suffix):
    """Raw bytes named as an article or a facts file."""
    with scratch() as folder:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        kind = "facts" if suffix == ".yaml" else "articles"
        survives(kind, lambda: load_facts([path]) if kind == "facts" else extract_file(path))
