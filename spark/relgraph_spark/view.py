"""What a query sees: nodes and edges kept by `--kind`, `--relation` and `--as-of` (contract §1,
"Time": a date or start after D drops an element, an end before D drops it, undated elements
stay; an edge stays only where both its nodes stay). D covers all its days: a start is compared
with D's last day, an end with D's first."""

from __future__ import annotations

from dataclasses import dataclass

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from .dates import PartialDate
from .tables import Graph


@dataclass
class View:
    graph: Graph
    nodes: DataFrame
    edges: DataFrame
    as_of: PartialDate | None
    # Whether the view keeps a node, as an expression on the node table (None: every node).
    keeps_node: Column | None = None


def exists_as_of(frame: DataFrame, moment: PartialDate) -> Column:
    last, first = F.lit(moment.last_day), F.lit(moment.first_day)
    return (
        (frame["date_first_day"].isNull() | (frame["date_first_day"] <= last))
        & (frame["start_first_day"].isNull() | (frame["start_first_day"] <= last))
        & (frame["end_last_day"].isNull() | (frame["end_last_day"] >= first))
    )


def make_view(graph: Graph, kinds: list[str] | None = None, relations: list[str] | None = None,
              as_of: PartialDate | None = None) -> View:
    nodes, edges = graph.nodes, graph.edges
    keeps: Column | None = None
    if kinds is not None:
        keeps = nodes["kind"].isin(kinds)
    if as_of is not None:
        keeps = exists_as_of(nodes, as_of) if keeps is None else keeps & exists_as_of(nodes, as_of)
        edges = edges.where(exists_as_of(edges, as_of))
    if relations is not None:
        edges = edges.where(edges["relation"].isin(relations))
    if keeps is not None:
        nodes = nodes.where(keeps)
        kept = nodes.select("id")
        edges = (edges.join(kept.withColumnRenamed("id", "src"), "src", "left_semi")
                 .join(kept.withColumnRenamed("id", "dst"), "dst", "left_semi"))
    return View(graph, nodes, edges, as_of, keeps)


def steps(edges: DataFrame, direction: str) -> DataFrame:
    """Where one hop leads, as distinct (u, v) pairs: along edges (`out`), against them (`in`) or
    both ways (`both`); symmetric relations both ways whatever the direction."""
    forward = edges.select(edges["src"].alias("u"), edges["dst"].alias("v"))
    backward = edges.select(edges["dst"].alias("u"), edges["src"].alias("v"))
    symmetric = edges.where(edges["symmetric"])
    if direction == "both":
        pairs = forward.unionByName(backward)
    elif direction == "out":
        pairs = forward.unionByName(symmetric.select(symmetric["dst"].alias("u"), symmetric["src"].alias("v")))
    else:
        pairs = backward.unionByName(symmetric.select(symmetric["src"].alias("u"), symmetric["dst"].alias("v")))
    return pairs.distinct()
