"""Editorial data files (YAML) loaded with the line of every value, and checked by schema.

PyYAML's composer keeps a mark on every node; we keep those marks beside the plain data so
that every problem can name the file and the line an editor has to open.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from yaml.constructor import BaseConstructor

from annotated_edition.problems import Problem
from annotated_edition.textfile import BIDI_CONTROLS, decode_text

JsonPath = tuple[str | int, ...]


class _PlainLoader(yaml.SafeLoader):
    """A safe loader that leaves dates as strings: we parse them ourselves, with a line."""


# libyaml's parser, when PyYAML has it: the same nodes and marks, several times faster on
# a glossary of thousands of entries. Text it refuses is parsed again by the Python
# parser, whose messages are the ones an editor is shown.
_FastLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):
    class _CPlainLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser."""

    _FastLoader = _CPlainLoader

_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_PlainLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS
if _FastLoader is not None:
    _FastLoader.yaml_implicit_resolvers = _NO_TIMESTAMPS


@dataclass
class DataFile:
    """Plain data from one file, with the line where each value starts."""

    path: str
    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)

    def line_of(self, path: JsonPath) -> int:
        """The line of the value at ``path``, or of its nearest enclosing value."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def _build(node: yaml.Node, path: JsonPath, out: DataFile, loader: BaseConstructor,
           problems: list[Problem]) -> Any:
    """Plain data; the text has no aliases (refused before), so every node is built once."""
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            # a key is its text as written: YAML 1.1 would make `on:` or `no:` a boolean
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else \
                str(loader.construct_object(key_node, deep=True))
            if key in result:
                problems.append(Problem(out.path, key_node.start_mark.line + 1,
                                        f"duplicate key {key!r}"))
            result[key] = _build(value_node, (*path, key), out, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, index), out, loader, problems)
                for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


MAX_DEPTH = 64  # deeper than any editorial file needs; far below Python's recursion limit


def _shape_problems(text: str, path: str, loader: Any) -> tuple[list[Problem], list[Problem]]:
    """Anchors, aliases and too deep nesting, found on the parser's events before composing.

    An alias expands into a copy of its anchor's value wherever the value is used, so nine
    aliases nine deep are a billion values for the schema check; refused here, nothing is
    ever expanded. Events are read one by one: nothing here recurses. The second list:
    what is reported without refusing the file.
    """
    problems: list[Problem] = []
    notices: list[Problem] = []  # reported, but the file is still read
    depth = 0
    shapes = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                shapes += 1
                if shapes == 1:
                    sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                    kind = "an alias" if sign == "*" else "an anchor"
                    problems.append(Problem(
                        path, line,
                        f"{kind} ({sign}{str(anchor)[:20]}) is not allowed: "
                        "anchors and aliases (&name, *name) could expand without limit; "
                        "write each value out"))
            if isinstance(event, yaml.ScalarEvent) and event.style == '"':
                notices += _escaped_bidi(event, text, path, line)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(Problem(
                        path, line,
                        f"not usable YAML: values nested more than {MAX_DEPTH} deep"))
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return problems, notices  # composing reports the syntax error, with its line
    if shapes > 1 and problems:
        first = problems[0]
        problems[0] = Problem(first.path, first.line,
                              f"{first.message} ({shapes} anchors and aliases in the file; "
                              "the first is here)")
    return problems, notices


def _escaped_bidi(event: Any, text: str, path: str, line: int) -> list[Problem]:
    """A bidirectional control written as an escape ("\\u202e"): the file's text has none."""
    found = BIDI_CONTROLS.search(event.value)
    if found is None:
        return []
    written = text[event.start_mark.index:event.end_mark.index]
    if BIDI_CONTROLS.search(written):
        return []  # in the file as it is: reported with the file's lines when decoded
    char = found[0]
    return [Problem(path, line, f"an escaped bidirectional control character U+{ord(char):04X} "
                                f"({unicodedata.name(char, 'unnamed')}) in a quoted value: it "
                                "can show the text in another order than it is read; remove "
                                "it", "unicode")]


def parse_yaml(text: str, path: str) -> tuple[DataFile | None, list[Problem]]:
    """Parse YAML text; a syntax error becomes a problem with its line, never an exception."""
    if _FastLoader is not None:
        fast = _parse_fast(text, path)
        if fast is not None:
            return fast
    try:
        loader = _PlainLoader(text)  # refuses control characters at once (ReaderError)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        return None, [Problem(path, line, f"not valid YAML: character #x{error.character:04x} "
                                          "is not allowed in a data file")]
    try:
        shape, notices = _shape_problems(text, path, _PlainLoader)
        if shape:
            return None, shape + notices
        data, problems = _compose(loader, path)
        return data, notices + problems
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(path, line, f"not valid YAML: {reason}")]
    except RecursionError:  # PyYAML composes nested values recursively
        return None, [Problem(path, 1, "not usable YAML: values nested too deeply")]
    finally:
        loader.dispose()


def _compose(loader: Any, path: str) -> tuple[DataFile, list[Problem]]:
    """The document of ``loader`` as plain data with the line of every value."""
    problems: list[Problem] = []
    root = loader.get_single_node()
    out = DataFile(path, None)
    out.data = None if root is None else _build(root, (), out, loader, problems)
    return out, problems


def _parse_fast(text: str, path: str) -> tuple[DataFile | None, list[Problem]] | None:
    """Parse with libyaml; None when it refuses the text (the Python parser says why)."""
    assert _FastLoader is not None
    if yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None  # the Python reader refuses it, with the character and its line
    shape, notices = _shape_problems(text, path, _FastLoader)
    if shape:
        return None, shape + notices
    loader = _FastLoader(text)
    try:
        data, problems = _compose(loader, path)
        return data, notices + problems
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, its symbolic links followed, is a file within ``folder``."""
    return path.resolve().is_relative_to(folder.resolve())


def load_yaml(path: Path) -> tuple[DataFile | None, list[Problem]]:
    """Read and parse a YAML data file; a missing or unreadable file is a problem too."""
    if path.is_symlink() and not inside(path, path.parent):
        return None, [Problem(str(path), 1, "the data file is a symbolic link to a file "
                              "outside its folder: it was not read (nothing outside the "
                              "project is published); copy the file into the folder")]
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(str(path), 1, f"cannot read the file: {error.strerror}")]
    text, problems = decode_text(raw, str(path))
    if text is None:
        return None, problems
    data, more = parse_yaml(text, str(path))
    return data, problems + more


MAX_MESSAGE = 300  # a message names a value; it never prints a whole (long) one


def _capped(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "… (cut short)"


def _describe(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(part) for part in error.absolute_path)
    prefix = f"{where}: " if where else ""
    expected = error.schema.get("x-expected") if isinstance(error.schema, dict) else None
    if expected and error.validator in ("pattern", "type", "minLength"):
        # a schema may say in words what a pattern means: editors do not read regexes
        return _capped(f"{prefix}{error.instance!r} is not {expected}")
    if error.validator == "required":
        return _capped(f"{prefix}missing field: {error.message}")
    return _capped(f"{prefix}{error.message}")


def validate(data: DataFile, schema: Mapping[str, Any]) -> list[Problem]:
    """Check ``data`` against a JSON schema; one problem per violation, with its line."""
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    errors = sorted(validator.iter_errors(data.data),
                    key=lambda e: [str(part) for part in e.absolute_path])
    for error in errors:
        problems.append(Problem(data.path, data.line_of(tuple(error.absolute_path)),
                                _describe(error)))
    return problems
