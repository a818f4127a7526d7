"""What relgraph prints for people (without `--json`): aligned tables whose widths count
terminal columns (combining marks none, wide East Asian characters two), control characters
shown as `\\u{1B}`, kinds and relations by their labels in `--lang`."""

from __future__ import annotations

import unicodedata
from typing import Any

_WIDE = ((0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
         (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
         (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
         (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
         (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
         (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
         (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xA960, 0xA97F),
         (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6),
         (0x16FE0, 0x16FE4), (0x17000, 0x18CFF), (0x1B000, 0x1B2FF), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF),
         (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F251), (0x1F300, 0x1F64F), (0x1F680, 0x1F6FF),
         (0x1F7E0, 0x1F7EB), (0x1F90C, 0x1F9FF), (0x1FA70, 0x1FAFF), (0x20000, 0x3FFFD))

BUILT_IN_KIND_LABELS = {
    "actor": {"en": "actor", "hi": "कर्ता"}, "treaty": {"en": "treaty", "hi": "संधि"},
    "project": {"en": "project", "hi": "परियोजना"}, "sector": {"en": "sector", "hi": "क्षेत्र"},
    "event": {"en": "event", "hi": "घटना"}, "place": {"en": "place", "hi": "स्थान"},
}


def _is_control(character: str) -> bool:
    value = ord(character)
    return value < 0x20 or 0x7F <= value <= 0x9F


def safe(text: str) -> str:
    if not any(_is_control(c) for c in text):
        return text
    return "".join(f"\\u{{{ord(c):X}}}" if _is_control(c) else c for c in text)


def width(text: str) -> int:
    total = 0
    for character in text:
        value = ord(character)
        if _is_control(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
            continue
        if 0x1160 <= value <= 0x11FF or value == 0x200B:
            continue
        total += 2 if any(low <= value <= high for low, high in _WIDE) else 1
    return total


def table(header: list[str], rows: list[list[str]]) -> str:
    cells = [header] + [[safe(cell) for cell in row] for row in rows]
    columns = max(len(row) for row in cells)
    widths = [0] * columns
    measured = [[width(cell) for cell in row] for row in cells]
    for row in measured:
        for column, cell_width in enumerate(row):
            widths[column] = max(widths[column], cell_width)
    lines = []
    for row, row_widths in zip(cells, measured):
        parts = [cell if column == len(row) - 1 else cell + " " * (widths[column] - row_widths[column])
                 for column, cell in enumerate(row)]
        lines.append("  ".join(parts).rstrip(" "))
    return "\n".join(lines)


def text_in(label: Any, language: str) -> str | None:
    """A localized text (a string, or a map language -> text) in `language`, else English, else
    the first given."""
    if label is None:
        return None
    if isinstance(label, str):
        return label
    if not label:
        return None
    for key in (language, "en"):
        if key in label:
            return label[key]
    return next(iter(label.values()))


def kind_label(kind: str, declarations: dict[str, Any], language: str) -> str:
    for entry in declarations.get("kinds", []):
        if entry["id"] == kind and text_in(entry.get("label"), language) is not None:
            return text_in(entry["label"], language) or kind
    built_in = BUILT_IN_KIND_LABELS.get(kind)
    return text_in(built_in, language) if built_in else kind  # type: ignore[return-value]


def relation_label(relation: str, declarations: dict[str, Any], language: str) -> str:
    for entry in declarations.get("relations", []):
        if entry["id"] == relation:
            return text_in(entry.get("label"), language) or relation
    return relation


def timing(date: str | None, start: str | None, end: str | None) -> str:
    if date:
        return date
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"since {start}"
    if end:
        return f"until {end}"
    return ""
