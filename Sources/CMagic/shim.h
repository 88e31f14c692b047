#ifndef CHECKDOCS_CMAGIC_SHIM_H
#define CHECKDOCS_CMAGIC_SHIM_H
#include <magic.h>
#endif
