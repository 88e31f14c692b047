/// A candidate's failure, kept as its finding and worded only when a report reads it
/// (`CandidateFile.failure`): its requirement's list of considered files, shared by reference by
/// all its candidates, and its place in it. Small enough to be held in the candidate without a
/// heap box: a box of the finding was made for every failing candidate of every requirement
/// listed (docs/performance.md, "Allocations per evaluation, second round").
struct FindingToWord: CandidateFailure {
    /// The catalog the sentence names types from, one per run, shared by reference.
    final class Catalog: Sendable {
        let catalog: DocumentCatalog
        init(_ catalog: DocumentCatalog) { self.catalog = catalog }
    }

    /// One requirement's considered files, with their findings.
    final class Considered: Sendable {
        let files: [ConsideredFile]
        let catalog: Catalog

        init(_ files: [ConsideredFile], catalog: Catalog) {
            self.files = files
            self.catalog = catalog
        }
    }

    let considered: Considered
    /// The failing file's index in `considered.files` (its `failure` is not nil).
    let index: Int

    var finding: Finding { considered.files[index].failure! }
    var reason: FindingReason { finding.reason(file: nil) }
    var sentence: String { finding.sentence(catalog: considered.catalog.catalog) }
}
