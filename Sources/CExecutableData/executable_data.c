// In a C file of its own: MADV_POPULATE_WRITE needs _GNU_SOURCE before the first include, which a
// module's header cannot set without changing glibc's declarations for every module importing it.
#define _GNU_SOURCE
#include "executable_data.h"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

// The start of .data (crt1.o's own .data comes first) and the end of .bss, both set by the C
// runtime and the linker for every executable. The range holds the Swift runtime's and
// checkdocs' metadata caches, `once` tokens and globals, and nothing read-only: with the Swift
// libraries linked in, the writable segment also holds 36 MB of their data (ICU's tables in a
// writable .rodata), which faulting in whole cost 12 ms and 30 MB at every start
// (docs/performance.md, "The Swift libraries linked in").
extern char __data_start[];
extern char _end[];

void checkdocs_populate_executable_data(void) {
    unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);
    unsigned long start = ((unsigned long)__data_start) & ~(page - 1);
    unsigned long end = ((unsigned long)_end + page - 1) & ~(page - 1);
    if (end > start) madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}
#else
void checkdocs_populate_executable_data(void) {}
#endif
