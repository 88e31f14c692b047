#if canImport(Glibc)
import Glibc
#endif

/// How many malloc arenas glibc may make. By default it makes up to eight per core, one for each
/// thread that allocates while another holds an arena; checkdocs' worker threads allocate a
/// program's results and free them on the main thread, so each arena kept its own high-water mark
/// of freed pages: about 5 MB of the 10,000-program check's peak on two cores
/// (docs/performance.md, "Peak memory (issue 15)"). One arena per four cores (two cores: one) is
/// what a batch run uses; a single check does not limit them, because its threads then wait on
/// one another's allocations.
public enum MallocArenas {
    /// Call before the threads start allocating. Does nothing where the C library has no `mallopt`.
    public static func limitToCores() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        // Looked up rather than called by name: Glibc's module does not export <malloc.h>.
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let cores = Int32(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let mArenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        _ = mallopt(mArenaMax, max(1, cores / 4))
        #endif
    }
}
