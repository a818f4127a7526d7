#ifndef RELGRAPH_CGRAPHVIZ_SHIM_H
#define RELGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stddef.h>

/// The creation order of a graph object (AGSEQ is a macro over a bitfield Swift cannot read).
static inline unsigned long relgraph_sequence(void *object) {
    return (unsigned long)AGSEQ(object);
}

/// An edge's tail and head (macros in cgraph.h).
static inline Agnode_t *relgraph_tail(Agedge_t *edge) { return agtail(edge); }
static inline Agnode_t *relgraph_head(Agedge_t *edge) { return aghead(edge); }

/// gvRenderData's length is `unsigned int *` in Graphviz 2.42 (the version this project builds
/// against, Debian 12's) and `size_t *` in later Graphviz: this is the one call that depends on
/// it, and against a later Graphviz it is the one line that fails to compile.
static inline int relgraph_render_data(GVC_t *context, graph_t *graph, const char *format,
                                       char **result, size_t *length) {
    unsigned int count = 0;
    int status = gvRenderData(context, graph, format, result, &count);
    *length = (size_t)count;
    return status;
}

/// Repairs what Graphviz 2.42's dot layout leaves behind so that `gvFreeLayout` can free it.
///
/// Placing a label of an edge between two nodes of one rank (clusters make such edges), dot
/// grows that rank's node list with `realloc` (lib/dotgen/flat.c, `make_vn_slot`) but leaves
/// the list's twin pointer `av`, which `dot_cleanup` frees, pointing at the old block: a double
/// free ("free(): double free detected in tcache 2") and a leak of the new block. Later Graphviz
/// keeps both pointers equal in `make_vn_slot`; this does the same after layout. For the root
/// graph the two are always the same list once dot's mincross has merged its components, so
/// this changes nothing where there was no bug. Call it only after a dot layout.
static inline void relgraph_repair_dot_rank_lists(graph_t *graph) {
    Agraphinfo_t *info = (Agraphinfo_t *)AGDATA(graph);
    if (!info || !info->rank) return;
    for (int rank = info->minrank; rank <= info->maxrank; rank++) {
        info->rank[rank].av = info->rank[rank].v;
    }
}

#endif
