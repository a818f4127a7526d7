// The prefetch hint is a static inline function in include/relgraph_prefetch.h; a C target
// needs a source file of its own.
#include "relgraph_prefetch.h"
