import ArgumentParser
import Foundation
import CheckDocsCore
import CheckDocsNative

/// `checkdocs cache clear`: empties the OCR cache (docs/security.md, "The OCR cache") and the
/// compiled-catalog cache (docs/security.md, "The catalog cache").
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Manage the caches: OCR results (text read from scans: names, passport numbers) and compiled program catalogs.",
        subcommands: [Clear.self])

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clear",
            abstract: "Remove every cached OCR result, fact read from a document, file digest, file type, PDF inspection and compiled catalog ($XDG_CACHE_HOME/checkdocs, else ~/.cache/checkdocs).")

        /// Says why `directory` could not be emptied, and fails the command.
        static func cannotClear(_ directory: String, _ reason: String) throws -> Never {
            Terminal.error("checkdocs: \(directory): cannot clear: \(reason)")
            throw ExitCode(2)
        }

        func run() throws {
            // What was removed is said on stdout: with it closed, nothing is removed unsaid.
            do { try Terminal.requireStandardOutput() } catch { throw Terminal.fail(error) }
            guard let cache = OCRCache.userCache(toolVersion: ReadinessChecker.toolVersion) else {
                Terminal.error("checkdocs: no cache directory: neither XDG_CACHE_HOME nor HOME is an absolute path")
                throw ExitCode(2)
            }
            // Each cache says what it removed, even one that cannot be used now (libmagic's
            // answers without libmagic, the catalog cache with CHECKDOCS_CATALOG_CACHE=off):
            // clearing is asked for by name.
            try Self.report(cache.clear(), "cached OCR result", cache.directory)
            // The facts read from the scans, and the digests that find them without reading the scans.
            try Self.report(ScanFactsCache.clear(beside: cache), "document's cached facts", ScanFactsCache.directory(beside: cache), plural: "documents' cached facts")
            if let memo = ContentDigests.userMemo() { try Self.report(memo.clear(), "remembered file digest", memo.directory) }
            if let types = ContentTypeCache.directory() { try Self.report(ContentTypeCache.clear(directory: types), "cached file type", types) }
            if let pdf = PDFFactsCache.directory() { try Self.report(PDFFactsCache.clear(directory: pdf), "cached PDF inspection", pdf) }
            if let catalog = CatalogCache.directory(environment: ProcessInfo.processInfo.environment) {
                try Self.report(CatalogCache.clear(directory: catalog), "compiled catalog", catalog)
            }
        }

        /// "removed 3 cached OCR results from DIR", or the reason it could not be emptied.
        static func report(_ removed: Result<Int, SystemError>, _ what: String, _ directory: String, plural: String? = nil) throws {
            switch removed {
            case let .success(count): Terminal.out("removed \(count) \(count == 1 ? what : plural ?? what + "s") from \(directory)\n")
            case let .failure(error): try cannotClear(directory, error.description)
            }
        }
    }
}
