"""`path`: one shortest path (hops), and among shortest paths the one whose node-id sequence is
smallest, compared id by id in Unicode scalar order (contract §2), found without enumerating
paths, as relgraph finds it:

1. breadth-first layers from the source until the target's layer (one join per layer);
2. back from the target, layer by layer, the nodes from which a shortest path continues
   (one semi-join per layer);
3. from the source, at each hop the smallest id among those nodes one hop on (one small
   aggregate per hop);
4. for each hop, the edge relgraph reports: the smallest relation id, then the earliest edge.

Each hop follows edges both ways (`--directed`: along them), symmetric relations both ways."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from .reach import layers
from .view import View, steps

log = logging.getLogger("relgraph_spark")


@dataclass
class PathEdge:
    source: str
    target: str
    relation: str
    date: str | None
    start: str | None
    end: str | None


@dataclass
class Path:
    nodes: list[str]
    edges: list[PathEdge]


def shortest_path(spark: SparkSession, view: View, source: str, target: str, directed: bool) -> Path | None:
    if source == target:
        return Path([source], [])
    direction = "out" if directed else "both"
    hops = steps(view.edges, direction).localCheckpoint(eager=False)
    found = layers(spark, hops, source, None, stop_at=target)
    if not getattr(found, "reached_target", False):
        return None  # the search ended without reaching the target
    length = len(found) - 1
    # Back from the target: marked[d] holds the layer-d nodes with a hop into marked[d + 1].
    marked: dict[int, DataFrame] = {length: spark.createDataFrame([(target,)], "id string")}
    for depth in range(length - 1, 0, -1):
        onward = marked[depth + 1].select(F.col("id").alias("v"))
        leading = hops.join(onward, "v", "left_semi").select(F.col("u").alias("id"))
        marked[depth] = found[depth].select("id").join(leading, "id", "left_semi").localCheckpoint(eager=False)
    nodes = [source]
    for depth in range(1, length + 1):
        candidates = marked[depth].select(F.col("id").alias("v"))
        following = hops.where(hops["u"] == F.lit(nodes[-1])).join(candidates, "v", "left_semi")
        nodes.append(following.agg(F.min("v")).first()[0])
    log.info("path: %d hops", length)
    return Path(nodes, _edges(spark, view.edges, nodes, directed))


def _edges(spark: SparkSession, edges: DataFrame, nodes: list[str], directed: bool) -> list[PathEdge]:
    """For each hop, of the kept edges joining its nodes (in the walked direction, symmetric ones
    either way), the one with the smallest relation id, then the earliest."""
    schema = T.StructType([T.StructField("hop", T.IntegerType()), T.StructField("a", T.StringType()),
                           T.StructField("b", T.StringType())])
    hops = spark.createDataFrame([(position, a, b) for position, (a, b) in enumerate(zip(nodes, nodes[1:]))], schema)
    along = edges.join(hops, (edges["src"] == hops["a"]) & (edges["dst"] == hops["b"]))
    against = edges.join(hops, (edges["src"] == hops["b"]) & (edges["dst"] == hops["a"]))
    if directed:
        against = against.where(edges["symmetric"])
    columns = ["hop", "src", "dst", "relation", "index", "date", "start", "end"]
    candidates = along.select(*columns).unionByName(against.select(*columns))
    best = candidates.groupBy("hop").agg(F.min(F.struct("relation", "index", "src", "dst", "date", "start", "end")).alias("e"))
    rows = {row["hop"]: row["e"] for row in best.collect()}
    return [PathEdge(e["src"], e["dst"], e["relation"], e["date"], e["start"], e["end"])
            for e in (rows[position] for position in range(len(nodes) - 1))]
