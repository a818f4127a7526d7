"""`neighbors`: the nodes one edge away, each edge once, ordered by neighbour id, relation,
direction (`in` before `out`), then edge order. `direction` says which end the queried node is;
a symmetric edge counts for every direction; a self-loop is listed once, as `out` (as `in`
under `--direction in`)."""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from . import labels
from .view import View


def neighbors(view: View, node: str, direction: str, kinds: list[str] | None, language: str) -> DataFrame:
    """Rows (id, kind, label, relation, direction, date, start, end), in the listing's order."""
    edges = view.edges
    outgoing = edges.where(edges["src"] == F.lit(node))
    incoming = edges.where(edges["dst"] == F.lit(node))
    if direction == "in":
        outgoing = outgoing.where(edges["symmetric"] & (edges["dst"] != F.lit(node)))
    if direction == "out":
        incoming = incoming.where(edges["symmetric"])
    if direction != "in":
        incoming = incoming.where(edges["src"] != F.lit(node))
    entries = (outgoing.select(F.col("dst").alias("id"), "relation", F.lit("out").alias("direction"), "index", "date", "start", "end")
               .unionByName(incoming.select(F.col("src").alias("id"), "relation", F.lit("in").alias("direction"), "index", "date", "start", "end")))
    nodes = view.graph.nodes
    if kinds is not None:
        nodes = nodes.where(nodes["kind"].isin(kinds))
    described = nodes.select("id", "kind", labels.display_name(view.graph, nodes, language).alias("label"))
    return (entries.join(described, "id")
            .orderBy("id", "relation", "direction", "index")
            .select("id", "kind", "label", "relation", "direction", "date", "start", "end"))
