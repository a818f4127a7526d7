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

/// gvRenderData's length is `unsigned int *` in Graphviz 2.42 and `size_t *` from
/// Graphviz 14 on; this is the one place that knows.
static inline int relgraph_render_data(GVC_t *context, graph_t *graph, const char *format,
                                       char **result, size_t *length) {
    unsigned int count = 0;
    int status = gvRenderData(context, graph, format, result, &count);
    *length = (size_t)count;
    return status;
}

#endif
