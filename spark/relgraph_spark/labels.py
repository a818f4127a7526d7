"""A node's label in `--lang`, as relgraph picks it: that language, else English, else the first
language the document gives (the order `label_languages` keeps where it is not alphabetical),
else a label given without a language, else the node's id."""

from __future__ import annotations

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from .tables import Graph


def display_name(graph: Graph, frame: DataFrame, language: str) -> Column:
    def label(code: str) -> Column:
        return frame[f"`label_{code}`"]

    choices: list[Column] = []
    if language in graph.languages:
        choices.append(label(language))
    if "en" in graph.languages and language != "en":
        choices.append(label("en"))
    if graph.languages:
        alphabetical_first = F.coalesce(*[label(code) for code in graph.languages]) if len(graph.languages) > 1 else label(graph.languages[0])
        if graph.has_label_languages:
            by_language = F.create_map(*[part for code in graph.languages for part in (F.lit(code), label(code))])
            first = F.when(frame["label_languages"].isNotNull(),
                           F.element_at(by_language, F.element_at(frame["label_languages"], 1))).otherwise(alphabetical_first)
        else:
            first = alphabetical_first
        choices.append(first)
    choices += [frame["label"], frame["id"]]
    return F.coalesce(*choices)


def entries(graph: Graph, frame: DataFrame) -> Column:
    """A node's label texts in document order, as an array (its neutral label alone when it has
    no language)."""
    neutral = F.when(frame["label"].isNotNull(), F.array(frame["label"])).otherwise(F.array().cast("array<string>"))
    if not graph.languages:
        return neutral
    alphabetical = F.filter(F.array(*[frame[f"`label_{code}`"] for code in graph.languages]), lambda text: text.isNotNull())
    if graph.has_label_languages:
        by_language = F.create_map(*[part for code in graph.languages for part in (F.lit(code), frame[f"`label_{code}`"])])
        ordered = F.transform(frame["label_languages"], lambda code: F.element_at(by_language, code))
        alphabetical = F.when(frame["label_languages"].isNotNull(), ordered).otherwise(alphabetical)
    # A label given without a language has no label_<lang> column: the `label` column holds it.
    return F.when(F.size(alphabetical) > 0, alphabetical).otherwise(neutral)
