/*
 * The floor for RelGraph's "weak components": a plain C program labelling the weakly
 * connected components of the same graph.
 *
 *     cc -O2 -o weak_components Benchmarks/Baselines/weak_components.c
 *     ./weak_components Benchmarks/data/L-csv [runs]
 *
 * Loading (csr_graph.h) is not timed. Each run is a union–find over the edge list (path
 * halving, the larger root linked under the smaller, as RelGraph links them), then one pass
 * that numbers the components from 0 in order of each one's first node and writes every
 * node's number into a fresh array, as RelGraph's `Components` holds them.
 *
 * Prints one JSON line like relgraph-bench's: the median wall and CPU time of `runs` runs, and
 * in the note the answer (the number of components, the largest one's size, and an FNV-1a
 * hash of every node's component number, to check against RelGraph's).
 */
#include "csr_graph.h"

static inline int32_t root(int32_t *parent, int32_t node) {
    while (parent[node] != node) {
        int32_t grandparent = parent[parent[node]];
        parent[node] = grandparent;
        node = grandparent;
    }
    return node;
}

/* Labels every node with its component; returns the number of components. */
static int32_t label_components(const CSRGraph *graph, int32_t *parent, int32_t *labels) {
    int32_t n = graph->node_count;
    for (int32_t v = 0; v < n; v++) parent[v] = v;
    const int32_t *ends = graph->ends;
    for (int64_t e = 0; e < graph->edge_count; e++) {
        int32_t a = root(parent, ends[2 * e]), b = root(parent, ends[2 * e + 1]);
        if (a < b) parent[b] = a; else if (b < a) parent[a] = b;
    }
    int32_t count = 0;
    for (int32_t v = 0; v < n; v++) {
        /* Roots are smallest in their component, so a root is met before its other nodes. */
        int32_t r = root(parent, v);
        labels[v] = r == v ? count++ : labels[r];
    }
    return count;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s CSV-FOLDER [RUNS]\n", argv[0]); return 2; }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1) runs = 1;
    CSRGraph graph;
    csr_load(&graph, argv[1]);
    int32_t n = graph.node_count;
    int32_t *parent = malloc(n * sizeof *parent), *labels = NULL, count = 0;
    double *times = malloc(runs * sizeof *times), *cpu_times = malloc(runs * sizeof *cpu_times);
    for (int run = 0; run < runs; run++) {
        double began = csr_now(), cpu_began = csr_cpu_now();
        free(labels);
        labels = malloc(n * sizeof *labels);
        count = label_components(&graph, parent, labels);
        times[run] = csr_now() - began;
        cpu_times[run] = csr_cpu_now() - cpu_began;
    }
    int32_t *sizes = calloc(count, sizeof *sizes), largest = 0;
    uint64_t hash = 14695981039346656037ull;
    for (int32_t v = 0; v < n; v++) {
        if (++sizes[labels[v]] > largest) largest = sizes[labels[v]];
        for (int byte = 0; byte < 4; byte++) hash = (hash ^ (((uint32_t)labels[v] >> (8 * byte)) & 0xff)) * 1099511628211ull;
    }
    char note[128];
    snprintf(note, sizeof note, "%d components, the largest %d nodes, FNV-1a %016llx", count, largest, (unsigned long long)hash);
    csr_report("weak components", times, cpu_times, runs, note);
    return 0;
}
