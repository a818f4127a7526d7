#ifndef RELGRAPH_CGRAPHVIZ_SHIM_H
#define RELGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stddef.h>
#include <stdlib.h>

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

/// Graphviz's own label maker (lib/common/labels.c): exported by libgvc 2.42, but declared only
/// in its private headers. `kind` 0 is a plain (escape string) label.
extern textlabel_t *make_label(void *obj, char *str, int kind, double fontsize, char *fontname, char *fontcolor);
extern void free_label(textlabel_t *label);

/// A laid-out node's box: centre x, y, width and height, in points.
static inline void relgraph_node_box(Agnode_t *node, double *box) {
    box[0] = ND_coord(node).x;
    box[1] = ND_coord(node).y;
    box[2] = ND_width(node) * 72.0;
    box[3] = ND_height(node) * 72.0;
}

/// How many Bézier pieces a laid-out edge is drawn with (0 before layout, or for an edge not drawn).
static inline int relgraph_edge_pieces(Agedge_t *edge) {
    return ED_spl(edge) ? ED_spl(edge)->size : 0;
}

/// The control points of one Bézier piece of a laid-out edge: their count, and in `points`
/// the first of them (owned by Graphviz).
static inline int relgraph_edge_piece(Agedge_t *edge, int piece, pointf **points) {
    bezier *curve = &ED_spl(edge)->list[piece];
    *points = curve->list;
    return curve->size;
}

/// The laid-out graph's bounding box: lower left x, y, upper right x, y.
static inline void relgraph_graph_bounds(graph_t *graph, double *box) {
    box[0] = GD_bb(graph).LL.x;
    box[1] = GD_bb(graph).LL.y;
    box[2] = GD_bb(graph).UR.x;
    box[3] = GD_bb(graph).UR.y;
}

/// The laid-out graph's own label (its title and legend): centre x, y, width and height; 0
/// when it has none.
static inline int relgraph_graph_label_box(graph_t *graph, double *box) {
    textlabel_t *label = GD_label(graph);
    if (!label || !label->set) return 0;
    box[0] = label->pos.x;
    box[1] = label->pos.y;
    box[2] = label->dimen.x;
    box[3] = label->dimen.y;
    return 1;
}

/// Gives a laid-out edge an external label (`xlabel`) of `text` (a DOT escape string) in the
/// edge's font, not yet placed; its size in `size` (points). Graphviz frees it with the layout.
static inline void relgraph_add_edge_xlabel(Agedge_t *edge, char *text, double *size) {
    char *fontsize = agget(edge, "fontsize"), *fontname = agget(edge, "fontname"), *fontcolor = agget(edge, "fontcolor");
    double points = fontsize && fontsize[0] ? atof(fontsize) : 14.0;
    textlabel_t *label = make_label(edge, text, 0, points > 0 ? points : 14.0,
                                    fontname && fontname[0] ? fontname : "Times-Roman",
                                    fontcolor && fontcolor[0] ? fontcolor : "black");
    if (ED_xlabel(edge)) free_label(ED_xlabel(edge));
    ED_xlabel(edge) = label;
    GD_has_labels(agraphof(edge)) |= (1 << 5); /* EDGE_XLABEL (lib/common/const.h) */
    size[0] = label->dimen.x;
    size[1] = label->dimen.y;
}

/// Places an external label added by relgraph_add_edge_xlabel, centred at x, y.
static inline void relgraph_place_edge_xlabel(Agedge_t *edge, double x, double y) {
    ED_xlabel(edge)->pos.x = x;
    ED_xlabel(edge)->pos.y = y;
    ED_xlabel(edge)->set = TRUE;
}

#endif
