import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct Init: InputCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Draft checkdocs.yaml from the files already in the folder.",
        discussion: """
        Types and dates come from the file and folder names, as `check` reads them; a document whose \
        name gives no date also gets what its text says (a PDF's text layer; a scan's MRZ and OCR, what \
        may not decide commented out, to confirm), with the line read. Ambiguous and unrecognized files are listed \
        as commented entries, and the applicant profile as commented placeholders. This is the only command that writes into the applicant folder, and it writes \
        only the manifest (and a backup of the one it replaces), atomically. An existing manifest \
        (checkdocs.yaml, .yml or .json) is never replaced without --force or --update; with --force \
        the draft is made afresh from the files, keeping nothing of the old one; with --update new files are added to it, renamed \
        ones followed, and a changed file's sha256 recorded anew, keeping everything else in it. Either writes the old one to \
        checkdocs.yaml.bak first.
        """)

    @Argument(help: ArgumentHelp("The applicant folder.", valueName: "folder"))
    var folder: String

    @Flag(name: .long, help: "Replace an existing checkdocs.yaml or checkdocs.yml (backed up first).")
    var force = false

    @Flag(name: .long, help: "Add new files to an existing checkdocs.yaml or checkdocs.yml and follow renamed ones, keeping all it says (backed up first).")
    var update = false

    @Flag(name: .customLong("print"), help: "Print the draft to stdout and write nothing.")
    var printOnly = false

    @Option(name: .long, help: ArgumentHelp("Extra document types (a folder with document-types.json), as for check.", valueName: "dir"))
    var checklists: [String] = []

    func validate() throws {
        try Terminal.validatePaths([folder], "the folder path")
        try Terminal.validatePaths(checklists, "the --checklists path")
        if force && update { throw ValidationError("--force and --update cannot be combined: --force drafts anew, --update keeps the manifest") }
    }

    func body() throws(InputErrors) {
        if printOnly { try Terminal.requireStandardOutput() }
        // A folder of a manifest's name is the applicant's, not a manifest (docs/security.md, 2a).
        let existing = ["checkdocs.yaml", "checkdocs.yml", "checkdocs.json"].filter {
            ![.missing, .directory].contains(FileSystem.kind(of: path($0), followLinks: false))
        }
        var name = "checkdocs.yaml"
        if update, let first = existing.first {
            guard existing.count == 1 else {
                throw InputErrors([InputError(file: path(existing[1]), "two manifests in one folder (\(existing.joined(separator: ", "))); keep one")])
            }
            guard first != "checkdocs.json" else {
                throw InputErrors([InputError(file: path(first), "init --update merges only into YAML and will not touch a JSON manifest")])
            }
            return try merge(into: first)
        }
        if !printOnly, let first = existing.first {
            guard force else {
                throw InputErrors([InputError(file: path(first), "a manifest already exists; not overwritten (--update adds the new files and keeps everything; --force replaces it)")])
            }
            guard existing.count == 1 else {
                throw InputErrors([InputError(file: path(existing[1]), "two manifests in one folder (\(existing.joined(separator: ", "))); keep one")])
            }
            guard first != "checkdocs.json" else {
                throw InputErrors([InputError(file: path(first), "init drafts YAML and will not replace a JSON manifest; move it away first")])
            }
            name = first
        }
        if !printOnly, FileSystem.kind(of: path(name), followLinks: false) == .directory {
            throw InputErrors([InputError(file: path(name), "is a folder of yours, so the manifest cannot be written there; rename the folder, or use --print")])
        }
        let knowledge = try Knowledge.load(extraChecklists: checklists)
        let loaded = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas,
                                               contentTypes: ContentTypeCache.userCache(awayFrom: [folder]))
            .load(folder, readManifest: !force && !printOnly)
        let hashes = FileHashes.of(loaded.scannedFiles.filter { file in loaded.documents.contains { $0.path == file.path } }, root: folder,
                                   memo: ContentDigests.userMemo(awayFrom: [folder]))
        let drafter = ManifestDrafter(catalog: knowledge.catalog)
        let draft = drafter.draft(loaded, toolVersion: ReadinessChecker.toolVersion, hashes: hashes, suggestions: drafter.suggestions(loaded),
                                  readFacts: drafter.readFacts(loaded, scans: Self.scans(folder: folder), asOf: Terminal.today()))
        if printOnly { return Terminal.out(draft.text) }
        if force, !existing.isEmpty { try backUp(name) }
        do {
            try AtomicFile.write(Array(draft.text.utf8), directory: folder, name: name, replace: force)
        } catch {
            throw InputErrors([error])
        }
        var commented: [String] = []
        if draft.ambiguous > 0 { commented.append("\(draft.ambiguous) ambiguous") }
        if draft.unrecognized > 0 { commented.append("\(draft.unrecognized) unrecognized") }
        let files = commented.isEmpty ? "" : "; " + commented.joined(separator: " and ") + " commented out: give their types"
        Terminal.out("wrote \(path(name)): \(draft.documents) document\(draft.documents == 1 ? "" : "s")\(files)\n"
            + "The applicant profile is commented out: fill in what applies, then run `checkdocs \(folder)`.\n")
    }

    /// `--update`: the manifest's text with the new files appended and renamed ones followed
    /// (ManifestUpdater); the old text is backed up before the new one is put in place.
    private func merge(into name: String) throws(InputErrors) {
        let knowledge = try Knowledge.load(extraChecklists: checklists)
        let loader = ManifestLoader(schemas: knowledge.schemas, catalog: knowledge.catalog)
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path(name), limit: ManifestLoader.maxBytes)
        } catch {
            throw InputErrors([error])
        }
        let decoded = try loader.decode(bytes, file: path(name))
        let loaded = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas,
                                               contentTypes: ContentTypeCache.userCache(awayFrom: [folder]))
            .load(folder, readManifest: false)
        // Keyed by the files as `check` keys them (a name in another Unicode form names its file).
        let manifest = decoded.matched(to: loaded.scannedFiles.map(\.path))
        // The files to draft, and those whose entry recorded a sha256: (a rename, or a file changed, is found by it).
        let hashed = loaded.scannedFiles.filter { manifest.documents[$0.path].map { $0.sha256 != nil } ?? true }
        let update = try ManifestUpdater(catalog: knowledge.catalog).update(
            text: String(decoding: bytes, as: UTF8.self), file: path(name), manifest: manifest, folder: loaded,
            hashes: FileHashes.of(hashed, root: folder, memo: ContentDigests.userMemo(awayFrom: [folder])),
            readFacts: { paths in
                ManifestDrafter(catalog: knowledge.catalog).readFacts(ManifestUpdater.withManifestEntries(loaded, manifest: manifest),
                                                                      scans: Self.scans(folder: folder), asOf: Terminal.today(), for: paths)
            })
        // The merged text must load as the old one did: a merge that broke it is never written.
        do {
            _ = try loader.decode(Array(update.text.utf8), file: path(name))
        } catch {
            throw InputErrors([InputError(file: path(name), "the merged manifest would not load (\(error.errors.first?.message ?? "")); left unchanged")])
        }
        for entry in update.dangling {
            Terminal.error("checkdocs: \(path(name)): \(entry.pointer): warning: names \"\(entry.path)\", which is not a file in the folder; left as it is: \(entry.reason)")
        }
        for changed in update.rehashed {
            let pointer = manifest.documents[changed].map { "\($0.pointer): " } ?? ""
            Terminal.error("checkdocs: \(path(name)): \(pointer)warning: \"\(changed)\" is not the file its entry was written for; its sha256: now records this one: check the facts the entry gives (they may be the earlier file's)")
        }
        if printOnly { return Terminal.out(update.text) }
        var summary: [String] = []
        if !update.added.isEmpty { summary.append("added \(update.added.count) document\(update.added.count == 1 ? "" : "s")") }
        if !update.completed.isEmpty {
            summary.append("drafted facts read from their files into \(update.completed.count) entr\(update.completed.count == 1 ? "y" : "ies") already there")
        }
        for rename in update.renamed { summary.append("followed \"\(rename.from)\" to \"\(rename.to)\"") }
        if !update.rehashed.isEmpty {
            summary.append("recorded the new sha256 of \(update.rehashed.count) changed file\(update.rehashed.count == 1 ? "" : "s") (listed on stderr)")
        }
        if update.text != String(decoding: bytes, as: UTF8.self) {
            let backup = try backUp(name)
            do {
                try AtomicFile.write(Array(update.text.utf8), directory: folder, name: name, replace: true)
            } catch {
                throw InputErrors([error])
            }
            if summary.isEmpty { summary.append("commented entries added") }
            Terminal.out("updated \(path(name)): \(summary.joined(separator: "; ")); the old one is in \(path(backup))\n")
        } else {
            Terminal.out("\(path(name)) is up to date: no new files; nothing written\n")
        }
        if !update.dangling.isEmpty {
            Terminal.out("\(update.dangling.count) entr\(update.dangling.count == 1 ? "y names a file" : "ies name files") no longer in the folder (listed on stderr): rename or remove \(update.dangling.count == 1 ? "it" : "them"), or `checkdocs \(folder)` stops with exit 2\n")
        }
    }

    /// The OCR of the scans whose facts are drafted, as `check` reads them (its workers and the
    /// user's OCR cache); without Tesseract, one line says the scans were not read, and the draft
    /// is made without them (docs/manifest.md, "init").
    private static func scans(folder: String) -> ScanReader {
        Scans.reader(unread: "their dates and results are not drafted; give them by hand", folders: [folder])
    }

    /// Copies the manifest to `<name>.bak`, or `<name>.bak.N` if that exists: linked into place
    /// atomically, so no file is ever overwritten. Returns the backup's name.
    @discardableResult
    private func backUp(_ name: String) throws(InputErrors) -> String {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path(name), limit: ManifestLoader.maxBytes)
        } catch {
            throw InputErrors([error])
        }
        var backup = name + ".bak"
        var number = 0
        while FileSystem.kind(of: path(backup), followLinks: false) != .missing {
            number += 1
            backup = name + ".bak.\(number)"
        }
        do {
            try AtomicFile.write(bytes, directory: folder, name: backup, replace: false)
        } catch {
            throw InputErrors([error])
        }
        return backup
    }

    private func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
}
