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

        func run() throws {
            // What was removed is said on stdout: with it closed, nothing is removed unsaid.
            do { try Terminal.requireStandardOutput() } catch { throw Terminal.fail(error) }
            guard let cache = OCRCache.userCache(toolVersion: ReadinessChecker.toolVersion) else {
                Terminal.error("checkdocs: error: no cache directory: neither XDG_CACHE_HOME nor HOME is an absolute path")
                throw ExitCode(2)
            }
            // Each cache says what it removed, even one that cannot be used now (libmagic's
            // answers without libmagic, the catalog cache with CHECKDOCS_CATALOG_CACHE=off):
            // clearing is asked for by name. One that cannot be emptied (a file or a link where
            // its directory should be, an entry that cannot be removed) stops none of the others:
            // each is tried, and any failure makes the exit code 2. A link is never followed
            // (PrivateFiles.removeFiles), so nothing outside the cache directory is removed.
            var failed = false
            func report(_ removed: Result<Int, SystemError>, _ what: String, _ directory: String, plural: String? = nil) {
                switch removed {
                case let .success(count):
                    Terminal.out("removed \(count) \(count == 1 ? what : plural ?? what + "s") from \(directory)\n")
                case let .failure(error):
                    Terminal.error("checkdocs: \(DisplayText.escape(directory)): error: cannot clear: \(Self.reason(error, directory))")
                    failed = true
                }
            }
            report(cache.clear(), "cached OCR result", cache.directory)
            // The facts read from the scans, and the digests that find them without reading the scans.
            report(ScanFactsCache.clear(beside: cache), "document's cached facts", ScanFactsCache.directory(beside: cache), plural: "documents' cached facts")
            if let memo = ContentDigests.userMemo() { report(memo.clear(), "remembered file digest", memo.directory) }
            if let types = ContentTypeCache.directory() { report(ContentTypeCache.clear(directory: types), "cached file type", types) }
            if let pdf = PDFFactsCache.directory() { report(PDFFactsCache.clear(directory: pdf), "cached PDF inspection", pdf) }
            if let catalog = CatalogCache.directory(environment: ProcessInfo.processInfo.environment) {
                report(CatalogCache.clear(directory: catalog), "compiled catalog", catalog)
            }
            if failed { throw ExitCode(2) }
        }

        /// Why `directory` could not be emptied: a link in its place is named as one (opening it
        /// without following it says only "not a directory", or ELOOP's "too many levels of
        /// symbolic links").
        static func reason(_ error: SystemError, _ directory: String) -> String {
            if error.code == ENOTDIR || error.code == ELOOP, FileSystem.kind(of: directory, followLinks: false) == .symlink {
                return "a symbolic link, not a directory (not followed)"
            }
            return error.description
        }
    }
}
