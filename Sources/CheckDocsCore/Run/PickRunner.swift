import CheckDocsNative
import CheckDocsFormats

/// What one `pick` run is asked to do.
public struct PickRequest: Sendable {
    public var folder: String
    /// `--programs`; empty: the built-in catalog.
    public var programPaths: [String]
    public var checklistPaths: [String]
    public var asOf: CalendarDate
    public var plan: Bool
    public var top: Int
    /// libmagic's answers kept between runs (docs/inspection.md, "Content types cache").
    public var contentTypes: ContentTypeCache? = nil
    /// PDF facts kept between runs (docs/inspection.md, "PDF facts cache").
    public var pdfFacts: PDFFactsCache? = nil

    public init(folder: String, programPaths: [String] = [], checklistPaths: [String] = [], asOf: CalendarDate, plan: Bool = false, top: Int = 10) {
        self.folder = folder
        self.programPaths = programPaths
        self.checklistPaths = checklistPaths
        self.asOf = asOf
        self.plan = plan
        self.top = top
    }
}

/// `checkdocs pick`: weighs every session of every program for the applicant, ranks the
/// programs, and with `plan` searches for the best season (docs/pick.md).
public enum PickRunner {
    public static func pick(_ request: PickRequest, knowledge: Knowledge) throws(InputErrors) -> PickReport {
        let folder = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas, contentTypes: request.contentTypes,
                                               pdfFacts: request.pdfFacts)
            .load(request.folder)
        let programs = request.programPaths.isEmpty ? try knowledge.builtinCatalog() : try knowledge.loadPrograms(request.programPaths)
        let profile = folder.manifest.profile
        var notes: [String] = []
        let goals: ApplicantGoals
        if let given = profile.goals {
            goals = given
        } else {
            goals = ApplicantGoals()
            notes.append("no goals: in the manifest, so only eligibility, readiness and what is stated count (docs/manifest.md, \"goals\")")
        }
        // Target residency programs must be in the catalog: their USCE rules are what the plan aims at.
        var residency: [ResidencyRule] = []
        var errors: [InputError] = []
        for (index, id) in goals.residencyTargets.enumerated() {
            guard let program = programs.first(where: { $0.id == id }) else {
                errors.append(InputError(SourceLocation(file: folder.manifest.file ?? request.folder, position: .pointer("/goals/residencyTargets/\(index)")),
                                         "no program \"\(id)\" in the catalog\(Suggestion.didYouMean(id, in: programs.map(\.id)))"))
                continue
            }
            // A target is a residency program: its USCE rule is what the plan aims at. Another
            // kind is one to apply to, ranked with the rest.
            guard program.kind == .residency else {
                errors.append(InputError(SourceLocation(file: folder.manifest.file ?? request.folder, position: .pointer("/goals/residencyTargets/\(index)")),
                                         "\"\(id)\" is a \(program.kind.rawValue) program, not a residency; residencyTargets names residency programs whose USCE rules the plan aims at"))
                continue
            }
            let rules = program.eligibility.filter { $0.check.base is USCECheck }
            if rules.isEmpty { notes.append("\(id) states no USCE rule: nothing to aim at for it") }
            for rule in rules where ResidencyRule.aimed(rule, of: program, profile: profile, asOf: request.asOf, notes: &notes) {
                residency.append(ResidencyRule(programID: id, programName: program.description.name, rule: rule.check.base as! USCECheck,
                                               deadline: program.description.deadline))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        let inspector = folder.makeInspector()
        let context = EvaluationContext(asOf: request.asOf, profile: profile, hasManifest: folder.manifest.file != nil,
                                        catalog: knowledge.catalog, documents: folder.documents, inspector: inspector,
                                        ambiguous: folder.ambiguous)
        context.inspector?.inspect(ClauseNeeds(programs).contentPaths(in: context))
        let scorer = SessionScorer(evaluator: ProgramEvaluator(context: context), goals: goals,
                                   weights: PickWeights(overrides: goals.weights), residency: residency)
        // Residency programs are targets, not rotations to take.
        let rotations = programs.filter { $0.kind != .residency }
        let weighed = rotations.concurrentMap { scorer.candidates($0) }
        var ranked: [PickCandidate] = []
        var unfit: [PickCandidate] = []
        for sessions in weighed where !sessions.isEmpty {
            if let best = sessions.filter(\.fits).max(by: { Self.before($1, $0) }) {
                ranked.append(best)
            } else {
                // The one that came closest: fewest reasons, then the earliest.
                unfit.append(sessions.min { ($0.exclusions.count, $0.rotation?.start ?? .last) < ($1.exclusions.count, $1.rotation?.start ?? .last) }!)
            }
        }
        for (program, sessions) in zip(rotations, weighed) where sessions.isEmpty {
            notes.append("\(program.id): every session has begun")
        }
        ranked.sort { Self.before($0, $1) }
        unfit.sort { $0.programID < $1.programID }
        let plan = request.plan ? SeasonPlanner(scorer: scorer).plan(weighed.flatMap { $0 }) : nil
        return PickReport(toolVersion: ReadinessChecker.toolVersion, asOf: request.asOf, folder: request.folder, goals: goals,
                          weights: scorer.weights, ranked: ranked, unfit: unfit, sessionsWeighed: weighed.reduce(0) { $0 + $1.count },
                          plan: plan, notes: notes, top: request.top,
                          folderIdentity: folder.rootIdentity, fileIdentities: folder.fileIdentities)
    }

    /// Ranking order: higher score, then earlier start, then id.
    static func before(_ a: PickCandidate, _ b: PickCandidate) -> Bool {
        let sa = (a.score * 1e6).rounded(), sb = (b.score * 1e6).rounded()
        if sa != sb { return sa > sb }
        let da = a.rotation?.start ?? .last, db = b.rotation?.start ?? .last
        if da != db { return da < db }
        return a.programID < b.programID
    }
}
