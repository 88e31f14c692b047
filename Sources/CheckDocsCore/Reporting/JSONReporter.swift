import Foundation

/// The machine-readable report: a stable, versioned contract (checklists/schema/report.schema.json).
///
/// Streamed: what is known before the programs (the run, the folder) comes first, then
/// `programs` one by one, then what is known only after them (`ready`, `summary`, ...).
public final class JSONReporter: Reporter {
    public static let formatID = "json"
    public static let schemaVersion = 1
    private var programCount = 0

    public init() {}

    public func begin(_ header: ReportHeader, into out: inout ReportOutput) {
        out.write("{\n")
        let members: [JSONMember] = [
            member("schemaVersion", integer(Self.schemaVersion)),
            member("tool", .object([member("name", .string("checkdocs")), member("version", .string(header.toolVersion))])),
            member("asOf", .string(header.asOf.description)),
            member("folder", .string(header.folder)),
            member("documents", .array(header.documents.map(document))),
            member("unrecognizedFiles", .array(header.unrecognizedFiles.map { .string($0.description) })),
            member("ambiguousFiles", .array(header.ambiguousFiles.map { file in
                .object([member("path", .string(file.path.description)), member("candidates", .array(file.candidates.map { .string($0) }))])
            })),
            member("diagnostics", .array(header.diagnostics.map { diagnostic in
                var members = [member("level", .string(diagnostic.level.rawValue)), member("code", .string(diagnostic.code))]
                if let path = diagnostic.path { members.append(member("path", .string(path))) }
                members.append(member("message", .string(diagnostic.message)))
                return .object(members)
            })),
        ]
        for item in members { write(item, into: &out, last: false) }
        out.write("  \"programs\": [")
    }

    public func program(_ result: ProgramResult, into out: inout ReportOutput) {
        out.write(programCount == 0 ? "\n    " : ",\n    ")
        JSONWriter.write(program(result), indent: 2, into: &out.bytes)
        programCount += 1
    }

    public func end(_ summary: ReportSummary, into out: inout ReportOutput) {
        out.write(programCount == 0 ? "],\n" : "\n  ],\n")
        var members: [JSONMember] = [
            member("ready", .bool(summary.count(.ready) == summary.programCount)),
            member("summary", .object(ProgramStatus.allCasesInOrder.map { member($0.rawValue, integer(summary.count($0))) })),
            member("crossProgram", .array(summary.crossProgram.map { item in
                .object([
                    member("requirement", .string(item.key)),
                    member("title", .string(item.title)),
                    member("documentTypes", .array(item.documentTypes.map { .string($0) })),
                    member("blocks", .array(item.programs.map { .string($0) })),
                    member("soleBlockerOf", .array(item.soleBlockerOf.map { .string($0) })),
                ])
            })),
            member("fees", .array(summary.fees.map { fee in
                .object([member("currency", .string(fee.currency)), member("amount", decimal(fee.amount)), member("programs", integer(fee.programs))])
            })),
        ]
        if let waivers = summary.waivers {
            func list(_ waivers: [Waiver]) -> JSONValue {
                .array(waivers.map { waiver in
                    .object([
                        member("program", .string(waiver.program ?? "*")), member("requirement", .string(waiver.requirement)),
                        member("reason", .string(waiver.reason)), member("expires", .string(waiver.expires.description)),
                        member("source", .string(waiver.location.description)),
                    ])
                })
            }
            members.append(member("waivers", .object([
                member("applied", integer(waivers.applied)), member("expired", list(waivers.expired)), member("unused", list(waivers.unused)),
            ])))
        }
        for (index, item) in members.enumerated() { write(item, into: &out, last: index == members.count - 1) }
        out.write("}\n")
    }

    /// One top-level member, at depth 1.
    private func write(_ item: JSONMember, into out: inout ReportOutput, last: Bool) {
        out.write("  ")
        JSONWriter.escape(item.key, into: &out.bytes)
        out.write(": ")
        JSONWriter.write(item.value, indent: 1, into: &out.bytes)
        out.write(last ? "\n" : ",\n")
    }

    private func program(_ program: ProgramResult) -> JSONValue {
        var members = [
            member("id", .string(program.id)),
            member("name", .string(program.name)),
        ]
        if let institution = program.institution { members.append(member("institution", .string(institution))) }
        members += [
            member("kind", .string(program.kind.rawValue)),
            member("status", .string(program.status.rawValue)),
            member("source", .object([member("href", .string(program.source.href)), member("asOf", .string(program.source.asOf.description))])),
            member("file", .string(program.file)),
            member("checklists", .array(program.checklists.map { .string($0) })),
        ]
        if let rotation = program.rotation {
            members.append(member("rotation", .object([member("start", .string(rotation.start.description)), member("end", .string(rotation.end.description))])))
        }
        if let deadline = program.effectiveDeadline { members.append(member("applyBy", .string(deadline.description))) }
        members.append(member("fees", .array(program.fees.map { fee in
            .object([member("amount", decimal(fee.amount)), member("currency", .string(fee.currency)), member("label", .string(fee.label))])
        })))
        members.append(member("requirements", .array(program.requirements.map(requirement))))
        return .object(members)
    }

    private func requirement(_ result: RequirementResult) -> JSONValue {
        var members = [
            member("id", .string(result.id)),
            member("title", .string(result.title)),
            member("category", .string(result.category.rawValue)),
            member("documentTypes", .array(result.documentTypes.map { .string($0) })),
            member("status", .string(result.status.rawValue)),
            member("severity", .string(result.severity.rawValue)),
            member("blocking", .bool(result.blocks(at: .error))),
            member("supplier", .string(result.supplier.rawValue)),
            member("due", .string(result.due.rawValue)),
            member("files", .array(result.files.map { .string($0.description) })),
            member("message", .string(result.message)),
        ]
        if let hint = result.hint { members.append(member("hint", .string(hint))) }
        if let rule = result.rule { members.append(member("rule", .string(rule))) }
        if !result.origin.isEmpty { members.append(member("origin", .string(result.origin))) }
        if let waiver = result.waiver {
            members.append(member("waiver", .object([
                member("originalStatus", .string(waiver.originalStatus.rawValue)),
                member("reason", .string(waiver.reason)),
                member("expires", .string(waiver.expires.description)),
                member("source", .string(waiver.location.description)),
            ])))
        }
        return .object(members)
    }

    private func document(_ document: ApplicantDocument) -> JSONValue {
        var members = [member("path", .string(document.path.description)), member("type", .string(document.type ?? ""))]
        if let source = document.classifiedBy { members.append(member("classifiedBy", .string(source.rawValue))) }
        if let evidence = document.evidence { members.append(member("evidence", .string(evidence))) }
        if let date = document.facts.date { members.append(member("date", .string(date.description))) }
        if let expires = document.facts.expires { members.append(member("expires", .string(expires.description))) }
        if !document.facts.doses.isEmpty { members.append(member("doses", .array(document.facts.doses.map { .string($0.description) }))) }
        if let result = document.facts.result { members.append(member("result", .string(result.rawValue))) }
        return .object(members)
    }

    private func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
    private func integer(_ value: Int) -> JSONValue { .number(Double(value), String(value)) }
    private func decimal(_ value: Decimal) -> JSONValue {
        let text = NSDecimalNumber(decimal: value).stringValue
        return .number(Double(text) ?? 0, text)
    }
}

extension ProgramStatus {
    static let allCasesInOrder: [ProgramStatus] = [.ready, .notReady, .ineligible, .closed]
}
