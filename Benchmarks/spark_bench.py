"""The Spark engine beside relgraph (`make bench`): each query command on one seeded graph, as a
user runs it — relgraph as a whole process on the graph's .rgpack snapshot, relgraph-spark
(local[2]) as a whole process on the engine tables (`export --to jsonl`) — with the answers
compared byte for byte, where Spark's time goes (JVM start, reading, the query) and the peak
memory of its Python driver and of its JVM.

    .venv/bin/python3 Benchmarks/spark_bench.py --size L [--data Benchmarks/data]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], environment: dict[str, str] | None = None) -> tuple[float, subprocess.CompletedProcess]:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=environment)
    return time.perf_counter() - began, done


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="L")
    parser.add_argument("--data", default=str(ROOT / "Benchmarks" / "data"))
    parser.add_argument("--relgraph", default=str(ROOT / ".build" / "release" / "relgraph"))
    parser.add_argument("--master", default="local[2]")
    options = parser.parse_args()
    data = Path(options.data)
    document = data / f"{options.size}.json"
    snapshot, tables = data / f"{options.size}.rgpack", data / f"{options.size}-jsonl"
    relgraph = options.relgraph
    export_seconds = {}
    for target, form in ((snapshot, "rgpack"), (tables, "jsonl")):
        seconds, done = timed([relgraph, "export", str(document), "--to", form, "-o", str(target)])
        assert done.returncode == 0, done.stderr
        export_seconds[form] = seconds
    pairs = [line.split() for line in (data / f"{options.size}-pairs.txt").read_text().splitlines()[:2]]
    roots = (data / f"{options.size}-roots.txt").read_text().split()[:1]
    commands = [
        ["stats"], ["components"], ["neighbors", roots[0]], ["path", *pairs[0]], ["path", *pairs[1], "--directed"],
        ["reach", roots[0], "--depth", "2"], ["search", roots[0].upper(), "--exact"],
    ]
    environment = dict(os.environ, RELGRAPH_SPARK_LOG="info", RELGRAPH_BIN=relgraph,
                       PATH=f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}")
    rows = []
    for command in commands:
        ours_seconds, ours = timed([relgraph, command[0], str(snapshot), *command[1:], "--json"])
        spark_seconds, spark = timed([str(ROOT / ".venv" / "bin" / "relgraph-spark"), command[0], str(tables), *command[1:],
                                      "--json", "--master", options.master], environment)
        log = dict(re.findall(r"relgraph-spark: (\w+): ([0-9.]+) s", spark.stderr))
        memory = re.search(r"memory: python driver (\d+) MB peak, JVM (\S+ ?\S*) peak", spark.stderr)
        rows.append({
            "command": " ".join(command), "relgraph_s": round(ours_seconds, 2), "spark_s": round(spark_seconds, 2),
            "session_s": float(log.get("session", "nan")), "query_s": float(log.get(command[0], "nan")),
            "python_mb": int(memory.group(1)) if memory else None, "jvm": memory.group(2) if memory else None,
            "identical": (spark.returncode, spark.stdout) == (ours.returncode, ours.stdout),
            "bytes": len(ours.stdout.encode()),
        })
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    print(f"\n{options.size}: export to .rgpack {export_seconds['rgpack']:.1f} s, to jsonl {export_seconds['jsonl']:.1f} s; "
          f"Spark {options.master}")
    print("| command | relgraph (rgpack) | Spark | JVM start | query | Python driver peak | JVM peak | identical |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(f"| `{row['command']}` | {row['relgraph_s']} s | {row['spark_s']} s | {row['session_s']} s | {row['query_s']} s "
              f"| {row['python_mb']} MB | {row['jvm']} | {'yes' if row['identical'] else 'NO'} |")
    results = ROOT / "Benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / f"spark-{options.size}.json").write_text(json.dumps(rows, indent=1))
    if not all(row["identical"] for row in rows):
        raise SystemExit("spark_bench: an answer differs from relgraph's")


if __name__ == "__main__":
    main()
