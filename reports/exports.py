"""Analysis results out of the terminal: JSON, CSV and Excel, written atomically.

Every result the analyses return has ``to_dict()`` (JSON) and ``to_frames()`` (sheet name →
pandas ``DataFrame``, Chinese headers). CSV is UTF-8 with a byte-order mark, so that Excel
opens Chinese text right; several frames become one CSV with a ``表`` column saying which
table each row belongs to. xlsx has one sheet per frame.

Example
-------
>>> from chainkg.analyses import chain_gaps
>>> from chainkg.analyses.embedded import seed_kg
>>> text = write_result(chain_gaps(seed_kg(), "LED", "安溪"), "csv", None, str)
>>> text.splitlines()[0].split(",")[:5]   # segments and chain-level facts: two tables in one
['\\ufeff表', '产业链', '地区', '环节', '位置']
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from chainkg.graph.writers import write_outputs

__all__ = ["FORMATS", "write_result", "result_csv"]

FORMATS = ("table", "json", "csv", "xlsx")


def result_csv(result) -> str:
    """The result's frames as one CSV text (with a BOM; a ``表`` column when there are several)."""
    import pandas as pd

    frames = result.to_frames()
    if len(frames) == 1:
        frame = next(iter(frames.values()))
    else:
        frame = pd.concat([f.assign(**{"表": name}) for name, f in frames.items()], ignore_index=True)
        frame = frame[["表", *(c for c in frame.columns if c != "表")]]
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return "\ufeff" + buffer.getvalue()


def _write_xlsx(result, path: Path) -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in result.to_frames().items():
            frame.to_excel(writer, sheet_name=name, index=False)


def write_result(result, fmt: str, out: Path | None, render: Callable[[object], str]) -> str | None:
    """The result in ``fmt`` (table, json, csv, xlsx): returned as text when ``out`` is None,
    else written to ``out`` atomically (and None returned). xlsx needs ``out``."""
    if fmt == "xlsx":
        if out is None:
            raise ValueError("xlsx is written to a file: give out")
        write_outputs(out.parent, {out.name: lambda path: _write_xlsx(result, path)})
        return None
    if fmt == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    elif fmt == "csv":
        text = result_csv(result)
    else:
        text = render(result)
    if out is None:
        return text
    write_outputs(out.parent, {out.name: lambda path: path.write_text(text + ("" if fmt == "csv" else "\n"), encoding="utf-8")})
    return None
