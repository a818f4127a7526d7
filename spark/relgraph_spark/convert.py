"""`relgraph-spark convert FOLDER --to parquet -o OUT`: an engine-table folder of JSON Lines (as
`relgraph export --to jsonl` writes it) as Parquet part files, one per JSON Lines part, with the
types graph.json declares (dates as dates, lists as lists). `relgraph export --to parquet`
runs it. OUT is replaced whole, or refused when it holds files that are not an export."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj
import pyarrow.parquet as pq

from .errors import CANNOT_CREATE, MISSING_INPUT, EngineFailure


def arrow_type(name: str) -> pa.DataType:
    if name.startswith("array<") and name.endswith(">"):
        return pa.list_(arrow_type(name[len("array<"):-1]))
    return {"string": pa.string(), "long": pa.int64(), "double": pa.float64(), "boolean": pa.bool_(), "date": pa.date32()}[name]


def _read_part(path: Path, columns: list[dict[str, str]]) -> pa.Table:
    # Dates are read as text and cast: JSON has no date type.
    read_schema = pa.schema([pa.field(c["name"], pa.string() if c["type"] == "date" else arrow_type(c["type"])) for c in columns])
    options = pj.ParseOptions(explicit_schema=read_schema, unexpected_field_behavior="error")
    table = pj.read_json(path, parse_options=options) if path.stat().st_size else read_schema.empty_table()
    arrays = [pc.cast(table[c["name"]], pa.date32()) if c["type"] == "date" else table[c["name"]] for c in columns]
    return pa.Table.from_arrays(arrays, schema=pa.schema([pa.field(c["name"], arrow_type(c["type"])) for c in columns]))


def convert(folder: str, output: str) -> None:
    source = Path(folder)
    try:
        description = json.loads((source / "graph.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise EngineFailure(f"{folder}: error: not an engine-table folder ({error})", MISSING_INPUT) from error
    destination = Path(output)
    if destination.exists():
        if not destination.is_dir():
            raise EngineFailure(f"{output}: error: cannot create: it exists and is not a folder", CANNOT_CREATE)
        entries = os.listdir(destination)
        if entries and "graph.json" not in entries:
            raise EngineFailure(f"{output}: error: cannot create: it is a folder that holds other files (an export folder "
                                "has graph.json); name a new or empty folder", CANNOT_CREATE)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.relgraph-", dir=destination.parent.resolve()))
    except OSError as error:
        raise EngineFailure(f"{output}: error: cannot create: {error.strerror}", CANNOT_CREATE) from error
    try:
        for table in ("nodes", "edges"):
            (staging / table).mkdir()
            files = []
            for name in description[table]["files"]:
                part = _read_part(source / name, description[table]["columns"])
                target = str(Path(name).with_suffix(".parquet"))
                pq.write_table(part, staging / target, compression="snappy")
                files.append(target)
            description[table]["files"] = files
        (staging / "graph.json").write_text(json.dumps(description, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if destination.exists():
            aside = Path(str(staging) + ".previous")
            destination.rename(aside)
            staging.rename(destination)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            staging.rename(destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
