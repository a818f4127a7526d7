"""What names on the command line mean: NODE (an id, else a label in any language or an id,
exact but for case), `--kind` and `--relation` (an id, or a label in any language), with
relgraph's messages and exit codes."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pandas as pd
from pyspark.sql import Column
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import labels
from .errors import INVALID_INPUT, USAGE, EngineFailure
from .nearest import nearest
from .tables import Graph

BUILT_IN_KINDS = ["actor", "treaty", "project", "sector", "event", "place"]


def folded_case(text: str) -> str:
    """Lower case, compared as Swift compares strings (canonical equivalence)."""
    return unicodedata.normalize("NFC", text.lower())


def _text(value: object) -> str:
    return "" if value is None else str(value)


def known_kinds(graph: Graph) -> list[str]:
    kinds = BUILT_IN_KINDS + [entry["id"] for entry in graph.declarations.get("kinds", [])]
    return kinds + [kind for kind in graph.kinds_in_use if kind not in kinds]


def _label_texts(label: object) -> list[str]:
    if label is None:
        return []
    if isinstance(label, str):
        return [label]
    return list(label.values())  # type: ignore[union-attr]


def kinds(names: list[str], graph: Graph) -> list[str]:
    """The kinds `--kind` names, or a usage error naming the nearest."""
    known = known_kinds(graph)
    found = []
    for name in names:
        if name in known:
            found.append(name)
            continue
        declared = {entry["id"]: _label_texts(entry.get("label")) for entry in graph.declarations.get("kinds", [])}
        match = next((kind for kind in known if any(folded_case(text) == folded_case(name)
                                                     for text in [kind] + declared.get(kind, []))), None)
        if match is None:
            suggestion = nearest(name, known)
            raise EngineFailure(
                f"error: no kind '{name}' in this graph" + (f"; did you mean '{suggestion}'?" if suggestion else "")
                + f" (kinds: {', '.join(known)})", USAGE)
        found.append(match)
    return found


def relations(names: list[str], graph: Graph) -> list[str]:
    """The relations `--relation` names, or a usage error naming the nearest."""
    types = graph.declarations.get("relations", [])
    known = [entry["id"] for entry in types]
    known += [relation for relation in graph.relations_in_use if relation not in known]
    found = []
    for name in names:
        if name in known:
            found.append(name)
            continue
        match = next((relation for relation in known if folded_case(relation) == folded_case(name)), None)
        if match is None:
            match = next((entry["id"] for entry in types
                          if any(folded_case(text) == folded_case(name) for text in _label_texts(entry.get("label")))), None)
        if match is None:
            suggestion = nearest(name, known)
            raise EngineFailure(
                f"error: no relation '{name}' in this graph"
                + (f"; did you mean '{suggestion}'?" if suggestion else "; `relgraph stats FILE` lists them"), USAGE)
        found.append(match)
    return found


def nodes(names: list[str], graph: Graph, keeps: Column | None = None) -> list[tuple[str, bool]]:
    """The id each of `names` means, and whether `keeps` (a view's node filter) keeps that node;
    unknown or ambiguous names fail with exit 65. Ids are looked up together, in one job."""
    table = graph.nodes
    kept = (keeps if keeps is not None else F.lit(True)).alias("kept")
    found = {row["id"]: bool(row["kept"]) for row in table.where(table["id"].isin(names)).select("id", kept).collect()}
    return [(name, found[name]) if name in found else _by_label(name, graph, kept) for name in names]


def _by_label(name: str, graph: Graph, kept: Column) -> tuple[str, bool]:
    """The node whose label (in any language) or id is `name` but for case."""
    table = graph.nodes
    wanted = folded_case(name)
    texts = table.select("id", labels.entries(graph, table).alias("texts"),
                         labels.display_name(graph, table, "en").alias("display"), kept)

    def matching(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            keep = [folded_case(identifier) == wanted or any(folded_case(text) == wanted for text in entries)
                    for identifier, entries in zip(batch["id"], batch["texts"])]
            yield batch.loc[keep, ["id", "display", "kept"]]

    schema = T.StructType([T.StructField("id", T.StringType()), T.StructField("display", T.StringType()),
                           T.StructField("kept", T.BooleanType())])
    matches = texts.mapInPandas(matching, schema).orderBy("id").collect()
    if len(matches) == 1:
        return matches[0]["id"], bool(matches[0]["kept"])
    if matches:
        candidates = "\n".join(f"  {row['id']}\t{row['display']}" for row in matches)
        raise EngineFailure(
            f"error: '{name}' is the label of {len(matches)} nodes; name one by its id:\n{candidates}", INVALID_INPUT)
    raise EngineFailure(f"error: no node has the id or label '{name}'" + _suggestion(name, graph), INVALID_INPUT)


def _suggestion(name: str, graph: Graph) -> str:
    """"; did you mean 'X'?" over every id and label (a pass over the nodes, in Spark)."""
    nodes = graph.nodes
    length = len(name)
    limit = max(1 if length <= 4 else 2, length // 3)
    texts = nodes.select(F.explode(F.array_union(F.array(nodes["id"]), labels.entries(graph, nodes))).alias("text"))
    close = texts.where(F.abs(F.length("text") - F.lit(length)) <= limit).distinct()

    def nearest_of(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            best = nearest(name, list(batch["text"]))
            yield pd.DataFrame({"text": [best] if best is not None else []}, dtype=object)

    candidates = [row["text"] for row in close.mapInPandas(nearest_of, "text string").collect()]
    best = nearest(name, candidates)
    return f"; did you mean '{best}'?" if best else ""
