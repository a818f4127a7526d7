"""`search --exact`: nodes whose id or a label, whole, equals TEXT once both are folded (case,
normalisation form and Latin accents ignored), by id; `matched` is the node's first such text
(its id, then its labels in document order), as written. This is the first tier of relgraph's
search; the prefix, word, substring and typo tiers are not answered on Spark (README)."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import labels
from .folding import fold
from .tables import Graph


def exact_matches(graph: Graph, text: str, kinds: list[str] | None, limit: int, language: str) -> DataFrame:
    """Rows (id, kind, label, matched), at most `limit`, by id."""
    wanted = fold(text)
    nodes = graph.nodes
    if kinds is not None:
        nodes = nodes.where(nodes["kind"].isin(kinds))
    texts = nodes.select("id", labels.entries(graph, nodes).alias("texts"))

    def matching(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            ids, matched = [], []
            for identifier, entries in zip(batch["id"], batch["texts"]):
                for candidate in [identifier, *(entries if entries is not None else [])]:
                    if fold(candidate) == wanted:
                        ids.append(identifier)
                        matched.append(candidate)
                        break
            yield pd.DataFrame({"id": ids, "matched": matched}, dtype=object)

    schema = T.StructType([T.StructField("id", T.StringType()), T.StructField("matched", T.StringType())])
    found = texts.mapInPandas(matching, schema) if wanted else texts.limit(0).select("id", F.lit(None).cast("string").alias("matched"))
    found = found.orderBy("id").limit(limit)
    described = nodes.select("id", "kind", labels.display_name(graph, nodes, language).alias("label"))
    return found.join(described, "id").orderBy("id").select("id", "kind", "label", "matched")
