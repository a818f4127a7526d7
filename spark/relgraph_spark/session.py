"""The SparkSession a command runs in: `--master` if given, the master of `spark-submit` when
run under it, else `local[2]`."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import sys
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[2]"


def start(master: str | None) -> SparkSession:
    """A session for one command (or one test process): quiet logs, no web UI, few shuffle
    partitions unless `RELGRAPH_SPARK_PARTITIONS` says otherwise (the answers do not depend on it)."""
    existing = SparkSession.getActiveSession()
    if existing is not None:
        return existing
    # Python workers run this interpreter (it has pandas and pyarrow), unless told otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    log_config = Path(__file__).with_name("log4j2.properties")
    builder = (
        SparkSession.builder.appName("relgraph-spark")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", os.environ.get("RELGRAPH_SPARK_PARTITIONS", "4"))
        .config("spark.sql.adaptive.enabled", os.environ.get("RELGRAPH_SPARK_AQE", "true"))
        .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log_config}")
        .config("spark.executor.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log_config}")
    )
    if master:
        builder = builder.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        builder = builder.master(DEFAULT_MASTER)
    # The driver's JVM starts with this log configuration (extraJavaOptions come too late for it).
    os.environ.setdefault("PYSPARK_SUBMIT_ARGS", f"--driver-java-options -Dlog4j2.configurationFile=file:{log_config} pyspark-shell")
    with _jvm_stderr_filtered():
        spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    ship_package(spark)
    return spark


# What a JVM started by pyspark prints on stderr before any log configuration applies.
_STARTUP_NOISE = ("WARNING: Using incubator modules", "Setting default log level to", "To adjust logging level use")


@contextlib.contextmanager
def _jvm_stderr_filtered() -> Iterator[None]:
    """Starts the JVM with a pipe for its stderr, forwarded by a thread without the start-up
    lines above, so that relgraph-spark's stderr holds only what relgraph would say (and real
    errors). Python's own stderr is left as it was."""
    try:
        original = os.dup(2)
        reading, writing = os.pipe()
    except OSError:
        yield
        return
    os.dup2(writing, 2)
    try:
        yield
    finally:
        os.dup2(original, 2)
        os.close(writing)

    def forward() -> None:
        with os.fdopen(reading, "rb") as lines:
            for line in lines:
                if not line.decode("utf-8", "replace").startswith(_STARTUP_NOISE):
                    os.write(original, line)

    threading.Thread(target=forward, name="relgraph-spark-jvm-stderr", daemon=True).start()


def ship_package(spark: SparkSession) -> None:
    """Sends this package to the executors as a zip, so that the Python functions search and
    node lookup run there (`mapInPandas`) import it on a cluster as on this machine."""
    package = Path(__file__).parent
    archive = Path(tempfile.mkdtemp(prefix="relgraph-spark-")) / "relgraph_spark.zip"
    atexit.register(shutil.rmtree, archive.parent, ignore_errors=True)
    with zipfile.ZipFile(archive, "w") as bundle:
        for source in sorted(package.glob("*.py")):
            bundle.write(source, f"relgraph_spark/{source.name}")
    spark.sparkContext.addPyFile(str(archive))
