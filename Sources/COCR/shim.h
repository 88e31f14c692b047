#ifndef CHECKDOCS_COCR_SHIM_H
#define CHECKDOCS_COCR_SHIM_H
// Tesseract (OCR), leptonica (its image decoder) and, for PDFs without a text layer, poppler-glib
// with cairo (rendering a page to pixels), all opened with dlopen in a document worker only, like
// poppler (docs/inspection.md, "OCR"). No header of any of them is needed to build, and a machine
// without them builds and runs: OCR is then reported unavailable. The prototypes are the libraries'
// own (tesseract 5.3 capi.h, leptonica 1.82 allheaders.h, cairo 1.16, poppler-glib 22.12).
#include <dlfcn.h>
#include <stddef.h>

typedef struct TessBaseAPI TessBaseAPI;
typedef struct TessResultIterator TessResultIterator;
typedef struct TessPageIterator TessPageIterator;
typedef struct Pix Pix;
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PopplerDocument PopplerDocument;
typedef struct _PopplerPage PopplerPage;
typedef struct _GBytes GBytes;
typedef struct { unsigned int domain; int code; char *message; } COCRGError;

enum {
    COCR_OEM_LSTM_ONLY = 1,       // TessOcrEngineMode: the LSTM recognizer alone (no adaptation between pages)
    COCR_PSM_AUTO = 3,            // TessPageSegMode: automatic page segmentation, no orientation detection
    COCR_PSM_SINGLE_LINE = 7,     // TessPageSegMode: the image is one line of text
    COCR_RIL_TEXTLINE = 2,        // TessPageIteratorLevel: a line
    COCR_CAIRO_FORMAT_RGB24 = 1,  // cairo_format_t
};

typedef struct {
    TessBaseAPI *(*create)(void);
    void (*destroy)(TessBaseAPI *);
    int (*init2)(TessBaseAPI *, const char *, const char *, int);
    int (*set_variable)(TessBaseAPI *, const char *, const char *);
    void (*set_page_seg_mode)(TessBaseAPI *, int);
    void (*set_image)(TessBaseAPI *, const unsigned char *, int, int, int, int);
    void (*set_image2)(TessBaseAPI *, Pix *);
    void (*set_source_resolution)(TessBaseAPI *, int);
    char *(*get_utf8_text)(TessBaseAPI *);
    int (*mean_text_conf)(TessBaseAPI *);
    void (*clear)(TessBaseAPI *);
    int (*recognize)(TessBaseAPI *, void *);
    void (*set_rectangle)(TessBaseAPI *, int, int, int, int);
    TessResultIterator *(*get_iterator)(TessBaseAPI *);
    TessPageIterator *(*iterator_page)(TessResultIterator *);
    int (*iterator_bounding_box)(const TessPageIterator *, int, int *, int *, int *, int *);
    char *(*iterator_text)(const TessResultIterator *, int);
    int (*iterator_next)(TessResultIterator *, int);
    void (*iterator_delete)(TessResultIterator *);
    void (*delete_text)(const char *);
    Pix *(*pix_read_mem)(const unsigned char *, size_t);
    int (*pix_read_header_mem)(const unsigned char *, size_t, int *, int *, int *, int *, int *, int *);
    void (*pix_destroy)(Pix **);
    int (*pix_get_x_res)(const Pix *);
    // The page's pixels for the MRZ cell reader: converted to 8-bit gray, read row by row.
    Pix *(*pix_convert_to8)(Pix *, int);
    unsigned int *(*pix_get_data)(const Pix *);
    int (*pix_get_wpl)(const Pix *);
    int (*pix_get_width)(const Pix *);
    int (*pix_get_height)(const Pix *);
    int (*pix_get_depth)(const Pix *);
} COCRTesseractAPI;

typedef struct {
    PopplerDocument *(*document_new_from_bytes)(GBytes *, const char *, COCRGError **);
    int (*document_get_n_pages)(PopplerDocument *);
    PopplerPage *(*document_get_page)(PopplerDocument *, int);
    void (*page_get_size)(PopplerPage *, double *, double *);
    void (*page_render)(PopplerPage *, cairo_t *);
    GBytes *(*bytes_new_static)(const void *, size_t);
    void (*bytes_unref)(GBytes *);
    void (*error_free)(COCRGError *);
    void (*object_unref)(void *);
    cairo_surface_t *(*image_surface_create)(int, int, int);
    int (*surface_status)(cairo_surface_t *);
    void (*surface_flush)(cairo_surface_t *);
    void (*surface_destroy)(cairo_surface_t *);
    unsigned char *(*image_surface_get_data)(cairo_surface_t *);
    int (*image_surface_get_stride)(cairo_surface_t *);
    cairo_t *(*create)(cairo_surface_t *);
    void (*destroy)(cairo_t *);
    void (*scale)(cairo_t *, double, double);
    void (*set_source_rgb)(cairo_t *, double, double, double);
    void (*paint)(cairo_t *);
} COCRRendererAPI;

static inline void *cocr_open(const char *first, const char *second) {
    void *lib = dlopen(first, RTLD_NOW | RTLD_LOCAL);
    if (!lib && second) lib = dlopen(second, RTLD_NOW | RTLD_LOCAL);
    return lib;
}

#define COCR_SYMBOL(lib, field, name) (*(void **)&(field) = dlsym((lib), (name)))

/// Opens libtesseract and leptonica and fills `api`; 0 on success, -1 if a library or function is missing.
static inline int cocr_load_tesseract(COCRTesseractAPI *api) {
    void *tess = cocr_open("libtesseract.so.5", "libtesseract.so");
    // Debian 12 names leptonica liblept.so.5; later releases libleptonica.so.6.
    void *lept = cocr_open("liblept.so.5", "libleptonica.so.6");
    if (!tess || !lept) return -1;
    COCR_SYMBOL(tess, api->create, "TessBaseAPICreate");
    COCR_SYMBOL(tess, api->destroy, "TessBaseAPIDelete");
    COCR_SYMBOL(tess, api->init2, "TessBaseAPIInit2");
    COCR_SYMBOL(tess, api->set_variable, "TessBaseAPISetVariable");
    COCR_SYMBOL(tess, api->set_page_seg_mode, "TessBaseAPISetPageSegMode");
    COCR_SYMBOL(tess, api->set_image, "TessBaseAPISetImage");
    COCR_SYMBOL(tess, api->set_image2, "TessBaseAPISetImage2");
    COCR_SYMBOL(tess, api->set_source_resolution, "TessBaseAPISetSourceResolution");
    COCR_SYMBOL(tess, api->get_utf8_text, "TessBaseAPIGetUTF8Text");
    COCR_SYMBOL(tess, api->mean_text_conf, "TessBaseAPIMeanTextConf");
    COCR_SYMBOL(tess, api->clear, "TessBaseAPIClear");
    COCR_SYMBOL(tess, api->recognize, "TessBaseAPIRecognize");
    COCR_SYMBOL(tess, api->set_rectangle, "TessBaseAPISetRectangle");
    COCR_SYMBOL(tess, api->get_iterator, "TessBaseAPIGetIterator");
    COCR_SYMBOL(tess, api->iterator_page, "TessResultIteratorGetPageIterator");
    COCR_SYMBOL(tess, api->iterator_bounding_box, "TessPageIteratorBoundingBox");
    COCR_SYMBOL(tess, api->iterator_text, "TessResultIteratorGetUTF8Text");
    COCR_SYMBOL(tess, api->iterator_next, "TessResultIteratorNext");
    COCR_SYMBOL(tess, api->iterator_delete, "TessResultIteratorDelete");
    COCR_SYMBOL(tess, api->delete_text, "TessDeleteText");
    COCR_SYMBOL(lept, api->pix_read_mem, "pixReadMem");
    COCR_SYMBOL(lept, api->pix_read_header_mem, "pixReadHeaderMem");
    COCR_SYMBOL(lept, api->pix_destroy, "pixDestroy");
    COCR_SYMBOL(lept, api->pix_get_x_res, "pixGetXRes");
    COCR_SYMBOL(lept, api->pix_convert_to8, "pixConvertTo8");
    COCR_SYMBOL(lept, api->pix_get_data, "pixGetData");
    COCR_SYMBOL(lept, api->pix_get_wpl, "pixGetWpl");
    COCR_SYMBOL(lept, api->pix_get_width, "pixGetWidth");
    COCR_SYMBOL(lept, api->pix_get_height, "pixGetHeight");
    COCR_SYMBOL(lept, api->pix_get_depth, "pixGetDepth");
    if (!api->create || !api->destroy || !api->init2 || !api->set_variable || !api->set_page_seg_mode
        || !api->set_image || !api->set_image2 || !api->set_source_resolution || !api->get_utf8_text
        || !api->mean_text_conf || !api->clear || !api->recognize || !api->set_rectangle || !api->get_iterator
        || !api->iterator_page || !api->iterator_bounding_box || !api->iterator_text || !api->iterator_next
        || !api->iterator_delete || !api->delete_text || !api->pix_read_mem
        || !api->pix_read_header_mem || !api->pix_destroy || !api->pix_get_x_res
        || !api->pix_convert_to8 || !api->pix_get_data || !api->pix_get_wpl || !api->pix_get_width
        || !api->pix_get_height || !api->pix_get_depth) return -1;
    return 0;
}

/// Opens poppler-glib and cairo and fills `api`; 0 on success, -1 if a library or function is missing.
static inline int cocr_load_renderer(COCRRendererAPI *api) {
    void *poppler = cocr_open("libpoppler-glib.so.8", "libpoppler-glib.so");
    void *cairo = cocr_open("libcairo.so.2", "libcairo.so");
    if (!poppler || !cairo) return -1;
    COCR_SYMBOL(poppler, api->document_new_from_bytes, "poppler_document_new_from_bytes");
    COCR_SYMBOL(poppler, api->document_get_n_pages, "poppler_document_get_n_pages");
    COCR_SYMBOL(poppler, api->document_get_page, "poppler_document_get_page");
    COCR_SYMBOL(poppler, api->page_get_size, "poppler_page_get_size");
    COCR_SYMBOL(poppler, api->page_render, "poppler_page_render");
    COCR_SYMBOL(poppler, api->bytes_new_static, "g_bytes_new_static");
    COCR_SYMBOL(poppler, api->bytes_unref, "g_bytes_unref");
    COCR_SYMBOL(poppler, api->error_free, "g_error_free");
    COCR_SYMBOL(poppler, api->object_unref, "g_object_unref");
    COCR_SYMBOL(cairo, api->image_surface_create, "cairo_image_surface_create");
    COCR_SYMBOL(cairo, api->surface_status, "cairo_surface_status");
    COCR_SYMBOL(cairo, api->surface_flush, "cairo_surface_flush");
    COCR_SYMBOL(cairo, api->surface_destroy, "cairo_surface_destroy");
    COCR_SYMBOL(cairo, api->image_surface_get_data, "cairo_image_surface_get_data");
    COCR_SYMBOL(cairo, api->image_surface_get_stride, "cairo_image_surface_get_stride");
    COCR_SYMBOL(cairo, api->create, "cairo_create");
    COCR_SYMBOL(cairo, api->destroy, "cairo_destroy");
    COCR_SYMBOL(cairo, api->scale, "cairo_scale");
    COCR_SYMBOL(cairo, api->set_source_rgb, "cairo_set_source_rgb");
    COCR_SYMBOL(cairo, api->paint, "cairo_paint");
    if (!api->document_new_from_bytes || !api->document_get_n_pages || !api->document_get_page
        || !api->page_get_size || !api->page_render || !api->bytes_new_static || !api->bytes_unref
        || !api->error_free || !api->object_unref || !api->image_surface_create || !api->surface_status
        || !api->surface_flush || !api->surface_destroy || !api->image_surface_get_data
        || !api->image_surface_get_stride || !api->create || !api->destroy || !api->scale
        || !api->set_source_rgb || !api->paint) return -1;
    return 0;
}
#endif
