import CheckDocsFormats
import CheckDocsNative

/// `init --update` (docs/manifest.md, "Updating the manifest"): merges the files found since the
/// manifest was written into its text. The applicant's text is kept byte for byte: new entries are
/// appended under `documents:` in the draft's format, and the only line ever rewritten is the key
/// of an entry whose file was renamed (a new file with the `sha256:` the entry recorded). Nothing
/// is deleted; an entry whose file is gone and cannot be followed is left as it is and reported.
public struct ManifestUpdater {
    public let drafter: ManifestDrafter

    public init(catalog: DocumentCatalog) { drafter = ManifestDrafter(catalog: catalog) }

    public struct Rename: Sendable {
        public var from: FilePath
        public var to: FilePath
    }

    public struct Dangling: Sendable {
        public var path: FilePath
        public var pointer: String
        public var reason: String
    }

    public struct Update: Sendable {
        public var text: String
        public var added: [FilePath]
        public var renamed: [Rename]
        public var dangling: [Dangling]
        /// Entries already there that got the facts read from their files (ManifestUpdater+ReadFacts).
        public var completed: [FilePath] = []
        /// Entries whose file is no longer the one their `sha256:` was written for: the new digest
        /// is recorded, and the applicant is asked to check the facts the entry gives.
        public var rehashed: [FilePath] = []
        public var changed: Bool { !added.isEmpty || !renamed.isEmpty || !completed.isEmpty || !rehashed.isEmpty }
    }

    /// `folder` is the folder read by names alone (as `init` drafts); `hashes` the SHA-256 of the
    /// files the manifest does not name, and of those it names with a `sha256:`; `readFacts` the facts read from the files to be added
    /// (given them), drafted into their entries as `init` drafts them. Throws when the text cannot
    /// be merged without rewriting the applicant's YAML (a flow-style `documents: {...}` or root).
    public func update(text: String, file: String, manifest: Manifest, folder: ApplicantFolder,
                       hashes: [FilePath: String],
                       readFacts: (Set<FilePath>) -> [FilePath: [ReadFact]] = { _ in [:] }) throws(InputErrors) -> Update {
        // A byte-order mark, which `check` reads past, is kept aside and put back as it was.
        let bom = text.unicodeScalars.first == "\u{FEFF}"
        let text = bom ? String(text.unicodeScalars.dropFirst()) : text
        let outline: YAMLOutline
        do {
            outline = try YAMLOutline.read(text)
        } catch {
            throw InputErrors([InputError(file: file, error.message)])
        }
        var lines = SourceLines(text)
        let scanned = Set(folder.scannedFiles.map(\.path))
        let named = Set(manifest.documents.keys)
        let newFiles = folder.scannedFiles.map(\.path).filter { !named.contains($0) }

        // Renames: a missing file's recorded hash, found on exactly one new file.
        var renamed: [Rename] = []
        var dangling: [Dangling] = []
        var claimed = Set<FilePath>()
        for path in named.filter({ !scanned.contains($0) }).sorted() {
            let entry = manifest.documents[path]!
            guard let hash = entry.sha256 else {
                dangling.append(Dangling(path: path, pointer: entry.pointer, reason: "it has no sha256: to follow a rename by"))
                continue
            }
            let matches = newFiles.filter { hashes[$0] == hash && !claimed.contains($0) }
            guard matches.count == 1, let target = matches.first else {
                let reason = matches.isEmpty ? "no file in the folder has its sha256"
                    : "\(matches.count) files have its sha256 (" + matches.map { "\"\($0)\"" }.joined(separator: ", ") + "); rename the entry by hand"
                dangling.append(Dangling(path: path, pointer: entry.pointer, reason: reason))
                continue
            }
            guard let key = outline.entries.first(where: { manifest.key(spelled: $0.name) == path }),
                  let newKey = ManifestDrafter.key(target), lines.replaceKey(at: key, with: newKey) else {
                dangling.append(Dangling(path: path, pointer: entry.pointer, reason: "its key could not be rewritten in place; rename it to \"\(target)\" by hand"))
                continue
            }
            claimed.insert(target)
            renamed.append(Rename(from: path, to: target))
        }

        // A file changed under its entry's name (a new scan saved over the old): its digest is
        // rewritten in place, which moves no line; the entry's facts stay as the applicant wrote them.
        var rehashed: [FilePath] = []
        let keys = outline.entries.sorted { $0.line < $1.line }
        for (index, key) in keys.enumerated() {
            let path = manifest.key(spelled: key.name)
            guard scanned.contains(path), let recorded = manifest.documents[path]?.sha256, let actual = hashes[path], actual != recorded else { continue }
            let next = index + 1 < keys.count ? keys[index + 1].line : lines.count + 1
            if lines.replaceOnce(recorded, with: actual, in: key.line ..< max(key.line + 1, next)) { rehashed.append(path) }
        }

        // New entries, in the draft's format; a commented entry already in the text is not repeated.
        let fresh = Set(newFiles.filter { !claimed.contains($0) })
        let suggestions = drafter.suggestions(folder, for: fresh)
        // Read once for the new files and the entries already there whose files are.
        let kept = Set(named.filter(scanned.contains))
        let read = readFacts(fresh.union(kept))
        var completed: [FilePath] = []
        var shift = 0
        if outline.shape == .block {
            let end = outline.documents.flatMap { documents in outline.topLevel.map(\.line).filter { $0 > documents.line }.min() } ?? lines.count + 1
            let before = lines.count
            completed = complete(outline.entries, in: &lines, end: end, readFacts: read.filter { kept.contains($0.key) }, manifest: manifest)
            shift = lines.count - before
        }
        let entries = drafter.entries(folder, hashes: hashes, suggestions: suggestions, readFacts: read.filter { fresh.contains($0.key) }).filter { entry in
            guard fresh.contains(entry.path) else { return false }
            if entry.isDocument { return true }
            guard let key = ManifestDrafter.key(entry.path) else { return !text.contains(entry.lines.first ?? "") }
            return !text.contains("# \(key):")
        }
        if !entries.isEmpty { try append(entries, to: &lines, outline: outline, file: file, shift: shift) }
        return Update(text: (bom ? "\u{FEFF}" : "") + lines.text, added: entries.filter(\.isDocument).map(\.path), renamed: renamed,
                      dangling: dangling, completed: completed, rehashed: rehashed)
    }

    /// `shift`: lines already inserted inside `documents:` since `outline` was read.
    private func append(_ entries: [ManifestDrafter.Entry], to lines: inout SourceLines, outline: YAMLOutline, file: String,
                        shift: Int = 0) throws(InputErrors) {
        func refuse(_ message: String) -> InputErrors {
            InputErrors([InputError(file: file, message + "; init --update adds entries only to a block mapping, and leaves the file unchanged")])
        }
        func indented(_ indent: String) -> [String] {
            entries.flatMap { $0.lines.map { indent + $0.dropFirst(2) } }
        }
        switch outline.shape {
        case .block:
            guard let documents = outline.documents, let first = outline.entries.first else { throw refuse("documents: has no entries") }
            let next = outline.topLevel.map(\.line).filter { $0 > documents.line }.min().map { $0 + shift } ?? lines.count + 1
            var last = documents.line
            // Up to a document end marker (`...`), which the new entries go before.
            for line in documents.line ..< next {
                if line > documents.line, lines.isDocumentMarker(line) { break }
                if !lines.isBlankOrTopLevelComment(line) { last = line }
            }
            lines.insert(indented(String(repeating: " ", count: first.column - 1)), after: last)
        case let .flow(_, _, empty):
            // The `{` is looked for after the key on its line: the parser's mark for it is not kept for `{}`.
            guard empty, let documents = outline.documents, lines.removeEmptyFlow(line: documents.line, after: documents.column) else {
                throw refuse("documents: is written as a flow mapping ({...})")
            }
            lines.insert(indented("  "), after: documents.line)
        case .absent:
            guard outline.rootIsBlock || outline.topLevel.isEmpty else { throw refuse("the manifest is written as a flow mapping ({...})") }
            // Before a document end marker (`...`) that closes the text, if there is one.
            let end = (1...max(1, lines.count)).last { $0 <= lines.count && lines.isDocumentMarker($0) && lines.content($0).hasPrefix("...") }
            lines.insert(["documents:"] + indented("  "), after: (end ?? lines.count + 1) - 1)
        case .other:
            throw refuse("documents: is not a mapping")
        }
    }
}

/// A text as lines with their own line breaks, so that what is not edited comes back byte for
/// byte. Lines break where YAML breaks them (LF, CR, CRLF, NEL, U+2028, U+2029), as libyaml's
/// line numbers count; columns are Unicode scalars, as its columns are.
struct SourceLines {
    private var lines: [(content: [Unicode.Scalar], end: String)] = []
    private let newline: String

    init(_ text: String) {
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        var current: [Unicode.Scalar] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\r" where scalars.first == "\n":
                scalars.removeFirst()
                lines.append((current, "\r\n"))
                current = []
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append((current, String(scalar)))
                current = []
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append((current, "")) }
    }

    var count: Int { lines.count }

    var text: String {
        var text = String.UnicodeScalarView()
        for line in lines {
            text.append(contentsOf: line.content)
            text.append(contentsOf: line.end.unicodeScalars)
        }
        return String(text)
    }

    /// Line `number`'s text, without its line break.
    func content(_ number: Int) -> String { String(String.UnicodeScalarView(lines[number - 1].content)) }

    /// How many spaces line `number` starts with.
    func indentation(_ number: Int) -> Int { lines[number - 1].content.prefix { $0 == " " }.count }

    /// A YAML document marker: `---` (a start) or `...` (an end), alone or before a space.
    func isDocumentMarker(_ number: Int) -> Bool {
        let content = lines[number - 1].content
        guard content.count >= 3 else { return false }
        let head = String(String.UnicodeScalarView(content.prefix(3)))
        return (head == "---" || head == "...") && (content.count == 3 || content[3] == " " || content[3] == "\t")
    }

    /// Blank, or a comment that starts in the first column (which reads as the next key's).
    func isBlankOrTopLevelComment(_ number: Int) -> Bool {
        let content = lines[number - 1].content
        return content.first == "#" || content.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Inserts whole lines after line `number` (0: at the start), ending the line before if it had
    /// no line break.
    mutating func insert(_ new: [String], after number: Int) {
        if number > 0, lines[number - 1].end.isEmpty { lines[number - 1].end = newline }
        lines.insert(contentsOf: new.map { (Array($0.unicodeScalars), newline) }, at: number)
    }

    /// Replaces the key that starts at `key`'s line and column (plain, single- or double-quoted)
    /// with `replacement`; false, and nothing changed, if no key followed by `:` is found there.
    mutating func replaceKey(at key: YAMLOutline.Key, with replacement: String) -> Bool {
        guard key.line >= 1, key.line <= lines.count else { return false }
        let content = lines[key.line - 1].content
        let start = key.column - 1
        guard start >= 0, start < content.count else { return false }
        var index = start
        switch content[start] {
        case "\"":
            index += 1
            while index < content.count, content[index] != "\"" { index += content[index] == "\\" ? 2 : 1 }
            guard index < content.count else { return false }
            index += 1
        case "'":
            index += 1
            while index < content.count {
                if content[index] == "'" {
                    if index + 1 < content.count, content[index + 1] == "'" { index += 2; continue }
                    break
                }
                index += 1
            }
            guard index < content.count else { return false }
            index += 1
        default:
            while index < content.count, !(content[index] == ":" && (index + 1 == content.count || content[index + 1] == " " || content[index + 1] == "\t")) {
                index += 1
            }
            while index > start, content[index - 1] == " " || content[index - 1] == "\t" { index -= 1 }
        }
        var colon = index
        while colon < content.count, content[colon] == " " || content[colon] == "\t" { colon += 1 }
        guard colon < content.count, content[colon] == ":" else { return false }
        lines[key.line - 1].content = Array(content[..<start]) + Array(replacement.unicodeScalars) + Array(content[index...])
        return true
    }

    /// Replaces `old` with `new` where it occurs once in lines `range` (and nowhere else there);
    /// false, and nothing changed, otherwise. Both are ASCII here (hex digests).
    mutating func replaceOnce(_ old: String, with new: String, in range: Range<Int>) -> Bool {
        let target = Array(old.unicodeScalars)
        var found: (line: Int, at: Int)?
        for number in range where number >= 1 && number <= lines.count {
            let content = lines[number - 1].content
            guard content.count >= target.count else { continue }
            for start in 0...(content.count - target.count) where content[start..<(start + target.count)].elementsEqual(target) {
                if found != nil { return false }
                found = (number, start)
            }
        }
        guard let (number, start) = found else { return false }
        lines[number - 1].content.replaceSubrange(start..<(start + target.count), with: Array(new.unicodeScalars))
        return true
    }

    /// `documents: {}` becomes `documents:` (a comment after it stays); false if the first `{`
    /// after `column` is not an empty mapping closed on the same line.
    mutating func removeEmptyFlow(line: Int, after column: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return false }
        let content = lines[line - 1].content
        guard column >= 1, column <= content.count, let open = content[(column - 1)...].firstIndex(of: "{") else { return false }
        var close = open + 1
        while close < content.count, content[close] == " " || content[close] == "\t" { close += 1 }
        guard close < content.count, content[close] == "}" else { return false }
        var from = open
        while from > 0, content[from - 1] == " " || content[from - 1] == "\t" { from -= 1 }
        lines[line - 1].content = Array(content[..<from]) + Array(content[(close + 1)...])
        return true
    }
}
