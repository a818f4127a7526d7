/*
 * The floor for RelGraph's "100 two-hop reaches": a plain C program doing the same sorted
 * breadth-first search over a CSR adjacency of the same graph.
 *
 *     cc -O2 -o two_hop_reach Benchmarks/Baselines/two_hop_reach.c
 *     ./two_hop_reach Benchmarks/data/L-csv Benchmarks/data/L-roots.txt [runs]
 *
 * It loads the graph as csr_graph.h does (ids ranked in byte order, the Unicode scalar order
 * of the contract; an undirected CSR, as `reach` follows edges in both directions), and then, for each root,
 * finds every node within two hops and orders each layer by id rank, as RelGraph's result is
 * ordered (distance, then id). Layers are ordered by sorting their ranks (an LSD radix sort,
 * 11 bits a pass; insertion sort below 64), the result written into one array per reach as
 * RelGraph returns one.
 *
 * Loading is not timed. Prints one JSON line like relgraph-bench's: the median of `runs`
 * runs of the 100 reaches, and in the note the total of nodes reached (to check against
 * RelGraph's answer).
 */
#include "csr_graph.h"

/* Sorts `count` ranks below 2^(11 * passes): insertion sort for short layers, otherwise LSD
   radix sort, 11 bits a pass (2,048 counters, which stay in L1), through `scratch`. */
static int passes;
static void sort_ranks(uint32_t *keys, uint32_t *scratch, int32_t count) {
    if (count < 64) {
        for (int32_t i = 1; i < count; i++) {
            uint32_t key = keys[i];
            int32_t j = i - 1;
            while (j >= 0 && keys[j] > key) { keys[j + 1] = keys[j]; j--; }
            keys[j + 1] = key;
        }
        return;
    }
    int32_t histogram[2048];
    uint32_t *from = keys, *to = scratch;
    for (int pass = 0; pass < passes; pass++) {
        int shift = 11 * pass;
        memset(histogram, 0, sizeof histogram);
        for (int32_t i = 0; i < count; i++) histogram[(from[i] >> shift) & 2047]++;
        int32_t total = 0;
        for (int32_t b = 0; b < 2048; b++) { int32_t c = histogram[b]; histogram[b] = total; total += c; }
        for (int32_t i = 0; i < count; i++) to[histogram[(from[i] >> shift) & 2047]++] = from[i];
        uint32_t *swap = from; from = to; to = swap;
    }
    if (from != keys) memcpy(keys, from, (size_t)count * sizeof *keys);
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s CSV-FOLDER ROOTS [RUNS]\n", argv[0]); return 2; }
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1) runs = 1;
    CSRGraph graph;
    csr_load(&graph, argv[1]);
    int32_t node_count = graph.node_count;
    const uint32_t *rank = graph.rank;
    const int32_t *node_by_rank = graph.node_by_rank;
    const int64_t *offsets = graph.offsets;
    const int32_t *targets = graph.targets;
    int32_t roots[1000];
    int32_t root_count = csr_read_nodes(&graph, argv[2], 1, roots, 1000);

    passes = 1;
    while (passes < 3 && ((uint64_t)1 << (11 * passes)) < (uint64_t)node_count) passes++;
    uint32_t *mark = calloc(node_count, sizeof *mark), generation = 0;
    uint32_t *layer = malloc(node_count * sizeof *layer), *scratch = malloc(node_count * sizeof *scratch);
    /* The answer: (node, distance) pairs in order, one array reused per reach. */
    int32_t *result_nodes = malloc(node_count * sizeof *result_nodes);
    int8_t *result_distances = malloc(node_count);
    double *times = malloc(runs * sizeof *times), *cpu_times = malloc(runs * sizeof *cpu_times);
    int64_t reached = 0;
    for (int run = 0; run < runs; run++) {
        double start = csr_now(), cpu_start = csr_cpu_now();
        reached = 0;
        for (int32_t r = 0; r < root_count; r++) {
            int32_t root = roots[r];
            generation++;
            mark[root] = generation;
            int32_t count = 0;
            result_nodes[count] = root;
            result_distances[count++] = 0;
            int32_t layer_start = 0, layer_end = 1;
            for (int distance = 1; distance <= 2; distance++) {
                int32_t size = 0;
                for (int32_t p = layer_start; p < layer_end; p++) {
                    int32_t v = result_nodes[p];
                    for (int64_t i = offsets[v]; i < offsets[v + 1]; i++) {
                        int32_t w = targets[i];
                        if (mark[w] != generation) { mark[w] = generation; layer[size++] = rank[w]; }
                    }
                }
                sort_ranks(layer, scratch, size);
                for (int32_t i = 0; i < size; i++) {
                    result_nodes[count] = node_by_rank[layer[i]];
                    result_distances[count++] = (int8_t)distance;
                }
                layer_start = layer_end;
                layer_end = count;
            }
            reached += count;
        }
        times[run] = csr_now() - start;
        cpu_times[run] = csr_cpu_now() - cpu_start;
    }
    char note[64];
    snprintf(note, sizeof note, "%lld nodes reached", (long long)reached);
    csr_report("100 two-hop reaches", times, cpu_times, runs, note);
    return 0;
}
