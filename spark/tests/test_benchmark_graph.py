"""The benchmark generator's 10,000-node / 50,000-edge graph (`relgraph-bench generate --size
M`: hubs, two symmetric relations, dates on most elements, English and Hindi labels): every
query command on Spark, answered exactly as relgraph answers it, read from its JSON document
and from the engine tables (JSON Lines and Parquet)."""

from __future__ import annotations

import pytest

from conftest import in_parallel


@pytest.fixture(scope="module")
def medium_graph(relgraph, medium) -> dict[str, str]:
    folder = medium
    document = str(folder / "M.json")
    for form in ("jsonl", "parquet"):
        assert relgraph("export", document, "--to", form, "-o", str(folder / form)).code == 0
    pairs = [line.split() for line in (folder / "M-pairs.txt").read_text().splitlines()[:3]]
    roots = (folder / "M-roots.txt").read_text().split()[:2]
    return {"json": document, "jsonl": str(folder / "jsonl"), "parquet": str(folder / "parquet"),
            "pairs": pairs, "roots": roots, "folder": str(folder)}  # type: ignore[dict-item]


def questions(graph: dict) -> list[tuple[str, ...]]:
    path = graph["json"]
    (a, b), (c, d), (e, f) = graph["pairs"]
    r, s = graph["roots"]
    return [
        ("stats", path, "--json"),
        ("components", path, "--json"),
        ("components", path, "--relation", "partner-of", "--as-of", "2000", "--json"),
        ("path", path, a, b, "--json"),
        ("path", path, c, d, "--directed", "--json"),
        ("path", path, e, f, "--as-of", "2000", "--json"),
        ("reach", path, r, "--depth", "2", "--json"),
        ("reach", path, s, "--depth", "3", "--direction", "out", "--as-of", "2010", "--lang", "hi", "--json"),
        ("neighbors", path, "n0", "--json"),
        ("neighbors", path, r, "--direction", "in", "--relation", "partner-of", "--json"),
        ("search", path, r.upper(), "--exact", "--json"),
    ]


@pytest.fixture(scope="module")
def answers(relgraph, engine, medium_graph) -> dict:
    return in_parallel(lambda own, argv: (relgraph(*argv), own(*argv)), questions(medium_graph), engine)


def test_every_command_on_the_10k_graph_answers_as_relgraph_does(medium_graph, answers):
    for argv in questions(medium_graph):
        asked = answers[argv]
        if isinstance(asked, Exception):
            raise asked
        ours, spark = asked
        assert ours.code in (0, 1)
        assert (spark.code, spark.out) == (ours.code, ours.out), f"{argv[0]} {argv[2:]}: differs"


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
def test_the_engine_tables_give_the_same_answers(relgraph, engine, medium_graph, form):
    r = medium_graph["roots"][0]
    for argv in [("reach", "{}", r, "--depth", "2", "--as-of", "2000", "--json"), ("neighbors", "{}", r, "--lang", "hi", "--json")]:
        ours = relgraph(*[medium_graph["json"] if part == "{}" else part for part in argv])
        spark = engine(*[medium_graph[form] if part == "{}" else part for part in argv])
        assert (spark.code, spark.out) == (ours.code, ours.out), f"{form}: {argv[0]} differs"
