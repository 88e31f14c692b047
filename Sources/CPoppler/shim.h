#ifndef CHECKDOCS_CPOPPLER_SHIM_H
#define CHECKDOCS_CPOPPLER_SHIM_H
// poppler-glib, loaded lazily: linking it adds ~46 shared libraries and ~8 ms to every start,
// even `checkdocs --version`. It is opened with dlopen the first time a PDF fact is needed, and
// only the few functions below are looked up. The prototypes are poppler-glib's own (poppler.h,
// 22.12); no poppler header is needed to build.
#include <dlfcn.h>
#include <stddef.h>

typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;
typedef struct _GBytes GBytes;
typedef struct { unsigned int domain; int code; char *message; } CPopplerGError;

enum { CPOPPLER_ERROR_ENCRYPTED = 1, CPOPPLER_PERMISSIONS_FULL = 0xff };

typedef struct {
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, CPopplerGError **);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    int (*document_get_permissions)(PopplerDocument *);
    int (*document_get_n_signatures)(const PopplerDocument *);  // poppler ≥ 21.12; NULL before
    void (*page_get_size)(PopplerPage *, double *, double *);
    char *(*page_get_text)(PopplerPage *);
    GBytes *(*bytes_new_static)(const void *, size_t);
    void (*bytes_unref)(GBytes *);
    void (*error_free)(CPopplerGError *);
    void (*free)(void *);
    void (*object_unref)(void *);
} CPopplerAPI;

/// Opens poppler-glib and fills `api`; 0 on success, -1 if the library or a required function is missing.
static inline int cpoppler_load(CPopplerAPI *api) {
    void *lib = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) return -1;
    *(void **)&api->document_new_from_bytes = dlsym(lib, "poppler_document_new_from_bytes");
    *(void **)&api->document_get_n_pages = dlsym(lib, "poppler_document_get_n_pages");
    *(void **)&api->document_get_page = dlsym(lib, "poppler_document_get_page");
    *(void **)&api->document_get_permissions = dlsym(lib, "poppler_document_get_permissions");
    *(void **)&api->document_get_n_signatures = dlsym(lib, "poppler_document_get_n_signatures");
    *(void **)&api->page_get_size = dlsym(lib, "poppler_page_get_size");
    *(void **)&api->page_get_text = dlsym(lib, "poppler_page_get_text");
    *(void **)&api->bytes_new_static = dlsym(lib, "g_bytes_new_static");
    *(void **)&api->bytes_unref = dlsym(lib, "g_bytes_unref");
    *(void **)&api->error_free = dlsym(lib, "g_error_free");
    *(void **)&api->free = dlsym(lib, "g_free");
    *(void **)&api->object_unref = dlsym(lib, "g_object_unref");
    if (!api->document_new_from_bytes || !api->document_get_n_pages || !api->document_get_page
        || !api->document_get_permissions || !api->page_get_size || !api->page_get_text || !api->bytes_new_static
        || !api->bytes_unref || !api->error_free || !api->free || !api->object_unref) return -1;
    return 0;
}
#endif
