import Synchronization

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

    /// One requirement's considered files, with their findings. When the rule's outcome is kept
    /// for other programs (`ExpressionMemo`), its candidates are shared by every program with that
    /// outcome and a whole report reads them for each: their words are then kept once made. Those
    /// of an outcome not kept are made when read, as they are read once.
    final class Considered: Sendable {
        let files: [ConsideredFile]
        let catalog: Catalog
        /// Set by `ExpressionMemo.keep` before any report reads the candidates.
        private let keepsWords = Atomic<Bool>(false)
        /// By index in `files`; empty until a first one is made.
        private let sentences = Mutex<[String?]>([])
        private let reasons = Mutex<[FindingReason?]>([])

        init(_ files: [ConsideredFile], catalog: Catalog) {
            self.files = files
            self.catalog = catalog
        }

        func keepWords() { keepsWords.store(true, ordering: .relaxed) }

        func sentence(at index: Int) -> String {
            made(at: index, in: sentences) { files[index].failure!.sentence(catalog: catalog.catalog) }
        }

        func reason(at index: Int) -> FindingReason {
            made(at: index, in: reasons) { files[index].failure!.reason(file: nil) }
        }

        private func made<Value: Sendable>(at index: Int, in made: borrowing Mutex<[Value?]>, make: () -> Value) -> Value {
            guard keepsWords.load(ordering: .relaxed) else { return make() }
            let count = files.count
            if let known = made.withLock({ $0.isEmpty ? nil : $0[index] }) { return known }
            let value = make()
            made.withLock { values in
                if values.isEmpty { values = Array(repeating: nil, count: count) }
                values[index] = value
            }
            return value
        }
    }

    let considered: Considered
    /// The failing file's index in `considered.files` (its `failure` is not nil).
    let index: Int

    var finding: Finding { considered.files[index].failure! }
    var reason: FindingReason { considered.reason(at: index) }
    var sentence: String { considered.sentence(at: index) }
}
