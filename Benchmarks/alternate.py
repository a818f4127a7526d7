#!/usr/bin/env python3
"""Before/after in one sitting: runs two relgraph-bench builds (and the C floor of each
operation that has one) in alternating processes, round after round, and prints one table of
the medians, CPU and wall time and peak memory side by side, with the load average.

    python3 Benchmarks/alternate.py --before /path/to/old/relgraph-bench --after .build/release/relgraph-bench \\
        --size L --data Benchmarks/data --rounds 5 --runs 9 "1000 shortest paths" "weak components"

`make bench-ab BASELINE=<commit>` builds <commit> in a worktree beside this one and runs this.
Run it from the repository root (relgraph-bench reads Benchmarks/cypher-queries.json from there).
Each process reports the median of `--runs` runs (relgraph-bench's own timing: wall time and
getrusage CPU time); the table gives the median over the rounds and each round's value. The
answers (notes) of every process must agree, or it says so on stderr.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The C floors: the operation they time, their source, and their inputs after the CSV folder.
FLOORS = {
    "1000 shortest paths": ("shortest_paths", lambda data, size: [f"{data}/{size}-pairs.txt"]),
    "100 two-hop reaches": ("two_hop_reach", lambda data, size: [f"{data}/{size}-roots.txt"]),
    "weak components": ("weak_components", lambda data, size: []),
}


def run_bench(binary, size, data, runs, operation):
    completed = subprocess.run([binary, "run", "--size", size, "--data", data, "--runs", str(runs), "--only", operation],
                               capture_output=True, text=True)
    for line in completed.stdout.splitlines():
        if line.startswith("{"):
            result = json.loads(line)
            if result["operation"] == operation:
                return result
    sys.exit(f"{binary}: no result for {operation!r}\n{completed.stderr[-2000:]}")


def run_floor(binary, inputs, runs):
    completed = subprocess.run([binary] + inputs + [str(runs)], capture_output=True, text=True, check=True)
    return json.loads(next(line for line in completed.stdout.splitlines() if line.startswith("{")))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--size", default="L")
    parser.add_argument("--data", default=os.path.join(HERE, "data"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("operations", nargs="+")
    args = parser.parse_args()

    floors = {}
    build = tempfile.mkdtemp()
    for operation in args.operations:
        if operation in FLOORS:
            name, inputs = FLOORS[operation]
            binary = os.path.join(build, name)
            subprocess.run(["cc", "-O2", "-o", binary, os.path.join(HERE, "Baselines", f"{name}.c")], check=True)
            floors[operation] = [binary, f"{args.data}/{args.size}-csv"] + inputs(args.data, args.size)

    results = {}  # (operation, who) -> [result per round]
    loads = []
    for _ in range(args.rounds):
        loads.append(os.getloadavg()[0])
        for operation in args.operations:
            for who, binary in (("before", args.before), ("after", args.after)):
                results.setdefault((operation, who), []).append(run_bench(binary, args.size, args.data, args.runs, operation))
            if operation in floors:
                results.setdefault((operation, "C floor"), []).append(run_floor(floors[operation][0], floors[operation][1:], args.runs))
    loads.append(os.getloadavg()[0])

    def column(rows, key, scale=1000):
        values = [row.get(key) for row in rows]
        if any(v is None for v in values):
            return "–"
        return f"{statistics.median(values) * scale:.2f} ({', '.join(f'{v * scale:.2f}' for v in values)})"

    print(f"{args.size}, {args.rounds} alternating rounds, each process the median of {args.runs} runs; "
          f"1-minute load average {min(loads):.1f}–{max(loads):.1f}\n")
    print("| operation | build | CPU ms, median (rounds) | wall ms, median (rounds) | peak MB |")
    print("|---|---|---|---|---|")
    for operation in args.operations:
        notes = set()
        for who in ("before", "after", "C floor"):
            rows = results.get((operation, who))
            if not rows:
                continue
            notes |= {row["note"] for row in rows if row.get("note")}
            print(f"| {operation} | {who} | {column(rows, 'cpu_seconds')} | {column(rows, 'seconds')} | "
                  f"{statistics.median(row['peak_mb'] for row in rows):.0f} |")
        if len(notes) > 1:
            sys.stderr.write(f"{operation}: the answers differ: {sorted(n or '' for n in notes)}\n")


if __name__ == "__main__":
    main()
