"""Answering one command line: load the graph, run the query on Spark, print what relgraph
prints (JSON byte for byte with `--json`, its tables without), return relgraph's exit code."""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import time
from collections.abc import Iterator
from typing import IO, Any

from pyspark.sql import DataFrame, SparkSession

from . import arguments as command_line
from . import components, jsontext, labels, lookup, text_output
from .errors import NOTHING_FOUND, USAGE, EngineFailure
from .neighbors import neighbors as neighbor_rows
from .path import Path, shortest_path
from .reach import reach as reach_rows
from .search import exact_matches
from .stats import statistics
from .tables import Graph, load
from .view import View, make_view

log = logging.getLogger("relgraph_spark")


class Answer:
    """One command's run: its arguments, session, output streams and the graph cache."""

    def __init__(self, spark: SparkSession, arguments: argparse.Namespace, out: IO[str], err: IO[str],
                 cache: dict[tuple[str, str | None], Graph] | None) -> None:
        self.spark = spark
        self.arguments = arguments
        self.out = out
        self.err = err
        self.cache = cache

    # Loading and scopes

    def graph(self) -> Graph:
        key = (self.arguments.file, self.arguments.source_format)
        if self.cache is not None and key in self.cache:
            return self.cache[key]
        began = time.perf_counter()
        graph = load(self.spark, *key)
        if self.cache is not None:
            graph.nodes = graph.nodes.cache()
            graph.edges = graph.edges.cache()
            self.cache[key] = graph
        log.info("load: %.2f s (schema and plan; the files are read by the query)", time.perf_counter() - began)
        self.size_shuffles(graph)
        return graph

    def size_shuffles(self, graph: Graph) -> None:
        """Shuffle partitions for the graph's size: two (and no adaptive re-planning, whose cost
        per stage is more than the work) under a million rows, else one per 250,000 rows with
        adaptive execution. RELGRAPH_SPARK_PARTITIONS overrides the count."""
        rows = graph.node_count + int(graph.description["edges"]["count"])
        small = rows < 1_000_000
        partitions = os.environ.get("RELGRAPH_SPARK_PARTITIONS") or str(2 if small else min(400, max(4, rows // 250_000)))
        self.spark.conf.set("spark.sql.shuffle.partitions", partitions)
        self.spark.conf.set("spark.sql.adaptive.enabled", os.environ.get("RELGRAPH_SPARK_AQE") or str(not small).lower())

    def scope(self, kinds: list[str] | None = None) -> View:
        graph = self.graph()
        relations = lookup.relations(self.arguments.relations, graph) if self.arguments.relations else None
        kind_ids = lookup.kinds(kinds, graph) if kinds else None
        return make_view(graph, kind_ids, relations, self.arguments.as_of)

    def require(self, node: str, kept: bool, view: View, empty_answer: Any) -> None:
        """Fails with exit 1 when the filter leaves `node` out, printing `empty_answer` first
        with `--json`."""
        if kept:
            return
        if self.arguments.json:
            self.emit(empty_answer)
        if view.as_of is not None:
            raise EngineFailure(f"'{node}' does not exist as of {view.as_of}", NOTHING_FOUND)
        raise EngineFailure(f"'{node}' is left out by --kind", NOTHING_FOUND)

    def emit(self, value: Any) -> None:
        jsontext.write(value, self.out)
        self.out.write("\n")

    def emit_text(self, text: str) -> None:
        self.out.write(text if text.endswith("\n") else text + "\n")

    @property
    def declarations(self) -> dict[str, Any]:
        return self.graph().declarations

    # The commands

    def stats(self) -> None:
        counts = statistics(self.graph())
        if self.arguments.json:
            self.emit(counts)
            return
        lines = [f"nodes       {counts['nodes']}", f"edges       {counts['edges']}", f"components  {counts['components']}", ""]
        kinds = text_output.table(["KIND", "NODES"], [[kind, str(count)] for kind, count in counts["kinds"].items()])
        relations = text_output.table(["RELATION", "EDGES"], [[relation, str(count)] for relation, count in counts["relations"].items()])
        self.emit_text("\n".join(lines + [kinds, "", relations]))

    def neighbors(self) -> None:
        arguments = self.arguments
        view = self.scope()
        [(node, kept)] = lookup.nodes([arguments.node], view.graph, view.keeps_node)
        self.require(node, kept, view, {"node": node, "neighbors": []})
        kinds = lookup.kinds(arguments.kinds, view.graph) if arguments.kinds else None
        rows = neighbor_rows(view, node, arguments.direction, kinds, arguments.lang).collect()
        if arguments.json:
            self.emit({"node": node, "neighbors": [
                {"id": row["id"], "kind": row["kind"], "label": row["label"], "relation": row["relation"],
                 "direction": row["direction"], **_timing(row)} for row in rows]})
        elif rows:
            language = arguments.lang
            self.emit_text(text_output.table(["ID", "LABEL", "KIND", "RELATION", "DIRECTION", "DATE"], [
                [row["id"], row["label"], text_output.kind_label(row["kind"], self.declarations, language),
                 text_output.relation_label(row["relation"], self.declarations, language), row["direction"],
                 text_output.timing(row["date"], row["start"], row["end"])] for row in rows]))
        if not rows:
            raise EngineFailure("" if arguments.json else f"no neighbours of '{node}' match", NOTHING_FOUND)

    def path(self) -> None:
        arguments = self.arguments
        view = self.scope()
        (source, source_kept), (target, target_kept) = lookup.nodes([arguments.source, arguments.target], view.graph, view.keeps_node)
        no_path = {"from": source, "to": target, "length": None, "nodes": [], "edges": []}
        self.require(source, source_kept, view, no_path)
        self.require(target, target_kept, view, no_path)
        found = shortest_path(self.spark, view, source, target, arguments.directed)
        if found is None:
            if arguments.json:
                self.emit(no_path)
            raise EngineFailure("" if arguments.json else f"no path from '{source}' to '{target}'", NOTHING_FOUND)
        if arguments.json:
            self.emit({"from": source, "to": target, "length": len(found.edges), "nodes": found.nodes, "edges": [
                {"from": edge.source, "to": edge.target, "relation": edge.relation,
                 **_timing({"date": edge.date, "start": edge.start, "end": edge.end})} for edge in found.edges]})
        else:
            self.emit_text(self._path_text(view, found))

    def _path_text(self, view: View, path: Path) -> str:
        safe = text_output.safe
        language = self.arguments.lang
        nodes = view.graph.nodes
        names = {row["id"]: row["label"] for row in nodes.where(nodes["id"].isin(path.nodes))
                 .select("id", labels.display_name(view.graph, nodes, language).alias("label")).collect()}
        hops = len(path.edges)
        lines = [f"{safe(path.nodes[0])} → {safe(path.nodes[-1])}: {hops} hop{'' if hops == 1 else 's'}"]
        id_width = max(text_output.width(safe(node)) for node in path.nodes)
        symmetric = {entry["id"] for entry in self.declarations.get("relations", []) if entry.get("symmetric")}
        for position, node in enumerate(path.nodes):
            shown = safe(node)
            lines.append(f"  {shown}{' ' * (id_width - text_output.width(shown))}  {safe(names[node])}")
            if position >= len(path.edges):
                break
            edge = path.edges[position]
            forward = edge.source == node and edge.target == path.nodes[position + 1]
            text = safe(text_output.relation_label(edge.relation, self.declarations, language))
            when = text_output.timing(edge.date, edge.start, edge.end)
            if when:
                text += f", {when}"
            lines.append(f"  ──[{text}]──" if edge.relation in symmetric else f"  ──[{text}]─→" if forward else f"  ←─[{text}]──")
        return "\n".join(lines)

    def reach(self) -> None:
        arguments = self.arguments
        view = self.scope()
        [(node, kept)] = lookup.nodes([arguments.node], view.graph, view.keeps_node)
        self.require(node, kept, view, {"node": node, "depth": arguments.depth, "nodes": []})
        rows = reach_rows(self.spark, view, node, arguments.depth, arguments.direction, arguments.lang)
        if arguments.json:
            self.emit({"node": node, "depth": arguments.depth, "nodes": jsontext.Stream(
                {"id": row["id"], "distance": row["distance"], "kind": row["kind"], "label": row["label"]}
                for row in _rows(rows, view.graph.node_count))})
            return
        language = arguments.lang
        self.emit_text(text_output.table(["DISTANCE", "ID", "LABEL", "KIND"], [
            [str(row["distance"]), row["id"], row["label"], text_output.kind_label(row["kind"], self.declarations, language)]
            for row in _rows(rows, view.graph.node_count)]))

    def components(self) -> None:
        arguments = self.arguments
        view = self.scope(arguments.kinds)
        listed = components.listed(view.nodes, view.edges)
        nodes = view.graph.nodes
        described = listed.join(nodes.select("id", "kind", labels.display_name(view.graph, nodes, arguments.lang).alias("label")), "id")
        rows = described.orderBy(described["size"].desc(), "component", "id")
        groups = ((size, members) for (_, size), members in itertools.groupby(_rows(rows, view.graph.node_count), key=lambda row: (row["component"], row["size"])))
        if arguments.json:
            empty = True

            def listing() -> Iterator[dict[str, Any]]:
                nonlocal empty
                for size, members in groups:
                    empty = False
                    yield {"size": size, "nodes": jsontext.Stream(row["id"] for row in members)}

            self.emit({"components": jsontext.Stream(listing())})
            if empty:
                raise EngineFailure("", NOTHING_FOUND)
            return
        blocks = []
        for number, (size, members) in enumerate(groups, start=1):
            table = text_output.table(["ID", "LABEL", "KIND"], [
                [row["id"], row["label"], text_output.kind_label(row["kind"], self.declarations, arguments.lang)] for row in members])
            blocks.append(f"component {number}: {size} node{'' if size == 1 else 's'}\n{table}")
        if not blocks:
            raise EngineFailure("no node is left by the filters", NOTHING_FOUND)
        self.emit_text("\n\n".join(blocks))

    def search(self) -> None:
        arguments = self.arguments
        if not arguments.exact:
            raise EngineFailure(
                "error: on Spark, search answers exact matches only (an id or a label, whole, ignoring case, "
                "normalisation and Latin accents); add --exact, or leave out --engine spark for prefix, word, "
                "substring and typo matches", USAGE)
        graph = self.graph()
        kinds = lookup.kinds(arguments.kinds, graph) if arguments.kinds else None
        rows = exact_matches(graph, arguments.text, kinds, arguments.limit, arguments.lang).collect()
        if arguments.json:
            self.emit({"query": arguments.text, "nodes": [
                {"id": row["id"], "kind": row["kind"], "label": row["label"], "matched": row["matched"]} for row in rows]})
        elif rows:
            self.emit_text(text_output.table(["ID", "LABEL", "KIND", "MATCH", "MATCHED"], [
                [row["id"], row["label"], text_output.kind_label(row["kind"], graph.declarations, arguments.lang), "exact", row["matched"]]
                for row in rows]))
        if not rows:
            raise EngineFailure("" if arguments.json else f"no node's id or label matches '{arguments.text}'", NOTHING_FOUND)


def _timing(row: Any) -> dict[str, str]:
    return {key: row[key] for key in ("date", "start", "end") if row[key] is not None}


# Answers of up to this many rows are collected in one job; longer ones are streamed a
# partition at a time (a job per partition), so the driver never holds them whole.
COLLECTED_ROWS = 50_000


def _rows(frame: DataFrame, at_most: int) -> Iterator[Any]:
    """The rows of an ordered answer known to have at most `at_most` rows."""
    return iter(frame.collect()) if at_most <= COLLECTED_ROWS else frame.toLocalIterator()


def answer(argv: list[str], out: IO[str], err: IO[str], spark: SparkSession | None = None,
           cache: dict[tuple[str, str | None], Graph] | None = None) -> int:
    """Runs one command line; returns its exit code. `spark` and `cache` let a test process
    answer many commands in one session (the graph of a FILE is then read once)."""
    try:
        arguments = command_line.parse(argv)
        if arguments.command == "convert":
            from .convert import convert
            convert(arguments.folder, arguments.output)
            return 0
        began = time.perf_counter()
        if spark is None:
            from .session import start
            spark = start(arguments.master)
            log.info("session: %.2f s", time.perf_counter() - began)
        command = "neighbors" if arguments.command == "neighbours" else arguments.command
        runner = Answer(spark, arguments, out, err, cache)
        began = time.perf_counter()
        getattr(runner, command)()
        log.info("%s: %.2f s", command, time.perf_counter() - began)
        log.info("memory: %s", peak_memory(spark))
        return 0
    except EngineFailure as failure:
        out.flush()
        if failure.message:
            err.write(failure.message + "\n")
        return failure.code
    except SystemExit as exit:  # argparse's own ending: --help
        return int(exit.code or 0)


def peak_memory(spark: SparkSession) -> str:
    """The peak resident memory of this Python driver and of the JVM it drives (in local mode the
    JVM is the driver and the executors at once), from Linux's VmHWM."""
    import resource

    python = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    jvm = "unknown"
    process = getattr(getattr(spark.sparkContext, "_gateway", None), "proc", None)
    if process is not None:
        try:
            status = open(f"/proc/{process.pid}/status", encoding="ascii").read()
            jvm = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
            jvm = f"{int(jvm) // 1024} MB"
        except (OSError, StopIteration):
            pass
    return f"python driver {python} MB peak, JVM {jvm} peak"
