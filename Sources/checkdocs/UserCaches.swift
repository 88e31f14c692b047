import CheckDocsCore

extension CheckRequest {
    /// The user's caches a check, plan or batch reads and writes, none inside `folders` (the
    /// folders the run reads): compiled catalogs (docs/performance.md, "The compiled-catalog
    /// cache"), libmagic's answers and poppler's PDF facts (docs/inspection.md, "Content types
    /// cache" and "PDF facts cache").
    mutating func useUserCaches(awayFrom folders: [String]) {
        catalogCache = CatalogCache.userCache(toolVersion: ReadinessChecker.toolVersion, awayFrom: folders)
        contentTypes = ContentTypeCache.userCache(awayFrom: folders)
        pdfFacts = PDFFactsCache.userCache(awayFrom: folders)
    }
}
