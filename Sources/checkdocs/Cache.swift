import ArgumentParser
import Foundation
import CheckDocsCore

/// `checkdocs cache clear`: empties the OCR cache (docs/security.md, "The OCR cache") and the
/// compiled-catalog cache (docs/security.md, "The catalog cache").
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the caches: OCR results (text read from scans: names, passport numbers) and compiled program catalogs.",
        subcommands: [Clear.self])

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove every cached OCR result and compiled catalog ($XDG_CACHE_HOME/checkdocs, else ~/.cache/checkdocs).")

        func run() throws {
            guard let cache = OCRCache.userCache(toolVersion: ReadinessChecker.toolVersion) else {
                Terminal.error("checkdocs: no cache directory: neither XDG_CACHE_HOME nor HOME is an absolute path")
                throw ExitCode(2)
            }
            switch cache.clear() {
            case let .success(count):
                Terminal.out("removed \(count) cached OCR result\(count == 1 ? "" : "s") from \(cache.directory)\n")
            case let .failure(error):
                Terminal.error("checkdocs: \(cache.directory): cannot clear: \(error.description)")
                throw ExitCode(2)
            }
            // The digests that find OCR readings without reading the scans (they name no file's content).
            if let memo = ContentDigests.userMemo(), case let .failure(error) = memo.clear() {
                Terminal.error("checkdocs: \(memo.directory): cannot clear: \(error.description)")
                throw ExitCode(2)
            }
            // The catalog cache even when CHECKDOCS_CATALOG_CACHE=off: clearing is asked for by name.
            guard let catalog = CatalogCache.directory(environment: ProcessInfo.processInfo.environment) else { return }
            switch CatalogCache.clear(directory: catalog) {
            case let .success(count):
                Terminal.out("removed \(count) compiled catalog\(count == 1 ? "" : "s") from \(catalog)\n")
            case let .failure(error):
                Terminal.error("checkdocs: \(catalog): cannot clear: \(error.description)")
                throw ExitCode(2)
            }
        }
    }
}
