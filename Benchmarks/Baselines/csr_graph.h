/*
 * What the C floors of Benchmarks/Baselines share: reading the neo4j-csv folder
 * `relgraph-bench generate` writes (the first field of nodes.csv, the first two of
 * relationships.csv), ranking the ids in byte order (which is Unicode scalar order for UTF-8,
 * the contract's id order), the undirected CSR every floor walks (every edge both ways, as
 * RelGraph's undirected queries follow edges in both directions), and reading the seeded
 * roots and pairs. None of this is timed; each floor times only its queries.
 */
#ifndef CSR_GRAPH_H
#define CSR_GRAPH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    int32_t node_count;
    char **ids;               /* ids[node]: the node's id, in nodes.csv order (RelGraph's NodeIndex) */
    uint32_t *rank;           /* rank[node]: the id's position in byte order */
    int32_t *node_by_rank;    /* the inverse of rank */
    int64_t edge_count;
    int32_t *ends;            /* ends[2e], ends[2e + 1]: the nodes of edge e (from, to) */
    int64_t *offsets;         /* undirected CSR: targets[offsets[v] ..< offsets[v + 1]] */
    int32_t *targets;
} CSRGraph;

static inline char *csr_read_file(const char *path, size_t *length) {
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
static inline char *csr_next_field(char **cursor, int *end_of_record) {
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

static inline void csr_skip_record(char **cursor) {
    int end = 0;
    while (**cursor && !end) csr_next_field(cursor, &end);
}

static const CSRGraph *csr_sorting;
static inline int csr_by_id(const void *a, const void *b) {
    return strcmp(csr_sorting->ids[*(const int32_t *)a], csr_sorting->ids[*(const int32_t *)b]);
}

/* The node whose id is `text` (binary search in id order); exits if there is none. */
static inline int32_t csr_lookup(const CSRGraph *graph, const char *text) {
    int32_t low = 0, high = graph->node_count - 1;
    while (low <= high) {
        int32_t middle = (low + high) / 2;
        int32_t node = graph->node_by_rank[middle];
        int order = strcmp(graph->ids[node], text);
        if (order == 0) return node;
        if (order < 0) low = middle + 1; else high = middle - 1;
    }
    fprintf(stderr, "unknown id %s\n", text);
    exit(1);
}

/* Reads FOLDER/nodes.csv and FOLDER/relationships.csv into `graph`. */
static inline void csr_load(CSRGraph *graph, const char *folder) {
    char path[4096];
    size_t length;
    memset(graph, 0, sizeof *graph);

    snprintf(path, sizeof path, "%s/nodes.csv", folder);
    char *cursor = csr_read_file(path, &length);
    csr_skip_record(&cursor);
    int32_t capacity = 1024;
    graph->ids = malloc(capacity * sizeof *graph->ids);
    while (*cursor) {
        int end;
        char *id = csr_next_field(&cursor, &end);
        if (graph->node_count == capacity) graph->ids = realloc(graph->ids, (capacity *= 2) * sizeof *graph->ids);
        graph->ids[graph->node_count++] = id;
        if (!end) csr_skip_record(&cursor);
    }
    int32_t n = graph->node_count;
    graph->node_by_rank = malloc(n * sizeof *graph->node_by_rank);
    for (int32_t i = 0; i < n; i++) graph->node_by_rank[i] = i;
    csr_sorting = graph;
    qsort(graph->node_by_rank, n, sizeof *graph->node_by_rank, csr_by_id);
    graph->rank = malloc(n * sizeof *graph->rank);
    for (int32_t r = 0; r < n; r++) graph->rank[graph->node_by_rank[r]] = (uint32_t)r;

    snprintf(path, sizeof path, "%s/relationships.csv", folder);
    cursor = csr_read_file(path, &length);
    csr_skip_record(&cursor);
    int64_t edge_capacity = 1 << 20;
    graph->ends = malloc(edge_capacity * 2 * sizeof *graph->ends);
    while (*cursor) {
        int end;
        char *from = csr_next_field(&cursor, &end);
        char *to = csr_next_field(&cursor, &end);
        if (graph->edge_count == edge_capacity) graph->ends = realloc(graph->ends, (edge_capacity *= 2) * 2 * sizeof *graph->ends);
        graph->ends[2 * graph->edge_count] = csr_lookup(graph, from);
        graph->ends[2 * graph->edge_count + 1] = csr_lookup(graph, to);
        graph->edge_count++;
        if (!end) csr_skip_record(&cursor);
    }

    /* Undirected CSR: every edge in both ends' lists. */
    graph->offsets = calloc(n + 1, sizeof *graph->offsets);
    for (int64_t e = 0; e < graph->edge_count; e++) { graph->offsets[graph->ends[2 * e] + 1]++; graph->offsets[graph->ends[2 * e + 1] + 1]++; }
    for (int32_t v = 0; v < n; v++) graph->offsets[v + 1] += graph->offsets[v];
    graph->targets = malloc(graph->offsets[n] * sizeof *graph->targets);
    int64_t *fill = malloc(n * sizeof *fill);
    memcpy(fill, graph->offsets, n * sizeof *fill);
    for (int64_t e = 0; e < graph->edge_count; e++) {
        int32_t a = graph->ends[2 * e], b = graph->ends[2 * e + 1];
        graph->targets[fill[a]++] = b;
        graph->targets[fill[b]++] = a;
    }
    free(fill);
}

/* Up to `limit` whitespace-separated ids per line of `path`, looked up, `per_line` a line:
   1 for roots, 2 for pairs. Returns the number of lines read. */
static inline int32_t csr_read_nodes(const CSRGraph *graph, const char *path, int per_line, int32_t *nodes, int32_t limit) {
    FILE *file = fopen(path, "r");
    if (!file) { perror(path); exit(1); }
    int32_t count = 0;
    char line[8192];
    while (count < limit && fgets(line, sizeof line, file)) {
        char *save = NULL, *first = strtok_r(line, " \t\r\n", &save);
        if (!first) continue;
        nodes[per_line * count] = csr_lookup(graph, first);
        for (int i = 1; i < per_line; i++) {
            char *next = strtok_r(NULL, " \t\r\n", &save);
            if (!next) { fprintf(stderr, "%s: a line with fewer than %d ids\n", path, per_line); exit(1); }
            nodes[per_line * count + i] = csr_lookup(graph, next);
        }
        count++;
    }
    fclose(file);
    return count;
}

static inline double csr_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* CPU time of this process (user and system), as relgraph-bench reports it. */
static inline double csr_cpu_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static inline int csr_by_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Peak resident memory of this process so far (Linux's VmHWM), in MB: the loaded graph and
   the floor's own arrays, as relgraph-bench's peak includes its loaded graph. */
static inline double csr_peak_mb(void) {
    FILE *status = fopen("/proc/self/status", "r");
    if (!status) return 0;
    char line[256];
    double kilobytes = 0;
    while (fgets(line, sizeof line, status))
        if (strncmp(line, "VmHWM:", 6) == 0) { kilobytes = atof(line + 6); break; }
    fclose(status);
    return kilobytes / 1024;
}

/* Prints the JSON line relgraph-bench prints for an operation: the median of `runs` wall
   times and of their CPU times, the peak memory, and `note` (the answer, to check against
   RelGraph's). */
static inline void csr_report(const char *operation, double *times, double *cpu_times, int runs, const char *note) {
    qsort(times, runs, sizeof *times, csr_by_double);
    qsort(cpu_times, runs, sizeof *cpu_times, csr_by_double);
    printf("{\"operation\": \"%s\", \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"peak_mb\": %.1f, \"runs\": %d, \"note\": \"%s\"}\n",
           operation, times[runs / 2], cpu_times[runs / 2], csr_peak_mb(), runs, note);
    fflush(stdout);
}

#endif
