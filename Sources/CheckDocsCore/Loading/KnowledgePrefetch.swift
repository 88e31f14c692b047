import CheckDocsNative
import Synchronization

/// The built-in knowledge and the schemas a check compiles first, made on another core while the
/// command line is parsed (docs/performance.md, "Start-up while the command line is parsed").
///
/// Parsing the command line takes the main thread about a fifth of a typical check, with the
/// other core idle; the built-in document types and checklists, the program XSD and the manifest
/// schema need nothing from it. The executable starts this before parsing, for the commands that
/// load them; `Knowledge.load` without extra checklists then takes what was made, and a run that
/// ends some other way (a bad command line, `--checklists`) waits for it at exit, so that libxml2
/// is never cleaned up under it.
public enum KnowledgePrefetch {
    private static let work = Mutex<Background<Result<Knowledge, InputErrors>>?>(nil)

    /// False for the command lines that print and exit without loading the built-in data: the
    /// version, help, completion scripts and `cache`. A guess from the words alone, before they
    /// are parsed: a wrong guess costs only time.
    public static func helps(_ arguments: ArraySlice<String>) -> Bool {
        let printsOnly: Set<String> = ["--version", "-h", "--help", "--help-hidden", "--generate-completion-script",
                                       "--experimental-dump-help"]
        if arguments.contains(where: printsOnly.contains) { return false }
        return !["help", "cache"].contains(arguments.first ?? "")
    }

    /// Starts the work, once per process; later calls do nothing.
    ///
    /// One task, on the dispatch pool. A thread of its own, or the schemas in a second task, kept
    /// more threads alive while a huge description was read, and the process then reserved more
    /// address space (a thread that allocates may get a malloc arena of its own, 64 MB reserved):
    /// `lint` of `LimitsTests.pastLimits`'s 80,000 requirements no longer fit in 512 MB.
    public static func start() {
        work.withLock { work in
            guard work == nil else { return }
            work = Background {
                let knowledge = Result { () throws(InputErrors) -> Knowledge in try Knowledge.loadFresh(extraChecklists: []) }
                // Each schema is compiled once per process and kept (`Schemas`): a check finds
                // them made. A broken one is reported by the loader that asks for it, as before.
                let schemas = try? Schemas.shared()
                _ = try? schemas?.programXSD
                _ = try? schemas?.manifestJSON
                return knowledge
            }
        }
    }

    /// The built-in knowledge made by `start()`, waiting for it if need be; nil if it was not started.
    static func builtin() -> Result<Knowledge, InputErrors>? {
        work.withLock { $0 }?.wait()
    }

    /// Waits until the work started is done (the executable calls this at exit).
    public static func finish() {
        _ = builtin()
    }
}
