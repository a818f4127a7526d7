"""`relgraph export --to cypher --dialect falkordb` loaded into a real openCypher server
(FalkorDB, embedded by falkordblite in .venv-falkordb, Python 3.12): counts per kind and
relation, shortest-path lengths (algo.SPpaths both ways) and a set of questions answered as
relgraph answers them, on the bundled graph and the 10k/50k benchmark graph. The queries that
need another form on FalkorDB (symmetric relations, undirected shortest paths) are the forms
docs/engines.md gives."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT

PYTHON = ROOT / ".venv-falkordb" / "bin" / "python3"
LOADER = Path(__file__).with_name("falkordb_load.py")

pytestmark = pytest.mark.skipif(not PYTHON.exists(), reason="no .venv-falkordb (scripts/setup makes it where Python 3.12 exists)")


def load(relgraph, graph: str, folder: Path, questions: list[dict]) -> dict:
    script = folder / "graph.cypher"
    said = relgraph("export", graph, "--to", "cypher", "--dialect", "falkordb", "-o", str(script))
    assert said.code == 0, said.err
    done = subprocess.run([str(PYTHON), str(LOADER), str(script), str(folder)], input=json.dumps(questions),
                          capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def ours(relgraph, *argv: str) -> dict:
    said = relgraph(*argv, "--json")
    assert said.code in (0, 1), said.err
    return json.loads(said.out)


def rows(relgraph, graph: str, query: str) -> list[list]:
    """relgraph's answer; a query starting `hi:` is asked with --lang hi."""
    if query.startswith("hi:"):
        return ours(relgraph, "query", graph, query[3:], "--lang", "hi")["rows"]
    return ours(relgraph, "query", graph, query)["rows"]


SHORTEST = ("MATCH (a {id: $a}), (b {id: $b}) "
            "CALL algo.SPpaths({sourceNode: a, targetNode: b, relDirection: 'both', pathCount: 1}) "
            "YIELD path RETURN length(path)")

# (FalkorDB's form, relgraph's form) of questions whose answers must be equal.
QUESTIONS = [
    ("MATCH (n) RETURN n.kind, count(n) ORDER BY n.kind", "MATCH (n) RETURN n.kind, count(n) ORDER BY n.kind"),
    ("MATCH (a)-[r]->(b) RETURN type(r), count(r) ORDER BY type(r)", None),
    ("MATCH (a:actor)-[:signed]->(t:treaty) RETURN a.id, t.id ORDER BY a.id, t.id",
     "MATCH (a:actor)-[:signed]->(t:treaty) RETURN a.id, t.id ORDER BY a.id, t.id"),
    ("MATCH (n {id: 'russia'})-[r]-(m) RETURN m.id, type(r) ORDER BY m.id, type(r)",
     "MATCH (n {id: 'russia'})-[r]-(m) RETURN m.id, type(r) ORDER BY m.id, type(r)"),
    # Symmetric relations: relgraph matches `->` both ways; FalkorDB stores one way, so the
    # undirected pattern keeps stored-forward relationships and symmetric ones.
    ("MATCH (n {id: 'india'})-[r]-(m) WHERE startNode(r) = n OR r.symmetric RETURN m.id, type(r) ORDER BY m.id, type(r)",
     "MATCH (n {id: 'india'})-[r]->(m) RETURN m.id, type(r) ORDER BY m.id, type(r)"),
    ("MATCH (t:treaty) WHERE t.date < '2000' RETURN t.id ORDER BY t.id",
     "MATCH (t:treaty) WHERE t.date < '2000' RETURN t.id ORDER BY t.id"),
    ("MATCH (a)-[:`in-sector`]->(s:sector) RETURN s.id, count(a) ORDER BY s.id",
     "MATCH (a)-[:`in-sector`]->(s:sector) RETURN s.id, count(a) ORDER BY s.id"),
    # Every label language is a property on FalkorDB (label_hi); relgraph has `label` in --lang.
    ("MATCH (n:actor) RETURN n.id, n.label_hi ORDER BY n.id", "hi:MATCH (n:actor) RETURN n.id, n.label ORDER BY n.id"),
    ("MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL RETURN count(r)", "MATCH (a)-[r]->(b) WHERE r.id IS NOT NULL RETURN count(r)"),
]


def test_falkordb_holds_the_bundled_graph_and_answers_as_relgraph_does(relgraph, tmp_path):
    graph = str(BUNDLED)
    pairs = [("boris-yeltsin", "amethi"), ("usa", "kudankulam"), ("india", "soviet-dissolution")]
    asked = [{"query": falkor} for falkor, _ in QUESTIONS] + [{"query": SHORTEST, "params": {"a": a, "b": b}} for a, b in pairs]
    answers = load(relgraph, graph, tmp_path, asked)["answers"]
    stats = ours(relgraph, "stats", graph)
    assert answers[0] == [[kind, count] for kind, count in stats["kinds"].items()]
    assert answers[1] == [[relation, count] for relation, count in stats["relations"].items()]
    for (falkor, mine), answer in zip(QUESTIONS[2:], answers[2:len(QUESTIONS)]):
        assert answer == rows(relgraph, graph, mine), falkor
    for (a, b), answer in zip(pairs, answers[len(QUESTIONS):]):
        assert answer == [[ours(relgraph, "path", graph, a, b)["length"]]], (a, b)


def test_falkordb_loads_the_10k_graph_and_agrees_on_counts_and_path_lengths(relgraph, medium, tmp_path):
    folder = medium
    graph = str(folder / "M.json")
    pairs = [line.split() for line in (folder / "M-pairs.txt").read_text().splitlines()[:10]]
    asked = [{"query": QUESTIONS[0][0]}, {"query": QUESTIONS[1][0]}]
    asked += [{"query": SHORTEST, "params": {"a": a, "b": b}} for a, b in pairs]
    loaded = load(relgraph, graph, tmp_path, asked)
    stats = ours(relgraph, "stats", graph)
    answers = loaded["answers"]
    assert answers[0] == [[kind, count] for kind, count in stats["kinds"].items()]
    assert answers[1] == [[relation, count] for relation, count in stats["relations"].items()]
    for (a, b), answer in zip(pairs, answers[2:]):
        length = ours(relgraph, "path", graph, a, b)["length"]
        assert answer == ([[length]] if length is not None else []), (a, b)
    print(f"FalkorDB loaded the 10k/50k graph in {loaded['seconds']:.1f} s")
