"""`stats`: nodes, edges, weak components, nodes per kind and edges per relation."""

from __future__ import annotations

from typing import Any

from pyspark.sql import functions as F

from . import components
from .tables import Graph


def statistics(graph: Graph) -> dict[str, Any]:
    nodes, edges = graph.nodes, graph.edges
    # Both tallies in one job: (what, name, count) rows, what 0 for kinds and 1 for relations.
    tallies = (nodes.groupBy("kind").count().select(F.lit(0).alias("what"), F.col("kind").alias("name"), "count")
               .unionByName(edges.groupBy("relation").count().select(F.lit(1).alias("what"), F.col("relation").alias("name"), "count"))
               .orderBy("what", "name").collect())
    kinds = {row["name"]: row["count"] for row in tallies if row["what"] == 0}
    relations = {row["name"]: row["count"] for row in tallies if row["what"] == 1}
    return {
        "nodes": sum(kinds.values()),
        "edges": sum(relations.values()),
        "components": components.count(nodes, edges),
        "kinds": kinds,
        "relations": relations,
    }
