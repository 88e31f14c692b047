#if canImport(Glibc)
import CMalloc
import Glibc
#endif

/// glibc gives a thread that allocates while others hold the existing arenas an arena of its
/// own, up to eight per core, and reserves 64 MB of address space for each. A check's threads
/// (the main one, the dispatch pool's, the start-up's `KnowledgePrefetch`) then reserved enough
/// to fail under an address-space limit (`ulimit -v`; `LimitsTests.pastLimits` runs `lint` of an
/// 80,000-requirement file under 512 MB, at about 160 MB resident) while using little of it.
/// Two arenas per core measured as fast as the default for the typical check, the batch and the
/// 10,000-program catalog (docs/performance.md, "Start-up while the command line is parsed").
public enum MallocArenas {
    /// Call first thing: arenas already made are kept.
    public static func bound(perCore: Int = 2) {
        #if canImport(Glibc)
        _ = mallopt(M_ARENA_MAX, Int32(max(1, perCore * sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        #endif
    }
}
