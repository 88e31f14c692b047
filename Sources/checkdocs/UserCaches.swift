import CheckDocsCore
import Foundation

extension CheckRequest {
    /// The user's caches a check, plan or batch reads and writes, none inside `folders` (the
    /// folders the run reads): the scans' OCR cache when facts are read (`Scans.reader`, with a
    /// progress line unless `scanProgress` is false), compiled catalogs (docs/performance.md, "The
    /// compiled-catalog cache"), libmagic's answers and poppler's PDF facts (docs/inspection.md,
    /// "Content types cache" and "PDF facts cache").
    ///
    /// The environment is read once: `ProcessInfo.environment` makes a new dictionary of it at
    /// each call, ~0.35 M instructions.
    mutating func useUserCaches(awayFrom folders: [String], scanProgress: Bool = true) {
        let environment = ProcessInfo.processInfo.environment
        if readFacts { scans = Scans.reader(progress: scanProgress, folders: folders, environment: environment) }
        catalogCache = CatalogCache.userCache(environment: environment, toolVersion: ReadinessChecker.toolVersion, awayFrom: folders)
        contentTypes = ContentTypeCache.userCache(environment: environment, awayFrom: folders)
        pdfFacts = PDFFactsCache.userCache(environment: environment, awayFrom: folders)
    }
}
