"""JSON text exactly as relgraph prints it (its JSONValue): objects keep their key order, two
spaces per level, `": "` after keys, quotes, backslashes and control characters escaped (`\\n`,
`\\r`, `\\t`, else `\\u00XX` in lower-case hex), every other character as it is.

Arrays may be given as iterators (`Stream`), written as they come, so that an answer of
millions of nodes is never held whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class Stream:
    """An array whose elements come from an iterator, written one by one."""

    def __init__(self, elements: Iterable[Any]) -> None:
        self.elements: Iterator[Any] = iter(elements)


def quoted(text: str) -> str:
    """`text` as a JSON string literal, as relgraph writes it."""
    if not any(c in _ESCAPES or c < " " for c in text):
        return f'"{text}"'
    parts = []
    for c in text:
        if c in _ESCAPES:
            parts.append(_ESCAPES[c])
        elif c < " ":
            parts.append(f"\\u{ord(c):04x}")
        else:
            parts.append(c)
    return '"' + "".join(parts) + '"'


def write(value: Any, out: IO[str], indent: int = 0) -> None:
    """Writes `value` (dict, list, Stream, str, int, bool, None) indented from `indent`."""
    if value is None:
        out.write("null")
    elif value is True:
        out.write("true")
    elif value is False:
        out.write("false")
    elif isinstance(value, int):
        out.write(str(value))
    elif isinstance(value, str):
        out.write(quoted(value))
    elif isinstance(value, dict):
        if not value:
            out.write("{}")
            return
        out.write("{")
        for position, (key, element) in enumerate(value.items()):
            out.write("," if position else "")
            out.write("\n" + "  " * (indent + 1) + quoted(key) + ": ")
            write(element, out, indent + 1)
        out.write("\n" + "  " * indent + "}")
    elif isinstance(value, (list, tuple, Stream)):
        elements = value.elements if isinstance(value, Stream) else iter(value)
        first = True
        for element in elements:
            out.write("[" if first else ",")
            first = False
            out.write("\n" + "  " * (indent + 1))
            write(element, out, indent + 1)
        out.write("[]" if first else "\n" + "  " * indent + "]")
    else:
        raise TypeError(f"no JSON form for {type(value).__name__}")


def text(value: Any) -> str:
    """`value` as one string (for small answers and tests)."""
    import io

    buffer = io.StringIO()
    write(value, buffer)
    return buffer.getvalue()
