"""Runs in .venv-falkordb (Python 3.12, falkordblite): loads a Cypher script written with
`--dialect falkordb` into a fresh embedded FalkorDB server, statement by statement, then asks
it the questions given as JSON on stdin; prints {"seconds": load time, "answers": [rows...]}.

Usage: falkordb_load.py SCRIPT.cypher DATABASE-FOLDER < questions.json
A question is {"query": CYPHER, "params": {...}}; each answer is the query's rows."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def statements(script: str) -> list[str]:
    """The script's statements: its comment lines dropped, split where a line ends with `;`
    (string literals escape their line breaks, so no statement holds one)."""
    body = "\n".join(line for line in script.splitlines() if not line.startswith("//"))
    return [statement.strip() for statement in body.split(";\n") if statement.strip()]


def main() -> None:
    from redislite.falkordb_client import FalkorDB  # only in .venv-falkordb

    script, folder = Path(sys.argv[1]), Path(sys.argv[2])
    questions = json.load(sys.stdin)
    database = FalkorDB(str(folder / "falkordb.rdb"))
    try:
        graph = database.select_graph("relgraph")
        began = time.perf_counter()
        for statement in statements(script.read_text(encoding="utf-8")):
            graph.query(statement)
        seconds = time.perf_counter() - began
        answers = [graph.query(question["query"], question.get("params") or {}).result_set for question in questions]
        json.dump({"seconds": seconds, "answers": answers}, sys.stdout, ensure_ascii=False)
    finally:
        database.close()


if __name__ == "__main__":
    main()
