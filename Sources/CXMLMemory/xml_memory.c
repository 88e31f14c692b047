// libxml2's allocator for one document at a time: see include/xml_memory.h and
// docs/performance.md, "libxml2's memory in regions".
//
// Parsing, validating and freeing a program description made about 1,400 small mallocs and as
// many frees in libxml2, a seventh of what loading a catalog costs. In a region each is a
// pointer bump, each free nothing, and the region is emptied at once when the document is done.
#include "xml_memory.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// Each block a region hands out is preceded by 8 bytes: its capacity, with TAG in the top 16
// bits. Before a pointer glibc's malloc returned, the same 8 bytes are its chunk's size and
// flags, always below 2^48, so a free can tell the two apart from the pointer alone.
#define TAG 0xCDA5ull
#define TAG_SHIFT 48
#define CAPACITY_MASK ((1ull << TAG_SHIFT) - 1)
// A chunk's own header (next, size), then 8 bytes so that every block's payload is 16-aligned.
#define CHUNK_HEADER 24
#define FIRST_CHUNK ((size_t)256 * 1024)
// A region never maps more; past this its thread allocates with malloc until the region ends (a
// very large description then costs what it did without regions, in memory too). Tests lower it.
#define REGION_LIMIT ((size_t)64 * 1024 * 1024)
static _Atomic size_t region_limit = REGION_LIMIT;
// What an ended region keeps in memory; the rest of its chunks are given back (MADV_DONTNEED)
// but stay mapped, so that a late free of one of their blocks is still recognized.
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
    size_t used;
    int overflowed;  // something allocated while the region was current came from malloc
};

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static struct region *pool;
static int region_count;
static __thread struct region *current;
static __thread int depth;

// Every chunk ever mapped (chunks are never unmapped): a free of a block whose region has ended
// and been reused, its tag overwritten, must still not reach glibc's free.
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

static int is_block(const void *pointer, uint64_t *header) {
    *header = ((const uint64_t *)pointer)[-1];
    return (*header >> TAG_SHIFT) == TAG;
}

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

static void *region_alloc(struct region *region, size_t size) {
    if (size > REGION_LIMIT) return NULL;
    size_t need = rounded(size);
    if ((size_t)(region->end - region->cursor) < need && !grow(region, need)) return NULL;
    char *block = region->cursor;
    region->cursor += need;
    region->last = block;
    region->used += need;
    *(uint64_t *)block = (TAG << TAG_SHIFT) | (uint64_t)(need - 8);
    return block + 8;
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
    if (!pointer) return;
    uint64_t header;
    if (is_block(pointer, &header) || in_chunks(pointer)) return;
    free(pointer);
}

void *cxmlmem_realloc(void *pointer, size_t size) {
    if (!pointer) return cxmlmem_malloc(size);
    uint64_t header;
    if (!is_block(pointer, &header)) {
        // A block of an ended region cannot be resized (its size is gone); libxml2 never
        // keeps one, and treats NULL as running out of memory.
        if (in_chunks(pointer)) return NULL;
        if (current) current->overflowed = 1;
        return realloc(pointer, size);
    }
    size_t capacity = (size_t)(header & CAPACITY_MASK);
    if (size <= capacity) return pointer;
    struct region *region = current;
    char *block = (char *)pointer - 8;
    if (region && block == region->last && size <= REGION_LIMIT && (size_t)(region->end - block) >= rounded(size)) {
        size_t need = rounded(size);
        region->used += need - (capacity + 8);
        region->cursor = block + need;
        *(uint64_t *)block = (TAG << TAG_SHIFT) | (uint64_t)(need - 8);
        return pointer;
    }
    void *moved = cxmlmem_malloc(size);
    if (moved) memcpy(moved, pointer, capacity);
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
    region->used = 0;
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

size_t cxmlmem_region_used(void) { return current ? current->used : 0; }

int cxmlmem_region_count(void) {
    pthread_mutex_lock(&pool_lock);
    int count = region_count;
    pthread_mutex_unlock(&pool_lock);
    return count;
}
