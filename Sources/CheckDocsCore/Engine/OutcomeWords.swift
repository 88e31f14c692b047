import CheckDocsNative
import Synchronization

/// What an expression's outcome says, kept as what it is made from: the sentence is made when a
/// report reads the requirement's message (`RequirementMessage`). A batch's summary and `-q` read
/// none, and wording every failing clause of every program was a fifth of a batch's evaluation
/// (docs/performance.md, "Messages worded when read").
enum OutcomeWords: Sendable {
    /// A sentence made already, the same for every program ("optional; none provided").
    case fixed(String)
    case satisfied(by: Int)
    /// More files of `type` count than the program takes.
    case choose(max: Int, found: Int, type: String)
    /// A clause's own finding: no file, too few.
    case finding(Finding)
    /// The failing file that came closest to counting, and how many other files failed.
    case fileFailure(FilePath, Finding, othersFailing: Int)
    /// A combination's failing parts.
    case failingParts([OutcomeWords])
    /// Alternatives none of which holds: what each failing clause of them says.
    case noneOfTheAlternatives([OutcomeWords])

    /// The sentences, then once the ambiguous files that may be a document found missing.
    func text(catalog: DocumentCatalog) -> String {
        let files = couldBe
        let body = sentences(catalog: catalog)
        guard !files.isEmpty else { return body }
        let combined: Bool
        switch self {
        case .failingParts, .noneOfTheAlternatives: combined = true
        default: combined = false
        }
        return body + Wording.couldBe(files.map(\.description), combined: combined)
    }

    private func sentences(catalog: DocumentCatalog) -> String {
        switch self {
        case let .fixed(text): return text
        case let .satisfied(count): return Wording.satisfied(by: count)
        case let .choose(max, found, type): return Wording.choose(max: max, found: found, title: catalog.title(of: type))
        case let .finding(finding): return finding.sentence(catalog: catalog)
        case let .fileFailure(path, finding, others):
            return Wording.fileFailure(path, finding.sentence(catalog: catalog), othersFailing: others)
        case let .failingParts(parts): return Wording.failingParts(parts.map { $0.sentences(catalog: catalog) })
        case let .noneOfTheAlternatives(parts): return Wording.noneOfTheAlternatives(parts.map { $0.sentences(catalog: catalog) })
        }
    }

    /// The ambiguous files any clause found missing may be (`ClauseFinding.noDocument`), each once.
    private var couldBe: [FilePath] {
        switch self {
        case .fixed, .satisfied, .choose, .fileFailure: return []
        case let .finding(finding): return finding.couldBe
        case let .failingParts(parts), let .noneOfTheAlternatives(parts):
            let all = parts.flatMap(\.couldBe)
            return all.isEmpty ? [] : Array(Set(all)).sorted()
        }
    }

    /// The words when making them costs nothing, the same for every program (nil: a finding to word).
    var madeAlready: String? {
        switch self {
        case let .fixed(text): return text
        case let .satisfied(count): return Wording.satisfied(by: count)
        case .choose, .finding, .fileFailure, .failingParts, .noneOfTheAlternatives: return nil
        }
    }
}

/// A requirement's message, made when a report first reads it and kept for the next read (a
/// text report reads it, then the facts block looks for the fields it names).
final class RequirementMessage: ValueToMake {
    /// What the requirement's stage or condition puts before the outcome's words.
    enum Frame: Sendable {
        case none
        /// The requirement's condition could not be decided: why, and what to set.
        case undecidedCondition(String)
        /// Due after an offer, and the offer is recorded: due now.
        case dueSinceOffer(CalendarDate)
        /// Due after an offer or before arrival, and not yet.
        case notYetDue(Stage)
    }

    let outcome: OutcomeWords
    let frame: Frame
    /// The program gives no rotation dates, and the rule measures from them: the day it measured from instead.
    let measuredFrom: CalendarDate?
    let catalog: FindingToWord.Catalog
    private let made = Mutex<String?>(nil)

    init(_ outcome: OutcomeWords, frame: Frame, measuredFrom: CalendarDate?, catalog: FindingToWord.Catalog) {
        self.outcome = outcome
        self.frame = frame
        self.measuredFrom = measuredFrom
        self.catalog = catalog
    }

    /// The words as a result keeps them: made now when that costs nothing, else when read.
    static func words(_ outcome: OutcomeWords, frame: Frame, measuredFrom: CalendarDate?, catalog: FindingToWord.Catalog) -> Words {
        if case .none = frame, measuredFrom == nil, let text = outcome.madeAlready { return Words(text) }
        return Words(deferred: RequirementMessage(outcome, frame: frame, measuredFrom: measuredFrom, catalog: catalog))
    }

    var value: String {
        if let text = made.withLock({ $0 }) { return text }
        let text = make()
        made.withLock { $0 = text }
        return text
    }

    private func make() -> String {
        let said = outcome.text(catalog: catalog.catalog)
        var message: String
        switch frame {
        case .none: message = said
        case let .undecidedCondition(condition): message = condition + " — " + said
        case let .dueSinceOffer(offer): message = "due since the offer of \(offer): " + said
        case let .notYetDue(due): message = "due \(due == .afterOffer ? "after an offer" : "before arrival"), not yet: " + said
        }
        if let measuredFrom { message += " (no rotation dates given: measured from \(measuredFrom))" }
        return message
    }
}
