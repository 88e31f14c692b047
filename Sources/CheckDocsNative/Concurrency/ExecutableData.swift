import CExecutableData

/// The executable's writable data (its metadata caches, lazy witness tables, `once` tokens and
/// globals), faulted in before a second thread starts.
///
/// Those pages are read from the file first and written later, each write a copy-on-write fault.
/// Once another thread of the process runs on another core, every such fault also waits for that
/// core to drop the page's old mapping (a TLB shootdown, an interrupt between cores, dear on a
/// virtual machine): `perf` put 5 % of a typical check's CPU in these faults, 3.9 % in the
/// shootdowns. Faulted in while no other thread runs, the ~190 pages cost no shootdown, and a
/// typical check went from 22.0 to 21.5 ms (docs/performance.md, "The executable's data faulted in
/// ahead"). Only `.data` and `.bss`: with the Swift libraries linked in, the writable segment also
/// holds 36 MB of their tables, and faulting in all of it cost 12 ms and 30 MB at every start
/// (docs/performance.md, "The Swift libraries linked in").
public enum ExecutableData {
    /// Call before a second thread runs; a no-op where the kernel cannot (before Linux 5.14).
    public static func faultIn() {
        checkdocs_populate_executable_data()
    }
}
