#ifndef CHECKDOCS_CMALLOC_SHIM_H
#define CHECKDOCS_CMALLOC_SHIM_H
// glibc's malloc tuning (mallopt), which the Glibc module leaves out, and the executable's
// writable data faulted in ahead (ExecutableData.swift).
#if defined(__GLIBC__) || defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <malloc.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

// For the executable only (the first object dl_iterate_phdr reports, with an empty name): each
// writable PT_LOAD range past its PT_GNU_RELRO part, which the loader made read-only, is faulted
// in as if written (MADV_POPULATE_WRITE, Linux 5.14; an older kernel refuses it, harmlessly).
static int checkdocs_populate_executable_data(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size; (void)data;
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
        if (relroEnd > start && relroStart <= start) start = relroEnd;
        start = (start + page - 1) & ~(page - 1);
        if (end > start) madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    return 1;
}

static inline void checkdocs_populate_executable(void) {
    dl_iterate_phdr(checkdocs_populate_executable_data, 0);
}
#endif
#endif
