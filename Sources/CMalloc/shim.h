#ifndef CHECKDOCS_CMALLOC_SHIM_H
#define CHECKDOCS_CMALLOC_SHIM_H
// glibc's malloc tuning (mallopt), which the Glibc module leaves out.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif
#endif
