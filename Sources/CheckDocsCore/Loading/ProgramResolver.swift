import CheckDocsNative
import CheckDocsFormats

/// Merges each program with the checklists it extends and checks what the schemas cannot:
/// known document types and checklists, references that exist, dates in order, unique ids.
/// Every checklist is resolved once per run (a memo), so inheritance costs what the files hold,
/// never one pass per path through the `extends` graph; the limits of `InputLimits` are enforced.
public struct ProgramResolver: Sendable {
    public let catalog: DocumentCatalog
    public let checklists: [String: ProgramDescription]
    /// Each checklist merged with what it extends, once: every program built on it starts here.
    private var memo: [String: Resolution] = [:]
    /// What resolving the checklists found wrong, in id order (empty when all are sound).
    public private(set) var checklistErrors: [InputError] = []

    /// One description merged with what it extends, and what was wrong with it.
    struct Resolution: Sendable {
        var program: ResolvedProgram
        /// Errors in this description itself (those of its checklists stay with them).
        var errors: [InputError] = []
        /// The known checklists it extends directly, to collect their errors when they have any.
        var parents: [String] = []
        /// Levels of `extends` below it (0: it extends nothing).
        var depth = 0
        /// The parent on its longest chain, to name the chain when it is too long.
        var deepest: String?
        /// It or a checklist it builds on has an error.
        var broken = false
        /// It or a checklist it builds on is past a limit: nothing was merged, and descriptions
        /// built on it report only that.
        var overLimit = false
    }

    /// Built-in checklists first; a user checklist with the same id overrides the built-in one.
    public init(catalog: DocumentCatalog, checklists: [ProgramDescription]) {
        self.catalog = catalog
        var byID: [String: ProgramDescription] = [:]
        for checklist in checklists { byID[checklist.id] = checklist }
        self.checklists = byID
        for id in byID.keys.sorted() { memoise(id) }
        checklistErrors = byID.keys.sorted().flatMap { memo[$0]?.errors ?? [] }
    }

    /// Resolves `root` and every checklist under it not resolved yet, bases first. The walk keeps
    /// its own stack: a chain of thousands of checklists must not exhaust the thread's.
    private mutating func memoise(_ root: String) {
        guard memo[root] == nil else { return }
        var stack: [(id: String, next: Int)] = [(root, 0)]
        var active: Set<String> = [root]
        while let top = stack.last {
            let description = checklists[top.id]!
            if top.next < description.extends.count {
                stack[stack.count - 1].next += 1
                let parent = description.extends[top.next]
                // A parent already on the stack is a cycle: reported when its child is merged.
                if memo[parent] == nil, checklists[parent] != nil, !active.contains(parent) {
                    stack.append((parent, 0))
                    active.insert(parent)
                }
                continue
            }
            stack.removeLast()
            active.remove(top.id)
            memo[top.id] = resolveOne(description, path: stack.map(\.id))
        }
    }

    public func resolve(_ programs: [ProgramDescription]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        var seen: [String: SourceLocation] = [:]
        return resolve(programs, seen: &seen)
    }

    /// Programs merged with their checklists, in order; an id already in `seen` (from this call
    /// or an earlier batch of the same run) is an error. Each program resolves on its own, so
    /// they are spread over the cores.
    public func resolve(_ programs: [ProgramDescription], seen: inout [String: SourceLocation]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        resolve(programs, refusing: { _ in nil }, seen: &seen)
    }

    /// `resolve(_:seen:)`, with each description `refusal` gives a reason for left out and that
    /// reason its error, first (a checklist given as a program, `Knowledge.resolve`). What is left
    /// out, refused or a repeated id, is skipped in place: a copy of the list without it held a
    /// second array of every description while a catalog was resolved (docs/performance.md, "What
    /// a batch keeps of each folder").
    func resolve(_ programs: [ProgramDescription], refusing refusal: (ProgramDescription) -> String?,
                 seen: inout [String: SourceLocation]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        var refused: [InputError] = []
        var errors: [InputError] = []
        var skipped = [Bool](repeating: false, count: programs.count)
        for index in programs.indices {
            let program = programs[index]
            if let reason = refusal(program) {
                refused.append(InputError(program.file, reason))
                skipped[index] = true
            } else if let first = seen[program.id] {
                errors.append(InputError(program.file, "program id \"\(program.id)\" is already used by \(first.file)"))
                skipped[index] = true
            } else {
                seen[program.id] = program.file
            }
        }
        let skip = skipped
        var resolved: [ResolvedProgram] = []
        resolved.reserveCapacity(programs.count)
        for result in Array(programs.indices).concurrentMap({ skip[$0] ? nil : resolve(programs[$0]) }) {
            switch result {
            case nil: continue
            case let .success(program)?: resolved.append(program)
            case let .failure(failure)?: errors += failure.errors
            }
        }
        return (resolved, refused + errors)
    }

    /// One program merged with the checklists it extends, or every error found on the way.
    public func resolve(_ program: ProgramDescription) -> Result<ResolvedProgram, InputErrors> {
        let resolution = resolveOne(program, path: [])
        let errors = allErrors(of: resolution)
        return errors.isEmpty ? .success(resolution.program) : .failure(InputErrors(errors))
    }

    /// Checks a checklist (or program) on its own: types, references, dates. A checklist this
    /// resolver already holds is not resolved again.
    public func check(_ description: ProgramDescription) -> [InputError] {
        if description.role == .checklist, let known = memo[description.id], known.program.description.file == description.file {
            return allErrors(of: known)
        }
        return allErrors(of: resolveOne(description, path: []))
    }

    /// Its own errors and those of every checklist it builds on, each checklist's once.
    private func allErrors(of resolution: Resolution) -> [InputError] {
        guard resolution.broken else { return resolution.errors }
        var errors = resolution.errors
        var visited = Set<String>()
        var pending = resolution.parents
        while let id = pending.popLast() {
            guard visited.insert(id).inserted, let base = memo[id], base.broken else { continue }
            errors += base.errors
            pending += base.parents
        }
        return errors
    }

    /// Merges one description with its checklists, which are already in the memo; `path` is the
    /// chain of checklists being resolved above it (to name a cycle).
    private func resolveOne(_ description: ProgramDescription, path: [String]) -> Resolution {
        var result = Resolution(program: ResolvedProgram(description: description, requirements: [], eligibility: [], checklists: []))
        var errors: [InputError] = []
        var requirements = KeyedList<String, Requirement>()
        var eligibility = KeyedList<String?, EligibilityRule>()
        var bases: [ProgramDescription] = []
        var baseIDs = Set<String>()
        // Room for everything merged, made once rather than grown step by step.
        var inherited = 0
        for parentID in description.extends { inherited += memo[parentID]?.program.requirements.count ?? 0 }
        requirements.reserveCapacity(inherited + description.requirements.count)

        // A checklist that could not be merged (unknown, or closing a cycle) leaves its
        // requirements out: a `remove` or `tighten` of one of them is no error of its own.
        var basesComplete = true
        for (index, parentID) in description.extends.enumerated() {
            guard let parent = checklists[parentID] else {
                let suggestion = Suggestion.didYouMean(parentID, in: Array(checklists.keys))
                errors.append(InputError(description.location(ofExtends: index), "extends unknown checklist \"\(parentID)\"\(suggestion)"))
                basesComplete = false
                continue
            }
            // Not in the memo yet: it is being resolved above this one, so this closes a cycle.
            guard let base = memo[parentID], !(parentID == description.id && description.role == .checklist) else {
                let ids = path + [description.id]
                let cycle = (ids.firstIndex(of: parentID).map { Array(ids[$0...]) } ?? ids) + [parentID]
                errors.append(InputError(description.location(ofExtends: index), "checklist \"\(parentID)\" extends itself through \(cycle.joined(separator: " → "))"))
                basesComplete = false
                continue
            }
            result.parents.append(parentID)
            result.broken = result.broken || base.broken
            result.overLimit = result.overLimit || base.overLimit
            if base.depth + 1 > result.depth {
                result.depth = base.depth + 1
                result.deepest = parentID
            }
            if result.overLimit { continue }
            for checklist in [parent] + base.program.checklists where baseIDs.insert(checklist.id).inserted {
                bases.append(checklist)
            }
            for requirement in base.program.requirements { requirements.moveToEnd(requirement, key: requirement.id) }
            for rule in base.program.eligibility { eligibility.moveToEnd(rule, key: rule.id) }
        }

        if let limit = limitError(description, depth: result.depth, deepest: result.deepest, bases: bases.count) {
            errors.append(limit)
            result.overLimit = true
        }
        // Past a limit, nothing more is merged or checked: the input is refused for that alone.
        if result.overLimit {
            result.errors = errors
            result.broken = true
            return result
        }

        for removal in description.removals {
            guard requirements.contains(removal.ref) else {
                if basesComplete { errors.append(unknownReference(removal.ref, in: requirements.elements, at: removal.location, verb: "removes")) }
                continue
            }
            requirements.remove(removal.ref)
        }

        var ownIDs = Set<String>(minimumCapacity: description.requirements.count)
        for requirement in description.requirements {
            if !ownIDs.insert(requirement.id).inserted {
                errors.append(InputError(requirement.location, "requirement id \"\(requirement.id)\" is used twice"))
            }
            check(requirement, errors: &errors)
            // A requirement with an inherited id replaces the inherited one, in place.
            requirements.replaceOrAppend(requirement, key: requirement.id)
        }

        for tightening in description.tightenings {
            guard let current = requirements[tightening.ref] else {
                if basesComplete { errors.append(unknownReference(tightening.ref, in: requirements.elements, at: tightening.location, verb: "tightens")) }
                continue
            }
            if let type = tightening.type, !current.expression.documentTypes.contains(type) {
                errors.append(InputError(tightening.location, "tightens \"\(tightening.ref)\" for type \"\(type)\", which that requirement does not mention"))
                continue
            }
            var tightened = apply(tightening, to: current, origin: description.id)
            if let condition = tightening.condition {
                switch (current.condition ?? Condition()).and(condition) {
                case .success(let narrowed):
                    tightened.condition = narrowed
                case .failure(let conflict):
                    let fields = conflict.fields.joined(separator: ", ")
                    errors.append(InputError(tightening.location, "tightens \"\(tightening.ref)\" with a <when> whose \(fields) differs from that requirement's own; it could never apply"))
                    continue
                }
                checkConditionType(condition, at: tightening.location, errors: &errors)
            }
            if tightening.constraints.contains(where: { $0.base is SubtypeRule }) {
                tightened.expression.forEachClause { clause in
                    if tightening.type == nil || tightening.type == clause.type { checkSubtypes(clause, at: tightening.location, errors: &errors) }
                }
            }
            requirements.replaceOrAppend(tightened, key: tightening.ref)
        }

        for rule in description.eligibility {
            eligibility.moveToEnd(rule, key: rule.id)
        }

        if let rotation = description.rotation, rotation.end < rotation.start {
            errors.append(InputError(description.file, "the rotation ends (\(rotation.end)) before it starts (\(rotation.start))"))
        }
        let limit = InputLimits.requirements
        if requirements.count > limit {
            errors.append(InputError(description.file, "has \(requirements.count) requirements with the inherited ones; at most \(limit) are allowed"))
            result.overLimit = true
        }
        if eligibility.count > limit {
            errors.append(InputError(description.file, "has \(eligibility.count) eligibility rules with the inherited ones; at most \(limit) are allowed"))
            result.overLimit = true
        }
        result.program = ResolvedProgram(description: description, requirements: requirements.takeElements(),
                                         eligibility: eligibility.takeElements(), checklists: bases)
        result.errors = errors
        result.broken = result.broken || !errors.isEmpty
        return result
    }

    /// The first limit of `InputLimits` this description is past, if any: checked before its own
    /// entries are merged, so an oversized one costs no more than reading it.
    private func limitError(_ description: ProgramDescription, depth: Int, deepest: String?, bases: Int) -> InputError? {
        if depth > InputLimits.inheritanceDepth {
            var chain = [description.id]
            var next = deepest
            while let id = next, chain.count <= 4 {
                chain.append(id)
                next = memo[id]?.deepest
            }
            return InputError(description.file, "extends checklists \(depth) levels deep (\(chain.joined(separator: " → ")) → …); at most \(InputLimits.inheritanceDepth) levels are allowed")
        }
        if bases > InputLimits.bases {
            return InputError(description.file, "builds on \(bases) checklists, directly or through others; at most \(InputLimits.bases) are allowed")
        }
        let limit = InputLimits.requirements
        // The entries' locations are gathered only when there are too many: every program is checked.
        if description.requirements.count + description.removals.count + description.tightenings.count > limit {
            let entries = description.requirements.map(\.location) + description.removals.map(\.location) + description.tightenings.map(\.location)
            return InputError(entries[limit], "\(entries.count) entries in <requirements> (require, remove, tighten); at most \(limit) are allowed")
        }
        if description.eligibility.count > limit {
            return InputError(description.eligibility[limit].location, "\(description.eligibility.count) eligibility rules; at most \(limit) are allowed")
        }
        return nil
    }

    private func unknownReference(_ ref: String, in requirements: [Requirement], at location: SourceLocation, verb: String) -> InputError {
        let suggestion = Suggestion.didYouMean(ref, in: requirements.map(\.id))
        return InputError(location, "\(verb) \"\(ref)\", which no extended checklist defines\(suggestion)")
    }

    private func check(_ requirement: Requirement, errors: inout [InputError]) {
        func walk(_ expression: RequirementExpression) {
            switch expression {
            case let .document(clause):
                if !catalog.contains(clause.type) {
                    let suggestion = Suggestion.didYouMean(clause.type, in: catalog.types.map(\.id))
                    errors.append(InputError(clause.location, "unknown document type \"\(clause.type)\"\(suggestion); `checkdocs list types` shows them"))
                }
                if let max = clause.max, max < clause.min {
                    errors.append(InputError(clause.location, "max (\(max)) is less than min (\(clause.min))"))
                }
                checkSubtypes(clause, at: clause.location, errors: &errors)
            case let .anyOf(items), let .allOf(items):
                if items.isEmpty { errors.append(InputError(requirement.location, "an empty anyOf/allOf")) }
                items.forEach(walk)
            }
        }
        walk(requirement.expression)
        if let condition = requirement.condition { checkConditionType(condition, at: requirement.location, errors: &errors) }
    }

    /// A `<when document="T" states="S">` names a type as a clause does.
    private func checkConditionType(_ condition: Condition, at location: SourceLocation, errors: inout [InputError]) {
        guard let type = condition.documentStates?.type, !catalog.contains(type) else { return }
        let suggestion = Suggestion.didYouMean(type, in: catalog.types.map(\.id))
        errors.append(InputError(location, "unknown document type \"\(type)\" in the condition\(suggestion); `checkdocs list types` shows them"))
    }

    /// A `<subtype>` names subtypes the clause's type declares (docs/catalog.md): a misspelt one
    /// would never match and refuse every file.
    private func checkSubtypes(_ clause: DocumentClause, at location: SourceLocation, errors: inout [InputError]) {
        let subtypeKind = ObjectIdentifier(SubtypeRule.self)
        guard clause.constraints.contains(where: { ObjectIdentifier(type(of: $0.base)) == subtypeKind }),
              catalog.contains(clause.type) else { return }
        let declared = catalog.subtypes(of: clause.type).map(\.id)
        for rule in clause.constraints.compactMap({ $0.base as? SubtypeRule }) {
            for name in rule.only + rule.excluded where !declared.contains(name) {
                let known = declared.isEmpty ? "\(clause.type) has no subtypes" : "the subtypes of \(clause.type) are " + declared.joined(separator: ", ")
                errors.append(InputError(location, "unknown subtype \"\(name)\"; \(known)"))
            }
        }
    }

    private func apply(_ tightening: Tightening, to requirement: Requirement, origin: String) -> Requirement {
        var result = requirement
        result.expression = requirement.expression.mapDocuments { clause in
            guard tightening.type == nil || tightening.type == clause.type else { return clause }
            var tightened = clause
            tightened.constraints = DocumentConstraintKinds.merge(clause.constraints, tightening.constraints)
            if let min = tightening.min { tightened.min = Swift.max(clause.min, min) }
            return tightened
        }
        result.severity = tightening.severity ?? result.severity
        result.due = tightening.due ?? result.due
        result.hint = tightening.hint ?? result.hint
        result.origin = requirement.origin == origin ? origin : "\(requirement.origin)+\(origin)"
        return result
    }
}
