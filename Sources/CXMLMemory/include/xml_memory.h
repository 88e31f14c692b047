#ifndef CHECKDOCS_XML_MEMORY_H
#define CHECKDOCS_XML_MEMORY_H
#include <stddef.h>

// libxml2's allocator for one document at a time (docs/performance.md, "libxml2's memory in
// regions"). Installed with xmlMemSetup; between cxmlmem_begin and cxmlmem_end a thread's
// libxml2 allocations come from a region of its own, by bumping a pointer, and their frees do
// nothing; cxmlmem_end makes the whole region reusable at once. Outside a region, and for
// memory allocated outside one, these are glibc's malloc, realloc and free.

void *cxmlmem_malloc(size_t size);
void *cxmlmem_realloc(void *pointer, size_t size);
void cxmlmem_free(void *pointer);
char *cxmlmem_strdup(const char *text);

/// From now on, this thread's libxml2 allocations come from a region.
void cxmlmem_begin(void);
/// Ends this thread's region. Everything libxml2 allocated in it must be freed, or never used
/// again, by now: its memory is reused by the next region.
void cxmlmem_end(void);

/// Whether everything libxml2 allocated on this thread since cxmlmem_begin is in the region
/// (none of it came from malloc, or was resized by realloc): then freeing it is not needed.
int cxmlmem_region_holds_all(void);
/// The most a region maps before its thread falls back to malloc; 0 restores the default
/// (64 MB). For tests: any limit gives the same results.
void cxmlmem_set_region_limit(size_t bytes);
/// Whether this thread is in a region (between cxmlmem_begin and cxmlmem_end), for tests.
int cxmlmem_in_region(void);
/// How many regions exist (each made when more threads were in one at once), for tests.
int cxmlmem_region_count(void);
#endif
