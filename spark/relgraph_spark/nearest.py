"""The closest name to a misspelt one, for "did you mean …?" (relgraph's NearestName)."""

from __future__ import annotations

from collections.abc import Iterable


def distance(a: str, b: str, bound: int) -> int | None:
    """Levenshtein distance with transpositions between scalar sequences, or None past `bound`."""
    if not a:
        return len(b) if len(b) <= bound else None
    if not b:
        return len(a) if len(a) <= bound else None
    before_previous = [0] * (len(b) + 1)
    previous = list(range(len(b) + 1))
    current = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current[0] = i
        row_minimum = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before_previous[j - 2] + 1)
            current[j] = value
            row_minimum = min(row_minimum, value)
        if row_minimum > bound:
            return None
        before_previous, previous, current = previous, current, before_previous
    return previous[len(b)] if previous[len(b)] <= bound else None


def nearest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `name`, if it is a plausible typo (relgraph's rule)."""
    target = name.lower()
    limit = max(1 if len(target) <= 4 else 2, len(target) // 3)
    best: tuple[int, str] | None = None
    for candidate in candidates:
        if abs(len(candidate) - len(target)) > limit:
            continue
        bound = min(best[0] if best else limit, limit)
        found = distance(target, candidate.lower(), bound)
        if found is None:
            continue
        if best is None or found < best[0] or (found == best[0] and candidate < best[1]):
            best = (found, candidate)
    return best[1] if best else None
