import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// Inheritance and the catalog stay linear, and their limits (`InputLimits`, docs/format.md
/// "Limits") are refused with a location. The hostile inputs are generated here.
@Suite struct ResolverLimitsTests {
    static let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)

    /// A checklist (or program) in XML with `requirements` requirements of its own, ids prefixed by its id.
    static func description(_ id: String, role: String = "checklist", extends: [String] = [], requirements: Int = 1) throws -> ProgramDescription {
        let bases = extends.map { #"<extends checklist="\#($0)"/>"# }.joined()
        let items = (0..<requirements).map { #"<require id="\#(id)-r\#($0)" title="R"><document type="cv"/></require>"# }
        let header = role == "program" ? "<name>P</name><institution>I</institution>" : "<name>C</name>"
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(role) xmlns="urn:checkdocs:program:1" schemaVersion="1" id="\(id)" kind="observership">
            \(header)<source href="https://example.org/rules" asOf="2026-10-01"/>\(bases)
            <requirements>
            \(items.joined(separator: "\n"))
            </requirements>
            </\(role)>
            """
        return try loader.loadXML(Array(xml.utf8), file: "\(id).xml").get()
    }

    /// `levels` levels of two checklists, a<n> and b<n>, each extending both of the level below:
    /// 2^levels paths from the top to the bottom, and 2 × levels checklists.
    static func ladder(levels: Int, requirements: Int = 1) throws -> [ProgramDescription] {
        try (0..<levels).flatMap { level in
            try ["a", "b"].map { side in
                try description("\(side)\(level)", extends: level == 0 ? [] : ["a\(level - 1)", "b\(level - 1)"], requirements: requirements)
            }
        }
    }

    static func resolver(_ checklists: [ProgramDescription]) -> ProgramResolver {
        ProgramResolver(catalog: Fixture.knowledge.catalog, checklists: checklists)
    }

    static func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try work()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("each checklist is resolved once: a ladder's program builds on each checklist once, in order")
    func memoisedLadder() throws {
        let resolver = Self.resolver(try Self.ladder(levels: 10))
        #expect(resolver.checklistErrors.isEmpty)
        let program = try resolver.resolve(try Self.description("p", role: "program", extends: ["a9"])).get()
        let ids = program.checklists.map(\.id)
        #expect(ids.count == 19, "\(ids.count) bases: a9 and the 18 below it, each once however many paths reach it")
        #expect(Set(ids).count == ids.count)
        #expect(ids.first == "a9")
        #expect(program.requirements.count == 20)
    }

    @Test("the largest inheritance under the limits (depth 32, 63 bases, 1000 requirements) resolves within the bound")
    func largestUnderLimits() throws {
        let checklists = try Self.ladder(levels: InputLimits.inheritanceDepth)
        let own = InputLimits.requirements - (checklists.count - 1)  // a31 and the 62 below it
        let program = try Self.description("p", role: "program", extends: ["a31"], requirements: own)
        var resolved: ResolvedProgram?
        let elapsed = try Self.seconds {
            let resolver = Self.resolver(checklists)
            #expect(resolver.checklistErrors.isEmpty)
            resolved = try resolver.resolve(program).get()
        }
        #expect(resolved?.checklists.count == 63)
        #expect(resolved?.requirements.count == InputLimits.requirements)
        #expect(elapsed < 20, "took \(elapsed) s")
    }

    @Test("an extends chain deeper than 32 is refused once, at the checklist where it passes the limit")
    func depthLimit() throws {
        let chain = try (0...33).map { try Self.description("c\($0)", extends: $0 == 0 ? [] : ["c\($0 - 1)"], requirements: 0) }
        let errors = Self.resolver(chain).checklistErrors
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location.file == "c33.xml")
        #expect(errors.first?.message.contains("33 levels deep") == true)
        #expect(errors.first?.message.contains("at most 32") == true)
    }

    @Test("a program building on more than 64 checklists is refused")
    func basesLimit() throws {
        var checklists: [ProgramDescription] = []
        for middle in 0..<8 {
            let leaves = (0..<8).map { "leaf\(middle)-\($0)" }
            checklists += try leaves.map { try Self.description($0, requirements: 0) }
            checklists.append(try Self.description("mid\(middle)", extends: leaves, requirements: 0))
        }
        let resolver = Self.resolver(checklists)
        #expect(resolver.checklistErrors.isEmpty)
        let errors = resolver.check(try Self.description("p", role: "program", extends: (0..<8).map { "mid\($0)" }))
        #expect(errors.count == 1 && errors.first?.message.contains("builds on 72 checklists") == true, "\(errors)")
    }

    @Test("cycles are still reported, each once, with the checklists that form them")
    func cycles() throws {
        let checklists = [try Self.description("x", extends: ["y"]), try Self.description("y", extends: ["x"]),
                          try Self.description("self", extends: ["self"]), try Self.description("z", extends: ["x"])]
        let errors = Self.resolver(checklists).checklistErrors.map(\.message)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.contains("extends itself through x → y → x") })
        #expect(errors.contains { $0.contains("\"self\" extends itself") })
    }

    @Test("more than 1000 requirements are refused at the first one past the limit; 80,000 in linear time")
    func requirementLimit() throws {
        let over = try Self.description("big", role: "program", requirements: InputLimits.requirements + 1)
        let errors = Self.resolver([]).check(over)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location == over.requirements[InputLimits.requirements].location)
        #expect(errors.first?.message.contains("at most 1000") == true)

        // 80,000 requirements under the 5 MiB cap: built in memory from one, to time only the resolver.
        var huge = try Self.description("huge", role: "program", requirements: 1)
        let template = huge.requirements[0]
        huge.requirements = (0..<80_000).map { index in
            var requirement = template
            requirement.id = "r\(index)"
            return requirement
        }
        var hugeErrors: [InputError] = []
        let elapsed = Self.seconds { hugeErrors = Self.resolver([]).check(huge) }
        #expect(hugeErrors.count == 1)
        #expect(elapsed < 20, "took \(elapsed) s")
        // Under the limit, the merge by id keeps duplicate detection: the second "dup" is reported.
        var duplicates = try Self.description("dups", role: "program", requirements: 3)
        duplicates.requirements[2].id = duplicates.requirements[0].id
        #expect(Self.resolver([]).check(duplicates).map(\.message) == ["requirement id \"dups-r0\" is used twice"])
    }

    static func catalog(types count: Int, chain: Int, cycle: Bool = false) throws -> TemporaryFolder {
        let types = (0..<count).map { index -> [String: Any] in
            var type: [String: Any] = ["id": "zt\(index)", "title": "T", "description": "d", "category": "administrative", "aliases": ["zzq\(index)"]]
            if index > 0 && index < chain { type["parents"] = ["zt\(index - 1)"] }
            if cycle && index == 0 { type["parents"] = ["zt\(chain - 1)"] }
            return type
        }
        let document: [String: Any] = ["schemaVersion": 1, "source": ["href": "https://example.org", "asOf": "2026-10-01"], "types": types]
        return try TemporaryFolder(contents: ["document-types.json": Array(try JSONSerialization.data(withJSONObject: document))])
    }

    static func catalogErrors(_ folder: TemporaryFolder) -> [InputError] {
        do {
            _ = try Knowledge.load(extraChecklists: [folder.path])
            return []
        } catch {
            return error.errors
        }
    }

    @Test("the catalog: 1000 types with a 32-parent chain load; more types, a longer chain or a cycle are refused, in linear time")
    func catalogLimits() throws {
        let builtin = Fixture.knowledge.catalog.types.count
        let largest = try Self.catalog(types: InputLimits.types - builtin, chain: InputLimits.parentDepth + 1)
        defer { largest.remove() }
        var errors: [InputError] = []
        var elapsed = Self.seconds { errors = Self.catalogErrors(largest) }
        #expect(errors.isEmpty, "\(errors.prefix(3))")
        #expect(elapsed < 20, "took \(elapsed) s")

        let deep = try Self.catalog(types: 100, chain: InputLimits.parentDepth + 2)
        defer { deep.remove() }
        errors = Self.catalogErrors(deep)
        #expect(errors.map(\.location.description) == [deep.path + "/document-types.json: /types/33"], "\(errors)")
        #expect(errors.first?.message.contains("chain of 33 parents") == true)

        let circular = try Self.catalog(types: 3, chain: 3, cycle: true)
        defer { circular.remove() }
        #expect(Self.catalogErrors(circular).first?.message.contains("parent types form a cycle") == true)

        let chain = try Self.catalog(types: 20_000, chain: 20_000)
        defer { chain.remove() }
        elapsed = Self.seconds { errors = Self.catalogErrors(chain) }
        #expect(errors.count == 1 && errors.first?.message.contains("at most 1000") == true, "\(errors.prefix(3))")
        #expect(elapsed < 20, "took \(elapsed) s")
    }

    @Test("a catalog's checklists and repeated ids are refused and left out; the rest resolve in order, errors refused first")
    func refusedDescriptionsLeftOut() throws {
        let first = try Self.description("p1", role: "program")
        let checklist = try Self.description("c1")
        let again = try Self.description("p1", role: "program")
        let second = try Self.description("p2", role: "program")
        var seen: [String: CheckDocsNative.SourceLocation] = [:]
        let resolved = Fixture.knowledge.resolve([first, checklist, again, second], seen: &seen)
        #expect(resolved.programs.map(\.id) == ["p1", "p2"])
        #expect(resolved.errors.map(\.message) == ["is a <checklist>; give checklists with --checklists",
                                                    "program id \"p1\" is already used by p1.xml"])
        #expect(Set(seen.keys) == ["p1", "p2"], "a refused checklist's id is not taken")
        // None left out: every program resolves, nothing refused.
        var fresh: [String: CheckDocsNative.SourceLocation] = [:]
        #expect(Fixture.knowledge.resolve([first, second], seen: &fresh).programs.map(\.id) == ["p1", "p2"])
        // An id seen in an earlier batch of the same run is refused as well.
        let later = Fixture.knowledge.resolve([second], seen: &fresh)
        #expect(later.programs.isEmpty && later.errors.count == 1)
    }
}
