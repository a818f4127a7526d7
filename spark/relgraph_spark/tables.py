"""Reading a graph into Spark: an engine-table folder (`relgraph export --to jsonl|parquet`)
natively, any other FILE through `relgraph export FILE --to jsonl` into a temporary folder."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

from .errors import MISSING_INPUT, UNAVAILABLE, USAGE, EngineFailure

# The columns the engine reads (the others, attributes above all, stay on disk).
NODE_COLUMNS = ("id", "kind", "label", "label_languages", "date_first_day", "start_first_day", "end_last_day")
EDGE_COLUMNS = (
    "src", "dst", "relation", "symmetric", "index", "date", "start", "end",
    "date_first_day", "start_first_day", "end_last_day",
)


def spark_type(name: str) -> T.DataType:
    """The Spark type of a column type named in graph.json (`long`, `array<string>`, `date`…)."""
    if name.startswith("array<") and name.endswith(">"):
        return T.ArrayType(spark_type(name[len("array<"):-1]))
    return {
        "string": T.StringType(), "long": T.LongType(), "double": T.DoubleType(),
        "boolean": T.BooleanType(), "date": T.DateType(),
    }[name]


@dataclass
class Graph:
    """A graph as two DataFrames plus what graph.json says about it."""

    nodes: DataFrame
    edges: DataFrame
    description: dict[str, Any]
    languages: list[str]
    has_label_languages: bool
    declarations: dict[str, Any] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        return int(self.description["nodes"]["count"])

    @property
    def kinds_in_use(self) -> list[str]:
        return list(self.description["kinds"])

    @property
    def relations_in_use(self) -> list[str]:
        return list(self.description["relations"])


def relgraph_binary() -> str:
    """The relgraph that started this engine (`$RELGRAPH_BIN`), else the one on the PATH."""
    named = os.environ.get("RELGRAPH_BIN")
    if named:
        return named
    found = shutil.which("relgraph")
    if not found:
        raise EngineFailure(
            "error: relgraph-spark reads engine-table folders (relgraph export FILE --to jsonl); for other "
            "files it needs relgraph on the PATH or named by RELGRAPH_BIN", UNAVAILABLE)
    return found


def export_to_tables(path: str, source_format: str | None) -> Path:
    """Runs `relgraph export PATH --to jsonl` into a temporary folder (removed at exit);
    relgraph's own messages and exit code pass through when it fails."""
    folder = Path(tempfile.mkdtemp(prefix="relgraph-spark-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / "tables"
    command = [relgraph_binary(), "export", path, "--to", "jsonl", "-o", str(target), "--quiet"]
    if source_format:
        command += ["--from", source_format]
    completed = subprocess.run(command, stdin=sys.stdin if path == "-" else subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    if completed.returncode != 0:
        raise EngineFailure(completed.stderr.rstrip("\n"), completed.returncode)
    return target


def is_table_folder(path: str) -> bool:
    return os.path.isdir(path) and os.path.isfile(os.path.join(path, "graph.json"))


def load(spark: SparkSession, path: str, source_format: str | None = None) -> Graph:
    """The graph at `path` (any FILE relgraph reads, or an engine-table folder)."""
    folder = Path(path) if is_table_folder(path) and source_format is None else export_to_tables(path, source_format)
    return read_folder(spark, folder)


def read_folder(spark: SparkSession, folder: Path) -> Graph:
    """Reads an engine-table folder: JSON Lines with the schema graph.json declares, or Parquet."""
    try:
        description = json.loads((folder / "graph.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EngineFailure(f"{folder}/graph.json: error: cannot read it: {error}", MISSING_INPUT) from error
    if description.get("format") != "relgraph-tables":
        raise EngineFailure(f"{folder}/graph.json: error: not a relgraph engine-table folder", USAGE)
    node_declared = {c["name"]: c["type"] for c in description["nodes"]["columns"]}
    edge_declared = {c["name"]: c["type"] for c in description["edges"]["columns"]}
    languages = sorted(name[len("label_"):] for name in node_declared if name.startswith("label_") and name != "label_languages")
    node_wanted = [c for c in node_declared if c in NODE_COLUMNS or (c.startswith("label_") and c != "label_languages")]
    if "label_languages" in node_declared:
        node_wanted.append("label_languages")
    nodes = _read(spark, folder, description["nodes"]["files"], node_declared, node_wanted)
    edges = _read(spark, folder, description["edges"]["files"], edge_declared, list(EDGE_COLUMNS))
    return Graph(nodes=nodes, edges=edges, description=description, languages=languages,
                 has_label_languages="label_languages" in node_declared,
                 declarations=description.get("declarations", {}))


def _read(spark: SparkSession, folder: Path, files: list[str], declared: dict[str, str], wanted: list[str]) -> DataFrame:
    paths = [str(folder / name) for name in files]
    wanted = list(dict.fromkeys(wanted))
    if all(name.endswith(".parquet") for name in paths):
        frame = spark.read.parquet(*paths)
    else:
        schema = T.StructType([T.StructField(name, spark_type(declared[name])) for name in wanted])
        frame = spark.read.schema(schema).option("mode", "FAILFAST").json(paths)
    return frame.select(*[frame[f"`{name}`"] for name in wanted])
