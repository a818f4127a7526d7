"""Seeded random graph documents for the equality tests: declared symmetric relations,
partial dates (years, months, days) on nodes and edges, intervals open at either end, isolated
nodes, self-loops, parallel edges (with ids), Devanagari and combining-mark ids and labels,
labels whose languages are not in alphabetical order, several kinds."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

KINDS = ["actor", "treaty", "project", "sector", "event", "place"]
RELATIONS = ["signed", "partner-of", "met", "supplies", "in-sector", "located-in"]
SYMMETRIC = {"partner-of", "met"}
SCRIPTS = ["a", "b", "z", "भ", "र", "é", "Ä", "ñ", "m"]


def _date(rng: random.Random, year: int | None = None) -> str:
    year = year or rng.choice([1990, 1993, 2000, 2021])
    form = rng.random()
    if form < 0.4:
        return str(year)
    month = rng.randint(1, 12)
    if form < 0.7:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _timing(rng: random.Random) -> dict[str, str]:
    shape = rng.random()
    if shape < 0.45:
        return {}
    if shape < 0.7:
        return {"date": _date(rng)}
    first, last = sorted(rng.sample([1990, 1993, 2000, 2021], 2))
    if shape < 0.8:
        return {"start": _date(rng, first)}
    if shape < 0.9:
        return {"end": _date(rng, last)}
    return {"start": _date(rng, first), "end": _date(rng, last)}


def _label(rng: random.Random, identifier: str) -> Any:
    shape = rng.random()
    if shape < 0.2:
        return None
    if shape < 0.4:
        return identifier.upper() if rng.random() < 0.5 else f"Node {identifier}"
    languages = rng.sample(["en", "hi", "fr", "de"], rng.randint(1, 3))
    return {language: f"{identifier} {language}" if language != "hi" else f"नोड {identifier}" for language in languages}


def document(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    count = rng.randint(3, 18)
    ids: list[str] = []
    while len(ids) < count:
        identifier = "".join(rng.choice(SCRIPTS) for _ in range(rng.randint(1, 3))) + str(rng.randint(0, 9))
        if rng.random() < 0.1:
            identifier += "-x"
        if identifier not in ids:
            ids.append(identifier)
    nodes = []
    for identifier in ids:
        node: dict[str, Any] = {"id": identifier, "kind": rng.choice(KINDS)}
        label = _label(rng, identifier)
        if label is not None:
            node["label"] = label
        node.update(_timing(rng))
        nodes.append(node)
    edges = []
    isolated = set(rng.sample(ids, k=min(len(ids), rng.randint(0, 2))))
    joined = [identifier for identifier in ids if identifier not in isolated]
    for position in range(rng.randint(0, 3 * len(ids)) if joined else 0):
        source = rng.choice(joined)
        target = source if rng.random() < 0.08 else rng.choice(joined)
        edge: dict[str, Any] = {"id": f"e{position}", "from": source, "to": target, "relation": rng.choice(RELATIONS)}
        edge.update(_timing(rng))
        edges.append(edge)
        if rng.random() < 0.1:  # a parallel edge: same ends and relation, its own id and dates
            twin = dict(edge, id=f"e{position}-twin")
            twin.pop("date", None), twin.pop("start", None), twin.pop("end", None)
            twin.update(_timing(rng))
            edges.append(twin)
    return {
        "relgraph": 1,
        "relations": [{"id": relation, "symmetric": True} for relation in sorted(SYMMETRIC)],
        "nodes": nodes,
        "edges": edges,
    }


def write(seed: int, folder: Path) -> Path:
    path = folder / f"random-{seed}.json"
    path.write_text(json.dumps(document(seed), ensure_ascii=False, indent=1), encoding="utf-8")
    return path
