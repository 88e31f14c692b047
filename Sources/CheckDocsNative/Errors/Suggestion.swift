/// "Did you mean" for misspelled keys, ids and types.
public enum Suggestion {
    /// " (did you mean "x"?)" for the closest candidate, or "" when none is close.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        let limit = max(2, target.count / 3)
        for candidate in candidates {
            let letters = Array(candidate.lowercased())
            // Lengths further apart than the limit are further apart in edits too: a 40,000-letter
            // word is not compared letter by letter with every id.
            guard abs(letters.count - target.count) <= limit else { continue }
            let distance = editDistance(target, letters)
            if distance <= limit, distance < target.count, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.0 }
        // A shortened id, far from the whole in letters ("msslw" for "msslw-im-residency"): the
        // shortest candidate that starts with it, or has a part (after "-" or "_") that does.
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        let shortened = candidates.filter { candidate in
            let text = candidate.lowercased()
            return text != lowered && (text.hasPrefix(lowered) || text.contains("-" + lowered) || text.contains("_" + lowered))
        }.min { ($0.count, $0) < ($1.count, $1) }
        if let shortened { return shortened }
        // A lengthened id ("bls_card" for "bls"): the longest candidate it starts with, up to a "-" or "_".
        return candidates.filter { candidate in
            let text = candidate.lowercased()
            return text.count >= 2 && (lowered.hasPrefix(text + "_") || lowered.hasPrefix(text + "-"))
        }.max { ($0.count, $1) < ($1.count, $0) }
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
