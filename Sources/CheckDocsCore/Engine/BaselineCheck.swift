import CheckDocsNative

/// The check every file that could satisfy a requirement gets, whatever the program's rules
/// (docs/programs.md, "How a file is checked"): it can be read, it is not empty, its real type is
/// the one its name promises, and a PDF opens without a password. A file that fails it could not
/// be uploaded anywhere, so it does not count, with the reason. It reads only what the inspector
/// already has: the content type sniffed for every file at load (with, for a PDF, whether its end
/// is clean: `ContentType.pdfEndsCleanly`), and the PDF facts of the candidates whose end was not
/// clean, which `ContentNeeds` had inspected. A fact that was not read (a PDF over the size limit,
/// poppler not installed) is not held against the file.
enum BaselineCheck {
    /// What a file's baseline is once its type is known: it depends on the file alone, so it is
    /// worked out once per folder (`EvaluationContext`), not once per program and clause.
    enum Verdict: Sendable {
        case passes
        case fails(ConstraintFailure)
        /// A PDF whose end is not clean: its facts (damaged, password) decide, once inspected.
        case needsPDFFacts
    }

    static func verdict(for document: ApplicantDocument, inspector: DocumentInspector) -> Verdict {
        if document.size == 0 { return .fails(fail(.invalid, .empty)) }
        guard let content = inspector.contentType(of: document.path) else { return .fails(fail(.notEvaluable, .unreadable)) }
        if content.isEmpty { return .fails(fail(.invalid, .empty)) }
        if let named = ContentCheck.promisedFormat(document.path.lastComponent, disagreesWith: content) {
            return .fails(fail(.invalid, .wrongType(content: content, named: named)))
        }
        // A PDF that ends cleanly and names no encryption opens without a password: no parser is
        // needed for the common case.
        return content.format == .pdf && content.pdfEndsCleanly != true ? .needsPDFFacts : .passes
    }

    /// The baseline failure of `document`, from its verdict; a PDF's facts if they were read.
    static func check(_ document: ApplicantDocument, verdict: Verdict?, inspector: DocumentInspector?) -> ConstraintFailure? {
        guard let inspector, let verdict else { return nil }
        switch verdict {
        case .passes: return nil
        case let .fails(failure): return failure
        case .needsPDFFacts:
            guard let pdf = inspector.facts(of: document.path)?.pdf else { return nil }
            switch pdf.state {
            case .readable: return nil
            case .damaged: return fail(.invalid, .damaged)
            case .passwordProtected: return fail(.invalid, .passwordProtected)
            }
        }
    }

    private static func fail(_ status: RequirementStatus, _ finding: BaselineFinding) -> ConstraintFailure {
        ConstraintFailure(status, Finding(kind: BaselineFinding.kind, detail: finding))
    }
}

/// Why a file failed the baseline check; its `kind` in the JSON report is `baseline`.
public enum BaselineFinding: FindingDetail {
    case unreadable
    case empty
    case wrongType(content: ContentType, named: FileFormat)
    case damaged
    case passwordProtected

    public static let kind = "baseline"

    public var code: String {
        switch self {
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .wrongType: return "wrong-type"
        case .damaged: return "damaged"
        case .passwordProtected: return "password-protected"
        }
    }

    public var fields: [FindingReason.Field] {
        switch self {
        case let .wrongType(content, named): return .list(("mime", .string(content.mime)), ("named", .string(named.rawValue)))
        default: return []
        }
    }

    public func sentence(catalog: DocumentCatalog) -> String {
        switch self {
        case .unreadable:
            return "it cannot be read, so it is not known to open (check its permissions)"
        case .empty:
            return "it is empty (0 bytes); add the real file"
        case let .wrongType(content, named):
            let actual = content.format == nil ? content.mime : "a " + content.title
            return "its content is \(actual), not a \(named.title) as its name says; export it again as a \(named.title) or rename it"
        case .damaged:
            return "the PDF is damaged or truncated: it cannot be opened (export or scan it again)"
        case .passwordProtected:
            return "the PDF is password-protected: it cannot be opened without the password; save a copy without a password"
        }
    }
}
