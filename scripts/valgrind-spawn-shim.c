/* Preloaded into checkdocs under valgrind by scripts/bench-instructions. Under valgrind
 * /proc/self/exe names valgrind's tool, not checkdocs, so the document workers (checkdocs
 * re-executed through /proc/self/exe, docs/security.md) would not start and every PDF would be
 * reported unreadable. This turns a spawn of /proc/self/exe into a spawn of the binary named by
 * CHECKDOCS_SHIM_EXE; the workers then run natively (valgrind does not follow them) and the count
 * is the checkdocs process's own, on the same path as a real run. Measurement only: never built
 * into checkdocs. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

typedef int (*spawn_function)(pid_t *, const char *, const posix_spawn_file_actions_t *,
                              const posix_spawnattr_t *, char *const[], char *const[]);

static const char *checkdocs_path(const char *path) {
    const char *binary = getenv("CHECKDOCS_SHIM_EXE");
    return (binary != NULL && strcmp(path, "/proc/self/exe") == 0) ? binary : path;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions,
                const posix_spawnattr_t *attributes, char *const argv[], char *const envp[]) {
    spawn_function next = (spawn_function)dlsym(RTLD_NEXT, "posix_spawn");
    return next(pid, checkdocs_path(path), actions, attributes, argv, envp);
}
