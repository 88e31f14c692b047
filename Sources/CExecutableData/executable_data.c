// In a C file of its own: dl_phdr_info's fields need _GNU_SOURCE before the first include, which a
// module's header cannot set without changing glibc's declarations for every module importing it.
#define _GNU_SOURCE
#include "executable_data.h"

#if defined(__linux__)
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

// The executable is the first object dl_iterate_phdr reports, the one with an empty name; the
// iteration stops after it (a non-zero return).
static int populate(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    (void)data;
    if (info->dlpi_name && info->dlpi_name[0]) return 0;
    unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);
    unsigned long relroStart = 0, relroEnd = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type == PT_GNU_RELRO) {
            relroStart = info->dlpi_addr + header->p_vaddr;
            relroEnd = relroStart + header->p_memsz;
        }
    }
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_LOAD || !(header->p_flags & PF_W)) continue;
        unsigned long start = info->dlpi_addr + header->p_vaddr;
        unsigned long end = (start + header->p_memsz + page - 1) & ~(page - 1);
        // The loader made the RELRO part read-only after relocating it: it is never written.
        if (relroEnd > start && relroStart <= start) start = relroEnd;
        start = (start + page - 1) & ~(page - 1);
        if (end > start) madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    return 1;
}

void checkdocs_populate_executable_data(void) { dl_iterate_phdr(populate, 0); }
#else
void checkdocs_populate_executable_data(void) {}
#endif
