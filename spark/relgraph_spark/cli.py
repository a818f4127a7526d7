"""`relgraph-spark`: the console entry point."""

from __future__ import annotations

import logging
import os
import sys

from .engine import answer


def main() -> None:
    level = os.environ.get("RELGRAPH_SPARK_LOG", "").upper()
    if level:
        logging.basicConfig(stream=sys.stderr, format="relgraph-spark: %(message)s")
        logging.getLogger("relgraph_spark").setLevel(level)
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    try:
        code = answer(sys.argv[1:], sys.stdout, sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # A reader that closed the pipe (`relgraph-spark … | head -1`) ends the program quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 0
    sys.exit(code)
