import CheckDocsNative
import CheckDocsFormats

/// Merges each program with the checklists it extends and checks what the schemas cannot:
/// known document types and checklists, references that exist, dates in order, unique ids.
public struct ProgramResolver: Sendable {
    public let catalog: DocumentCatalog
    public let checklists: [String: ProgramDescription]
    /// Each checklist merged with what it extends, once: every program built on it starts here.
    private var resolvedChecklists: [String: ResolvedProgram] = [:]
    /// What resolving the checklists found wrong, in id order (empty when all are sound).
    public private(set) var checklistErrors: [InputError] = []

    /// Built-in checklists first; a user checklist with the same id overrides the built-in one.
    public init(catalog: DocumentCatalog, checklists: [ProgramDescription]) {
        self.catalog = catalog
        var byID: [String: ProgramDescription] = [:]
        for checklist in checklists { byID[checklist.id] = checklist }
        self.checklists = byID
        var resolved: [String: ResolvedProgram] = [:]
        var problems: [InputError] = []
        for (id, checklist) in byID.sorted(by: { $0.key < $1.key }) {
            var errors: [InputError] = []
            let result = resolve(checklist, chain: [], errors: &errors)
            if errors.isEmpty { resolved[id] = result }  // a broken one is resolved again, to report its errors
            problems += errors
        }
        resolvedChecklists = resolved
        checklistErrors = problems
    }

    public func resolve(_ programs: [ProgramDescription]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        var seen: [String: SourceLocation] = [:]
        return resolve(programs, seen: &seen)
    }

    /// Programs merged with their checklists, in order; an id already in `seen` (from this call
    /// or an earlier batch of the same run) is an error. Each program resolves on its own, so
    /// they are spread over the cores.
    public func resolve(_ programs: [ProgramDescription], seen: inout [String: SourceLocation]) -> (programs: [ResolvedProgram], errors: [InputError]) {
        var errors: [InputError] = []
        var unique: [ProgramDescription] = []
        for program in programs {
            if let first = seen[program.id] {
                errors.append(InputError(program.file, "program id \"\(program.id)\" is already used by \(first.file)"))
            } else {
                seen[program.id] = program.file
                unique.append(program)
            }
        }
        var resolved: [ResolvedProgram] = []
        for result in unique.concurrentMap(resolve) {
            switch result {
            case let .success(program): resolved.append(program)
            case let .failure(failure): errors += failure.errors
            }
        }
        return (resolved, errors)
    }

    /// One program merged with the checklists it extends, or every error found on the way.
    public func resolve(_ program: ProgramDescription) -> Result<ResolvedProgram, InputErrors> {
        var errors: [InputError] = []
        let result = resolve(program, chain: [], errors: &errors)
        return errors.isEmpty ? .success(result) : .failure(InputErrors(errors))
    }

    /// Checks a checklist (or program) on its own: types, references, dates.
    public func check(_ description: ProgramDescription) -> [InputError] {
        var errors: [InputError] = []
        _ = resolve(description, chain: [], errors: &errors)
        return errors
    }

    private func resolve(_ description: ProgramDescription, chain: [String], errors: inout [InputError]) -> ResolvedProgram {
        var requirements: [Requirement] = []
        var eligibility: [EligibilityRule] = []
        var bases: [ProgramDescription] = []

        for parentID in description.extends {
            guard let parent = checklists[parentID] else {
                let suggestion = Suggestion.didYouMean(parentID, in: Array(checklists.keys))
                errors.append(InputError(description.file, "extends unknown checklist \"\(parentID)\"\(suggestion)"))
                continue
            }
            if chain.contains(parentID) || parentID == description.id && description.role == .checklist {
                errors.append(InputError(description.file, "checklist \"\(parentID)\" extends itself through \((chain + [parentID]).joined(separator: " → "))"))
                continue
            }
            let base = description.role == .program ? resolvedChecklists[parentID] ?? resolve(parent, chain: chain + [description.id], errors: &errors)
                : resolve(parent, chain: chain + [description.id], errors: &errors)
            bases.append(parent)
            bases += base.checklists
            for requirement in base.requirements {
                requirements.removeAll { $0.id == requirement.id }
                requirements.append(requirement)
            }
            for rule in base.eligibility {
                eligibility.removeAll { $0.id == rule.id }
                eligibility.append(rule)
            }
        }

        for removal in description.removals {
            guard requirements.contains(where: { $0.id == removal.ref }) else {
                errors.append(unknownReference(removal.ref, in: requirements, at: removal.location, verb: "removes"))
                continue
            }
            requirements.removeAll { $0.id == removal.ref }
        }

        var ownIDs = Set<String>()
        for requirement in description.requirements {
            if !ownIDs.insert(requirement.id).inserted {
                errors.append(InputError(requirement.location, "requirement id \"\(requirement.id)\" is used twice"))
            }
            check(requirement, errors: &errors)
            // A requirement with an inherited id replaces the inherited one, in place.
            if let index = requirements.firstIndex(where: { $0.id == requirement.id }) {
                requirements[index] = requirement
            } else {
                requirements.append(requirement)
            }
        }

        for tightening in description.tightenings {
            guard let index = requirements.firstIndex(where: { $0.id == tightening.ref }) else {
                errors.append(unknownReference(tightening.ref, in: requirements, at: tightening.location, verb: "tightens"))
                continue
            }
            if let type = tightening.type, !requirements[index].expression.documentTypes.contains(type) {
                errors.append(InputError(tightening.location, "tightens \"\(tightening.ref)\" for type \"\(type)\", which that requirement does not mention"))
                continue
            }
            requirements[index] = apply(tightening, to: requirements[index], origin: description.id)
        }

        for rule in description.eligibility {
            eligibility.removeAll { $0.id == rule.id }
            eligibility.append(rule)
            if case let .exam(exams, _, _, _) = rule.kind, exams.isEmpty {
                errors.append(InputError(rule.location, "an exam rule needs at least one exam"))
            }
        }

        if let rotation = description.rotation, rotation.end < rotation.start {
            errors.append(InputError(description.file, "the rotation ends (\(rotation.end)) before it starts (\(rotation.start))"))
        }
        return ResolvedProgram(description: description, requirements: requirements, eligibility: eligibility, checklists: bases)
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
            case let .anyOf(items), let .allOf(items):
                if items.isEmpty { errors.append(InputError(requirement.location, "an empty anyOf/allOf")) }
                items.forEach(walk)
            }
        }
        walk(requirement.expression)
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
