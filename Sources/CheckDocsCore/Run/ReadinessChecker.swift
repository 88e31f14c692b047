import CheckDocsNative
import CheckDocsFormats
import class Foundation.ProcessInfo

/// One program evaluated, waived and formatted on a worker thread; or, for events that read no
/// results, decided alone (`CheckEvents.readsResults`).
private enum EvaluatedProgram: Sendable {
    case result(ProgramResult, matched: [Int], prepared: [[UInt8]?])
    case status(id: String, ProgramStatus.Tally)
}

/// What one `check` run is asked to do.
public struct CheckRequest: Sendable {
    public var folder: String
    public var programPaths: [String]
    public var programIDs: [String]
    public var kinds: [ProgramKind]
    public var asOf: CalendarDate
    public var checklistPaths: [String]
    public var failOn: Severity?
    /// Waivers from `--waivers` (nil: none given). The folder's own waivers file adds to them.
    public var waivers: [Waiver]?
    /// `--session DATE`: the session to check, for the programs that list sessions.
    public var session: CalendarDate? = nil
    /// The rules in words shared by the folders of a batch (BatchChecker); nil for one folder.
    public var ruleTexts: RuleTexts? = nil
    /// The file-name classifier, built once for the folders of a batch (nil: built per check).
    public var classifier: DocumentClassifier? = nil
    /// Whether facts are read from typed PDFs' text where the manifest lacks them (`--facts`:
    /// `read`, the default; `manifest` turns reading off). docs/inspection.md, "Facts read from documents".
    public var readFacts = true
    /// With `readFacts`, scans (JPEG, PNG, PDFs without a text layer) are read by OCR through
    /// this reader (its cache and its one "unavailable" notice); nil: scans are not read.
    /// docs/inspection.md, "Facts read from scans".
    public var scans: ScanReader? = nil
    /// The compiled-catalog cache the program files are loaded through (nil: none, every file is
    /// parsed and validated). docs/performance.md, "The compiled-catalog cache".
    public var catalogCache: CatalogCache? = nil
    /// libmagic's answers kept between runs (nil: libmagic is asked for every file no signature
    /// settles). docs/inspection.md, "Content types cache".
    public var contentTypes: ContentTypeCache? = nil
    /// PDF facts kept between runs (nil: every PDF a rule reads goes to a document worker).
    /// docs/inspection.md, "PDF facts cache".
    public var pdfFacts: PDFFactsCache? = nil
    /// What the programs handed to `check(_:knowledge:programs:events:)` ask of a folder,
    /// gathered once by a batch for all its folders (nil: gathered for each check).
    var clauseNeeds: ClauseNeeds? = nil
    /// Whether the programs are evaluated on the calling thread alone, in order: a batch whose
    /// folders already keep every core busy (BatchChecker).
    var evaluatesOnCallingThread = false
    /// Whether the folder and the evaluators a check made are kept until the process exits
    /// instead of freed at its end, on one core, while the others idle: a command that exits after
    /// its one check sets it (`KeptUntilExit`). The descriptions, read and evaluated batch by
    /// batch, are still freed batch by batch: a 10,000-program check holds no more than before.
    public var keepsUntilExit = false

    public init(folder: String, programPaths: [String] = [], programIDs: [String] = [], kinds: [ProgramKind] = [],
                asOf: CalendarDate, checklistPaths: [String] = [], failOn: Severity? = .error, waivers: [Waiver]? = nil) {
        self.folder = folder
        self.waivers = waivers
        self.programPaths = programPaths
        self.programIDs = programIDs
        self.kinds = kinds
        self.asOf = asOf
        self.checklistPaths = checklistPaths
        self.failOn = failOn
    }
}

public enum ReadinessChecker {
    public static let toolVersion = "0.1.0"
    /// Enough programs per batch to keep every core busy; few enough that memory stays small.
    static let batchSize = 128
    /// Programs evaluated, waived and formatted ahead of the one being written. Their results and
    /// report fragments are most of what a check holds at its peak (docs/performance.md, "Peak
    /// memory (issue 15)" and "One stream of programs").
    static let evaluationWindow = 16
    /// Evaluators made for a check at first: one per core (`EvaluatorPool`).
    static let evaluationLanes = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The whole report at once (tests, library users).
    public static func check(_ request: CheckRequest, knowledge: Knowledge) throws(InputErrors) -> ReadinessReport {
        var collector = ReportCollector()
        try check(request, knowledge: knowledge, events: &collector)
        return collector.report!
    }

    /// Streams the check to `events`. Programs come in the order of their files (the standard
    /// checklists by kind). Every input error is collected; they are thrown together at the end,
    /// and no program is handed on after the first one.
    public static func check<Events: CheckEvents>(_ request: CheckRequest, knowledge: Knowledge, events: inout Events) throws(InputErrors) {
        try check(request, knowledge: knowledge, programs: nil, events: &events)
    }

    /// With `programs`, evaluates those already-resolved programs instead of loading
    /// `request.programPaths` or the folder's `programs/` (a batch run resolves its catalog once).
    public static func check<Events: CheckEvents>(_ request: CheckRequest, knowledge: Knowledge, programs: [ResolvedProgram]?,
                                                  events: inout Events) throws(InputErrors) {
        let paths = programPaths(request)
        // The folder's own `programs/` is refused when it is not a folder of descriptions.
        let refusal = programs == nil && !paths.isEmpty && request.programPaths.isEmpty
            ? DescriptionFolder.ownProgramsRefusal(paths[0], folder: request.folder) : nil
        // The descriptions start reading now, while the folder is loaded (`DescriptionReading`).
        let descriptions = programs == nil && !paths.isEmpty && refusal == nil
            ? DescriptionReading(paths: paths, schemas: knowledge.schemas, cache: request.catalogCache, batchSize: batchSize) : nil
        defer { descriptions?.drain() }
        // One classifier for the folder's names and its unrecognized PDFs' text (a batch's, shared by its folders).
        let classifier = request.classifier ?? knowledge.classifier
        let folder = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas, classifier: classifier,
                                           contentTypes: request.contentTypes, pdfFacts: request.pdfFacts,
                                           digests: request.scans?.digests).load(request.folder)
        let ownWaivers = try WaiverLoader(schemas: knowledge.schemas).load(folder: request.folder)
        var waivers = WaiverApplier((request.waivers ?? []) + (ownWaivers ?? []), asOf: request.asOf)
        // One inspector for the run: a PDF read for a suggestion is not read again for a rule.
        let inspector = folder.makeInspector()
        let suggestions = ContentSuggester.suggest(for: folder.unrecognized, inspector: inspector, catalog: knowledge.catalog,
                                                   classifier: classifier)
        let failures = ContentSuggester.failures(for: folder.unrecognized, inspector: inspector)
        let selection = Self.selection(request, paths: paths, profile: folder.manifest.profile,
                                       hasManifest: folder.manifest.file != nil, knowledge: knowledge)
        try events.begin(ReportHeader(
            toolVersion: toolVersion, asOf: request.asOf, folder: request.folder, documents: folder.documents,
            unrecognizedFiles: folder.unrecognized, ambiguousFiles: folder.ambiguous,
            diagnostics: failures.isEmpty ? folder.diagnostics : (folder.diagnostics + failures).sorted(),
            suggestions: suggestions, failOn: request.failOn, folderIdentity: folder.rootIdentity, fileIdentities: folder.fileIdentities,
            selection: selection, profile: folder.manifest.profile))

        var context = EvaluationContext(asOf: request.asOf, profile: folder.manifest.profile, hasManifest: folder.manifest.file != nil,
                                        catalog: knowledge.catalog, documents: folder.documents, inspector: inspector,
                                        ambiguous: folder.ambiguous)
        context.session = request.session
        context.ruleTexts = request.ruleTexts
        var sessionsSeen = false
        // One evaluator per core, each with candidates of its own (EvaluatorPool); one for a check
        // that evaluates on its own thread.
        let lanes = request.evaluatesOnCallingThread ? 1 : evaluationLanes
        var evaluators = EvaluatorPool(ProgramEvaluator(context: context), count: lanes)
        // How many files were inspected when the evaluators' kept outcomes were found (`ExpressionMemo`).
        var outcomesInspected = context.inspector?.inspectionCount
        var documents = folder.documents
        var reading = DocumentFactReading()
        var summary = ReportSummaryBuilder(failOn: request.failOn, gathersNeededFacts: events.readsNeededFacts)
        var errors: [InputError] = []
        var seen: [String: SourceLocation] = [:]

        /// `needs`: what `programs` ask of a folder, if already gathered.
        func evaluate(_ programs: [ResolvedProgram], needs: ClauseNeeds? = nil) throws(InputErrors) {
            // Filtered only when something is left out: a filter copied every program (each of its
            // description's strings and lists retained), once per folder of a batch.
            // A program named with --program is checked whatever the manifest's `applyingFor:` says;
            // --kind, given on the same command line, still filters it (and says so below).
            let chosen = request.programIDs.isEmpty && selection.kinds.isEmpty ? programs : programs.filter { program in
                (request.programIDs.isEmpty || request.programIDs.contains(program.id))
                    && (selection.kinds.isEmpty || selection.kinds.contains(program.kind)
                        || (selection.kindsFrom == .manifest && request.programIDs.contains(program.id)))
            }
            if selection.kindsFrom == .option {
                for index in programs.indices where request.programIDs.contains(programs[index].id) && !selection.kinds.contains(programs[index].kind) {
                    errors.append(Self.leftOutByKind(programs[index], kinds: selection.kinds))
                }
            }
            // Gathered again only when some programs were left out.
            let needs = (chosen.count == programs.count ? needs : nil) ?? ClauseNeeds(chosen)
            for index in chosen.indices where chosen[index].description.sessions != nil {
                sessionsSeen = true
                errors += SessionChoiceCheck.errors(chosen[index], session: request.session, profile: context.profile,
                                                    manifest: folder.manifest.file)
            }
            guard errors.isEmpty else { return }
            // Facts from the text of typed PDFs whose rules need a fact the manifest lacks (read
            // first, so that a file a rule also needs is read once, with its text); the context
            // is rebuilt only when a reading filled a field.
            if request.readFacts, let inspector = context.inspector,
               reading.read(reading.paths(for: needs, in: context, scans: request.scans != nil), inspector: inspector,
                            documents: &documents, scans: request.scans, asOf: request.asOf) {
                var rebuilt = EvaluationContext(asOf: request.asOf, profile: folder.manifest.profile, hasManifest: folder.manifest.file != nil,
                                                catalog: knowledge.catalog, documents: documents, inspector: inspector,
                                                ambiguous: folder.ambiguous)
                rebuilt.session = request.session
                rebuilt.ruleTexts = request.ruleTexts
                context = rebuilt
                evaluators = EvaluatorPool(ProgramEvaluator(context: context), count: lanes)
            }
            // Read the content these programs' file rules need (each file once per run). An outcome
            // of a rule kept from an earlier batch may have been found without what was read since.
            context.inspector?.inspect(needs.contentPaths(in: context))
            if context.inspector?.inspectionCount != outcomesInspected {
                evaluators.forgetOutcomes()
                outcomesInspected = context.inspector?.inspectionCount
            }
            let readFacts = reading.facts
            let decided = Dictionary(grouping: readFacts.filter { $0.use == .decides }, by: \.file)
            let unread = reading.unread
            // Evaluating, waiving and formatting a program need nothing from the others: every core
            // does them for the next program as it comes free (docs/performance.md, "One stream of
            // programs"); this thread records and writes the programs in order as they are done.
            // At most `evaluationWindow` results (and their formatted fragments) are held at once:
            // a batch run hands its whole resolved catalog here, and 1,000 results per folder in
            // flight were most of its peak memory (docs/performance.md, "Peak memory (issue 15)").
            // The facts above were read for all of `chosen` first, so every program is evaluated
            // against the same documents.
            let waiving = waivers
            let prepare = events.preparation
            let pool = evaluators
            // Events that read only statuses get a program's status, decided without its results,
            // unless a waiver could change it (docs/performance.md, "Statuses alone").
            let statusesAlone = !events.readsResults && waiving.waivesNothing
            let make: @Sendable (Int) -> EvaluatedProgram = { index in
                if statusesAlone { return .status(id: chosen[index].id, pool.withEvaluator { $0.status(chosen[index]) }) }
                let evaluated = pool.withEvaluator { $0.evaluate(chosen[index]) }
                let (result, matched) = waiving.waive(FactEvidence.annotate(evaluated, decided: decided, unread: unread))
                return .result(result, matched: matched, prepared: prepare?(result) ?? [])
            }
            func consume(_ outcome: EvaluatedProgram) throws(InputErrors) {
                switch outcome {
                case let .result(result, matched, prepared):
                    waivers.record(matched)
                    summary.add(result)
                    try events.program(result, prepared: prepared)
                case let .status(id, tally):
                    summary.add(tally)
                    try events.program(id: id, status: tally.status)
                }
            }
            if request.evaluatesOnCallingThread {
                for index in chosen.indices { try consume(make(index)) }
            } else {
                try orderedConcurrentMap(count: chosen.count, window: evaluationWindow, make,
                                         consume: { (_, outcome) throws(InputErrors) in try consume(outcome) })
            }
        }

        // The programs are read in place, by index: a `for … in` copied each one (its description's
        // strings and lists retained and released), once per folder of a batch.
        if let programs {
            for index in programs.indices { seen[programs[index].id] = programs[index].description.file }
            try evaluate(programs, needs: request.clauseNeeds)
        } else if paths.isEmpty {
            let standard = try Self.withNamedCatalogPrograms(knowledge.standardPrograms(), ids: request.programIDs, knowledge: knowledge)
            for index in standard.indices { seen[standard[index].id] = standard[index].description.file }
            try evaluate(standard)
        } else if let refusal {
            errors.append(refusal)
        } else if let descriptions {
            errors += descriptions.listing.errors
            // The next batch of descriptions is read while this one is evaluated: its parsing fills
            // the cores where the stream of programs leaves them idle (docs/performance.md, "One
            // stream of programs").
            while let loaded = descriptions.nextBatch() {
                let resolved = knowledge.resolve(loaded.descriptions, seen: &seen)
                errors += loaded.errors + resolved.errors
                try evaluate(resolved.programs)
            }
            descriptions.finish()
        }
        let unseen = request.programIDs.filter { seen[$0] == nil }
        if !unseen.isEmpty {
            // The ids it could have been: those checked, and the built-in catalog's when it was searched.
            var known = Array(seen.keys)
            if paths.isEmpty { known += (try? knowledge.builtinCatalog().map(\.id)) ?? [] }
            for id in unseen { errors.append(Self.unknownProgram(id, known: known)) }
        }
        errors += SessionChoiceCheck.unknownTargets(folder.manifest, seen: Array(seen.keys))
        if let session = request.session, !sessionsSeen, errors.isEmpty {
            errors.append(InputError(file: "--session", "no program checked lists sessions, so there is no session \(session) to choose"))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        var built = summary.build()
        if request.waivers != nil || ownWaivers != nil { built.waivers = waivers.summary }
        built.facts = reading.facts
        try events.end(built)
        if request.keepsUntilExit { KeptUntilExit.keep((folder, inspector, context, evaluators, documents, reading)) }
    }

    /// `--program ID` naming no program of the run.
    static func unknownProgram(_ id: String, known: [String]) -> InputError {
        InputError(file: "--program", "no program with id \"\(id)\"\(Suggestion.didYouMean(id, in: known))")
    }

    /// `--program ID` naming a program of a kind that `--kind` leaves out.
    static func leftOutByKind(_ program: ResolvedProgram, kinds: [ProgramKind]) -> InputError {
        let kind = program.kind.rawValue
        let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        return InputError(file: "--program", "\"\(program.id)\" is \(article) \(kind) program, "
                          + "which --kind \(kinds.map(\.rawValue).joined(separator: ", ")) leaves out")
    }

    /// Which programs the run uses and why: `--kind` wins; `applyingFor:` in the manifest chooses
    /// among the standard checklists only (a folder's own programs were chosen by the applicant).
    static func selection(_ request: CheckRequest, paths: [String], profile: ApplicantProfile, hasManifest: Bool,
                          knowledge: Knowledge) -> ProgramSelection {
        // A batch hands every folder with no programs of its own the standard checklists it resolved
        // once: they are still the standard checklists, chosen among by `applyingFor:` as alone.
        // Its `--programs` catalog, resolved once too, is named as a one-folder run names it, so
        // each folder's report is the one that run would write (docs/reports.md, "Batch summaries").
        let source: ProgramSelection.Source = paths.isEmpty ? .standard
            : request.programPaths.isEmpty ? .folder : .given(request.programPaths)
        var kinds = request.kinds
        var from: ProgramSelection.KindsFrom = kinds.isEmpty ? .none : .option
        if kinds.isEmpty, source == .standard, !profile.applyingFor.isEmpty {
            kinds = profile.applyingFor
            from = .manifest
        }
        let standardKinds = Array(Set(knowledge.checklists.map(\.kind))).sorted()
        return ProgramSelection(source: source, kinds: kinds, kindsFrom: from, programIDs: request.programIDs,
                                hasManifest: hasManifest, standardKinds: standardKinds)
    }

    /// With no programs of the user's own, `--program ID` may also name a program of the built-in
    /// catalog, as `list programs` shows them: that program is checked too, alone or in a batch
    /// (whose `BatchChecker` resolves them once for every folder).
    static func withNamedCatalogPrograms(_ standard: [ResolvedProgram], ids: [String], knowledge: Knowledge) throws(InputErrors) -> [ResolvedProgram] {
        let named = Set(ids).subtracting(standard.map(\.id))
        return named.isEmpty ? standard : try standard + knowledge.builtinCatalog().filter { named.contains($0.id) }
    }

    /// Where a check's programs come from: `--programs`, else the folder's own `programs/`;
    /// empty means the standard checklists. Anything named `programs` counts, so that a link or a
    /// file there is refused (`DescriptionFolder.ownProgramsRefusal`) rather than silently
    /// replaced by the standard checklists.
    public static func programPaths(_ request: CheckRequest) -> [String] {
        if !request.programPaths.isEmpty { return request.programPaths }
        let own = request.folder.hasSuffix("/") ? request.folder + "programs" : request.folder + "/programs"
        return FileSystem.kind(of: own, followLinks: false) == .missing ? [] : [own]
    }
}
