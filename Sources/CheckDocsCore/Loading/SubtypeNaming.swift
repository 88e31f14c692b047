/// What a file name says a document is more precisely within its type: "Td booster" is a `td`,
/// "Boostrix 2024" a `tdap` (the subtypes and their words are in the catalog, docs/catalog.md).
/// A name whose words say two subtypes, or none, says nothing: the manifest's `subtype` decides.
enum SubtypeNaming {
    static func subtype(in words: [String], among subtypes: [DocumentType.Subtype]) -> String? {
        var found: String?
        for subtype in subtypes {
            let said = subtype.aliases.contains { alias in
                let aliasWords = FileNameTokens.tokens(alias).map(\.text)
                return !aliasWords.isEmpty && contains(words, aliasWords)
            }
            guard said else { continue }
            if found != nil { return nil }
            found = subtype.id
        }
        return found
    }

    private static func contains(_ words: [String], _ run: [String]) -> Bool {
        guard run.count <= words.count else { return false }
        return (0...(words.count - run.count)).contains { start in Array(words[start..<(start + run.count)]) == run }
    }
}
