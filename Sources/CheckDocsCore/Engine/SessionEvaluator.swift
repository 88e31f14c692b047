/// A program that lists sessions is evaluated per session; its report is about one of them
/// (docs/programs.md, "Sessions"): the session chosen by `--session` or the manifest's
/// `targets:`, else the earliest session not yet started that the applicant is ready for, else
/// the earliest still open to applications, else the last one.
extension ProgramEvaluator {
    /// The session start asked for: the manifest's `targets:` entry for this program, else `--session`.
    func chosenSession(_ program: ResolvedProgram) -> CalendarDate? {
        context.profile.targets[program.id]?.session ?? context.session
    }

    func evaluateSessions(_ program: ResolvedProgram) -> ProgramResult {
        let rotations = program.description.sessions!.rotations
        let count = rotations.count
        if let start = chosenSession(program), let rotation = rotations.first(where: { $0.start == start }) {
            var result = evaluate(program, rotation: rotation)
            result.session = SessionChoice(start: start, reason: .chosen, count: count)
            return result
        }
        // A session already begun cannot be applied to; sessions are in start order.
        let upcoming = rotations.filter { $0.start > context.asOf }
        var firstOpen: ProgramResult?
        for rotation in upcoming {
            var result = evaluate(program, rotation: rotation)
            if result.status == .ready {
                result.session = SessionChoice(start: rotation.start, reason: .earliestReady, count: count)
                return result
            }
            if firstOpen == nil, result.status != .closed {
                result.session = SessionChoice(start: rotation.start, reason: .earliestOpen, count: count)
                firstOpen = result
            }
        }
        if let firstOpen { return firstOpen }
        let last = rotations[rotations.count - 1]
        var result = evaluate(program, rotation: last)
        result.session = SessionChoice(start: last.start, reason: .noneOpen, count: count)
        return result
    }
}
