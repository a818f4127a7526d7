#!/usr/bin/env python3
"""Runs NetworkX and igraph on the files `relgraph-bench generate` wrote, the same operations
`relgraph-bench run` times, and prints one table beside RelGraph's numbers. Kùzu answers the
Cypher queries of cypher-queries.json (its times in the "command" column; a differing answer
is reported on stderr), and the C floors of Baselines/ time what they do (shortest paths by
bidirectional BFS with the contract's tie-break, two-hop reaches by a sorted BFS, weak components
by union-find, each over a CSR) in the same column, their answers checked against RelGraph's.

    python3 Benchmarks/compare.py --sizes S M L [--relgraph .build/release/relgraph-bench]
    python3 Benchmarks/compare.py --sizes L --only cypher --skip networkx igraph graphviz c   # beside Kùzu alone

Each library runs in its own process, so its peak memory (ru_maxrss, resettable through
/proc/self/clear_refs) is its own. `dot -Tsvg` and `sfdp -Tsvg` are timed on the same DOT.
"""
import argparse, json, os, resource, statistics, subprocess, sys, tempfile, time

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def ensure(package, module):
    try:
        __import__(module)
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", package], check=True)


def reset_peak():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name, runs, body):
    reset_peak()
    times = []
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return {"operation": name, "seconds": statistics.median(times), "peak_mb": peak_mb(), "runs": len(times)}


def read_inputs(size):
    with open(f"{DATA}/{size}-pairs.txt") as f:
        pairs = [tuple(line.split()) for line in f if line.strip()]
    with open(f"{DATA}/{size}-roots.txt") as f:
        roots = [line.strip() for line in f if line.strip()]
    return pairs, roots


def as_of_keeps(element, moment=2000):
    """Contract §1 "Time" at the whole year `moment`."""
    def first(text):
        return int(text[:4])
    if "date" in element and first(element["date"]) > moment:
        return False
    if "start" in element and first(element["start"]) > moment:
        return False
    if "end" in element and first(element["end"]) < moment:
        return False
    return True


def flat(key, value):
    """Labels as their English text, attributes as a string: what GraphML can hold."""
    if key == "label" and isinstance(value, dict):
        return value.get("en", "")
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def run_networkx(size, runs):
    import networkx as nx
    results = []
    graph = {}

    def load():
        with open(f"{DATA}/{size}.json") as f:
            document = json.load(f)
        g = nx.MultiDiGraph()
        for node in document["nodes"]:
            g.add_node(node["id"], **{k: flat(k, v) for k, v in node.items() if k != "id"})
        for edge in document["edges"]:
            g.add_edge(edge["from"], edge["to"], key=edge["relation"], **{k: flat(k, v) for k, v in edge.items() if k not in ("from", "to")})
        graph["g"] = g
    slow = 1 if size == "XL" else min(runs, 3)
    results.append(measure("load json", slow, load))
    g = graph["g"]
    # Generous to NetworkX: queries run on a plain undirected copy, built outside the timings.
    undirected = nx.Graph(g.to_undirected(as_view=True))
    pairs, roots = read_inputs(size)

    def paths():
        for s, t in pairs:
            try:
                nx.shortest_path(undirected, s, t)
            except nx.NetworkXNoPath:
                pass
    results.append(measure("1000 shortest paths", runs, paths))
    results.append(measure("100 two-hop reaches", runs, lambda: [nx.single_source_shortest_path_length(undirected, r, cutoff=2) for r in roots]))
    results.append(measure("weak components", runs, lambda: nx.number_weakly_connected_components(g)))
    hubs = sorted(g.nodes, key=lambda n: g.in_degree(n) + g.out_degree(n), reverse=True)[:10]
    results.append(measure("neighbours of 10 hubs", runs, lambda: [(list(g.successors(h)), list(g.predecessors(h))) for h in hubs]))

    def as_of():
        view = nx.subgraph_view(g, filter_node=lambda n: as_of_keeps(g.nodes[n]),
                                filter_edge=lambda u, v, k: as_of_keeps(g.edges[u, v, k])).to_undirected(as_view=True)
        for s, t in pairs:
            try:
                nx.shortest_path(view, s, t)
            except (nx.NetworkXNoPath, nx.NodeNotFound):
                pass
    results.append(measure("1000 as-of paths", 1 if size in ("L", "XL") else runs, as_of))
    with tempfile.TemporaryDirectory() as folder:
        results.append(measure("export graphml", slow, lambda: nx.write_graphml(g, f"{folder}/g.graphml")))
        results.append(measure("export json", slow, lambda: json.dump(nx.node_link_data(g, edges="edges"), open(f"{folder}/g.json", "w"))))
    return results


def run_igraph(size, runs):
    ensure("igraph", "igraph")
    import igraph as ig
    results = []
    graph = {}

    def load():
        with open(f"{DATA}/{size}.json") as f:
            document = json.load(f)
        ids = [node["id"] for node in document["nodes"]]
        index = {id_: i for i, id_ in enumerate(ids)}
        g = ig.Graph(n=len(ids), edges=[(index[e["from"]], index[e["to"]]) for e in document["edges"]], directed=True)
        g.vs["name"] = ids
        g.vs["kind"] = [node["kind"] for node in document["nodes"]]
        g.vs["label"] = [node.get("label", {}).get("en", "") if isinstance(node.get("label"), dict) else node.get("label", "") for node in document["nodes"]]
        g.es["relation"] = [e["relation"] for e in document["edges"]]
        for key in ("date", "start", "end"):
            g.vs[key] = [node.get(key) for node in document["nodes"]]
            g.es[key] = [e.get(key) for e in document["edges"]]
        graph["g"] = g
    slow = 1 if size == "XL" else min(runs, 3)
    results.append(measure("load json", slow, load))
    g = graph["g"]
    index = {name: i for i, name in enumerate(g.vs["name"])}
    pairs, roots = read_inputs(size)
    pair_indices = [(index[s], index[t]) for s, t in pairs]
    root_indices = [index[r] for r in roots]
    results.append(measure("1000 shortest paths", 1 if size in ("L", "XL") else runs,
                           lambda: [g.get_shortest_path(s, t, mode="all") for s, t in pair_indices]))
    results.append(measure("100 two-hop reaches", runs, lambda: g.neighborhood(root_indices, order=2, mode="all")))
    results.append(measure("weak components", runs, lambda: len(g.connected_components(mode="weak"))))
    degrees = g.degree(mode="all")
    hubs = sorted(range(g.vcount()), key=lambda v: degrees[v], reverse=True)[:10]
    results.append(measure("neighbours of 10 hubs", runs, lambda: [g.neighbors(h, mode="all") for h in hubs]))

    def as_of():
        keep_nodes = [v.index for v in g.vs if as_of_keeps({k: v[k] for k in ("date", "start", "end") if v[k]})]
        sub = g.induced_subgraph(keep_nodes)
        sub = sub.subgraph_edges([e.index for e in sub.es if as_of_keeps({k: e[k] for k in ("date", "start", "end") if e[k]})], delete_vertices=False)
        names = {name: i for i, name in enumerate(sub.vs["name"])}
        for s, t in pairs:
            if s in names and t in names:
                sub.get_shortest_path(names[s], names[t], mode="all")
    results.append(measure("1000 as-of paths", 1 if size in ("L", "XL") else runs, as_of))
    with tempfile.TemporaryDirectory() as folder:
        results.append(measure("export dot", slow, lambda: g.write_dot(f"{folder}/g.dot")))
        results.append(measure("export graphml", slow, lambda: g.write_graphml(f"{folder}/g.graphml")))
    return results


def run_graphviz_commands(size, runs):
    results = []
    cases = [("render S svg (dot)", ["dot", "-Tsvg"], f"{DATA}/S-render.dot")] if size == "S" else [
        (f"render {n}-node view svg (sfdp)", ["sfdp", "-Tsvg"], f"{DATA}/{size}-view-{n}.dot") for n in (1000, 5000)]
    for name, command, path in cases:
        if os.path.exists(path):
            results.append(measure(name, max(runs, 10) if size == "S" else 1,
                                   lambda: subprocess.run(command + [path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)))
    return results


def run_c_baselines(size, runs):
    """The C floors in Benchmarks/Baselines (csr_graph.h loads the neo4j-csv folder for each),
    compiled with `cc -O2`; their times go in the "command" column of the operation they do,
    and their answers (the notes) are checked against RelGraph's."""
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Baselines")
    build = tempfile.mkdtemp()
    results = []
    for name, inputs in (("shortest_paths", [f"{DATA}/{size}-pairs.txt"]), ("two_hop_reach", [f"{DATA}/{size}-roots.txt"]),
                         ("weak_components", [])):
        binary = os.path.join(build, name)
        subprocess.run(["cc", "-O2", "-o", binary, os.path.join(folder, f"{name}.c")], check=True)
        completed = subprocess.run([binary, f"{DATA}/{size}-csv"] + inputs + [str(max(runs, 5))],
                                   capture_output=True, text=True, check=True)
        results += [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    return results


def run_kuzu(size, runs):
    """Kùzu on the same JSON document, loaded with scripts/kuzu_reference.py's schema mapping;
    the Cypher queries of Benchmarks/cypher-queries.json, with their answers as notes."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
    import kuzu_reference
    pairs, roots = read_inputs(size)
    results = []
    started = time.perf_counter()
    reset_peak()
    database, connection, _ = kuzu_reference.load(f"{DATA}/{size}.json")
    results.append({"operation": "kuzu: load json", "seconds": time.perf_counter() - started, "peak_mb": peak_mb(), "runs": 1})
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cypher-queries.json"), encoding="utf-8") as f:
        queries = json.load(f)
    for query in queries:
        text = query["kuzu"].replace("{root}", roots[0]).replace("{from}", pairs[0][0]).replace("{to}", pairs[0][1])
        rows = kuzu_reference.run(connection, text, {})
        answer = "; ".join(sorted("[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in row) + "]" for row in rows))
        result = measure(query["name"], runs, lambda: kuzu_reference.run(connection, text, {}))
        result["note"] = answer
        results.append(result)
    return results


def child(library, size, runs):
    body = {"networkx": run_networkx, "igraph": run_igraph, "graphviz": run_graphviz_commands, "kuzu": run_kuzu,
            "c": run_c_baselines}[library]
    for result in body(size, runs):
        print(json.dumps(result), flush=True)


def collect(command):
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
    return {r["operation"]: r for r in (json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{"))}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["S", "M", "L"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--relgraph", default=".build/release/relgraph-bench")
    parser.add_argument("--skip", nargs="*", default=[], help="libraries to leave out: networkx igraph graphviz kuzu c")
    parser.add_argument("--only", help="time only RelGraph's operations whose name contains this (e.g. 'cypher' or 'search')")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1], args.runs)
    rows = []
    for size in args.sizes:
        relgraph = collect([args.relgraph, "run", "--size", size, "--runs", str(args.runs), "--data", DATA]
                           + (["--only", args.only] if args.only else []))
        others = {library: collect([sys.executable, __file__, "--child", library, size, "--runs", str(args.runs)])
                  for library in ("networkx", "igraph", "graphviz", "kuzu", "c") if library not in args.skip}
        kuzu = others.get("kuzu", {})
        for operation, mine in relgraph.items():
            if args.only and args.only not in operation:
                continue
            # Kùzu answers the Cypher rows and the C floors time paths, reaches and components; their times go in the
            # "command" column.
            rows.append((operation, size, mine, others.get("networkx", {}).get(operation), others.get("igraph", {}).get(operation),
                         others.get("graphviz", {}).get(operation) or kuzu.get(operation) or others.get("c", {}).get(operation)))
            floor = others.get("c", {}).get(operation)
            if floor and mine.get("note") != floor.get("note"):
                sys.stderr.write(f"{size} {operation}: RelGraph {mine.get('note')!r}, the C floor {floor.get('note')!r}\n")
            if operation in kuzu and mine.get("note") != kuzu[operation].get("note"):
                sys.stderr.write(f"{size} {operation}: RelGraph answers {mine.get('note')!r}, Kùzu {kuzu[operation].get('note')!r}\n")
        if "kuzu: load json" in kuzu:
            rows.append(("kuzu: load json", size, None, None, None, kuzu["kuzu: load json"]))
    print_table(rows)


def print_table(rows):
    def seconds(result):
        return f"{result['seconds']:.4f}" if result else "–"

    def ratio(other, mine):
        return f"{other['seconds'] / mine['seconds']:.1f}×" if other and mine and mine['seconds'] > 0 else "–"

    def memory(result):
        return f"{result['peak_mb']:.0f}" if result else "–"
    header = ["operation", "size", "RelGraph s", "NetworkX s", "igraph s", "command s", "NX/RG", "igraph/RG", "cmd/RG",
              "RG MB", "NX MB", "igraph MB"]
    table = [header] + [[op, size, seconds(mine), seconds(nx), seconds(ig), seconds(cmd), ratio(nx, mine), ratio(ig, mine),
                         ratio(cmd, mine), memory(mine), memory(nx), memory(ig)] for op, size, mine, nx, ig, cmd in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table[1:]:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")


if __name__ == "__main__":
    main()
