// libxml2's allocator for one document at a time: see include/xml_memory.h and
// docs/performance.md, "libxml2's memory in regions".
//
// Parsing, validating and freeing a program description made about 850 small mallocs and as
// many frees in libxml2, with the walk that frees its tree 18 % of what reading a catalog
// costs. In a region each is a pointer bump, each free nothing, and the region is emptied at
// once when the document is done.
#include "xml_memory.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// Under the address sanitizer (the fuzz targets), a region's memory is poisoned but for the blocks
// handed out, each exactly the size asked for, and poisoned again when the region ends: a read
// past a block or of a block after its document is done is reported, as with malloc.
#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if __has_feature(address_sanitizer) || defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(address, size) ASAN_POISON_MEMORY_REGION((address), (size))
#define UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION((address), (size))
#define NOT_SANITIZED __attribute__((no_sanitize_address))
#else
#define POISON(address, size) ((void)(address), (void)(size))
#define UNPOISON(address, size) ((void)(address), (void)(size))
#define NOT_SANITIZED
#endif

// Each block a region hands out is preceded by 8 bytes: the size asked for, with TAG in the top
// 16 bits (a realloc reads it). A free needs no header: a region's blocks are those inside its
// chunks, found by address.
#define TAG 0xCDA5ull
#define TAG_SHIFT 48
#define SIZE_MASK ((1ull << TAG_SHIFT) - 1)
// A chunk's own header (next, size), then 8 bytes so that every block's payload is 16-aligned.
#define CHUNK_HEADER 24
#define FIRST_CHUNK ((size_t)256 * 1024)
// A region never maps more; past this its thread allocates with malloc until the region ends (a
// very large description then costs what it did without regions, in memory too). Tests lower it.
#define REGION_LIMIT ((size_t)64 * 1024 * 1024)
static _Atomic size_t region_limit = REGION_LIMIT;
// What an ended region keeps in memory; the rest of its chunks are given back (MADV_DONTNEED)
// but stay mapped, so that a late free of one of their blocks is still recognized by address.
#define KEPT_BYTES ((size_t)1024 * 1024)

struct chunk {
    struct chunk *next;
    size_t size;
};

struct region {
    struct region *next_free;
    struct chunk *first;
    struct chunk *current;
    char *cursor;
    char *end;
    char *last;   // the last block handed out, which a realloc can grow in place
    size_t mapped;
    size_t touched;  // bytes of chunks used since the region was last trimmed
    int overflowed;  // something allocated while the region was current came from malloc
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct region *pool;
static int region_count;
static __thread struct region *current;
static __thread int depth;

// Every chunk ever mapped (chunks are never unmapped): a pointer is a region's block exactly when
// its address is in one, whether or not its region has ended, and never reaches glibc's free.
#define MAX_RANGES 1024
static uintptr_t range_start[MAX_RANGES];
static uintptr_t range_end[MAX_RANGES];
static _Atomic int range_count;

static int in_chunks(const void *pointer) {
    uintptr_t address = (uintptr_t)pointer;
    int count = atomic_load_explicit(&range_count, memory_order_acquire);
    for (int i = 0; i < count; i++) {
        if (address >= range_start[i] && address < range_end[i]) return 1;
    }
    return 0;
}

// The header before a block: read and written around the sanitizer, which keeps it poisoned.
NOT_SANITIZED static uint64_t header_of(const void *pointer) { return ((const uint64_t *)pointer)[-1]; }
NOT_SANITIZED static void set_header(char *block, size_t size) { *(uint64_t *)block = (TAG << TAG_SHIFT) | (uint64_t)size; }

static size_t rounded(size_t size) { return (size + 8 + 15) & ~(size_t)15; }

// Moves the region to a chunk with room for `need` bytes: the next one it already has, or a new one.
static int grow(struct region *region, size_t need) {
    struct chunk *chunk = region->current ? region->current->next : region->first;
    while (chunk && chunk->size - CHUNK_HEADER < need) chunk = chunk->next;
    if (!chunk) {
        size_t size = region->current ? region->current->size * 2 : FIRST_CHUNK;
        while (size - CHUNK_HEADER < need) size *= 2;
        if (region->mapped + size > atomic_load_explicit(&region_limit, memory_order_relaxed)) return 0;
        pthread_mutex_lock(&pool_lock);
        int count = atomic_load_explicit(&range_count, memory_order_relaxed);
        void *memory = count < MAX_RANGES ? mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) : MAP_FAILED;
        if (memory != MAP_FAILED) {
            range_start[count] = (uintptr_t)memory;
            range_end[count] = (uintptr_t)memory + size;
            atomic_store_explicit(&range_count, count + 1, memory_order_release);
        }
        pthread_mutex_unlock(&pool_lock);
        if (memory == MAP_FAILED) return 0;
        chunk = memory;
        POISON((char *)chunk + CHUNK_HEADER, size - CHUNK_HEADER);
        chunk->next = NULL;
        chunk->size = size;
        if (region->first) {
            struct chunk *tail = region->first;
            while (tail->next) tail = tail->next;
            tail->next = chunk;
        } else {
            region->first = chunk;
        }
        region->mapped += size;
    }
    region->current = chunk;
    region->cursor = (char *)chunk + CHUNK_HEADER;
    region->end = (char *)chunk + chunk->size;
    region->touched += chunk->size;
    return 1;
}

static void *bump(struct region *region, size_t size, size_t need) {
    char *block = region->cursor;
    region->cursor += need;
    region->last = block;
    set_header(block, size);
    UNPOISON(block + 8, size);
    return block + 8;
}

// Out of line, so that the common case below saves no registers.
__attribute__((noinline)) static void *bump_after_growing(struct region *region, size_t size) {
    if (size > REGION_LIMIT) return NULL;
    size_t need = rounded(size);
    if (!grow(region, need)) return NULL;
    return bump(region, size, need);
}

static inline void *region_alloc(struct region *region, size_t size) {
    size_t need = rounded(size);
    if (__builtin_expect(size <= REGION_LIMIT && (size_t)(region->end - region->cursor) >= need, 1)) {
        return bump(region, size, need);
    }
    return bump_after_growing(region, size);
}

void *cxmlmem_malloc(size_t size) {
    struct region *region = current;
    if (region) {
        void *pointer = region_alloc(region, size);
        if (pointer) return pointer;
        region->overflowed = 1;
    }
    return malloc(size);
}

void cxmlmem_free(void *pointer) {
    if (!pointer || in_chunks(pointer)) return;
    free(pointer);
}

void *cxmlmem_realloc(void *pointer, size_t size) {
    if (!pointer) return cxmlmem_malloc(size);
    if (!in_chunks(pointer)) {
        if (current) current->overflowed = 1;
        return realloc(pointer, size);
    }
    uint64_t header = header_of(pointer);
    // A block of an ended region cannot be resized (its size is gone); libxml2 never keeps one,
    // and treats NULL as running out of memory.
    if ((header >> TAG_SHIFT) != TAG) return NULL;
    size_t old = (size_t)(header & SIZE_MASK);
    char *block = (char *)pointer - 8;
    struct region *region = current;
    if (size <= REGION_LIMIT && rounded(size) <= rounded(old)) {
        set_header(block, size);
        if (size < old) POISON((char *)pointer + size, old - size);
        UNPOISON(pointer, size);
        return pointer;
    }
    if (region && block == region->last && size <= REGION_LIMIT && (size_t)(region->end - block) >= rounded(size)) {
        region->cursor = block + rounded(size);
        set_header(block, size);
        UNPOISON(pointer, size);
        return pointer;
    }
    void *moved = cxmlmem_malloc(size);
    if (moved) memcpy(moved, pointer, old);
    return moved;
}

char *cxmlmem_strdup(const char *text) {
    if (!text) return NULL;
    size_t length = strlen(text) + 1;
    char *copy = cxmlmem_malloc(length);
    if (copy) memcpy(copy, text, length);
    return copy;
}

void cxmlmem_begin(void) {
    if (depth++ > 0) return;
    pthread_mutex_lock(&pool_lock);
    struct region *region = pool;
    if (region) {
        pool = region->next_free;
    } else {
        region = calloc(1, sizeof *region);
        if (region) region_count += 1;
    }
    pthread_mutex_unlock(&pool_lock);
    current = region;  // NULL (out of memory): malloc as before
}

void cxmlmem_end(void) {
    if (depth == 0 || --depth > 0) return;
    struct region *region = current;
    current = NULL;
    if (!region) return;
    // The chunks this document used are the first ones up to the current, that one up to the cursor.
    for (struct chunk *chunk = region->first; chunk && region->current; chunk = chunk->next) {
        size_t used = chunk == region->current ? (size_t)(region->cursor - (char *)chunk) : chunk->size;
        POISON((char *)chunk + CHUNK_HEADER, used - CHUNK_HEADER);
        if (chunk == region->current) break;
    }
    if (region->touched > KEPT_BYTES) {
        // A large document: its memory goes back to the system, the chunks stay mapped.
        size_t kept = 0;
        for (struct chunk *chunk = region->first; chunk; chunk = chunk->next) {
            kept += chunk->size;
            if (kept > KEPT_BYTES) madvise((char *)chunk + 4096, chunk->size - 4096, MADV_DONTNEED);
        }
    }
    region->current = NULL;
    region->cursor = region->end = region->last = NULL;
    region->touched = 0;
    region->overflowed = 0;
    pthread_mutex_lock(&pool_lock);
    region->next_free = pool;
    pool = region;
    pthread_mutex_unlock(&pool_lock);
}

void cxmlmem_set_region_limit(size_t bytes) {
    atomic_store_explicit(&region_limit, bytes ? bytes : REGION_LIMIT, memory_order_relaxed);
}

int cxmlmem_region_holds_all(void) { return current && !current->overflowed; }

int cxmlmem_in_region(void) { return current != NULL; }

int cxmlmem_region_count(void) {
    pthread_mutex_lock(&pool_lock);
    int count = region_count;
    pthread_mutex_unlock(&pool_lock);
    return count;
}
