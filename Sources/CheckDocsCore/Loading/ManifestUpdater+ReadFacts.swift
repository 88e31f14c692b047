import CheckDocsFormats

/// `init --update` and the facts read from documents (docs/manifest.md, "Updating the manifest"):
/// an entry already in the manifest whose file gives a fact the entry (and the file's name)
/// leaves empty gets that fact's lines, as `init` drafts them, at its end; nothing it says is
/// changed, and a field it already names, even in a comment, gets nothing.
extension ManifestUpdater {
    /// The folder as `init --update` reads facts from it: the files the manifest names take its
    /// type and facts (over what their names give), so that only what is missing is read.
    public static func withManifestEntries(_ folder: ApplicantFolder, manifest: Manifest) -> ApplicantFolder {
        var folder = folder
        var documents: [ApplicantDocument] = []
        var seen = Set<FilePath>()
        for document in folder.documents {
            seen.insert(document.path)
            guard let entry = manifest.documents[document.path] else {
                documents.append(document)
                continue
            }
            documents.append(ApplicantDocument(path: document.path, size: document.size, type: entry.type ?? document.type,
                                               classifiedBy: .manifest, facts: ApplicantFolderLoader.merge(entry.facts, over: document.facts)))
        }
        for file in folder.scannedFiles where !seen.contains(file.path) {
            guard let entry = manifest.documents[file.path], let type = entry.type else { continue }
            documents.append(ApplicantDocument(path: file.path, size: file.size, type: type, classifiedBy: .manifest, facts: entry.facts))
        }
        folder.documents = documents.sorted { $0.path < $1.path }
        return folder
    }

    /// Whether a key's line leaves its value to the lines below (`"a.pdf":`, `"a.pdf":  # note`),
    /// rather than giving it on the line (`a.pdf: {type: cv}`).
    static func opensBlock(_ line: String) -> Bool {
        var rest = Substring(line)
        while let colon = rest.lastIndex(of: ":") {
            let after = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            if after.isEmpty || (after.hasPrefix("#") && line[line.index(after: colon)...].first != "#") { return true }
            rest = rest[..<colon]
        }
        return false
    }

    /// Appends to each block-style entry of `outline` the lines of the facts read from its file
    /// that it does not name yet; returns the entries completed. Entries written in flow style
    /// (`{type: cv}`) are left as they are: a key cannot be added to them without rewriting them.
    func complete(_ entries: [YAMLOutline.Key], in lines: inout SourceLines, end: Int,
                  readFacts: [FilePath: [ReadFact]], manifest: Manifest) -> [FilePath] {
        var completed: [FilePath] = []
        // From the last entry up, so that what is inserted does not move the lines still to edit.
        let ordered = entries.sorted { $0.line < $1.line }
        for (index, key) in ordered.enumerated().reversed() {
            let path = manifest.key(spelled: key.name)
            guard let facts = readFacts[path], !facts.isEmpty else { continue }
            let next = index + 1 < ordered.count ? ordered[index + 1].line : end
            let body = (key.line + 1) ..< max(key.line + 1, next)
            let indent = key.column - 1
            guard Self.opensBlock(lines.content(key.line)) else { continue }
            let children = body.filter { !lines.isBlankOrTopLevelComment($0) && lines.indentation($0) > indent }
            // The keys' indentation, not a comment's: a comment may sit deeper than the keys.
            guard let first = children.first(where: { !lines.content($0).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") }),
                  let last = children.last else { continue }
            let childIndent = String(repeating: " ", count: lines.indentation(first))
            let said = children.map { lines.content($0).drop { $0 == " " || $0 == "\t" } }
            let new = ManifestDrafter.readFactLines(facts).filter { line in
                // "    expires: …" or "    # expires: …": the field, commented or not.
                let field = line.drop { $0 == " " || $0 == "#" }.prefix { $0 != ":" }
                return !said.contains { $0.hasPrefix(field + ":") || $0.hasPrefix("# " + field + ":") }
            }
            guard !new.isEmpty else { continue }
            lines.insert(new.map { childIndent + $0.dropFirst(4) }, after: last)
            completed.append(path)
        }
        return completed.reversed()
    }
}
