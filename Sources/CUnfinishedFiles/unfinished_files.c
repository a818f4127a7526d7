#include "relgraph_unfinished_files.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// Invariant: a slot holds NULL or a path that stays allocated while it is in the slot. The
// registering threads change slots under `lock` (a slot is filled with a complete copy, and
// emptied before its copy is freed); the handler only loads them, atomically, without a lock.
static char *_Atomic slots[RELGRAPH_UNFINISHED_CAPACITY];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void relgraph_unfinished_remember(const char *path) {
    char *copy = strdup(path);
    if (copy == NULL) return;
    pthread_mutex_lock(&lock);
    for (int slot = 0; slot < RELGRAPH_UNFINISHED_CAPACITY && copy != NULL; slot++) {
        if (atomic_load(&slots[slot]) == NULL) {
            atomic_store(&slots[slot], copy);
            copy = NULL;
        }
    }
    pthread_mutex_unlock(&lock);
    free(copy);  // NULL once a slot took it
}

void relgraph_unfinished_forget(const char *path) {
    pthread_mutex_lock(&lock);
    for (int slot = 0; slot < RELGRAPH_UNFINISHED_CAPACITY; slot++) {
        char *stored = atomic_load(&slots[slot]);
        if (stored != NULL && strcmp(stored, path) == 0) {
            atomic_store(&slots[slot], NULL);
            free(stored);
        }
    }
    pthread_mutex_unlock(&lock);
}

// Only async-signal-safe calls: unlink, rmdir, signal, raise (POSIX.1-2008, signal-safety(7)).
static void remove_unfinished(int signal_number) {
    int saved_errno = errno;
    // Files first, then the (now empty) temporary folders of folder exports.
    for (int slot = 0; slot < RELGRAPH_UNFINISHED_CAPACITY; slot++) {
        char *path = atomic_load(&slots[slot]);
        if (path != NULL) unlink(path);
    }
    for (int slot = 0; slot < RELGRAPH_UNFINISHED_CAPACITY; slot++) {
        char *path = atomic_load(&slots[slot]);
        if (path != NULL) rmdir(path);
    }
    errno = saved_errno;
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void relgraph_unfinished_remove_on_termination(void) {
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    sigset_t unblocked;
    sigemptyset(&unblocked);
    for (int index = 0; index < 3; index++) sigaddset(&unblocked, signals[index]);
    // A program started by one that blocks these signals (some test runners and process
    // launchers do) must still stop when asked.
    pthread_sigmask(SIG_UNBLOCK, &unblocked, NULL);
    for (int index = 0; index < 3; index++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = remove_unfinished;
        sigemptyset(&action.sa_mask);
        sigaction(signals[index], &action, NULL);
    }
}
