"""The trust boundary of YAML inputs: a bounded safe loader and schema errors with file and line.

Facts files and table mappings come from users, so before any code looks inside one:

- the YAML is composed by a :class:`yaml.SafeLoader` (no Python objects) that keeps each
  mapping's line and refuses an *anchor bomb*: more than :data:`MAX_ALIASES` aliases, aliases
  that would repeat more than :data:`MAX_ALIAS_EXPANSION` nodes, an alias to itself, or
  nesting deeper than :data:`MAX_DEPTH` — all decided on the composed node tree, before a
  single value is built;
- the document is checked against a pydantic model of its file format (each loader declares
  its own), and the first problem becomes one :class:`~chainkg.errors.SourceError`
  ``file:line: field: expected …``.

Example
-------
>>> import pathlib, tempfile
>>> from pydantic import BaseModel, ConfigDict
>>> class Pair(BaseModel):
...     model_config = ConfigDict(strict=True, extra="forbid")
...     name: Text
...     count: int
>>> path = pathlib.Path(tempfile.mkdtemp()) / "pair.yaml"
>>> _ = path.write_text("name: 甲乙\\ncount: many\\n", encoding="utf-8")
>>> document = load_yaml(path)
>>> document.key_lines["count"]
2
>>> check_schema(Pair, document, path)
Traceback (most recent call last):
...
chainkg.errors.SourceError: ...pair.yaml:2: count: expected a whole number, got str 'many'
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, PlainValidator, ValidationError

from chainkg.errors import SourceError, brief
from chainkg.loaders.text import decode_source, read_source_file

__all__ = [
    "MAX_YAML_BYTES",
    "MAX_ALIASES",
    "MAX_ALIAS_EXPANSION",
    "MAX_DEPTH",
    "LineMap",
    "Text",
    "Number",
    "finite_decimal",
    "load_yaml",
    "check_schema",
]

#: A facts file or mapping larger than this is refused before parsing (the seed is 44 KB).
MAX_YAML_BYTES = 16 * 1024 * 1024
#: Aliases (``*name``) allowed in one document: the seed repeats a period a few times.
MAX_ALIASES = 100
#: Nodes that aliases may add beyond those written in the file.
MAX_ALIAS_EXPANSION = 100_000
#: Nesting depth of mappings and lists: the facts format needs five.
MAX_DEPTH = 64

# Python refuses to turn more digits than this into an int; YAML numbers are held under it.
_MAX_DIGITS = 4000
# Numbers in facts are counts, areas, sums of money and confidences: an exponent beyond this
# is a typo, and writing it out in full (as xsd:decimal does) would take gigabytes.
_MAX_EXPONENT = 30


class LineMap(dict):
    """A YAML mapping that remembers its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]


class _Refused(yaml.YAMLError):
    """A document this loader will not build (too many aliases, too deep)."""

    def __init__(self, message: str, mark: yaml.Mark | None):
        super().__init__(message)
        self.problem = message
        self.problem_mark = mark


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that counts aliases and depth while composing, and keeps line numbers."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.aliases = 0
        self.depth = 0

    def compose_node(self, parent, index):  # PyYAML's own signature (untyped in its stubs)
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Refused(f"more than {MAX_ALIASES} aliases (*name): refused as a possible anchor bomb",
                               self.peek_event().start_mark)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(f"nested deeper than {MAX_DEPTH} levels", self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _construct_mapping(loader: _BoundedLoader, node: yaml.MappingNode) -> LineMap:
    mapping = LineMap(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    return mapping


_BoundedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings: the file is the record, the loaders parse what they need themselves.
_BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _expanded_size(root: yaml.Node) -> int:
    """How many nodes the tree stands for once every alias is expanded (shared nodes count
    each time they are used); refuses a node that contains itself."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise _Refused("an alias refers to a node that contains it", node.start_mark)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _distinct_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_children(node))
    return len(seen)


def load_yaml(path: str | Path) -> Any:
    """Read and parse one YAML file within the bounds above; mappings are :class:`LineMap`.

    Raises
    ------
    SourceError
        A missing, oversized or non-regular file, text in no known encoding, malformed YAML
        (with its line), an anchor bomb, or a value Python cannot hold (a number of
        thousands of digits).
    """
    path = Path(path)
    text = decode_source(read_source_file(path, MAX_YAML_BYTES), path)
    loader = None
    try:
        loader = _BoundedLoader(text)  # its reader refuses control characters at once
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) - _distinct_nodes(node) > MAX_ALIAS_EXPANSION:
            raise _Refused(f"aliases expand to more than {MAX_ALIAS_EXPANSION} extra nodes: refused as a possible "
                           "anchor bomb", node.start_mark)
        return loader.construct_document(node)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(path, f"malformed YAML: {problem}", line=mark.line + 1 if mark else None) from None
    except (ValueError, OverflowError) as error:  # an int of more digits than Python converts
        raise SourceError(path, f"malformed YAML: a value Python cannot hold ({error})") from None
    finally:
        if loader is not None:
            loader.dispose()


# --- Field types the file formats share ------------------------------------------------------


def _number_as_text(value: Any) -> Any:
    """YAML reads ``350521`` or ``2024`` as numbers where the format means text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


#: Text; a bare YAML number is taken as its text (a division code, a year).
Text = Annotated[str, BeforeValidator(_number_as_text)]


def finite_decimal(value: Any) -> Decimal:
    """A YAML number (or numeric text) as a finite :class:`~decimal.Decimal` of sane size.

    >>> finite_decimal(0.5), finite_decimal("12")
    (Decimal('0.5'), Decimal('12'))
    >>> finite_decimal(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: expected a finite number, got float nan
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ValueError(f"expected a number, got {brief(value)}")
    if isinstance(value, str) and len(value) > _MAX_DIGITS:
        raise ValueError(f"expected a number, got {brief(value)}")
    try:
        number = Decimal(value) if isinstance(value, int | Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValueError(f"expected a number, got {brief(value)}") from None
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {brief(value)}")
    if number and abs(number.adjusted()) > _MAX_EXPONENT:
        raise ValueError(f"expected a number between 1e-{_MAX_EXPONENT} and 1e{_MAX_EXPONENT}, got {brief(value)}")
    return number


#: A finite number: int, float or numeric text (not a boolean, not NaN or infinity).
Number = Annotated[Decimal, PlainValidator(finite_decimal)]

# --- Schema errors as file:line: field: message ----------------------------------------------

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "list_type": "a list",
    "decimal_type": "a number",
    "float_type": "a number",
    "literal_error": None,  # pydantic's own message lists the choices
}

Model = TypeVar("Model", bound=BaseModel)


def check_schema(model: type[Model], document: Any, path: str | Path) -> Model:
    """``document`` validated against ``model``; the first problem as a SourceError with its line."""
    try:
        return model.model_validate(document)
    except ValidationError as error:
        raise schema_error(error, document, path) from None


def schema_error(error: ValidationError, document: Any, path: str | Path) -> SourceError:
    """The first of pydantic's errors as ``file:line: field: what was expected``."""
    errors = error.errors(include_url=False, include_context=True)
    first_loc = _data_loc(errors[0], document)
    # A union (text or a mapping) reports once per alternative: keep those about the same place.
    same = [e for e in errors if _data_loc(e, document)[: len(first_loc)] == first_loc]
    deepest = max(len(_data_loc(e, document)) for e in same)
    chosen = [e for e in same if len(_data_loc(e, document)) == deepest]
    loc = _data_loc(chosen[0], document)
    line, field = _line_and_field(loc, document)
    messages = list(dict.fromkeys(_message(e) for e in chosen))
    if len(messages) > 1 and all(m.startswith("expected ") for m in messages):
        messages = ["expected " + " or ".join(m.removeprefix("expected ").split(", got")[0] for m in messages)
                    + ", got " + brief(chosen[0]["input"])]
    more = len(errors) - len(same)
    return SourceError(path, messages[0] + (f" (and {more} more problem(s))" if more > 0 else ""), line=line, field=field)


def _data_loc(error: Any, document: Any) -> tuple:
    """The part of pydantic's location that names keys and indexes of the data (union tags dropped)."""
    loc = error["loc"]
    names_a_key = error["type"] in ("missing", "extra_forbidden")
    kept: list = []
    node = document
    for index, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            kept.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            kept.append(part)
            node = node[part]
        elif names_a_key and index == len(loc) - 1 and isinstance(node, dict) and isinstance(part, str):
            kept.append(part)  # a missing or unknown key (other parts not in the data are a union's tags)
            node = None
    return tuple(kept)


def _line_and_field(loc: tuple, document: Any) -> tuple[int | None, str | None]:
    line = document.line if isinstance(document, LineMap) else None
    node = document
    field: str | None = None
    for part in loc:
        if isinstance(node, LineMap) and isinstance(part, str):
            line = node.key_lines.get(part, node.line)
            field = part
        elif isinstance(part, int) and field is not None:
            field = f"{field}[{part}]"
        node = node.get(part) if isinstance(node, dict) else node[part] if isinstance(node, list) else None
        if isinstance(node, LineMap) and isinstance(part, int):
            line = node.line
    return line, field


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (not part of this file format)"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    expected = _EXPECTED.get(kind)
    if expected is None:
        return _clean(error["msg"]) + f", got {brief(error['input'])}"
    return f"expected {expected}, got {brief(error['input'])}"


def _clean(message: str) -> str:
    return message.replace("Input should be", "expected").replace("Value error, ", "")

