"""relgraph-spark: RelGraph's query commands (stats, neighbors, path, reach, components,
search --exact) answered on Apache Spark, printing what `relgraph` prints.

The graph is read from an engine-table folder (`relgraph export FILE --to jsonl|parquet`), or
any FILE relgraph reads, exported to such a folder first. Every step is a Spark operation on
DataFrames; the driver holds only what is printed (streamed) and per-query constants.

Entry points: `relgraph_spark.cli.main` (the command) and `relgraph_spark.engine.answer`.
"""
