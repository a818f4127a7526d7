"""Weakly connected components by large-star / small-star (Kiveris et al., "Connected
Components in MapReduce and Beyond", 2014): O(log n) rounds of joins, each a Spark shuffle,
with nothing gathered on the driver. Every node ends labelled by the smallest id of its
component (ids compare by Unicode scalars, as Spark compares strings), which is the tie-break
the contract orders components by."""

from __future__ import annotations

import logging

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

log = logging.getLogger("relgraph_spark")

MAX_ROUNDS = 200


def _neighbourhoods(pairs: DataFrame) -> DataFrame:
    """(u, v) both ways, without self-loops."""
    both = pairs.select("u", "v").unionByName(pairs.select(F.col("v").alias("u"), F.col("u").alias("v")))
    return both.where(F.col("u") != F.col("v")).distinct()


def _large_star(pairs: DataFrame) -> DataFrame:
    """Each node's larger neighbours are linked to the smallest of its neighbourhood (itself included)."""
    both = _neighbourhoods(pairs)
    smallest = both.groupBy("u").agg(F.least(F.min("v"), F.col("u")).alias("m"))
    return (both.where(F.col("v") > F.col("u")).join(smallest, "u")
            .select(F.col("v").alias("u"), F.col("m").alias("v")))


def _small_star(pairs: DataFrame) -> DataFrame:
    """Each node and its smaller neighbours are linked to the smallest of them."""
    both = _neighbourhoods(pairs)
    smaller = both.where(F.col("v") < F.col("u"))
    smallest = smaller.groupBy("u").agg(F.min("v").alias("m"))
    linked = smaller.join(smallest, "u").select(F.col("v").alias("u"), F.col("m").alias("v"))
    centres = smallest.select("u", F.col("m").alias("v"))
    return linked.unionByName(centres).where(F.col("u") != F.col("v"))


def labels(nodes: DataFrame, edges: DataFrame) -> DataFrame:
    """(id, component): every kept node with the smallest id of its weak component."""
    pairs = _neighbourhoods(edges.select(F.col("src").alias("u"), F.col("dst").alias("v")))
    pairs = pairs.where(F.col("u") < F.col("v"))
    rounds = 0
    while True:
        rounds += 1
        star = _small_star(_large_star(pairs)).distinct().localCheckpoint()
        # Converged when every pair links a node to its component's root (pairs are (larger,
        # smaller)): each node has one root, and no root is itself linked to a smaller one.
        per_node = star.groupBy("u").agg(F.count("*").alias("roots"))
        roots = star.select(F.col("v").alias("u")).distinct()
        unsettled = per_node.where(F.col("roots") > 1).select("u").unionByName(per_node.join(roots, "u", "left_semi").select("u"))
        if unsettled.isEmpty():
            pairs = star
            break
        if rounds >= MAX_ROUNDS:
            raise RuntimeError("large-star/small-star did not converge")
        pairs = star
    log.info("components: %d rounds of large-star/small-star", rounds)
    roots = pairs.select(F.col("u").alias("id"), F.col("v").alias("component"))
    return (nodes.select("id").join(roots, "id", "left")
            .select("id", F.coalesce(F.col("component"), F.col("id")).alias("component")))


def count(nodes: DataFrame, edges: DataFrame) -> int:
    return labels(nodes, edges).select("component").distinct().count()


def listed(nodes: DataFrame, edges: DataFrame) -> DataFrame:
    """(component, size, id) for every kept node, largest component first, then by smallest id;
    members by id."""
    labelled = labels(nodes, edges)
    sizes = labelled.groupBy("component").agg(F.count("*").alias("size"))
    return labelled.join(sizes, "component").orderBy(F.col("size").desc(), "component", "id")
