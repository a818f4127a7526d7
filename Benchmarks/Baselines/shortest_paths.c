/*
 * The floor for RelGraph's "1000 shortest paths": a plain C program answering the same 1,000
 * seeded pairs with a bidirectional breadth-first search over an undirected CSR of the same
 * graph, with the contract's tie-break (among shortest paths, the one whose sequence of node
 * ids is smallest, compared id by id in byte order, which is Unicode scalar order for UTF-8).
 *
 *     cc -O2 -o shortest_paths Benchmarks/Baselines/shortest_paths.c
 *     ./shortest_paths Benchmarks/data/L-csv Benchmarks/data/L-pairs.txt [runs]
 *
 * Loading (csr_graph.h) is not timed, and neither is this preparation, which a C program
 * would make once: the nodes are renumbered by id rank, so comparing two ids is comparing two
 * integers, and each node's neighbours are sorted and deduplicated (a neighbour joined by
 * several edges is one step). Each query then
 *  1. grows, layer by whole layer, the side whose frontier has fewer adjacency entries to
 *     scan, until the two searches touch; when both frontiers are few nodes with many entries
 *     (hubs), it first tests each pair across them for an edge, by binary search in the
 *     sorted lists, which finds a meeting without scanning a hub;
 *  2. sweeps back from the meeting nodes through the forward layers, marking the nodes from
 *     which a shortest path continues (scanning, at each depth, whichever of the marked nodes'
 *     lists and the layer's lists is shorter);
 *  3. walks from the source taking, at each hop, the smallest-ranked neighbour still on a
 *     shortest path: the first such entry of the sorted list, or, from a node with a long
 *     list, the first of the few candidates (in rank order) that the list holds.
 * Each path's nodes are written, as node indices in nodes.csv order (RelGraph's NodeIndex),
 * into one array that holds every answer of a run.
 *
 * Prints one JSON line like relgraph-bench's: the median wall and CPU time of `runs` runs of
 * the 1,000 paths, and in the note the answer (paths found, total hops, and an FNV-1a hash of
 * every path's ids, to check against RelGraph's).
 */
#include "csr_graph.h"

/* The graph in rank space: node r is the node whose id has rank r. */
static int32_t node_count;
static int32_t *offsets, *neighbors;

static inline int32_t degree(int32_t v) { return offsets[v + 1] - offsets[v]; }

/* Per-node search state, one cache line's quarter for both searches. */
typedef struct { uint32_t forward_seen, backward_seen; int32_t forward_distance, backward_distance; } Visit;
static Visit *visits;
static uint32_t *on_path;   /* == generation: a forward node from which a shortest path continues */
static uint32_t generation;

/* The searches' queues, layer after layer; layer i is queue[layers[i] ..< layers[i + 1]]. */
typedef struct { int32_t *queue, *layers; int32_t depth, volume; } Side;
static Side forward, backward;
/* The sweep's marks: depth d's nodes are marked[marked_begin[d] ..< marked_end[d]]. */
static int32_t *marked, *marked_begin, *marked_end;

static void renumber_by_rank(const CSRGraph *graph) {
    node_count = graph->node_count;
    offsets = calloc(node_count + 1, sizeof *offsets);
    neighbors = malloc(graph->offsets[node_count] * sizeof *neighbors);
    int32_t *list = malloc(node_count * sizeof *list);
    int32_t count = 0;
    for (int32_t r = 0; r < node_count; r++) {
        int32_t v = graph->node_by_rank[r];
        int64_t length = 0;
        for (int64_t i = graph->offsets[v]; i < graph->offsets[v + 1]; i++) {
            int32_t w = (int32_t)graph->rank[graph->targets[i]];
            if (w == r) continue;
            int32_t j = length++;   /* insertion sort: most lists are short */
            while (j > 0 && list[j - 1] > w) { list[j] = list[j - 1]; j--; }
            list[j] = w;
        }
        for (int32_t i = 0; i < length; i++)
            if (i == 0 || list[i] != list[i - 1]) neighbors[count++] = list[i];
        offsets[r + 1] = count;
    }
    free(list);
}

/* Whether v's sorted list holds w. */
static inline int adjacent(int32_t v, int32_t w) {
    int32_t low = offsets[v], high = offsets[v + 1];
    while (low < high) {
        int32_t middle = (low + high) >> 1;
        if (neighbors[middle] < w) low = middle + 1; else high = middle;
    }
    return low < offsets[v + 1] && neighbors[low] == w;
}

static void start(Side *side, int32_t node) {
    side->queue[0] = node;
    side->layers[0] = 0;
    side->layers[1] = 1;
    side->depth = 0;
    side->volume = degree(node);
}

/* Grows `side` by its next layer; returns whether it touched the other search. */
static int expand(Side *side, int is_forward) {
    int32_t begin = side->layers[side->depth], end = side->layers[side->depth + 1], count = end;
    int32_t next = side->depth + 1, volume = 0;
    int met = 0;
    for (int32_t p = begin; p < end; p++) {
        int32_t u = side->queue[p];
        for (int32_t i = offsets[u]; i < offsets[u + 1]; i++) {
            int32_t w = neighbors[i];
            Visit *visit = &visits[w];
            if (is_forward) {
                if (visit->forward_seen == generation) continue;
                visit->forward_seen = generation;
                visit->forward_distance = next;
                met |= visit->backward_seen == generation;
            } else {
                if (visit->backward_seen == generation) continue;
                visit->backward_seen = generation;
                visit->backward_distance = next;
                met |= visit->forward_seen == generation;
            }
            side->queue[count++] = w;
            volume += degree(w);
        }
    }
    side->depth = next;
    side->layers[next + 1] = count;
    side->volume = volume;
    return met;
}

/* What testing a pair of nodes for an edge (a binary search) costs, in scanned entries. */
#define PAIR_TEST_COST 40

/* Whether u and v are joined, searched for in the shorter list. */
static inline int joined(int32_t u, int32_t v) { return degree(u) < degree(v) ? adjacent(u, v) : adjacent(v, u); }

/* Few frontier nodes with many entries: tests each pair across the two frontiers for an edge.
   If any, the backward frontier nodes it reaches become the next forward layer (the meeting
   nodes), found without scanning either side's lists. */
static int meet_across(void) {
    int32_t f_begin = forward.layers[forward.depth], f_end = forward.layers[forward.depth + 1];
    int32_t b_begin = backward.layers[backward.depth], b_end = backward.layers[backward.depth + 1];
    int32_t count = f_end, next = forward.depth + 1;
    for (int32_t q = b_begin; q < b_end; q++) {
        int32_t v = backward.queue[q];
        for (int32_t p = f_begin; p < f_end; p++) {
            if (joined(forward.queue[p], v)) {
                visits[v].forward_seen = generation;
                visits[v].forward_distance = next;
                forward.queue[count++] = v;
                break;
            }
        }
    }
    if (count == f_end) return 0;
    forward.depth = next;
    forward.layers[next + 1] = count;
    return 1;
}

/* Runs both searches until they touch; returns the distance, or -1 if there is no path. */
static int32_t meet(int32_t source, int32_t target) {
    generation++;
    visits[source].forward_seen = generation;
    visits[source].forward_distance = 0;
    visits[target].backward_seen = generation;
    visits[target].backward_distance = 0;
    start(&forward, source);
    start(&backward, target);
    for (;;) {
        int32_t f_size = forward.layers[forward.depth + 1] - forward.layers[forward.depth];
        int32_t b_size = backward.layers[backward.depth + 1] - backward.layers[backward.depth];
        if (f_size == 0 || b_size == 0) return -1;
        int32_t smaller = forward.volume < backward.volume ? forward.volume : backward.volume;
        if ((int64_t)f_size * b_size * PAIR_TEST_COST < smaller && meet_across()) break;
        if (forward.volume <= backward.volume ? expand(&forward, 1) : expand(&backward, 0)) break;
    }
    return forward.depth + backward.depth;
}

/* Marks, depth by depth back from the meeting nodes, the forward nodes a shortest path
   continues from. */
static void sweep(void) {
    int32_t count = 0;
    for (int32_t p = forward.layers[forward.depth]; p < forward.layers[forward.depth + 1]; p++) {
        int32_t v = forward.queue[p];
        if (visits[v].backward_seen == generation && visits[v].backward_distance == backward.depth) {
            on_path[v] = generation;
            marked[count++] = v;
        }
    }
    marked_begin[forward.depth] = 0;
    marked_end[forward.depth] = count;
    for (int32_t depth = forward.depth - 1; depth >= 1; depth--) {
        int32_t m_begin = marked_begin[depth + 1], m_end = marked_end[depth + 1];
        int32_t l_begin = forward.layers[depth], l_end = forward.layers[depth + 1];
        int64_t back_cost = 0, forward_cost = 0;
        for (int32_t p = m_begin; p < m_end; p++) back_cost += degree(marked[p]);
        for (int32_t p = l_begin; p < l_end; p++) forward_cost += degree(forward.queue[p]);
        int64_t pair_cost = (int64_t)(m_end - m_begin) * (l_end - l_begin) * PAIR_TEST_COST;
        marked_begin[depth] = count;
        if (pair_cost < back_cost && pair_cost < forward_cost) {
            /* Few nodes with long lists (hubs): test each pair for an edge instead. */
            for (int32_t p = l_begin; p < l_end; p++) {
                int32_t u = forward.queue[p];
                for (int32_t q = m_begin; q < m_end; q++) {
                    if (joined(u, marked[q])) {
                        on_path[u] = generation;
                        marked[count++] = u;
                        break;
                    }
                }
            }
        } else if (back_cost <= forward_cost) {
            for (int32_t p = m_begin; p < m_end; p++) {
                int32_t v = marked[p];
                for (int32_t i = offsets[v]; i < offsets[v + 1]; i++) {
                    int32_t u = neighbors[i];
                    if (visits[u].forward_seen == generation && visits[u].forward_distance == depth && on_path[u] != generation) {
                        on_path[u] = generation;
                        marked[count++] = u;
                    }
                }
            }
        } else {
            for (int32_t p = l_begin; p < l_end; p++) {
                int32_t u = forward.queue[p];
                for (int32_t i = offsets[u]; i < offsets[u + 1]; i++) {
                    int32_t v = neighbors[i];
                    if (on_path[v] == generation && visits[v].forward_distance == depth + 1) {
                        on_path[u] = generation;
                        marked[count++] = u;
                        break;
                    }
                }
            }
        }
        marked_end[depth] = count;
    }
}

static int32_t *candidates;

static int by_rank(const void *a, const void *b) { return *(const int32_t *)a - *(const int32_t *)b; }

/* Whether w is on a shortest path at `step` hops from the source. */
static inline int on_shortest_path(int32_t w, int32_t step, int32_t distance) {
    if (step <= forward.depth) return on_path[w] == generation && visits[w].forward_distance == step;
    return visits[w].backward_seen == generation && visits[w].backward_distance == distance - step;
}

/* Writes the path's nodes (ranks) into `path`: from the source, the smallest next node that
   stays on a shortest path. */
static void walk(int32_t source, int32_t distance, int32_t *path) {
    int32_t current = source;
    path[0] = source;
    for (int32_t step = 1; step <= distance; step++) {
        const int32_t *pool;
        int32_t pool_size;
        if (step <= forward.depth) {
            pool = marked + marked_begin[step];
            pool_size = marked_end[step] - marked_begin[step];
        } else {
            int32_t depth = distance - step;
            pool = backward.queue + backward.layers[depth];
            pool_size = backward.layers[depth + 1] - backward.layers[depth];
        }
        int32_t best = -1;
        if (degree(current) <= pool_size * 4) {
            for (int32_t i = offsets[current]; i < offsets[current + 1]; i++)
                if (on_shortest_path(neighbors[i], step, distance)) { best = neighbors[i]; break; }
        } else {
            memcpy(candidates, pool, pool_size * sizeof *candidates);
            qsort(candidates, pool_size, sizeof *candidates, by_rank);
            for (int32_t i = 0; i < pool_size && best < 0; i++)
                if (adjacent(current, candidates[i])) best = candidates[i];
        }
        if (best < 0) { fprintf(stderr, "a shortest path stops at step %d\n", step); exit(1); }
        path[step] = current = best;
    }
}

/* The answers of a run: path i's nodes are answers[starts[i] ..< starts[i + 1]], as node
   indices (empty when there is no path). */
static int32_t *answers;
static int64_t *starts, capacity;

/* One timed run: the shortest path of every pair (in rank space). */
__attribute__((noinline)) static void answer_pairs(const int32_t *pairs, int32_t pair_count, const int32_t *node_by_rank) {
    int64_t length = 0;
    for (int32_t i = 0; i < pair_count; i++) {
        starts[i] = length;
        int32_t source = pairs[2 * i], target = pairs[2 * i + 1];
        if (source == target) { answers[length++] = node_by_rank[source]; continue; }
        int32_t distance = meet(source, target);
        if (distance < 0) continue;
        if (length + distance + 1 > capacity) answers = realloc(answers, (capacity *= 2) * sizeof *answers);
        int32_t *path = answers + length;
        sweep();
        walk(source, distance, path);
        for (int32_t k = 0; k <= distance; k++) path[k] = node_by_rank[path[k]];
        length += distance + 1;
    }
    starts[pair_count] = length;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s CSV-FOLDER PAIRS [RUNS]\n", argv[0]); return 2; }
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1) runs = 1;
    CSRGraph graph;
    csr_load(&graph, argv[1]);
    int32_t pairs[2 * 1000];
    int32_t pair_count = csr_read_nodes(&graph, argv[2], 2, pairs, 1000);
    renumber_by_rank(&graph);
    for (int32_t i = 0; i < 2 * pair_count; i++) pairs[i] = (int32_t)graph.rank[pairs[i]];

    visits = calloc(node_count, sizeof *visits);
    on_path = calloc(node_count, sizeof *on_path);
    forward.queue = malloc(node_count * sizeof(int32_t));
    backward.queue = malloc(node_count * sizeof(int32_t));
    forward.layers = malloc((node_count + 2) * sizeof(int32_t));
    backward.layers = malloc((node_count + 2) * sizeof(int32_t));
    marked = malloc(node_count * sizeof *marked);
    marked_begin = malloc((node_count + 1) * sizeof *marked_begin);
    marked_end = malloc((node_count + 1) * sizeof *marked_end);
    candidates = malloc(node_count * sizeof *candidates);
    capacity = 16 * (int64_t)pair_count + node_count + 1;
    answers = malloc(capacity * sizeof *answers);
    starts = malloc((pair_count + 1) * sizeof *starts);
    double *times = malloc(runs * sizeof *times), *cpu_times = malloc(runs * sizeof *cpu_times);
    for (int run = 0; run < runs; run++) {
        double began = csr_now(), cpu_began = csr_cpu_now();
        answer_pairs(pairs, pair_count, graph.node_by_rank);
        times[run] = csr_now() - began;
        cpu_times[run] = csr_cpu_now() - cpu_began;
    }
    /* The answer: paths found, hops, and FNV-1a over each path's ids ("id id id\n" a path). */
    uint64_t hash = 14695981039346656037ull;
    int64_t found = 0, hops = 0;
    for (int32_t i = 0; i < pair_count; i++) {
        if (starts[i + 1] == starts[i]) continue;
        found++;
        hops += starts[i + 1] - starts[i] - 1;
        for (int64_t k = starts[i]; k < starts[i + 1]; k++) {
            for (const char *c = graph.ids[answers[k]]; *c; c++) hash = (hash ^ (uint8_t)*c) * 1099511628211ull;
            hash = (hash ^ (uint8_t)(k + 1 < starts[i + 1] ? ' ' : '\n')) * 1099511628211ull;
        }
    }
    char note[128];
    snprintf(note, sizeof note, "%lld paths, %lld hops, FNV-1a %016llx", (long long)found, (long long)hops, (unsigned long long)hash);
    csr_report("1000 shortest paths", times, cpu_times, runs, note);
    return 0;
}
