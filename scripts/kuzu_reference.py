#!/usr/bin/env python3
"""Runs queries through Kùzu (an embedded openCypher database) on RelGraph documents and
compares the answers with RelGraph's, for the differential tests and the benchmark.

Usage: kuzu_reference.py MANIFEST.json  -> prints a JSON report on stdout.

MANIFEST: {"graphs": [{"document": PATH, "queries": [{"name", "kuzu", "parameters", "ordered",
           "unordered_columns", "relgraph": ROWS}]}]}

Schema mapping (written down in Tests/RelGraphTests/KuzuDifferentialTests.swift too):
- one node table per kind: id (primary key), kind, type, label (English), date, start, end
  (DATE, a partial date as its first day), source, and every attribute name in the graph
  (typed by its values: INT64, DOUBLE, BOOLEAN, else STRING); `-` in names becomes `_`;
- one relationship table per relation (`-` becomes `_`), with every (from kind, to kind) pair
  used; properties eid (the edge's index in RelGraph), rel (the relation id), copy, date,
  start, end, source and attributes;
- a symmetric relation's edge is stored twice (a self-loop once), as copy 0 (from -> to) and copy 1 (to -> from),
  so that directed patterns match it both ways as RelGraph does; undirected patterns add
  `copy = 0` so they see each edge once.
"""
import csv, datetime, decimal, json, os, shutil, sys, tempfile, time

import kuzu


def first_day(text):
    if text is None:
        return None
    text = str(text)
    parts = text.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts)


def kuzu_name(name):
    return name.replace("-", "_")


def label_text(label, language="en"):
    if label is None:
        return None
    if isinstance(label, str):
        return label
    if language in label:
        return label[language]
    if "en" in label:
        return label["en"]
    return next(iter(label.values()), None)


def attribute_type(values):
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "BOOLEAN"
    if kinds == {int}:
        return "INT64"
    if kinds and kinds <= {int, float}:
        return "DOUBLE"
    return "STRING"


def load(document_path, all_kinds=(), all_relations=(), attributes=None, roomy=False):
    """Loads a RelGraph JSON document into a fresh in-memory Kùzu database; `all_kinds` and
    `all_relations` get (empty) tables even where no node or edge uses them, so that queries
    naming them find nothing rather than fail."""
    with open(document_path, encoding="utf-8") as handle:
        document = json.load(handle)
    nodes = document.get("nodes", [])
    edges = document.get("edges", [])
    symmetric = {r["id"] for r in document.get("relations", []) if r.get("symmetric")}
    small = len(nodes) + len(edges) < 5000 and not roomy
    # A small buffer pool makes a fresh database cost a millisecond rather than tens.
    database = kuzu.Database(":memory:", buffer_pool_size=512 * 1024 * 1024) if small else kuzu.Database(":memory:")
    connection = kuzu.Connection(database)
    folder = tempfile.mkdtemp(prefix="relgraph-kuzu-")
    node_attributes = {}
    for node in nodes:
        for key, value in (node.get("attributes") or {}).items():
            node_attributes.setdefault(key, []).append(value)
    edge_attributes = {}
    for edge in edges:
        for key, value in (edge.get("attributes") or {}).items():
            edge_attributes.setdefault(key, []).append(value)
    for name, kind in (attributes or {}).items():
        node_attributes.setdefault(name, [{"INT64": 0, "STRING": ""}.get(kind)])
        edge_attributes.setdefault(name, [{"INT64": 0, "STRING": ""}.get(kind)])
    node_columns = [(k, attribute_type(v)) for k, v in sorted(node_attributes.items())]
    edge_columns = [(k, attribute_type(v)) for k, v in sorted(edge_attributes.items())]
    kind_of = {n["id"]: n["kind"] for n in nodes}
    kinds = sorted({n["kind"] for n in nodes} | set(all_kinds))
    started = time.perf_counter()

    def typed(value, column_type):
        if value is None:
            return None
        if column_type == "STRING" and not isinstance(value, str):
            return json.dumps(value)
        if column_type == "DOUBLE":
            return float(value)
        return value

    def day(text):
        return first_day(text)

    types = {"date": "DATE", "start": "DATE", "end": "DATE", "eid": "INT64", "copy": "INT64"}
    types.update({kuzu_name(k): t for k, t in node_columns + edge_columns})

    def insert(table, columns, rows, pair=None):
        """Rows (lists in `columns` order) into a table: one UNWIND for small graphs, a CSV
        file and COPY for large ones."""
        if not rows:
            return
        if small:
            names = [c for c in columns if c not in ("from", "to")]
            values = ", ".join(f"`{c}`: CAST(r.c{i} AS {types[c]})" if c in types else f"`{c}`: r.c{i}"
                               for i, c in enumerate(columns) if c not in ("from", "to"))
            payload = [{f"c{i}": (None if v is None else str(v) if columns[i] in types else v) for i, v in enumerate(row)} for row in rows]
            if pair is None:
                connection.execute(f"UNWIND $rows AS r CREATE (:`{table}` {{{values}}})", {"rows": payload})
            else:
                source, target = pair
                f, t = columns.index("from"), columns.index("to")
                connection.execute(
                    f"UNWIND $rows AS r MATCH (a:`{source}` {{id: r.c{f}}}), (b:`{target}` {{id: r.c{t}}}) "
                    f"CREATE (a)-[:`{table}` {{{values}}}]->(b)", {"rows": payload})
            del names
            return
        path = os.path.join(folder, f"{table}-{pair[0]}-{pair[1]}.csv" if pair else f"{table}.csv")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(["" if v is None else ("true" if v is True else "false" if v is False else v) for v in row])
        extra = f", from='{pair[0]}', to='{pair[1]}'" if pair else ""
        connection.execute(f"COPY `{table}` FROM '{path}' (header=true, parallel=false{extra})")

    attribute_ddl = "".join(f", `{kuzu_name(k)}` {t}" for k, t in node_columns)
    node_header = ["id", "kind", "type", "label", "date", "start", "end", "source"] + [kuzu_name(k) for k, _ in node_columns]
    for kind in kinds:
        connection.execute(
            f"CREATE NODE TABLE `{kind}`(id STRING, kind STRING, type STRING, label STRING, `date` DATE, `start` DATE, "
            f"`end` DATE, source STRING{attribute_ddl}, PRIMARY KEY(id))")
        rows = []
        for node in nodes:
            if node["kind"] != kind:
                continue
            values = node.get("attributes") or {}
            rows.append([node["id"], kind, node.get("type"), label_text(node.get("label")), day(node.get("date")),
                         day(node.get("start")), day(node.get("end")), node.get("source")]
                        + [typed(values.get(k), t) for k, t in node_columns])
        insert(kind, node_header, rows)

    by_relation = {}
    for index, edge in enumerate(edges):
        relation = edge["relation"]
        pairs = [(edge["from"], edge["to"], 0)]
        if relation in symmetric and edge["from"] != edge["to"]:
            pairs.append((edge["to"], edge["from"], 1))
        for source, target, copy in pairs:
            by_relation.setdefault(relation, {}).setdefault((kind_of[source], kind_of[target]), []).append((source, target, copy, index, edge))
    for relation in all_relations:
        by_relation.setdefault(relation, {})
    edge_ddl = "".join(f", `{kuzu_name(k)}` {t}" for k, t in edge_columns)
    edge_header = ["from", "to", "eid", "rel", "copy", "date", "start", "end", "source"] + [kuzu_name(k) for k, _ in edge_columns]
    for relation, groups in sorted(by_relation.items()):
        # Every kind to every kind, used or not: Kùzu 0.11 answers a pattern whose end label names
        # a table the relationship table does not connect with nodes of the wrong kind.
        pairs = ", ".join(f"FROM `{a}` TO `{b}`" for a in kinds for b in kinds)
        connection.execute(
            f"CREATE REL TABLE `{kuzu_name(relation)}`({pairs}, eid INT64, rel STRING, copy INT64, `date` DATE, `start` DATE, "
            f"`end` DATE, source STRING{edge_ddl})")
        for (a, b), members in sorted(groups.items()):
            rows = []
            for source, target, copy, index, edge in members:
                values = edge.get("attributes") or {}
                rows.append([source, target, index, relation, copy, day(edge.get("date")), day(edge.get("start")),
                             day(edge.get("end")), edge.get("source")] + [typed(values.get(k), t) for k, t in edge_columns])
            insert(kuzu_name(relation), edge_header, rows, (a, b))
    shutil.rmtree(folder, ignore_errors=True)  # COPY has read the files into the database
    return database, connection, time.perf_counter() - started


def normalize(value):
    """Kùzu's and RelGraph's values in one shape: nodes by id, relationships by RelGraph's
    edge index, dates as YYYY-MM-DD, integral numbers as integers."""
    if isinstance(value, dict):
        if "_nodes" in value and "_rels" in value:
            nodes = [n["id"] for n in value["_nodes"]]
            rels = [r["eid"] for r in value["_rels"]]
            return {"nodes": nodes, "rels": rels} if nodes else [{"rel": r} for r in rels]
        if "_src" in value and "eid" in value:
            return {"rel": value["eid"]}
        if "_label" in value and "id" in value:
            return {"node": value["id"]}
        if set(value) == {"node"} or set(value) == {"rel"} or set(value) == {"nodes", "rels"}:
            return value
        return {k: normalize(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if value == int(value) and abs(value) < 2**53:
            return int(value)
        return round(value, 9)
    return value


def canonical(rows, unordered_columns, ordered):
    result = []
    for row in rows:
        row = [normalize(v) for v in row]
        for column in unordered_columns:
            if column < len(row) and isinstance(row[column], list):
                row[column] = sorted(row[column], key=lambda v: json.dumps(v, sort_keys=True))
        result.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return result if ordered else sorted(result)


def run(connection, query, parameters):
    result = connection.execute(query, parameters or {})
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        manifest = json.load(handle)
    report = {"graphs": 0, "queries": 0, "rows": 0, "mismatches": [], "errors": [], "load_seconds": 0.0, "timings": []}
    for graph in manifest["graphs"]:
        arguments = (graph["document"], graph.get("kinds", []), graph.get("relations", []), graph.get("attributes"))
        database, connection, seconds = load(*arguments)
        roomy = None  # the same graph with Kùzu's default buffer pool, for a query the small one cannot hold
        report["graphs"] += 1
        report["load_seconds"] += seconds
        for query in graph["queries"]:
            report["queries"] += 1
            if os.environ.get("RELGRAPH_KUZU_TRACE"):
                print(query.get("name"), query["kuzu"], file=sys.stderr, flush=True)
            try:
                started = time.perf_counter()
                parameters = {k: v for k, v in (query.get("parameters") or {}).items() if "$" + k in query["kuzu"]}
                try:
                    rows = run(connection, query["kuzu"], parameters)
                except Exception as error:  # noqa: BLE001 - only the buffer pool is retried
                    if "buffer pool is full" not in str(error).lower():
                        raise
                    roomy = roomy or load(*arguments, roomy=True)
                    rows = run(roomy[1], query["kuzu"], parameters)
                # Kùzu answers null where openCypher's sum() and collect() of nothing are 0 and [].
                for column, default in (query.get("kuzu_null_defaults") or {}).items():
                    for row in rows:
                        if row[int(column)] is None:
                            row[int(column)] = json.loads(default)
                report["timings"].append({"name": query.get("name"), "seconds": time.perf_counter() - started})
            except Exception as error:  # noqa: BLE001 - the report names the query
                report["errors"].append({"name": query.get("name"), "kuzu": query["kuzu"], "error": str(error)[:400]})
                continue
            if "relgraph" not in query:
                continue
            expected = canonical(rows, query.get("unordered_columns", []), query.get("ordered", False))
            actual = canonical(query["relgraph"], query.get("unordered_columns", []), query.get("ordered", False))
            report["rows"] += len(actual)
            if expected != actual:
                report["mismatches"].append({
                    "name": query.get("name"), "document": graph["document"], "relgraph_query": query.get("relgraph_query"),
                    "kuzu": query["kuzu"], "kuzu_rows": expected[:12], "relgraph_rows": actual[:12],
                    "kuzu_count": len(expected), "relgraph_count": len(actual)})
        del connection, database, roomy
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
