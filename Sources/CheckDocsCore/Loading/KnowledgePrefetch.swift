import CheckDocsNative
import Synchronization
import Foundation

/// The built-in knowledge, the schemas and the file-name classifier a check makes first, made on
/// another core while the command line is parsed (docs/performance.md, "Start-up while the
/// command line is parsed").
///
/// Parsing the command line takes about a quarter of a typical check's main thread, with the
/// other core idle; the built-in document types and checklists, the program XSD, the classifier
/// and the manifest schema need nothing from it. The executable starts this before parsing, for
/// the commands that load them; `Knowledge.load` then takes what was made (with `--checklists`,
/// the built-in data they are added to), and a run that ends some other way (a bad command line)
/// waits for it at exit: the exit handlers and libraries' destructors never run while libxml2 is
/// in use here.
public enum KnowledgePrefetch {
    /// What is handed over: the built-in data as decoded, and the knowledge of it alone.
    struct Made: Sendable {
        let builtin: Result<BuiltinKnowledge, InputErrors>
        let knowledge: Result<Knowledge, InputErrors>
    }

    private struct Work: Sendable {
        /// Handed over as soon as it is made.
        let made: Handoff<Made>
        /// The whole task.
        let task: Background<Void>
    }

    private static let work = Mutex<Work?>(nil)

    /// False for the command lines that print and exit without loading the built-in data: the
    /// version, help, completion scripts and `cache`. A guess from the words alone, before they
    /// are parsed: a wrong guess costs only time.
    public static func helps(_ arguments: ArraySlice<String>) -> Bool {
        let printsOnly: Set<String> = ["--version", "-h", "--help", "--help-hidden", "--generate-completion-script",
                                       "--experimental-dump-help"]
        if arguments.contains(where: printsOnly.contains) { return false }
        return !["help", "cache"].contains(arguments.first ?? "")
    }

    /// The values of `--programs` in a command line, as argument-parser reads them
    /// (`--programs PATH`, `--programs=PATH`, repeated).
    static func programPaths(_ arguments: ArraySlice<String>) -> [String] {
        var paths: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--programs", index + 1 < arguments.endIndex {
                paths.append(arguments[index + 1])
                index += 1
            } else if argument.hasPrefix("--programs=") {
                paths.append(String(argument.dropFirst("--programs=".count)))
            }
            index += 1
        }
        return paths
    }

    /// Whether the run may read XML descriptions, guessed from its `--programs` (with none, the
    /// folder's own `programs/` may hold some). Only then is the program XSD compiled ahead: a
    /// catalog in JSON never uses it, and it held about 0.9 MB for the whole run.
    static func mayReadXML(_ arguments: ArraySlice<String>) -> Bool {
        let paths = programPaths(arguments)
        return paths.isEmpty || paths.contains(where: DescriptionFolder.mayHoldXML)
    }

    /// Whether the catalog cache is on and holds a pack for the command line's `--programs`: its
    /// descriptions then come from the pack, and program.xsd is compiled only when one misses
    /// (`ProgramLoader` asks for it), not ahead: 6.2 M instructions of a typical check's 117 M
    /// (docs/performance.md, "The compiled-catalog cache").
    static func hasPack(_ arguments: ArraySlice<String>, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let paths = programPaths(arguments)
        guard !paths.isEmpty, environment[CatalogCache.switchVariable] != "off",
              let directory = CatalogCache.directory(environment: environment) else { return false }
        return FileSystem.kind(of: directory + "/" + CatalogCache.packName(for: paths)) == .regular
    }

    /// Starts the work for the command line `arguments`, once per process; later calls do nothing.
    ///
    /// One task, on the dispatch pool: every thread alive while a huge description is read may
    /// reserve address space of its own (`MallocArenas`), and `lint` of `LimitsTests.pastLimits`'s
    /// 80,000 requirements runs under a 512 MB cap.
    public static func start(_ arguments: ArraySlice<String>) {
        work.withLock { work in
            guard work == nil else { return }
            let made = Handoff<Made>()
            let task = Background {
                let builtin = Result { () throws(InputErrors) -> BuiltinKnowledge in try BuiltinKnowledge.decode() }
                let knowledge = Result { () throws(InputErrors) -> Knowledge in try Knowledge.assemble(builtin.get(), extraChecklists: []) }
                made.put(Made(builtin: builtin, knowledge: knowledge))
                // Then the rest, in the order a check asks for it: the XSD for its descriptions
                // (if it may read XML), the classifier and the manifest's schema for its folder.
                // Each is made once per process and kept (`Schemas`, `Knowledge.classifier`): a
                // check that asks while it is being made waits for it. A broken schema is reported
                // by the loader that asks for it.
                let schemas = try? Schemas.shared()
                if mayReadXML(arguments) && !hasPack(arguments) { _ = try? schemas?.programXSD }
                _ = try? knowledge.get().classifier
                _ = try? schemas?.manifestJSON
            }
            work = Work(made: made, task: task)
        }
    }

    /// What `start()` made, waiting for it if need be; nil if it was not started.
    static func made() -> Made? {
        work.withLock { $0 }?.made.wait()
    }

    /// Waits until all the work started is done (the executable calls this at exit).
    public static func finish() {
        work.withLock { $0 }?.task.wait()
    }
}
