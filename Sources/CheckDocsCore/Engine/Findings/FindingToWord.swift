/// A candidate's failure, kept as its finding and worded only when a report reads it
/// (`CandidateFile.failure`). The catalog the sentence names types from is shared by reference:
/// one per run, not copied into every candidate.
struct FindingToWord: CandidateFailure {
    final class Catalog: Sendable {
        let catalog: DocumentCatalog
        init(_ catalog: DocumentCatalog) { self.catalog = catalog }
    }

    let finding: Finding
    let catalog: Catalog

    var reason: FindingReason { finding.reason(file: nil) }
    var sentence: String { finding.sentence(catalog: catalog.catalog) }
}
