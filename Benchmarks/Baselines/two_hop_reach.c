/*
 * The floor for RelGraph's "100 two-hop reaches": a plain C program doing the same sorted
 * breadth-first search over a CSR adjacency of the same graph.
 *
 *     cc -O2 -o two_hop_reach Benchmarks/Baselines/two_hop_reach.c
 *     ./two_hop_reach Benchmarks/data/L-csv Benchmarks/data/L-roots.txt [runs]
 *
 * It reads the neo4j-csv folder `relgraph-bench generate` writes (the first field of
 * nodes.csv, the first two of relationships.csv), ranks the ids in byte order (which is
 * Unicode scalar order for UTF-8, the contract's id order), builds an undirected CSR (every
 * edge both ways, as `reach` follows edges in both directions), and then, for each root,
 * finds every node within two hops and orders each layer by id rank, as RelGraph's result is
 * ordered (distance, then id). Layers are ordered by sorting their ranks (an LSD radix sort,
 * 11 bits a pass; insertion sort below 64), the result written into one array per reach as
 * RelGraph returns one.
 *
 * Loading is not timed. Prints one JSON line like relgraph-bench's: the median of `runs`
 * runs of the 100 reaches, and in the note the total of nodes reached (to check against
 * RelGraph's answer).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { char *text; int32_t index; } Id;

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(1); }
    fseek(file, 0, SEEK_END);
    *length = (size_t)ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc(*length + 1);
    if (fread(bytes, 1, *length, file) != *length) { perror(path); exit(1); }
    bytes[*length] = 0;
    fclose(file);
    return bytes;
}

/* The next CSV field from *cursor (quoted fields unquoted in place); moves past the comma.
   Sets *end_of_record when the field ends its record. */
static char *next_field(char **cursor, int *end_of_record) {
    char *p = *cursor, *start = p;
    if (*p == '"') {
        char *out = ++p;
        start = out;
        for (;;) {
            if (*p == '"' && p[1] == '"') { *out++ = '"'; p += 2; }
            else if (*p == '"') { p++; break; }
            else *out++ = *p++;
        }
        *out = 0;
    } else {
        while (*p && *p != ',' && *p != '\n' && *p != '\r') p++;
    }
    *end_of_record = (*p != ',');
    char separator = *p;
    *p = 0;
    if (separator == ',' || separator == '\n') p++;
    else if (separator == '\r') { p++; if (*p == '\n') p++; }
    *cursor = p;
    return start;
}

static void skip_record(char **cursor) {
    int end = 0;
    while (**cursor && !end) next_field(cursor, &end);
}

static int by_text(const void *a, const void *b) { return strcmp(((const Id *)a)->text, ((const Id *)b)->text); }

static int32_t node_count;
static Id *sorted_ids;

static int32_t lookup(const char *text) {
    int32_t low = 0, high = node_count - 1;
    while (low <= high) {
        int32_t middle = (low + high) / 2;
        int order = strcmp(sorted_ids[middle].text, text);
        if (order == 0) return sorted_ids[middle].index;
        if (order < 0) low = middle + 1; else high = middle - 1;
    }
    fprintf(stderr, "unknown id %s\n", text);
    exit(1);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int by_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

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
    char path[4096];
    size_t length;

    snprintf(path, sizeof path, "%s/nodes.csv", argv[1]);
    char *nodes = read_file(path, &length), *cursor = nodes;
    skip_record(&cursor);
    int32_t capacity = 1024;
    char **ids = malloc(capacity * sizeof *ids);
    while (*cursor) {
        int end;
        char *id = next_field(&cursor, &end);
        if (node_count == capacity) ids = realloc(ids, (capacity *= 2) * sizeof *ids);
        ids[node_count++] = id;
        if (!end) skip_record(&cursor);
    }
    sorted_ids = malloc(node_count * sizeof *sorted_ids);
    for (int32_t i = 0; i < node_count; i++) sorted_ids[i] = (Id){ids[i], i};
    qsort(sorted_ids, node_count, sizeof *sorted_ids, by_text);
    uint32_t *rank = malloc(node_count * sizeof *rank);
    int32_t *node_by_rank = malloc(node_count * sizeof *node_by_rank);
    for (int32_t r = 0; r < node_count; r++) { rank[sorted_ids[r].index] = r; node_by_rank[r] = sorted_ids[r].index; }

    snprintf(path, sizeof path, "%s/relationships.csv", argv[1]);
    char *relationships = read_file(path, &length);
    cursor = relationships;
    skip_record(&cursor);
    int64_t edge_capacity = 1 << 20, edge_count = 0;
    int32_t *ends = malloc(edge_capacity * 2 * sizeof *ends);
    while (*cursor) {
        int end;
        char *from = next_field(&cursor, &end);
        char *to = next_field(&cursor, &end);
        if (edge_count == edge_capacity) ends = realloc(ends, (edge_capacity *= 2) * 2 * sizeof *ends);
        ends[2 * edge_count] = lookup(from);
        ends[2 * edge_count + 1] = lookup(to);
        edge_count++;
        if (!end) skip_record(&cursor);
    }

    /* Undirected CSR: every edge in both ends' lists. */
    int64_t *offsets = calloc(node_count + 1, sizeof *offsets);
    for (int64_t e = 0; e < edge_count; e++) { offsets[ends[2 * e] + 1]++; offsets[ends[2 * e + 1] + 1]++; }
    for (int32_t v = 0; v < node_count; v++) offsets[v + 1] += offsets[v];
    int32_t *targets = malloc(offsets[node_count] * sizeof *targets);
    int64_t *fill = malloc(node_count * sizeof *fill);
    memcpy(fill, offsets, node_count * sizeof *fill);
    for (int64_t e = 0; e < edge_count; e++) {
        int32_t a = ends[2 * e], b = ends[2 * e + 1];
        targets[fill[a]++] = b;
        targets[fill[b]++] = a;
    }

    FILE *roots_file = fopen(argv[2], "r");
    if (!roots_file) { perror(argv[2]); return 1; }
    int32_t roots[1000], root_count = 0;
    char line[4096];
    while (root_count < 1000 && fgets(line, sizeof line, roots_file)) {
        line[strcspn(line, "\r\n")] = 0;
        if (*line) roots[root_count++] = lookup(line);
    }
    fclose(roots_file);

    passes = 1;
    while (passes < 3 && ((uint64_t)1 << (11 * passes)) < (uint64_t)node_count) passes++;
    uint32_t *mark = calloc(node_count, sizeof *mark), generation = 0;
    uint32_t *layer = malloc(node_count * sizeof *layer), *scratch = malloc(node_count * sizeof *scratch);
    /* The answer: (node, distance) pairs in order, one array reused per reach. */
    int32_t *result_nodes = malloc(node_count * sizeof *result_nodes);
    int8_t *result_distances = malloc(node_count);
    double *times = malloc(runs * sizeof *times);
    int64_t reached = 0;
    for (int run = 0; run < runs; run++) {
        double start = now();
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
        times[run] = now() - start;
    }
    qsort(times, runs, sizeof *times, by_double);
    printf("{\"operation\": \"100 two-hop reaches\", \"seconds\": %.6f, \"peak_mb\": 0, \"runs\": %d, \"note\": \"%lld nodes reached\"}\n",
           times[runs / 2], runs, (long long)reached);
    return 0;
}
