#ifndef RELGRAPH_MESSAGE_GUARD_H
#define RELGRAPH_MESSAGE_GUARD_H

/// Makes sure the message guard (message_guard.c) is linked into the program and has found
/// Graphviz's own `agerr`. Returns 1 when it has, 0 when Graphviz's `agerr` cannot be found.
int relgraph_message_guard_ready(void);

#endif
