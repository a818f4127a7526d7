"""`relgraph COMMAND … --engine spark`: the relgraph binary hands the command to relgraph-spark
(its own JVM, as a user runs it) and prints what it prints."""

from __future__ import annotations

import os
import subprocess

from conftest import BUNDLED, ROOT


def test_reach_through_relgraph_on_spark_is_byte_identical(relgraph):
    argv = ["reach", str(BUNDLED), "russia", "--depth", "2", "--json"]
    plain = relgraph(*argv)
    environment = dict(os.environ, PATH=f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}")
    spark = subprocess.run([relgraph.binary, *argv, "--engine", "spark", "--master", "local[2]"],
                           capture_output=True, text=True, encoding="utf-8", env=environment)
    assert (spark.returncode, spark.stdout) == (plain.code, plain.out) == (0, plain.out)
    assert spark.stderr == ""


def test_without_the_engine_relgraph_says_how_to_install_it(relgraph):
    environment = dict(os.environ, RELGRAPH_SPARK="/nonexistent/relgraph-spark")
    said = subprocess.run([relgraph.binary, "stats", str(BUNDLED), "--engine", "spark"],
                          capture_output=True, text=True, env=environment)
    assert said.returncode == 69 and said.stdout == ""
    assert "scripts/setup" in said.stderr and said.stderr.startswith("error:")
