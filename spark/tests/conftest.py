"""One SparkSession for the whole test process (local[2]), and the two ways of asking: the
engine in this process (`engine`) and the built relgraph binary (`relgraph`)."""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from relgraph_spark.engine import answer
from relgraph_spark.session import start

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "Graphs" / "india-russia.yaml"


def built(name: str) -> Path:
    """A product of the Swift build: $RELGRAPH_BUILD (a build folder), else .build/debug."""
    folder = Path(os.environ.get("RELGRAPH_BUILD", ROOT / ".build" / "debug"))
    path = folder / name
    if not path.exists():
        pytest.exit(f"{path} is missing: run `swift build` first (make test does)", returncode=2)
    return path


@dataclass(frozen=True)
class Said:
    """What a command printed on stdout, and its exit code."""

    code: int
    out: str
    err: str = ""


class Relgraph:
    def __init__(self) -> None:
        self.binary = str(built("relgraph"))
        os.environ["RELGRAPH_BIN"] = self.binary

    def __call__(self, *argv: str) -> Said:
        completed = subprocess.run([self.binary, *argv], capture_output=True, text=True, encoding="utf-8")
        return Said(completed.returncode, completed.stdout, completed.stderr)


class Engine:
    """relgraph-spark's `answer`, in this process's one session; a FILE is read once."""

    def __init__(self, spark=None) -> None:
        self.spark = spark or start("local[2]")
        self.cache: dict = {}

    def fork(self) -> Engine:
        """An engine on the same session with a cache of its own (for another thread)."""
        return Engine(self.spark)

    def __call__(self, *argv: str) -> Said:
        out, err = io.StringIO(), io.StringIO()
        code = answer(list(argv), out, err, self.spark, self.cache)
        return Said(code, out.getvalue(), err.getvalue())

    def forget(self) -> None:
        for graph in self.cache.values():
            graph.nodes.unpersist()
            graph.edges.unpersist()
        self.cache.clear()


@pytest.fixture(scope="session")
def medium(tmp_path_factory) -> Path:
    """The benchmark generator's M graph (10,000 nodes, 50,000 edges), its pairs and roots, made once."""
    folder = tmp_path_factory.mktemp("bench")
    subprocess.run([str(built("relgraph-bench")), "generate", "--size", "M", "--data", str(folder)], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="session")
def relgraph() -> Relgraph:
    return Relgraph()


@pytest.fixture(scope="session")
def engine(relgraph: Relgraph) -> Engine:
    return Engine()


def same(relgraph: Relgraph, engine: Engine, *argv: str) -> Said:
    """Asks both; fails unless the exit codes and the standard outputs are identical."""
    ours, spark = relgraph(*argv), engine(*argv)
    assert (spark.code, spark.out) == (ours.code, ours.out), f"{argv}: relgraph said {ours}, spark said {spark}"
    return ours


# Spark's cost for a small graph is the latency of its jobs, not work: four threads asking at
# once (Spark runs their jobs side by side) take a third of the time of one.
THREADS = int(os.environ.get("RELGRAPH_SPARK_TEST_THREADS", "4"))


def in_parallel(work: Callable[[Engine, object], object], items: Iterable[object], engine: Engine) -> dict:
    """`work(engine, item)` for each item on THREADS threads, each with its own engine; the
    result or the exception of each, by item."""
    def run(item: object) -> tuple[object, object]:
        own = engine.fork()
        try:
            return item, work(own, item)
        except Exception as failure:  # reported by the test of that item
            return item, failure
        finally:
            own.forget()

    with ThreadPoolExecutor(THREADS) as pool:
        return dict(pool.map(run, list(items)))
