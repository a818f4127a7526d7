// Graphviz 2.42's `userout()` (lib/cgraph/agerror.c) formats a message into a 1,024-byte
// buffer with `vsnprintf` and, when the message is longer, grows the buffer and calls
// `vsnprintf` again with the same, already consumed `va_list`. That is undefined behaviour: a
// message of 1,024 bytes or more (a lexer warning quoting a long token, a node name in a
// layout warning) crashes the process or comes out as "(null)". It happens only on the path
// that hands messages to a callback installed with `agseterrf`, which is how RelGraph
// captures them.
//
// The fix is at the root of the bug: Graphviz never formats a long message. The functions
// that raise messages, `agerr`, `agerrorf` and `agwarningf`, are defined here too, so the
// dynamic linker binds every call to them (from libcgraph itself, libgvc and the plugins, all
// through their PLT) to these definitions. Each formats its message completely, with a copy
// of its arguments, and passes it on to Graphviz's own `agerr` as `"%s"` in pieces shorter
// than that buffer: the first piece at the message's level, the rest as continuations
// (`AGPREV`), which keep the level and add no prefix. Graphviz's error count, level and
// callback work as before, for messages of any length. The callback receives the pieces in
// order and joins them (GraphvizMessages in Swift collects bytes, so a piece boundary inside
// a UTF-8 sequence does no harm).
#define _GNU_SOURCE
#include "relgraph_message_guard.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/cgraph.h>

/// Shorter than userout's first buffer (1,024 bytes, the terminating NUL included).
enum { piece_length = 960 };

typedef int (*agerr_function)(agerrlevel_t, const char *, ...);

/// Graphviz's own `agerr`, the next definition after this one.
static agerr_function graphviz_agerr(void) {
    static agerr_function function;
    agerr_function found = __atomic_load_n(&function, __ATOMIC_ACQUIRE);
    if (!found) {
        found = (agerr_function)dlsym(RTLD_NEXT, "agerr");
        __atomic_store_n(&function, found, __ATOMIC_RELEASE);
    }
    return found;
}

int relgraph_message_guard_ready(void) { return graphviz_agerr() != NULL; }

/// Passes `text` (`length` bytes) to Graphviz in pieces; returns what Graphviz's agerr returned.
static int pass_on(agerrlevel_t level, char *text, size_t length) {
    agerr_function agerr_of_graphviz = graphviz_agerr();
    if (!agerr_of_graphviz) return 1;
    int status = 0;
    size_t offset = 0;
    do {
        size_t count = length - offset < piece_length ? length - offset : piece_length;
        char kept = text[offset + count];
        text[offset + count] = '\0';
        status = agerr_of_graphviz(level, "%s", text + offset);
        text[offset + count] = kept;
        offset += count;
        level = AGPREV;
    } while (offset < length);
    return status;
}

static int format_and_pass_on(agerrlevel_t level, const char *format, va_list arguments) {
    va_list measuring;
    va_copy(measuring, arguments);
    int length = vsnprintf(NULL, 0, format, measuring);
    va_end(measuring);
    if (length < 0) {
        char fallback[] = "(a Graphviz message that could not be formatted)";
        return pass_on(level, fallback, strlen(fallback));
    }
    char *text = malloc((size_t)length + 1);
    if (!text) {
        char fallback[] = "(a Graphviz message too long for the memory left)";
        return pass_on(level, fallback, strlen(fallback));
    }
    vsnprintf(text, (size_t)length + 1, format, arguments);
    int status = pass_on(level, text, (size_t)length);
    free(text);
    return status;
}

int agerr(agerrlevel_t level, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int status = format_and_pass_on(level, format, arguments);
    va_end(arguments);
    return status;
}

void agerrorf(const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    format_and_pass_on(AGERR, format, arguments);
    va_end(arguments);
}

void agwarningf(const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    format_and_pass_on(AGWARN, format, arguments);
    va_end(arguments);
}
