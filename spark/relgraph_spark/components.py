"""Weakly connected components by large-star / small-star (Kiveris et al., "Connected
Components in MapReduce and Beyond", 2014): O(log n) rounds, each a few shuffles of the edge
list, nothing gathered on the driver. Every node ends labelled by the smallest id of its
component (ids compare by Unicode scalars, as Spark compares strings), which is the tie-break
the contract orders components by.

A round is one job: large-star then small-star, the per-node minima taken over windows (one
shuffle each), the result materialised (a local checkpoint). A second, one-shuffle job asks
whether the pairs have become stars (each node linked to its root only), which ends the loop."""

from __future__ import annotations

import logging

from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

log = logging.getLogger("relgraph_spark")

MAX_ROUNDS = 200


def _both_ways(pairs: DataFrame) -> DataFrame:
    """(u, v) and (v, u) for every pair, self-loops left out."""
    return (pairs.select("u", "v").unionByName(pairs.select(F.col("v").alias("u"), F.col("u").alias("v")))
            .where(F.col("u") != F.col("v")))


def _large_star(pairs: DataFrame) -> DataFrame:
    """Each node's larger neighbours are linked to the smallest of its neighbourhood (itself included)."""
    both = _both_ways(pairs)
    smallest = F.least(F.min("v").over(Window.partitionBy("u")), F.col("u"))
    return (both.withColumn("m", smallest).where(F.col("v") > F.col("u"))
            .select(F.col("v").alias("u"), F.col("m").alias("v")))


def _small_star(pairs: DataFrame) -> DataFrame:
    """Each node and its smaller neighbours are linked to the smallest of them."""
    smaller = _both_ways(pairs).where(F.col("v") < F.col("u"))
    marked = smaller.withColumn("m", F.min("v").over(Window.partitionBy("u")))
    linked = marked.select(F.col("v").alias("u"), F.col("m").alias("v"))
    centres = marked.select("u", F.col("m").alias("v"))
    return linked.unionByName(centres).where(F.col("u") != F.col("v")).distinct()


def _settled(pairs: DataFrame) -> bool:
    """Whether the pairs (larger, smaller) are stars: each node has at most one root, and no
    root is linked to a smaller node."""
    roles = pairs.select(F.col("u").alias("node"), F.lit(1).alias("leaf")).unionByName(
        pairs.select(F.col("v").alias("node"), F.lit(0).alias("leaf")))
    per_node = roles.groupBy("node").agg(F.sum("leaf").alias("roots"), F.count("*").alias("entries"))
    # A leaf of one root has entries == roots == 1; a root has roots == 0.
    return per_node.where((F.col("roots") > 1) | ((F.col("roots") == 1) & (F.col("entries") > 1))).isEmpty()


def labels(nodes: DataFrame, edges: DataFrame) -> DataFrame:
    """(id, component): every kept node with the smallest id of its weak component."""
    pairs = edges.select(F.col("src").alias("u"), F.col("dst").alias("v"))
    rounds = 0
    while True:
        rounds += 1
        pairs = _small_star(_large_star(pairs)).localCheckpoint()
        if _settled(pairs):
            break
        if rounds >= MAX_ROUNDS:
            raise RuntimeError("large-star/small-star did not converge")
    log.info("components: %d rounds of large-star/small-star", rounds)
    roots = pairs.select(F.col("u").alias("id"), F.col("v").alias("component"))
    return (nodes.select("id").join(roots, "id", "left")
            .select("id", F.coalesce(F.col("component"), F.col("id")).alias("component")))


def count(nodes: DataFrame, edges: DataFrame) -> int:
    return labels(nodes, edges).select("component").distinct().count()


def listed(nodes: DataFrame, edges: DataFrame) -> DataFrame:
    """(id, component, size) for every kept node; the caller orders it."""
    labelled = labels(nodes, edges)
    return labelled.withColumn("size", F.count("*").over(Window.partitionBy("component")))
