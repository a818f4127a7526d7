"""How search compares texts (relgraph's TextFolding, contract §4): lower case, canonically
decomposed (NFD), and without combining accents (U+0300–U+036F) on letters of Latin script;
Devanagari's vowel signs and viramas stay."""

from __future__ import annotations

import unicodedata

_LATIN = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF),
          (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
_MARKS = {"Mn", "Mc", "Me"}


def is_latin(character: str) -> bool:
    value = ord(character)
    return any(low <= value <= high for low, high in _LATIN)


def fold(text: str) -> str:
    """The folded form: each scalar lower-cased on its own (as Swift's `lowercased()` maps them),
    then NFD, then Latin accents dropped."""
    lowered = "".join(character.lower() for character in text)
    decomposed = unicodedata.normalize("NFD", lowered)
    output = []
    base: str | None = None
    for character in decomposed:
        if unicodedata.category(character) in _MARKS:
            if 0x300 <= ord(character) <= 0x36F and base is not None and is_latin(base):
                continue
        else:
            base = character
        output.append(character)
    return "".join(output)
