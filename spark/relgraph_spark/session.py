"""The SparkSession a command runs in: `--master` if given, the master of `spark-submit` when
run under it, else `local[2]`."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import zipfile
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
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    ship_package(spark)
    return spark


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
