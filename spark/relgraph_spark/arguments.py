"""The command line of the query commands, as relgraph takes it (the same options, so that
`relgraph COMMAND … --engine spark` hands its arguments over unchanged), and `convert`."""

from __future__ import annotations

import argparse
from typing import NoReturn

from .dates import PartialDate
from .errors import USAGE, EngineFailure

COMMANDS = ("stats", "neighbors", "neighbours", "path", "reach", "components", "search", "convert")


class _Parser(argparse.ArgumentParser):
    """argparse that fails as relgraph does: one `error:` line, exit 64."""

    def error(self, message: str) -> NoReturn:
        raise EngineFailure(f"error: {message}\nusage: {self.format_usage().strip().removeprefix('usage: ')}", USAGE)


def _partial_date(text: str) -> PartialDate:
    date = PartialDate.parse(text)
    if date is None:
        raise argparse.ArgumentTypeError(f"The value '{text}' is invalid for '--as-of <as-of>'")
    return date


def _graph_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file")
    parser.add_argument("--from", dest="source_format", choices=["yaml", "json", "dot", "graphml", "neo4j-csv", "rgpack", "gexf"])
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_argument("--engine", choices=["relgraph", "spark"], default="spark")
    parser.add_argument("--master")


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--relation", dest="relations", action="append", default=[])
    parser.add_argument("--as-of", dest="as_of", type=_partial_date)


def _answer(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en")
    parser.add_argument("--json", action="store_true")


def parser() -> argparse.ArgumentParser:
    root = _Parser(prog="relgraph-spark", description="relgraph's query commands on Apache Spark.")
    commands = root.add_subparsers(dest="command", required=True, parser_class=_Parser)

    stats = commands.add_parser("stats")
    _graph_file(stats)
    stats.add_argument("--json", action="store_true")

    for name in ("neighbors", "neighbours"):
        neighbors = commands.add_parser(name)
        _graph_file(neighbors)
        neighbors.add_argument("node")
        neighbors.add_argument("--direction", choices=["out", "in", "both"], default="both")
        neighbors.add_argument("--kind", dest="kinds", action="append", default=[])
        _filters(neighbors)
        _answer(neighbors)

    path = commands.add_parser("path")
    _graph_file(path)
    path.add_argument("source")
    path.add_argument("target")
    path.add_argument("--directed", action="store_true")
    _filters(path)
    _answer(path)

    reach = commands.add_parser("reach")
    _graph_file(reach)
    reach.add_argument("node")
    reach.add_argument("--depth", type=int, default=2)
    reach.add_argument("--direction", choices=["out", "in", "both"], default="both")
    _filters(reach)
    _answer(reach)

    components = commands.add_parser("components")
    _graph_file(components)
    components.add_argument("--kind", dest="kinds", action="append", default=[])
    _filters(components)
    _answer(components)

    search = commands.add_parser("search")
    _graph_file(search)
    search.add_argument("text")
    search.add_argument("--kind", dest="kinds", action="append", default=[])
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--exact", action="store_true")
    _answer(search)

    convert = commands.add_parser("convert", help="an engine-table folder of JSON Lines to Parquet")
    convert.add_argument("folder")
    convert.add_argument("--to", choices=["parquet"], required=True)
    convert.add_argument("-o", "--output", required=True)
    return root


def parse(argv: list[str]) -> argparse.Namespace:
    arguments = parser().parse_args(argv)
    if arguments.command == "reach" and arguments.depth < 0:
        raise EngineFailure("error: --depth must be 0 or more", USAGE)
    if arguments.command == "search" and arguments.limit <= 0:
        raise EngineFailure("error: --limit must be at least 1", USAGE)
    if getattr(arguments, "engine", "spark") != "spark":
        raise EngineFailure("error: relgraph-spark answers --engine spark; run relgraph for --engine relgraph", USAGE)
    return arguments
