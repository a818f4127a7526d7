#ifndef RELGRAPH_UNFINISHED_FILES_H
#define RELGRAPH_UNFINISHED_FILES_H

/// The paths of the files `relgraph` is writing right now, for a signal handler to remove.
///
/// In C because a signal handler may only call async-signal-safe functions: one written in
/// Swift can reach the Swift runtime (a lazy global's first use, generic metadata), which
/// allocates, and a signal that arrives while its thread is inside `malloc` then waits
/// forever for the allocator's lock that thread holds.

/// The most paths remembered at once; further ones are not remembered.
#define RELGRAPH_UNFINISHED_CAPACITY 64

/// Remembers a copy of `path` until `relgraph_unfinished_forget`; not when the table is full
/// (or no copy can be made).
void relgraph_unfinished_remember(const char *path);

/// Forgets every remembered copy of `path`.
void relgraph_unfinished_forget(const char *path);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP (and unblocks these signals) that unlink
/// every remembered path, then remove those that are (now empty) folders, and end the process
/// by the same signal, with its usual status.
void relgraph_unfinished_remove_on_termination(void);

#endif
