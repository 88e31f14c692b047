#ifndef CHECKDOCS_CLIBXML2_SHIM_H
#define CHECKDOCS_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU; its headers would clash with Foundation's private ICU module.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>

// xmlFree is a mutable global function pointer, which Swift 6 refuses to touch directly.
static inline void cxml_free(void *p) { xmlFree(p); }
static inline const char *cxml_version(void) { return LIBXML_DOTTED_VERSION; }

// Deny every external entity, DTD and include: program descriptions are parsed from memory
// and must never reach the file system or the network through the parser.
static xmlParserInputPtr cxml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void cxml_install_deny_loader(void) { xmlSetExternalEntityLoader(cxml_deny_loader); }
#endif
