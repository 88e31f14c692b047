/// Finds translations by name: a file whose name is another file's name in the same folder plus
/// translation markers — `diploma_EN.pdf`, `diploma - translation.pdf`, `diploma (English).pdf`,
/// `Diploma_translation_EN.pdf`, `translated_diploma.pdf` beside `diploma.pdf`; or a file of a
/// folder of translations (`translations/`, `English/`) named as a file of the folder above it, or
/// of one folder beside it (docs/programs.md, `<translation>`). Names are compared as words
/// (FileNameTokens: case, accents and separators ignored).
struct TranslationPairing {
    /// At least one of these must be among the extra words: they say "English" or "translation".
    static let strongMarkers: Set<String> = [
        "en", "eng", "english", "ingles", "anglais", "englisch", "inglese",
        "translation", "translated", "translations", "traduccion", "traducao", "traduction", "traduzione", "ubersetzung",
        "traducciones", "traducoes", "traductions", "traduzioni", "ubersetzungen",
    ]
    /// Words that may accompany a strong marker ("certified translation", "traducción jurada").
    private let markers: Set<String>

    init(catalog: DocumentCatalog) {
        var words = Self.strongMarkers.union(["certified", "sworn", "version", "copy"])
        for alias in catalog["translation"]?.aliases ?? [] { words.formUnion(FileNameTokens.tokens(alias).map(\.text)) }
        markers = words
    }

    /// For every file named as a translation of another file of `paths`, that other file.
    func originals(of paths: [FilePath]) -> [FilePath: FilePath] {
        var byFolder: [[UInt8]: [(path: FilePath, words: [String])]] = [:]
        for path in paths {
            let name = FileNameTokens.stem(String(decoding: path.lastComponent, as: UTF8.self))
            byFolder[path.directory, default: []].append((path, FileNameTokens.tokens(name).map(\.text)))
        }
        var byWordsByFolder: [[UInt8]: [[String]: FilePath]] = [:]
        var pairs: [FilePath: FilePath] = [:]
        for (folder, files) in byFolder {
            var byWords: [[String]: FilePath] = [:]
            for file in files.sorted(by: { $0.path < $1.path }) where !file.words.isEmpty && byWords[file.words] == nil {
                byWords[file.words] = file.path
            }
            byWordsByFolder[folder] = byWords
            for file in files {
                if let original = original(of: file.words, among: byWords), original != file.path { pairs[file.path] = original }
            }
        }
        // A folder of translations: its files translate the files named alike in the folder above
        // it, or else in the one folder beside it that has such a file (`originals/`).
        for (folder, files) in byFolder where isTranslationFolder(folder) {
            let parent = Self.parent(of: folder)
            let siblings = byWordsByFolder.filter { !$0.key.isEmpty && $0.key != folder && Self.parent(of: $0.key) == parent }
            for file in files where pairs[file.path] == nil {
                if let above = byWordsByFolder[parent], let original = above[file.words] ?? original(of: file.words, among: above) {
                    pairs[file.path] = original
                    continue
                }
                let beside = siblings.values.compactMap { $0[file.words] ?? original(of: file.words, among: $0) }
                if beside.count == 1 { pairs[file.path] = beside[0] }
            }
        }
        return pairs
    }

    /// A folder whose own name says only "translations" or "English" (`translations`,
    /// `English translations`, `traducciones`); never the applicant folder itself.
    private func isTranslationFolder(_ folder: [UInt8]) -> Bool {
        guard !folder.isEmpty else { return false }
        let name = folder.split(separator: UInt8(ascii: "/")).last.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return isMarkers(FileNameTokens.tokens(name).map(\.text)[...])
    }

    /// The folder above `folder` (empty: the applicant folder).
    private static func parent(of folder: [UInt8]) -> [UInt8] {
        folder.lastIndex(of: UInt8(ascii: "/")).map { Array(folder[..<$0]) } ?? []
    }

    /// The longest other name that `words` extends with markers only, before or after it.
    private func original(of words: [String], among names: [[String]: FilePath]) -> FilePath? {
        guard words.count >= 2 else { return nil }
        // The extra words are tested in place, and a name is looked up only after them: both
        // lists were made for every split of every file's name, though few names have a marker.
        for length in stride(from: words.count - 1, through: 1, by: -1) {
            if isMarkers(words[length...]), let found = names[Array(words[..<length])] { return found }
            if isMarkers(words[..<(words.count - length)]), let found = names[Array(words[(words.count - length)...])] { return found }
        }
        return nil
    }

    private func isMarkers(_ words: ArraySlice<String>) -> Bool {
        !words.isEmpty && words.allSatisfy(markers.contains) && words.contains(where: Self.strongMarkers.contains)
    }
}
