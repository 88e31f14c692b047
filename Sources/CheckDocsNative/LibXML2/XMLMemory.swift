import CLibXML2
import CXMLMemory

/// libxml2's memory, one region per document being parsed (docs/performance.md, "libxml2's
/// memory in regions"). Between `beginRegion` and `endRegion`, what libxml2 allocates on this
/// thread is carved from a region by bumping a pointer, its frees do nothing, and `endRegion`
/// empties the region at once; elsewhere, libxml2 allocates with malloc as before. The regions
/// are the C target CXMLMemory; a free tells a region's block from malloc's by its address.
public enum XMLMemory {
    /// Makes CXMLMemory libxml2's allocator. Called once (`XMLLibrary`), before libxml2 is used.
    static func install() {
        xmlMemSetup(cxmlmem_free, cxmlmem_malloc, cxmlmem_realloc, cxmlmem_strdup)
    }

    /// This thread's libxml2 allocations come from a region from now on.
    static func beginRegion() { cxmlmem_begin() }

    /// Ends this thread's region: everything libxml2 made in it must be freed or dropped by now.
    static func endRegion() { cxmlmem_end() }

    /// Whether everything libxml2 allocated on this thread since `beginRegion` is in the region
    /// (none of it came from malloc): what it made then needs no freeing, the region's end frees it.
    static var regionHoldsAll: Bool { cxmlmem_region_holds_all() != 0 }

    /// Whether this thread is in a region, which it must not be once a parse has returned. For tests.
    public static var inRegion: Bool { cxmlmem_in_region() != 0 }

    /// Sets the most a region maps before its thread falls back to malloc (nil: the default,
    /// 64 MB). For tests: every limit must give the same trees and errors.
    public static func setRegionLimit(_ bytes: Int?) { cxmlmem_set_region_limit(bytes ?? 0) }

    /// How many regions the process has made: one per thread that was in a region at the same
    /// time as others, so a bound on the memory they hold. For tests.
    public static var regionCount: Int { Int(cxmlmem_region_count()) }
}
