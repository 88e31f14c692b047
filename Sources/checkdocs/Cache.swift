import ArgumentParser
import CheckDocsCore

/// `checkdocs cache clear`: empties the OCR cache (docs/security.md, "The OCR cache").
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the cache of OCR results (it holds text read from scans: names, passport numbers).",
        subcommands: [Clear.self])

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove every cached OCR result ($XDG_CACHE_HOME/checkdocs/ocr, else ~/.cache/checkdocs/ocr).")

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
        }
    }
}
