import Foundation
import Testing
@testable import CheckDocsCore

/// Builds a throwaway applicant folder (small files with the given names, and a manifest).
struct TemporaryFolder {
    let path: String

    init(files: [String] = [], contents: [String: [UInt8]] = [:], manifest: String? = nil) throws {
        path = NSTemporaryDirectory() + "checkdocs-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in files {
            let full = path + "/" + file
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: full, contents: Data(Self.sample(named: file))))
        }
        for (file, bytes) in contents {
            let full = path + "/" + file
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: full, contents: Data(bytes)))
        }
        if let manifest {
            #expect(FileManager.default.createFile(atPath: path + "/checkdocs.yaml", contents: Data(manifest.utf8)))
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A small real file of the type the name promises: every candidate gets the baseline check
    /// (its content must be what its name says, and a PDF must open), which these names-and-facts
    /// fixtures are not about.
    static func sample(named name: String) -> [UInt8] {
        switch FileFormat.fromExtension(of: Array(name.utf8)) {
        case .pdf: return PDFFixtures.pdf()
        case .jpeg: return PDFFixtures.jpeg(width: 375, height: 525)
        case .png: return PDFFixtures.png(width: 375, height: 525)
        default: return Array("sample".utf8)
        }
    }
}

enum Fixture {
    static let knowledge: Knowledge = try! Knowledge.load()

    /// A program in XML around the given body.
    static func program(_ body: String, id: String = "test-program", kind: String = "observership",
                        rotation: String? = #"<rotation start="2027-03-01" end="2027-03-28"/>"#, extends: String = "", extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="\(id)" kind="\(kind)">
          <name>Test program</name>
          <institution>Test institution</institution>
          <source href="https://example.org/rules" asOf="2026-10-01"/>
          \(extends)
          \(rotation ?? "")
          \(extra)
          \(body)
        </program>
        """
    }

    static func load(_ xml: String) throws -> ResolvedProgram {
        let description = try ProgramLoader(schemas: knowledge.schemas).loadXML(Array(xml.utf8), file: "test.xml").get()
        let resolved = ProgramResolver(catalog: knowledge.catalog, checklists: knowledge.checklists).resolve([description])
        if let error = resolved.errors.first { throw error }
        return resolved.programs[0]
    }

    /// Evaluates a program against a folder made of the given files and manifest.
    static func evaluate(_ xml: String, files: [String], contents: [String: [UInt8]] = [:], manifest: String? = nil,
                         asOf: String = "2026-12-01") throws -> ProgramResult {
        let program = try load(xml)
        let folder = try TemporaryFolder(files: files, contents: contents, manifest: manifest)
        defer { folder.remove() }
        let applicant = try ApplicantFolderLoader(catalog: knowledge.catalog, schemas: knowledge.schemas).load(folder.path)
        let context = EvaluationContext(asOf: CalendarDate(iso: asOf)!, profile: applicant.manifest.profile,
                                        hasManifest: applicant.manifest.file != nil, catalog: knowledge.catalog,
                                        documents: applicant.documents, inspector: applicant.makeInspector(),
                                        ambiguous: applicant.ambiguous)
        context.inspector?.inspect(ClauseNeeds([program]).contentPaths(in: context))
        let result = ProgramEvaluator(context: context).evaluate(program)
        decidedAlike(program, result, context)
        return result
    }

    /// Every program a test evaluates is also decided from statuses alone, as a batch summary
    /// decides it (docs/performance.md, "Statuses alone"): each requirement's status and partial
    /// alternatives, and the program's status and worst failure, must be the whole results'.
    static func decidedAlike(_ program: ResolvedProgram, _ result: ProgramResult, _ context: EvaluationContext,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let tally = ProgramEvaluator(context: context).status(program)
        #expect(tally.status == result.status && tally.worstFailure == ProgramStatus.Tally(result.requirements).worstFailure,
                "\(program.id): decided alone \(tally.status), whole \(result.status)", sourceLocation: sourceLocation)
        // Decided again, every status without a condition is read from those the first kept, through the
        // program's flat list of keys (docs/performance.md, "Statuses from a flat list").
        let again = ProgramEvaluator(context: context).status(program)
        #expect(again.status == tally.status && again.worstFailure == tally.worstFailure,
                "\(program.id): decided from kept statuses \(again.status), alone \(tally.status)", sourceLocation: sourceLocation)
        let dates = ProgramDates(asOf: context.asOf, rotation: program.description.rotation, deadline: program.description.deadline,
                                 offer: context.profile.targets[program.id]?.offer)
        let evaluator = RequirementEvaluator(context: context, dates: dates, requirements: program.requirements)
        for requirement in program.requirements {
            let whole = evaluator.evaluate(requirement.expression)
            let alone = evaluator.status(of: requirement.expression)
            #expect(alone.status == whole.status && alone.partial == whole.partial,
                    "\(program.id): \(requirement.id) decided alone \(alone), whole \(whole.status)", sourceLocation: sourceLocation)
        }
    }
}

extension ProgramResult {
    func status(of id: String) -> RequirementStatus? { requirements.first { $0.id == id }?.status }
    func result(_ id: String) -> RequirementResult? { requirements.first { $0.id == id } }
}
