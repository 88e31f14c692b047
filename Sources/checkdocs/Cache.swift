import ArgumentParser
import Foundation
import CheckDocsCore

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
            abstract: "Remove every cached OCR result, fact read from a document, file type and compiled catalog ($XDG_CACHE_HOME/checkdocs, else ~/.cache/checkdocs).")

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
            switch cache.clear() {
            case let .success(count):
                Terminal.out("removed \(count) cached OCR result\(count == 1 ? "" : "s") from \(cache.directory)\n")
            case let .failure(error): try Self.cannotClear(cache.directory, error.description)
            }
            // The facts read from the scans, and the digests that find them without reading the scans.
            if case let .failure(error) = ScanFactsCache.clear(beside: cache) {
                try Self.cannotClear(ScanFactsCache.directory(beside: cache), error.description)
            }
            if let memo = ContentDigests.userMemo(), case let .failure(error) = memo.clear() { try Self.cannotClear(memo.directory, error.description) }
            // libmagic's answers and poppler's facts, even where they cannot be used now.
            if let types = ContentTypeCache.directory(), case let .failure(error) = ContentTypeCache.clear(directory: types) {
                try Self.cannotClear(types, error.description)
            }
            if let pdf = PDFFactsCache.directory(), case let .failure(error) = PDFFactsCache.clear(directory: pdf) {
                try Self.cannotClear(pdf, error.description)
            }
            // The catalog cache even when CHECKDOCS_CATALOG_CACHE=off: clearing is asked for by name.
            guard let catalog = CatalogCache.directory(environment: ProcessInfo.processInfo.environment) else { return }
            switch CatalogCache.clear(directory: catalog) {
            case let .success(count):
                Terminal.out("removed \(count) compiled catalog\(count == 1 ? "" : "s") from \(catalog)\n")
            case let .failure(error): try Self.cannotClear(catalog, error.description)
            }
        }
    }
}
