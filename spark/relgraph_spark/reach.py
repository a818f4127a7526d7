"""`reach`: every node within K hops, by distance then id, the start at distance 0.

Breadth-first, one join per layer: the frontier joined with the hops it can take, less the
nodes already reached. Each layer is materialised (a local checkpoint) so the plan of the next
does not grow; only its emptiness is asked on the driver."""

from __future__ import annotations

import logging

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import labels
from .view import View, steps

log = logging.getLogger("relgraph_spark")

LAYER = T.StructType([T.StructField("id", T.StringType()), T.StructField("distance", T.IntegerType())])


class Layers(list):  # type: ignore[type-arg]
    """Breadth-first layers, and whether the search stopped at the node it looked for."""

    reached_target = False


def layers(spark: SparkSession, hops: DataFrame, start: str, depth: int | None, stop_at: str | None = None) -> Layers:
    """The layers of a breadth-first search from `start` over `hops` (u, v): layer d holds the
    nodes first reached in d hops. Stops after `depth` layers, at an empty layer, or at the
    layer that holds `stop_at`."""
    found = Layers([spark.createDataFrame([(start, 0)], LAYER)])
    reached = found[0].select("id")
    distance = 0
    while depth is None or distance < depth:
        distance += 1
        frontier = found[-1].select(F.col("id").alias("u"))
        # Materialised by the one job that asks about it below (a lazy local checkpoint).
        layer = (frontier.join(hops, "u").select(F.col("v").alias("id")).distinct()
                 .join(reached, "id", "left_anti")
                 .withColumn("distance", F.lit(distance)).localCheckpoint(eager=False))
        size, holds_target = layer.agg(F.count("*"), F.max(layer["id"] == F.lit(stop_at or ""))).first()
        if size == 0:
            break
        found.append(layer)
        reached = reached.unionByName(layer.select("id"))
        if stop_at is not None and holds_target:
            found.reached_target = True
            break
    log.info("breadth-first search from %s: %d layers", start, len(found) - 1)
    return found


def reach(spark: SparkSession, view: View, node: str, depth: int, direction: str, language: str) -> DataFrame:
    """Rows (id, distance, kind, label) in the answer's order."""
    hops = steps(view.edges, direction).localCheckpoint(eager=False)
    found = layers(spark, hops, node, depth)
    reached = found[0]
    for layer in found[1:]:
        reached = reached.unionByName(layer)
    nodes = view.graph.nodes
    described = nodes.select("id", "kind", labels.display_name(view.graph, nodes, language).alias("label"))
    return reached.join(described, "id").orderBy("distance", "id").select("id", "distance", "kind", "label")
