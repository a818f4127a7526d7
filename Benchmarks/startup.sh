#!/usr/bin/env bash
# Start-up, side by side (issue 14, item 4): whole-process `relgraph` commands on small files
# (the bundled graph, and the benchmarks' S graph when it exists) against `dot -Tsvg` on the
# very DOT that `relgraph render` draws. Wall time by hyperfine
# (mean of 30 runs after 5 warm-ups) and CPU time by `perf stat` (task-clock, mean of 30 runs),
# which a busy machine disturbs far less than wall time ("?" without linux-perf).
#   Benchmarks/startup.sh [RELGRAPH]        default .build/release/relgraph (`make release`)
set -euo pipefail
cd "$(dirname "$0")/.."
relgraph=${1:-.build/release/relgraph}
graph=Graphs/india-russia.yaml
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$relgraph" render "$graph" --format dot -o "$scratch/drawn.dot"
commands=(
    "$relgraph validate $graph"
    "$relgraph stats $graph"
    "$relgraph render $graph -o $scratch/relgraph.svg"
    "dot -Tsvg $scratch/drawn.dot -o $scratch/dot.svg"
)
# The benchmarks' S graph (40 nodes, 80 edges; `make bench` generates it) the same way.
small=Benchmarks/data/S.json
if [ -f "$small" ]; then
    "$relgraph" render "$small" --format dot -o "$scratch/S.dot"
    commands+=("$relgraph render $small -o $scratch/S.svg" "dot -Tsvg $scratch/S.dot -o $scratch/S-dot.svg")
fi
printf '| command (bundled graph: 44 nodes, 95 edges) | wall ms (hyperfine) | CPU ms (perf stat) |\n|---|---|---|\n'
for command in "${commands[@]}"; do
    # shellcheck disable=SC2086
    wall=$(hyperfine -N -w 5 -r 30 --export-json "$scratch/h.json" "$command" >/dev/null 2>&1 \
        && python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{r['mean']*1000:.1f} ± {r['stddev']*1000:.1f}\")" "$scratch/h.json")
    # shellcheck disable=SC2086
    cpu=$(perf stat -r 30 -x, -e task-clock $command 2>&1 >/dev/null | awk -F, '/task-clock/ {printf "%.1f", $1}' || true)
    printf '| `%s` | %s | %s |\n' "${command//$scratch\//}" "$wall" "${cpu:-?}"
done
