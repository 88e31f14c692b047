import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Inheritance and catalogs stay linear, their limits are refused with a location, and no input
/// is skipped in silence (docs/security.md). Every run goes through `Sandbox.runChecked`: 512 MiB,
/// a time bound, the folder unchanged, the canary never leaked. The hostile inputs are generated
/// by `LimitFixtures`, never checked in.
@Suite struct LimitsTests {
    static let asOf = ["--as-of", "2026-12-01"]
    /// Generous for a debug build on a shared 2-core machine; the figures are in scripts/bench-limits.
    static let bound = 20.0

    // MARK: Inheritance and catalogs

    @Test("46 checklists, each extending the two below it: check and lint finish within the bound")
    func ladder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try LimitFixtures.ladder(in: box.inputs + "/checklists", levels: 23)
        try LimitFixtures.write(box.inputs + "/programs/p.xml", LimitFixtures.description("p", role: "program", extends: ["a22"]))
        try box.file("CV.pdf")
        let check = try box.runChecked([box.folder, "--programs", box.inputs + "/programs", "--checklists", box.inputs + "/checklists"] + Self.asOf,
                                       timeout: 60)
        #expect(check.status == 0, "\(check.stderr.prefix(300))")
        #expect(check.seconds < Self.bound, "check took \(check.seconds) s")
        let lint = try box.runChecked(["lint", box.inputs + "/programs", "--checklists", box.inputs + "/checklists"], timeout: 60)
        #expect(lint.status == 0, "\(lint.stderr.prefix(300))")
        #expect(lint.seconds < Self.bound, "lint took \(lint.seconds) s")
    }

    @Test("the largest input under every limit (depth 32, 63 bases, 1000 requirements, 1000 types, a 32-parent chain) is checked within the bound")
    func largestUnderLimits() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try LimitFixtures.ladder(in: box.inputs + "/checklists", levels: 32)
        try LimitFixtures.catalog(box.inputs + "/checklists/document-types.json", types: 1000 - LimitFixtures.builtinTypes, chain: 33)
        try LimitFixtures.write(box.inputs + "/programs/p.xml", LimitFixtures.description("p", role: "program", extends: ["a31"], requirements: 1000 - 63))
        try box.file("CV.pdf")
        let run = try box.runChecked([box.folder, "--programs", box.inputs + "/programs", "--checklists", box.inputs + "/checklists",
                                      "--format", "json"] + Self.asOf, timeout: 60)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        #expect(run.seconds < Self.bound, "took \(run.seconds) s")
        let programs = try report(run)["programs"] as? [[String: Any]]
        #expect((programs?.first?["requirements"] as? [Any])?.count ?? 0 == 1000)
    }

    @Test("past a limit: exit 2 with the file and location, within the bound (33 levels, 80,000 requirements, 20,000 parents)")
    func pastLimits() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let chain = box.inputs + "/chain"
        for level in 0...33 {
            try LimitFixtures.write(chain + "/c\(level).xml", LimitFixtures.description("c\(level)", extends: level == 0 ? [] : ["c\(level - 1)"]))
        }
        let deep = try box.runChecked([box.folder, "--checklists", chain] + Self.asOf)
        #expect(deep.status == 2)
        #expect(deep.stderr.contains("c33.xml:") && deep.stderr.contains("33 levels deep"), "\(deep.stderr.prefix(300))")

        let huge = box.inputs + "/huge.xml"
        try LimitFixtures.write(huge, LimitFixtures.description("h", role: "program", requirements: 80_000))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: huge)[.size] as? Int)
        #expect(size < 5 << 20, "the file must stay under the 5 MiB cap to reach the resolver")
        for command in [[box.folder, "--programs", huge] + Self.asOf, ["lint", huge]] {
            let run = try box.runChecked(command, timeout: 60)
            #expect(run.status == 2)
            #expect(run.stderr.contains("huge.xml:1005:") && run.stderr.contains("at most 1000"), "\(run.stderr.prefix(300))")
            #expect(run.seconds < Self.bound, "\(command[0]) took \(run.seconds) s")
        }

        try LimitFixtures.catalog(box.inputs + "/types/document-types.json", types: 20_000, chain: 20_000)
        let types = try box.runChecked([box.folder, "--checklists", box.inputs + "/types"] + Self.asOf, timeout: 60)
        #expect(types.status == 2)
        #expect(types.stderr.contains("document-types.json: /types/") && types.stderr.contains("at most 1000"), "\(types.stderr.prefix(300))")
        #expect(types.seconds < Self.bound, "took \(types.seconds) s")
    }

    // MARK: Nothing skipped in silence

    @Test("a description whose name is not UTF-8 is an error naming its bytes, in check and lint")
    func undecodableProgramName() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        try FileManager.default.createDirectory(atPath: box.folder + "/programs", withIntermediateDirectories: true)
        try makeFile(box.folder + "/programs", Array("m".utf8) + [0xE9] + Array("dico.xml".utf8),
                     contents: LimitFixtures.description("medico", role: "program"))
        for command in [[box.folder] + Self.asOf, ["lint", box.folder + "/programs"]] {
            let run = try box.runChecked(command)
            #expect(run.status == 2, "\(command): \(run.stdout.suffix(200))")
            #expect(run.stderr.contains("programs/m\\xE9dico.xml: error: the file name is not valid UTF-8"), "\(run.stderr.prefix(300))")
        }
    }

    @Test("an empty programs folder, or a --programs folder with no description, is exit 2")
    func emptyProgramsFolder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        try box.file("programs/README.txt", "no programs yet")
        let own = try box.runChecked([box.folder] + Self.asOf)
        #expect(own.status == 2)
        #expect(own.stderr.contains("no programs found in \(box.folder)/programs"), "\(own.stderr.prefix(300))")
        let given = try box.runChecked([box.folder, "--programs", box.inputs] + Self.asOf)
        #expect(given.status == 2)
        #expect(given.stderr.contains("no programs found in \(box.inputs)"), "\(given.stderr.prefix(300))")
    }

    @Test("a programs link is followed inside the folder, refused outside it; never replaced by the standard checklists")
    func programsSymlink() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.file("CV.pdf")
        let program = LimitFixtures.description("linked-program", role: "program")
        try LimitFixtures.write(box.folder + "/data/progs/p.xml", program)
        try LimitFixtures.write(box.outside + "/progs/p.xml", program)
        let link = box.folder + "/programs"

        #expect(symlink("data/progs", link) == 0)
        let inside = try box.runChecked([box.folder, "--format", "json"] + Self.asOf)
        let json = try report(inside)
        #expect((json["programs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["linked-program"])
        #expect(!paths(json, "unrecognizedFiles").contains(Array("data/progs/p.xml".utf8)), "the programs are not documents")
        unlink(link)

        for (target, message) in [(box.outside + "/progs", "outside the applicant folder"), (".", "the applicant folder itself"),
                                  ("missing", "does not lead to a folder")] {
            #expect(symlink(target, link) == 0)
            let run = try box.runChecked([box.folder] + Self.asOf)
            #expect(run.status == 2, "\(target): \(run.stdout.prefix(200))")
            #expect(run.stderr.contains("\(link): error: is a symbolic link") && run.stderr.contains(message), "\(run.stderr.prefix(300))")
            #expect(!run.stdout.contains("Standard"))
            unlink(link)
        }
    }

    @Test("an applicant file whose name is not UTF-8 gets a note, in the JSON and the verbose text report")
    func undecodableApplicantName() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try makeFile(box.folder, Array("m".utf8) + [0xE9] + Array("dico CV.pdf".utf8))
        let json = try report(box.runChecked([box.folder, "--format", "json"] + Self.asOf))
        let notes = (json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "undecodable-name" }
        #expect(notes.count == 1 && notes.first?["path"] as? String == "m\\xE9dico CV.pdf" && notes.first?["level"] as? String == "note",
                "\(json["diagnostics"] ?? [])")
        let text = try box.runChecked([box.folder, "--verbose"] + Self.asOf)
        #expect(text.stdout.contains("m\\xE9dico CV.pdf: the name is not valid UTF-8"), "\(text.stdout.prefix(600))")
    }
}

/// Generators of hostile descriptions and catalogs.
enum LimitFixtures {
    /// Types in the built-in catalog (checklists/document-types.json).
    static let builtinTypes: Int = {
        let url = URL(fileURLWithPath: CLITests.root + "/checklists/document-types.json")
        let document = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any]
        return (document?["types"] as? [Any])?.count ?? 0
    }()

    static func description(_ id: String, role: String = "checklist", extends: [String] = [], requirements: Int = 1) -> String {
        let bases = extends.map { #"<extends checklist="\#($0)"/>"# }.joined()
        let items = (0..<requirements).map { #"<require id="\#(id)-r\#($0)" title="R"><document type="cv"/></require>"# }
        let header = role == "program" ? "<name>P</name><institution>I</institution>" : "<name>C</name>"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(role) xmlns="urn:checkdocs:program:1" schemaVersion="1" id="\(id)" kind="observership">
            \(header)<source href="https://example.org/rules" asOf="2026-10-01"/>\(bases)
            <requirements>
            \(items.joined(separator: "\n"))
            </requirements>
            </\(role)>

            """
    }

    static func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Two checklists a<n>, b<n> per level, each extending both of the level below.
    static func ladder(in folder: String, levels: Int) throws {
        for level in 0..<levels {
            for side in ["a", "b"] {
                try write("\(folder)/\(side)\(level).xml",
                          description("\(side)\(level)", extends: level == 0 ? [] : ["a\(level - 1)", "b\(level - 1)"]))
            }
        }
    }

    /// `count` types; the first `chain` each with the one before as parent.
    static func catalog(_ path: String, types count: Int, chain: Int) throws {
        let types = (0..<count).map { index -> [String: Any] in
            var type: [String: Any] = ["id": "zt\(index)", "title": "T", "description": "d", "category": "administrative", "aliases": ["zzq\(index)"]]
            if index > 0 && index < chain { type["parents"] = ["zt\(index - 1)"] }
            return type
        }
        let document: [String: Any] = ["schemaVersion": 1, "source": ["href": "https://example.org", "asOf": "2026-10-01"], "types": types]
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    }
}
