"""`spark-submit spark/submit.py COMMAND …`: relgraph-spark under spark-submit, which picks the
master (`--master` before the script) and ships this package where `--py-files` says."""

from relgraph_spark.cli import main

main()
