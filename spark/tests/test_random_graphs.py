"""Fifty seeded random graphs (symmetric relations, partial dates, intervals, isolated nodes,
self-loops, parallel edges, Devanagari ids, label languages out of alphabetical order): each
query command with random options, answered on Spark exactly as relgraph answers it. A failure
names its seed; RELGRAPH_RANDOM_GRAPHS changes how many graphs are drawn."""

from __future__ import annotations

import json
import os
import random

import pytest

import random_graphs
from conftest import in_parallel

COUNT = int(os.environ.get("RELGRAPH_RANDOM_GRAPHS", "50"))


def questions(seed: int, path: str) -> list[list[str]]:
    document = json.loads(open(path, encoding="utf-8").read())
    rng = random.Random(seed * 7919)
    ids = [node["id"] for node in document["nodes"]]
    relations = sorted({edge["relation"] for edge in document["edges"]}) or ["met"]
    as_of = ["--as-of", rng.choice(["1990", "1993-06", "2000", "2021-02-14"])] if rng.random() < 0.5 else []
    relation = ["--relation", rng.choice(relations)] if rng.random() < 0.3 and document["edges"] else []
    direction = ["--direction", rng.choice(["out", "in", "both"])]
    lang = ["--lang", rng.choice(["en", "hi", "fr"])] if rng.random() < 0.4 else []
    kind = ["--kind", rng.choice(["actor", "treaty", "project"])] if rng.random() < 0.3 else []
    a, b = rng.choice(ids), rng.choice(ids)
    text = rng.choice([rng.choice(ids).upper(), *[label for node in document["nodes"] if isinstance(label := node.get("label"), str)], "x"])
    asked = [
        ["stats", path, "--json"],
        ["components", path, *kind, *relation, *as_of, "--json"],
        ["neighbors", path, a, *direction, *as_of, *lang, "--json"],
        ["path", path, a, b, *(["--directed"] if rng.random() < 0.4 else []), *relation, *as_of, "--json"],
        ["reach", path, b, "--depth", str(rng.randint(0, 4)), *direction, *as_of, *lang, "--json"],
        ["search", path, text, "--exact", *kind, "--json"],
    ]
    return asked


@pytest.fixture(scope="module")
def answers(relgraph, engine, tmp_path_factory) -> dict:
    """Every seed's questions asked of both, several graphs at a time."""
    folder = tmp_path_factory.mktemp("random")

    def ask(own, seed):
        path = str(random_graphs.write(seed, folder))
        return [(argv, relgraph(*argv), own(*argv)) for argv in questions(seed, path)]

    return in_parallel(ask, range(COUNT), engine)


@pytest.mark.parametrize("seed", range(COUNT))
def test_spark_answers_a_random_graph_as_relgraph_does(answers, seed):
    asked = answers[seed]
    if isinstance(asked, Exception):
        raise asked
    for argv, ours, spark in asked:
        assert (spark.code, spark.out) == (ours.code, ours.out), f"seed {seed}: {argv}: relgraph said {ours}, spark said {spark}"
