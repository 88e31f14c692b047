import CheckDocsNative
import CheckDocsFormats

/// The input errors of choosing a session (docs/programs.md, "Sessions"): a `--session` date or a
/// manifest `targets:` session that is not one of the program's sessions, and a `targets:` entry
/// for a program the run does not know. Never a silent fall-back to another session.
enum SessionChoiceCheck {
    static func errors(_ program: ResolvedProgram, session: CalendarDate?, profile: ApplicantProfile, manifest: String?) -> [InputError] {
        guard let sessions = program.description.sessions else { return [] }
        let starts = sessions.rotations.map(\.start)
        let listed = starts.count <= 6 ? starts.map(\.description).joined(separator: ", ")
            : starts.prefix(6).map(\.description).joined(separator: ", ") + ", … (\(starts.count) in all)"
        if let target = profile.targets[program.id], let chosen = target.session {
            guard starts.contains(chosen) else {
                return [InputError(SourceLocation(file: manifest ?? "checkdocs.yaml", position: .pointer(target.pointer + "/session")),
                                   "program \(program.id) has no session starting \(chosen); its sessions start \(listed)")]
            }
            return []
        }
        if let session, !starts.contains(session) {
            return [InputError(file: "--session", "program \(program.id) has no session starting \(session); its sessions start \(listed)")]
        }
        return []
    }

    /// `targets:` entries that name no program of the run.
    static func unknownTargets(_ manifest: Manifest, seen: [String]) -> [InputError] {
        let known = Set(seen)
        return manifest.profile.targets.keys.sorted().filter { !known.contains($0) }.map { id in
            InputError(SourceLocation(file: manifest.file ?? "checkdocs.yaml", position: .pointer(manifest.profile.targets[id]!.pointer)),
                       "no program with id \"\(id)\" is checked\(Suggestion.didYouMean(id, in: seen))")
        }
    }
}
