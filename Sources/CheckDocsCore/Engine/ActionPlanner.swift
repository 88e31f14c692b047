/// Turns a streamed check into a plan (`checkdocs plan`): every document to obtain, renew or
/// replace, merged across programs that need the same document (the same requirement id or the
/// same document types), with
/// the intersection of their windows. Programs whose windows do not meet get separate actions —
/// separate documents — chosen greedily by last day, which needs the fewest documents.
/// Ineligible and closed programs are left out and named.
public struct ActionPlanner: CheckEvents {
    public private(set) var plan: ActionPlan?
    /// The folder's identity and its files', so the plan's files are never written inside it.
    public private(set) var header: ReportHeader?
    private var programs: [PlanProgram] = []
    private var skipped: [PlanProgram] = []
    /// Needs of the same document: each group holds at most one need per program.
    private var groups: [[Item]] = []
    /// Groups by requirement id and by document types, to find where a need belongs.
    private var byRequirement: [String: [Int]] = [:]
    private var byTypes: [[String]: [Int]] = [:]
    private var undecided: [PlanUndecided] = []

    /// The document types' lead times: with it, an action that cannot be obtained by its last day
    /// even if begun on its first is said to be late.
    private let catalog: DocumentCatalog?

    public init(catalog: DocumentCatalog? = nil) { self.catalog = catalog }

    public mutating func begin(_ header: ReportHeader) { self.header = header }

    public mutating func program(_ result: ProgramResult) {
        let entry = PlanProgram(id: result.id, name: result.name, status: result.status,
                                applyBy: result.effectiveDeadline, rotation: result.rotation)
        guard result.status != .ineligible, result.status != .closed else { return skipped.append(entry) }
        programs.append(entry)
        for requirement in result.requirements where requirement.needsAction {
            let need = PlanNeed(program: result.id, requirement: requirement.id, title: requirement.title, status: requirement.status,
                                severity: requirement.severity, due: requirement.due, window: requirement.window ?? DateWindow(),
                                message: requirement.message, hint: requirement.hint)
            add((need, requirement.documentTypes, programs.count))
        }
        // What blocks undecided is no document to obtain, but the program is not ready without it:
        // the same rule with the same words in several programs is one entry.
        for requirement in result.requirements where requirement.status == .notEvaluable && requirement.blocks(at: .error) {
            if let index = undecided.firstIndex(where: { $0.requirement == requirement.id && $0.message == requirement.message }) {
                undecided[index].programs.append(result.id)
            } else {
                undecided.append(PlanUndecided(requirement: requirement.id, title: requirement.title, message: requirement.message,
                                               programs: [result.id]))
            }
        }
    }

    /// The same document need is the same requirement id or the same document types, in another program.
    private mutating func add(_ item: Item) {
        let candidates = Set((byRequirement[item.need.requirement] ?? []) + (byTypes[item.types] ?? [])).sorted()
        let index = candidates.first { group in !groups[group].contains { $0.need.program == item.need.program } } ?? groups.count
        if index == groups.count { groups.append([]) }
        groups[index].append(item)
        if !(byRequirement[item.need.requirement] ?? []).contains(index) { byRequirement[item.need.requirement, default: []].append(index) }
        if !(byTypes[item.types] ?? []).contains(index) { byTypes[item.types, default: []].append(index) }
    }

    public mutating func end(_ summary: ReportSummary) {
        guard let header else { return }
        var actions: [PlanAction] = []
        for group in groups {
            actions += Self.actions(for: group, asOf: header.asOf)
        }
        if let catalog {
            for index in actions.indices {
                actions[index].leadDays = catalog.leadDays(actions[index].documentTypes, profile: header.profile, asOf: header.asOf)
            }
        }
        actions.sort { a, b in
            let left = (a.window.latest?.ordinal ?? Int.max, a.window.earliest?.ordinal ?? Int.min)
            let right = (b.window.latest?.ordinal ?? Int.max, b.window.earliest?.ordinal ?? Int.min)
            return left != right ? left < right : a.id < b.id
        }
        plan = ActionPlan(toolVersion: header.toolVersion, asOf: header.asOf, folder: header.folder,
                          actions: actions, programs: programs, skipped: skipped, undecided: undecided)
    }

    /// A need, its document types, and its program's place in the run.
    typealias Item = (need: PlanNeed, types: [String], order: Int)

    /// The actions for one document need: as few groups as possible whose windows meet.
    static func actions(for items: [Item], asOf: CalendarDate) -> [PlanAction] {
        // A need whose own window is empty cannot share: it is an action of its own, flagged by its window.
        var groups: [[Item]] = items.filter { $0.need.window.isEmpty }.map { [$0] }
        let sorted = items.filter { !$0.need.window.isEmpty }.sorted {
            ($0.need.window.latest?.ordinal ?? Int.max, $0.order) < ($1.need.window.latest?.ordinal ?? Int.max, $1.order)
        }
        var current: [Item] = []
        var window = DateWindow()
        for item in sorted {
            let joined = window.intersection(item.need.window)
            if !current.isEmpty, joined.isEmpty {
                groups.append(current)
                current = [item]
                window = item.need.window
            } else {
                current.append(item)
                window = joined
            }
        }
        if !current.isEmpty { groups.append(current) }

        var actions = groups.map { group in
            var types: [String] = []
            for item in group { for type in item.types where !types.contains(type) { types.append(type) } }
            return action(group.sorted { $0.order < $1.order }.map(\.need), types: types, asOf: asOf)
        }
        if actions.count > 1 {
            let ids = actions.map(\.id)
            for index in actions.indices { actions[index].separateFrom = ids.filter { $0 != actions[index].id } }
        }
        return actions
    }

    private static func action(_ needs: [PlanNeed], types: [String], asOf: CalendarDate) -> PlanAction {
        var window = needs[0].window
        for need in needs.dropFirst() { window = window.intersection(need.window) }
        if needs.count > 1 {
            // Name the program behind each bound when several share the action.
            for need in needs {
                if need.window.earliest == window.earliest, need.window.earliestReason == window.earliestReason, let reason = window.earliestReason {
                    window.earliestReason = "\(need.program): \(reason)"
                }
                if need.window.latest == window.latest, need.window.latestReason == window.latestReason, let reason = window.latestReason {
                    window.latestReason = "\(need.program): \(reason)"
                }
                if need.window.validThrough == window.validThrough, need.window.validThroughReason == window.validThroughReason,
                   let reason = window.validThroughReason {
                    window.validThroughReason = "\(need.program): \(reason)"
                }
            }
        }
        let statuses = Set(needs.map(\.status))
        let verb: PlanAction.Verb = statuses.isSubset(of: [.expired, .expiresBeforeNeeded]) ? .renew
            : statuses == [.invalid] ? .replace : .obtain
        var requirementIDs: [String] = []
        for need in needs where !requirementIDs.contains(need.requirement) { requirementIDs.append(need.requirement) }
        let id = requirementIDs.joined(separator: "+") + ":" + needs.map(\.program).joined(separator: "+")
        let start = max(window.earliest ?? asOf, asOf)
        return PlanAction(id: id, verb: verb, title: needs[0].title, documentTypes: types, needs: needs,
                          window: window, startOn: start, separateFrom: [])
    }
}
