"""`relgraph export --to jsonl|parquet`: folders that DuckDB, pandas and Spark read as they are
(no options), with typed columns, dates as text plus first and last days, symmetric relations
marked, Devanagari intact; and neo4j-csv's reading lines in docs/engines.md for Spark and DuckDB."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import BUNDLED


@pytest.fixture(scope="module")
def folders(relgraph, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tables")
    made = {}
    for form in ("jsonl", "parquet"):
        made[form] = folder / form
        said = relgraph("export", str(BUNDLED), "--to", form, "-o", str(made[form]))
        assert said.code == 0, said.err
    made["neo4j-csv"] = folder / "csv"
    assert relgraph("export", str(BUNDLED), "--to", "neo4j-csv", "-o", str(made["neo4j-csv"])).code == 0
    return made


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
def test_the_folder_has_part_files_and_declares_its_columns(folders, form):
    description = json.loads((folders[form] / "graph.json").read_text(encoding="utf-8"))
    assert len(description["nodes"]["files"]) >= 2 and len(description["edges"]["files"]) >= 2
    assert all((folders[form] / name).is_file() and name.endswith(f".{form}") for name in description["nodes"]["files"])
    columns = {column["name"]: column["type"] for column in description["edges"]["columns"]}
    assert columns["symmetric"] == "boolean" and columns["date_first_day"] == "date"
    assert description["nodes"]["count"] == 44 and description["edges"]["count"] == 95


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
def test_duckdb_reads_the_folder_as_it_is(folders, form):
    reader = "read_json_auto" if form == "jsonl" else "read_parquet"
    assert duckdb.execute(f"SELECT count(*) FROM {reader}('{folders[form]}/nodes/*.{form}')").fetchone()[0] == 44
    assert duckdb.execute(f"SELECT count(*) FROM {reader}('{folders[form]}/edges/*.{form}')").fetchone()[0] == 95
    assert duckdb.execute(f"SELECT label_hi FROM {reader}('{folders[form]}/nodes/*.{form}') WHERE id = 'india'").fetchone()[0] == "भारत"
    row = duckdb.execute(f"SELECT end_first_day, end_last_day FROM {reader}('{folders[form]}/nodes/*.{form}') WHERE id = 'soviet-union'").fetchone()
    assert row == (datetime.date(1991, 12, 1), datetime.date(1991, 12, 31))
    symmetric = duckdb.execute(f"SELECT count(*) FROM {reader}('{folders[form]}/edges/*.{form}') WHERE \"symmetric\"").fetchone()[0]
    assert symmetric == duckdb.execute(f"SELECT count(*) FROM {reader}('{folders[form]}/edges/*.{form}') "
                                   "WHERE relation IN ('partner-of', 'met', 'counterpart-of', 'diplomatic-relations-with')").fetchone()[0] > 0
    rifles = duckdb.execute(f"SELECT rifles FROM {reader}('{folders[form]}/nodes/*.{form}') WHERE id = 'ak-203-contracts'").fetchone()[0]
    assert rifles == 600_000


def test_pandas_reads_both_forms_alike(folders):
    def nodes(form: str) -> pd.DataFrame:
        if form == "parquet":
            return pd.read_parquet(folders[form] / "nodes")
        return pd.concat(pd.read_json(part, lines=True) for part in sorted((folders[form] / "nodes").glob("*.jsonl")))
    parquet, lines = nodes("parquet"), nodes("jsonl")
    assert list(parquet["id"]) == list(lines["id"])
    assert parquet.set_index("id").loc["india", "label_hi"] == lines.set_index("id").loc["india", "label_hi"] == "भारत"


@pytest.mark.parametrize("form", ["jsonl", "parquet"])
def test_spark_reads_the_folder_without_options(engine, folders, form):
    read = engine.spark.read.json if form == "jsonl" else engine.spark.read.parquet
    nodes, edges = read(str(folders[form] / "nodes")), read(str(folders[form] / "edges"))
    assert nodes.count() == 44 and edges.count() == 95
    assert nodes.where("id = 'india'").first()["label_hi"] == "भारत"
    assert edges.where("symmetric").count() > 0


def test_the_neo4j_csv_folder_reads_in_spark_and_duckdb_as_the_readme_says(engine, folders):
    folder = folders["neo4j-csv"]
    header = (folder / "relationships.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "symmetric:boolean" in header
    # docs/engines.md: Spark's CSV reader with RFC 4180 quoting.
    read = lambda path: engine.spark.read.csv(str(path), header=True, multiLine=True, escape='"')
    edges = read(folder / "relationships.csv")
    assert edges.count() == 95
    assert edges.where("`symmetric:boolean` = 'true'").count() == duckdb.execute(
        f"SELECT count(*) FROM read_csv('{folder}/relationships.csv', header = true, quote = '\"', escape = '\"') "
        "WHERE \"symmetric:boolean\"").fetchone()[0] > 0
    nodes = read(folder / "nodes.csv")
    assert nodes.count() == 44 and nodes.where("`id:ID` = 'india'").first()["label_hi"] == "भारत"
    quotes = duckdb.execute(f"SELECT count(*) FROM read_csv('{folder}/nodes.csv', header = true, quote = '\"', escape = '\"')").fetchone()[0]
    assert quotes == 44
