#ifndef CHECKDOCS_CPOPPLER_SHIM_H
#define CHECKDOCS_CPOPPLER_SHIM_H
#include <poppler.h>

// GObject and GError helpers as plain functions, so Swift never touches macros or casts.
static inline void cpoppler_unref(void *object) { if (object) g_object_unref(object); }
static inline void cpoppler_free(void *memory) { g_free(memory); }
static inline int cpoppler_error_code(const GError *error) { return error ? error->code : 0; }
static inline int cpoppler_permissions_full(void) { return (int)POPPLER_PERMISSIONS_FULL; }
#endif
