@_spi(Fuzzing) import CheckDocsNative

extension FuzzEntryPoints {
    /// Knowledge with the standard checklists, for the targets past the parsers.
    static let standard: Knowledge = {
        do {
            return try Knowledge.load()
        } catch {
            fatalError("the built-in knowledge does not load: \(error)")
        }
    }()

    /// An applicant folder made from the input (`FuzzFolderScan`): raw-byte names (non-UTF-8,
    /// controls, up to past NAME_MAX), nesting past `FolderScanner.maxDepth`, empty files, links
    /// inside the tree and out of it, FIFOs, the manifest's and `programs`' names. Scans,
    /// classifies and loads it as `init --force` does (no manifest) and checks: every regular file
    /// is listed once (document, unrecognized or ambiguous) or noted; nothing listed or noted lies
    /// outside the tree or is not a regular file; no displayed path has a raw control character;
    /// and nothing under the temporary folder changed.
    public static func folderScan(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        guard let base = ScratchTree.makeBase() else { preconditionFailure("no temporary folder") }
        defer { ScratchTree.remove(base) }
        let tree = base + "/tree", outside = base + "/outside"
        // A folder beside the tree, for links that lead out of it.
        ScratchTree.build([ScratchTree.Node(parent: nil, name: Array("secret.pdf".utf8), kind: .file, data: Array("%PDF-1.4\n".utf8)),
                           ScratchTree.Node(parent: nil, name: Array("programs".utf8), kind: .directory)], at: outside)
        ScratchTree.build(treeNodes(&input, base: base), at: tree)

        let before = ScratchTree.snapshot(base)
        let folder: ApplicantFolder
        do {
            folder = try ApplicantFolderLoader(catalog: standard.catalog, schemas: standard.schemas).load(tree, readManifest: false)
        } catch {
            preconditionFailure("a folder that exists was refused: \(error)")
        }
        precondition(ScratchTree.snapshot(base) == before, "the scan changed the folder")
        checkFolder(folder, entries: ScratchTree.snapshot(tree), programs: FileSystem.identity(of: tree + "/programs"))
    }

    /// The nodes to make: 1 to 24 decisions, each a file, a folder, a link, a FIFO or a chain of
    /// nested folders, in the root or in a folder made earlier.
    static func treeNodes(_ input: inout FuzzInput, base: String) -> [ScratchTree.Node] {
        var nodes: [ScratchTree.Node] = []
        var folders: [Int] = []
        let aliases = standard.catalog.types.flatMap { [$0.id] + $0.aliases }
        for _ in 0..<input.int(1...24) {
            let choice = input.byte()
            let parent: Int? = folders.isEmpty || input.byte() % 3 == 0 ? nil : folders[input.int(0...folders.count - 1)]
            let name = fileName(&input, aliases: aliases)
            switch choice % 9 {
            case 0, 1, 2:
                nodes.append(.init(parent: parent, name: name, kind: .file, data: contents(&input)))
            case 3, 4:
                folders.append(nodes.count)
                nodes.append(.init(parent: parent, name: name, kind: .directory))
            case 5, 6:
                let targets: [[UInt8]] = [
                    Array("../outside/secret.pdf".utf8), Array((base + "/outside/secret.pdf").utf8), Array("../../outside".utf8),
                    Array("/etc/passwd".utf8), Array(".".utf8), Array("..".utf8), name, Array("nowhere.pdf".utf8),
                    Array((base + "/outside/programs").utf8), Array("../tree".utf8),
                    nodes.isEmpty ? Array("x".utf8) : nodes[input.int(0...nodes.count - 1)].name,
                ]
                nodes.append(.init(parent: parent, name: name, kind: .symlink, data: input.pick(targets)))
            case 7:
                nodes.append(.init(parent: parent, name: name, kind: .fifo))
            default:
                // A chain of folders, deeper than the scanner goes at its longest, a file at the end.
                var above = parent
                for _ in 0..<input.int(1...40) {
                    nodes.append(.init(parent: above, name: Array("d".utf8), kind: .directory))
                    above = nodes.count - 1
                }
                folders.append(nodes.count - 1)
                nodes.append(.init(parent: above, name: name, kind: .file, data: contents(&input)))
            }
            if nodes.count > 80 { break }
        }
        return nodes
    }

    /// A name: a catalog alias with a date, raw bytes, a long run, hostile text, one of the names
    /// the scanner treats apart, or an alias with bytes that are not UTF-8.
    static func fileName(_ input: inout FuzzInput, aliases: [String]) -> [UInt8] {
        let dates = ["2026-05-14", "14 May 2026", "05-06-2026", "20260514", "2026_05_14", "1899-12-31", "2026-02-30", ""]
        let extensions = [".pdf", ".PDF", ".jpg", ".png", ".docx", ".txt", "", ".pdf.pdf", " EN.pdf"]
        var name: [UInt8]
        switch input.byte() % 7 {
        case 0, 1:
            name = Array((input.pick(aliases) + input.pick([" ", "_", "-", ""]) + input.pick(dates) + input.pick(extensions)).utf8)
        case 2:
            name = input.bytes(upTo: 16)
        case 3:
            name = Array(repeating: input.pick(Array("aé_ 9".utf8)), count: input.int(200...300)) + Array(input.pick(extensions).utf8)
        case 4:
            name = Array(input.text(pieces: 3).utf8)
        case 5:
            name = Array(input.pick(["checkdocs.yaml", "checkdocs.yml", "checkdocs.json", "checkdocs-waivers.yaml", "programs", ".hidden.pdf",
                                     ".git", "-", " ", "...", "passport.pdf", "passport EN.pdf", "passport translation.pdf", "PASSPORT.PDF"]).utf8)
        default:
            name = Array(input.pick(aliases).utf8) + input.pick([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]])
                + Array(input.pick(extensions).utf8)
        }
        // Keep the decision even when it holds bytes no name can: `/` and NUL become `x`.
        name = name.map { $0 == 0 || $0 == UInt8(ascii: "/") ? UInt8(ascii: "x") : $0 }
        return name.isEmpty ? Array("x".utf8) : name
    }

    /// A file's bytes: empty, or a magic number (PDF, PNG, JPEG, ZIP, none) and a few input bytes.
    static func contents(_ input: inout FuzzInput) -> [UInt8] {
        let magic: [[UInt8]] = [[], Array("%PDF-1.7\n".utf8), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF, 0xE0],
                                [0x50, 0x4B, 0x03, 0x04], Array("GIF89a".utf8)]
        let choice = input.byte()
        if choice % 4 == 0 { return [] }
        return magic[Int(choice / 4) % magic.count] + input.bytes(upTo: 32)
    }

    /// The invariants of a loaded folder against what is on disk (`entries`, the tree's snapshot).
    static func checkFolder(_ folder: ApplicantFolder, entries: [[UInt8]: ScratchTree.Entry], programs: FileIdentity?) {
        let display = Dictionary(entries.keys.map { (FilePath(bytes: $0).description, $0) }, uniquingKeysWith: { first, _ in first })
        var listed: [FilePath: Int] = [:]
        for path in folder.documents.map(\.path) + folder.unrecognized + folder.ambiguous.map(\.path) {
            listed[path, default: 0] += 1
            precondition(entries[path.bytes]?.kind == .file, "listed \(path), which is not a regular file in the folder")
        }
        precondition(listed.values.allSatisfy { $0 == 1 }, "a file listed twice: \(listed.filter { $0.value > 1 }.keys)")
        for file in folder.scannedFiles {
            let entry = entries[file.path.bytes]
            precondition(entry?.kind == .file && entry?.inode == file.identity.inode, "scanned \(file.path), which is not that file")
        }
        var noted = Set<String>()
        for diagnostic in folder.diagnostics {
            precondition(!diagnostic.message.isEmpty, "an empty note")
            precondition(!(diagnostic.message + (diagnostic.path ?? "")).unicodeScalars.contains { DisplayText.needsEscape($0) },
                         "a raw control character in a note: \(diagnostic.message.debugDescription)")
            guard let path = diagnostic.path else { continue }
            precondition(display[path] != nil, "a note about \(path.debugDescription), which is not in the folder")
            noted.insert(path)
        }
        for path in listed.keys {
            precondition(!path.description.unicodeScalars.contains { DisplayText.needsEscape($0) }, "a raw control character in \(path)")
        }

        // Folders whose files are not documents: the programs folder, and what a link named
        // `programs` at the top leads to (FolderScanner.scan).
        let skippedFolders = Set(entries.filter { path, entry in
            entry.kind == .directory && (path == Array("programs".utf8) || FileIdentity(device: entry.device, inode: entry.inode) == programs)
        }.keys)
        for (path, entry) in entries {
            let components = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Array.init)
            // Hidden, or a system's leftover (Thumbs.db, ~$ lock files): not looked at.
            if components.contains(where: { $0.first == UInt8(ascii: ".") || FolderScanner.isSystemLeftover($0) }) { continue }
            if components.count == 1, entry.kind == .file, FolderScanner.manifestNames.contains(path) { continue }  // its own files
            let ancestors = (1..<max(components.count, 1)).map { Array(components.prefix($0).joined(separator: [UInt8(ascii: "/")])) }
            if ancestors.contains(where: skippedFolders.contains) { continue }
            let own = FilePath(bytes: path)
            let isNoted = noted.contains(own.description) || ancestors.contains { noted.contains(FilePath(bytes: $0).description) }
            switch entry.kind {
            case .file:
                precondition(listed[own] != nil || isNoted, "\(own) is neither listed nor noted")
            case .symlink:
                if path == Array("programs".utf8) { continue }
                precondition(listed[own] == nil && isNoted, "the link \(own) is listed or not noted")
            case .fifo, .other:
                precondition(listed[own] == nil && isNoted, "the special file \(own) is listed or not noted")
            case .directory:
                break
            }
        }
    }
}
