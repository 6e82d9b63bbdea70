r"""The report pages' templates and the files they inline, read from our own package.

Templates (``reports/templates/*.j2``) are Jinja2 with autoescaping on: every value a template
prints is escaped for HTML and XML unless it went through one of the three filters below, each
of which makes its text safe for the one place it is used:

- ``script_json``: data as JSON for ``<script type="application/json">``: ``<``, ``>`` and
  ``&`` are written as ``\u003c`` … so no name (``</script><img …>``) can end the element;
  ``JSON.parse`` gives the same strings back.
- ``inline_script`` / ``inline_style``: a static file (our JS and CSS, the vendored
  vis-network) inside ``<script>`` / ``<style>``, with any closing tag in it broken up.

vis-network is vendored in ``reports/vendor/vis-network/`` (version in its ``VERSION`` file,
licence beside it), so a pyvis upgrade cannot move it from under the report.

Example
-------
>>> print(script_json({"name": "</script><img src=x>"}))
{"name": "\u003c/script\u003e\u003cimg src=x\u003e"}
>>> print(inline_script("s = '</SCRIPT>';"))
s = '<\/SCRIPT>';
>>> VIS_NETWORK_VERSION
'9.1.2'
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from chainkg.analyses.gaps import entry_label

__all__ = ["VIS_NETWORK_VERSION", "render", "rendered", "package_text", "script_json", "inline_script",
           "inline_style", "vis_network_assets"]

_VIS_FOLDER = "vendor/vis-network"
_SCRIPT_JSON_ESCAPES = (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                        ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))  # the last two end a JS line in old parsers


def package_text(relative: str) -> str:
    """A text file shipped in ``chainkg.reports`` (templates, vendored files), by relative path."""
    return files("chainkg.reports").joinpath(relative).read_text(encoding="utf-8")


#: The vis-network release ``report.html`` inlines (from ``reports/vendor/vis-network/VERSION``).
VIS_NETWORK_VERSION = package_text(f"{_VIS_FOLDER}/VERSION").strip()


def script_json(data) -> Markup:
    """``data`` as JSON that can sit inside a ``<script>`` element whatever its strings hold."""
    text = json.dumps(data, ensure_ascii=False)
    for raw, escaped in _SCRIPT_JSON_ESCAPES:
        text = text.replace(raw, escaped)
    return Markup(text)


def _break_closing_tag(text: str, tag: str) -> Markup:
    # The HTML parser ends a raw-text element at "</tag" in any letter case; "<\/" means the same in JS and CSS.
    return Markup(re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.IGNORECASE))


def inline_script(text: str) -> Markup:
    """A static script's text, safe to put between ``<script>`` and ``</script>``."""
    return _break_closing_tag(text, "script")


def inline_style(text: str) -> Markup:
    """A static style sheet's text, safe to put between ``<style>`` and ``</style>``."""
    return _break_closing_tag(text, "style")


@lru_cache(maxsize=1)
def vis_network_assets() -> tuple[Markup, Markup]:
    """The vendored vis-network (script, style sheet), ready to inline."""
    return (inline_script(package_text(f"{_VIS_FOLDER}/vis-network.min.js")),
            inline_style(package_text(f"{_VIS_FOLDER}/vis-network.css")))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("chainkg.reports", "templates"),
        autoescape=True,  # every template here writes HTML or SVG
        undefined=StrictUndefined,  # a misspelt variable fails the render instead of printing nothing
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    environment.filters.update(script_json=script_json, inline_script=inline_script, inline_style=inline_style,
                               entry_label=entry_label)  # a gap entry as planners read it: 某县(6家)[推断]
    return environment


def render(template: str, **context) -> str:
    """Render one template of ``reports/templates`` with ``context``."""
    return _environment().get_template(template).render(**context)


def rendered(text: str) -> Markup:
    """What :func:`render` gave, marked safe to place as it is into another template.

    Only for output of our own templates: autoescaping already wrote every value in it as text.
    """
    return Markup(text)
