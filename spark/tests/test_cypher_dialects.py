"""`export --to cypher --dialect kuzu` runs into Kùzu as it is (its table declarations are
statements, not comments); every dialect carries each node's kind, each edge's id and marks
symmetric relations."""

from __future__ import annotations

import json

import kuzu
import pytest

from conftest import BUNDLED
from falkordb_load import statements


def test_the_kuzu_dialect_runs_whole_in_kuzu_and_holds_the_graph(relgraph, tmp_path):
    script = relgraph("export", str(BUNDLED), "--to", "cypher", "--dialect", "kuzu")
    assert script.code == 0 and "CREATE CONSTRAINT" not in script.out
    connection = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    for statement in statements(script.out):
        connection.execute(statement)

    def rows(query: str) -> list:
        result = connection.execute(query)
        found = []
        while result.has_next():
            found.append(result.get_next())
        return found

    stats = json.loads(relgraph("stats", str(BUNDLED), "--json").out)
    assert sorted(rows("MATCH (n) RETURN n.kind, count(*)")) == sorted([kind, count] for kind, count in stats["kinds"].items())
    assert sorted(rows("MATCH ()-[r]->() RETURN label(r), count(*)")) == sorted([relation, count] for relation, count in stats["relations"].items())
    symmetric = {row[0] for row in rows("MATCH ()-[r]->() WHERE r.symmetric RETURN DISTINCT label(r)")}
    assert symmetric == {"partner-of", "met", "counterpart-of", "diplomatic-relations-with"}


@pytest.mark.parametrize("dialect", ["neo4j", "falkordb", "kuzu"])
def test_every_dialect_carries_kinds_ids_and_symmetry(relgraph, tmp_path, dialect):
    document = tmp_path / "twins.yaml"
    document.write_text("relgraph: 1\nrelations: [{id: met, symmetric: true}]\nnodes: [{id: a, kind: actor}, {id: b, kind: place}]\n"
                        "edges:\n  - {id: e1, from: a, to: b, relation: met, date: 2020}\n  - {id: e2, from: a, to: b, relation: met, date: 2020}\n",
                        encoding="utf-8")
    script = relgraph("export", str(document), "--to", "cypher", "--dialect", dialect).out
    assert "`kind`: 'actor'" in script and "`kind`: 'place'" in script
    assert "`id`: 'e1'" in script and "`id`: 'e2'" in script and "`symmetric`: true" in script
    marker = {"neo4j": "CREATE CONSTRAINT", "falkordb": "CREATE INDEX FOR (n:`actor`) ON (n.id);", "kuzu": "CREATE NODE TABLE `actor`"}[dialect]
    assert marker in script


def test_dialect_applies_to_cypher_only(relgraph):
    said = relgraph("export", str(BUNDLED), "--to", "dot", "--dialect", "kuzu")
    assert said.code == 64 and said.out == ""
