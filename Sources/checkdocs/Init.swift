import ArgumentParser
import CheckDocsCore
import CheckDocsNative

struct Init: InputCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draft checkdocs.yaml from the files already in the folder.",
        discussion: """
        Types and dates come from the file and folder names, as `check` reads them; ambiguous and \
        unrecognized files are listed as commented entries, and the applicant profile as commented \
        placeholders. This is the only command that writes into the applicant folder, and it writes \
        only the manifest, atomically. An existing manifest (checkdocs.yaml, .yml or .json) is never \
        replaced without --force; with --force the draft is made from the names alone.
        """)

    @Argument(help: ArgumentHelp("The applicant folder.", valueName: "folder"))
    var folder: String

    @Flag(name: .long, help: "Replace an existing checkdocs.yaml or checkdocs.yml.")
    var force = false

    @Flag(name: .customLong("print"), help: "Print the draft to stdout and write nothing.")
    var printOnly = false

    @Option(name: .long, help: ArgumentHelp("Extra document types (a folder with document-types.json), as for check.", valueName: "dir"))
    var checklists: [String] = []

    func body() throws(InputErrors) {
        if printOnly { try Terminal.requireStandardOutput() }
        let existing = ["checkdocs.yaml", "checkdocs.yml", "checkdocs.json"].filter {
            FileSystem.kind(of: path($0), followLinks: false) != .missing
        }
        var name = "checkdocs.yaml"
        if !printOnly, let first = existing.first {
            guard force else {
                throw InputErrors([InputError(file: path(first), "a manifest already exists; not overwritten (use --force to replace it)")])
            }
            guard existing.count == 1 else {
                throw InputErrors([InputError(file: path(existing[1]), "two manifests in one folder (\(existing.joined(separator: ", "))); keep one")])
            }
            guard first != "checkdocs.json" else {
                throw InputErrors([InputError(file: path(first), "init drafts YAML and will not replace a JSON manifest; move it away first")])
            }
            name = first
        }
        let knowledge = try Knowledge.load(extraChecklists: checklists)
        let loaded = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas).load(folder, readManifest: !force && !printOnly)
        let draft = ManifestDrafter(catalog: knowledge.catalog).draft(loaded, toolVersion: ReadinessChecker.toolVersion)
        if printOnly { return Terminal.out(draft.text) }
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

    private func path(_ name: String) -> String { folder.hasSuffix("/") ? folder + name : folder + "/" + name }
}
