import Foundation
import CheckDocsFormats
import CheckDocsNative

/// The machine-readable report: a stable, versioned contract (checklists/schema/report.schema.json).
///
/// Streamed: what is known before the programs (the run, the folder) comes first, then
/// `programs` one by one, then what is known only after them (`ready`, `summary`, ...).
public struct JSONReporter: StreamingFormat {
    public static let schemaVersion = 4

    public init() {}

    public func begin(_ header: ReportHeader, into out: inout ReportOutput) {
        out.write("{\n")
        let members: [JSONMember] = [
            member("schemaVersion", integer(Self.schemaVersion)),
            member("tool", .object([member("name", .string("checkdocs")), member("version", .string(header.toolVersion))])),
            member("asOf", .string(header.asOf.description)),
            member("folder", .string(header.folder)),
            member("documents", .array(header.documents.map(document))),
            member("unrecognizedFiles", .array(header.unrecognizedFiles.map { .string($0.jsonText) })),
            member("ambiguousFiles", .array(header.ambiguousFiles.map { file in
                .object([member("path", .string(file.path.jsonText)), member("candidates", .array(file.candidates.map { .string($0) }))])
            })),
            member("suggestions", .array(header.suggestions.map { suggestion in
                .object([
                    member("path", .string(suggestion.path.jsonText)),
                    member("suggestion", .bool(true)),
                    member("documentTypes", .array(suggestion.documentTypes.map { .string($0) })),
                    member("evidence", .array(suggestion.evidence.map { .array($0.map { .string($0) }) })),
                    member("dates", .array(suggestion.dates.map { .string($0.description) })),
                ])
            })),
            member("diagnostics", .array(header.diagnostics.map { diagnostic in
                var members = [member("level", .string(diagnostic.level.rawValue)), member("code", .string(diagnostic.code.rawValue))]
                if let path = diagnostic.exactPath ?? diagnostic.path { members.append(member("path", .string(path))) }
                members.append(member("message", .string(diagnostic.message)))
                return .object(members)
            })),
        ]
        for item in members { write(item, into: &out, last: false) }
        out.write("  \"programs\": [")
    }

    public func fragment(for result: ProgramResult) -> [UInt8] {
        // Written straight into the array returned, sized once: about 1 KB per requirement and
        // 0.75 KB per file it considered covers every program of the bench catalogs with a third
        // to spare; a larger program costs one copy more (docs/performance.md, "JSON report writer").
        var candidates = 0
        for index in result.requirements.indices { candidates += result.requirements[index].candidates.count }
        return ByteBuffer.array(capacity: 1_024 * (result.requirements.count + 2) + 768 * candidates) { bytes in
            Self.write(result, into: &bytes)
        }
    }

    public func program(fragment: [UInt8], index: Int, into out: inout ReportOutput) {
        out.write(index == 0 ? "\n    " : ",\n    ")
        out.bytes.append(contentsOf: fragment)
    }

    public func end(_ summary: ReportSummary, header: ReportHeader, programCount: Int, into out: inout ReportOutput) {
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
            member("feesNotCounted", .array(summary.feesNotCounted.map { fee in
                .object([member("currency", .string(fee.currency)), member("amount", decimal(fee.amount)),
                         member("programs", .array(fee.programs.map { .string($0) }))])
            })),
        ]
        members.append(member("facts", .array(summary.facts.map(fact))))
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

    /// A program object at depth 2 (inside `programs`), written directly: the hot path. Results
    /// are read in place, by index (a `for … in` copies each, a retain per field).
    static func write(_ program: ProgramResult, into out: inout ByteBuffer) {
        var object = JSONObjectWriter(depth: 2)
        object.string("id", program.id, into: &out)
        object.string("name", program.name, into: &out)
        if let institution = program.institution { object.string("institution", institution, into: &out) }
        object.string("kind", program.kind.rawValue, into: &out)
        object.string("status", program.status.rawValue, into: &out)
        object.key("source", into: &out)
        var source = JSONObjectWriter(depth: 3)
        source.string("href", program.source.href, into: &out)
        source.date("asOf", program.source.asOf, into: &out)
        source.close(into: &out)
        object.string("file", program.file, into: &out)
        object.strings("checklists", program.checklists, into: &out)
        if let rotation = program.rotation {
            object.key("rotation", into: &out)
            var dates = JSONObjectWriter(depth: 3)
            dates.date("start", rotation.start, into: &out)
            dates.date("end", rotation.end, into: &out)
            dates.close(into: &out)
        }
        if let session = program.session {
            object.key("session", into: &out)
            var chosen = JSONObjectWriter(depth: 3)
            chosen.date("start", session.start, into: &out)
            chosen.string("reason", session.reason.rawValue, into: &out)
            chosen.integer("sessions", session.count, into: &out)
            chosen.close(into: &out)
        }
        if let deadline = program.effectiveDeadline { object.date("applyBy", deadline, into: &out) }
        object.key("fees", into: &out)
        var fees = JSONArrayWriter(depth: 3)
        for index in program.fees.indices {
            fees.next(into: &out)
            var fee = JSONObjectWriter(depth: 4)
            fee.raw("amount", decimalText(program.fees[index].amount), into: &out)
            fee.string("currency", program.fees[index].currency, into: &out)
            fee.string("label", program.fees[index].label, into: &out)
            fee.close(into: &out)
        }
        fees.close(into: &out)
        object.key("requirements", into: &out)
        var requirements = JSONArrayWriter(depth: 3)
        for index in program.requirements.indices {
            requirements.next(into: &out)
            write(program.requirements[index], into: &out)
        }
        requirements.close(into: &out)
        object.close(into: &out)
    }

    /// A requirement object at depth 4.
    static func write(_ result: RequirementResult, into out: inout ByteBuffer) {
        var object = JSONObjectWriter(depth: 4)
        object.string("id", result.id, into: &out)
        object.string("title", result.title, into: &out)
        object.string("category", result.category.rawValue, into: &out)
        object.strings("documentTypes", result.documentTypes, into: &out)
        object.string("status", result.status.rawValue, into: &out)
        object.string("severity", result.severity.rawValue, into: &out)
        object.bool("blocking", result.blocks(at: .error), into: &out)
        object.string("supplier", result.supplier.rawValue, into: &out)
        object.string("due", result.due.rawValue, into: &out)
        object.key("files", into: &out)
        var files = JSONArrayWriter(depth: 5)
        for index in result.files.indices {
            files.next(into: &out)
            out.append(jsonString: result.files[index].jsonText)
        }
        files.close(into: &out)
        object.string("message", result.message, into: &out)
        // Written straight into the bytes, without a JSONValue tree: a catalog run writes one per
        // failing requirement of every program (docs/performance.md).
        if let reason = result.reason {
            object.key("reason", into: &out)
            write(reason, depth: 5, into: &out)
        }
        if !result.candidates.isEmpty {
            object.key("candidates", into: &out)
            write(result.candidates, depth: 5, into: &out)
        }
        if let choice = result.choice {
            object.key("choice", into: &out)
            var chosen = JSONObjectWriter(depth: 5)
            chosen.string("documentType", choice.documentType, into: &out)
            chosen.integer("max", choice.max, into: &out)
            chosen.integer("found", choice.found, into: &out)
            chosen.close(into: &out)
        }
        if let hint = result.hint { object.string("hint", hint, into: &out) }
        if let rule = result.rule { object.string("rule", rule, into: &out) }
        if !result.origin.isEmpty { object.string("origin", result.origin, into: &out) }
        if let waiver = result.waiver {
            object.key("waiver", into: &out)
            var applied = JSONObjectWriter(depth: 5)
            applied.string("originalStatus", waiver.originalStatus.rawValue, into: &out)
            applied.string("reason", waiver.reason, into: &out)
            applied.date("expires", waiver.expires, into: &out)
            applied.string("source", waiver.location.description, into: &out)
            applied.close(into: &out)
        }
        object.close(into: &out)
    }

    /// The reason object, as `JSONWriter` would write `json(reason)` at nesting depth `depth`.
    static func write(_ reason: FindingReason, depth: Int, into out: inout ByteBuffer) {
        var object = JSONObjectWriter(depth: depth)
        object.string("kind", reason.kind, into: &out)
        object.string("code", reason.code, into: &out)
        if let file = reason.file { object.string("file", file.jsonText, into: &out) }
        for index in reason.fields.indices {
            object.key(escaping: reason.fields[index].key, into: &out)
            switch reason.fields[index].value {
            case let .string(text): out.append(jsonString: text)
            case let .int(number): out.append(decimal: number)
            case let .number(number): out.append(utf8: EligibilityRule.format(number))
            case let .bool(flag): out.append(flag ? "true" : "false")
            case let .date(date): write(date, into: &out)
            case let .strings(items):
                var array = JSONArrayWriter(depth: depth + 1)
                for item in items {
                    array.next(into: &out)
                    out.append(jsonString: item)
                }
                array.close(into: &out)
            }
        }
        object.close(into: &out)
    }

    /// The candidates array, as `JSONWriter` would write their `json` at nesting depth `depth`.
    static func write(_ candidates: [CandidateFile], depth: Int, into out: inout ByteBuffer) {
        var array = JSONArrayWriter(depth: depth)
        for index in candidates.indices {
            array.next(into: &out)
            var object = JSONObjectWriter(depth: depth + 1)
            object.string("path", candidates[index].path.jsonText, into: &out)
            object.bool("counted", candidates[index].counted, into: &out)
            // Worded here, once each: a candidate's reason and sentence are made on each read.
            if let failure = candidates[index].failure {
                object.key("reason", into: &out)
                write(failure.reason, depth: depth + 2, into: &out)
                object.string("message", failure.sentence, into: &out)
            }
            object.close(into: &out)
        }
        array.close(into: &out)
    }

    /// `"YYYY-MM-DD"`, digit by digit (what `CalendarDate.description` spells, without the String).
    static func write(_ date: CalendarDate, into out: inout ByteBuffer) {
        out.reserve(12)
        out.append(UInt8(ascii: "\""))
        out.append(date: date)
        out.append(UInt8(ascii: "\""))
    }

    private func document(_ document: ApplicantDocument) -> JSONValue {
        var members = [member("path", .string(document.path.jsonText)), member("type", .string(document.type ?? ""))]
        if let source = document.classifiedBy { members.append(member("classifiedBy", .string(source.rawValue))) }
        if let evidence = document.evidence { members.append(member("evidence", .string(evidence))) }
        if let date = document.facts.date { members.append(member("date", .string(date.description))) }
        if let expires = document.facts.expires { members.append(member("expires", .string(expires.description))) }
        if !document.facts.doses.isEmpty { members.append(member("doses", .array(document.facts.doses.map { .string($0.description) }))) }
        if let result = document.facts.result { members.append(member("result", .string(result.rawValue))) }
        return .object(members)
    }

    /// `{"kind": "window", "code": "before-window", "file": "…", "date": "…", …}`.
    static func json(_ reason: FindingReason) -> JSONValue {
        var members = [JSONMember(key: "kind", value: .string(reason.kind)), JSONMember(key: "code", value: .string(reason.code))]
        if let file = reason.file { members.append(JSONMember(key: "file", value: .string(file.jsonText))) }
        for field in reason.fields {
            let value: JSONValue
            switch field.value {
            case let .string(text): value = .string(text)
            case let .int(number): value = .number(Double(number), String(number))
            case let .number(number): value = .number(number, EligibilityRule.format(number))
            case let .bool(flag): value = .bool(flag)
            case let .date(date): value = .string(date.description)
            case let .strings(items): value = .array(items.map(JSONValue.string))
            }
            members.append(JSONMember(key: field.key, value: value))
        }
        return .object(members)
    }

    private func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

    /// A fact read from a document, with its evidence (report.schema.json `facts`).
    private func fact(_ fact: ReadFact) -> JSONValue {
        var members = [member("fact", .string(fact.fact.rawValue)), member("value", .string(fact.value.description))]
        switch fact.value {
        case let .date(date): members.append(member("date", .string(date.description)))
        case let .period(from, through):
            members += [member("from", .string(from.description)), member("through", .string(through.description))]
        case let .result(result): members.append(member("result", .string(result.rawValue)))
        case let .titer(value, unit): members += [member("number", .number(value, FactValue.number(value))), member("unit", .string(unit))]
        case .exam, .text: break
        }
        members.append(member("file", .string(fact.file.jsonText)))
        if let type = fact.documentType { members.append(member("documentType", .string(type))) }
        members += [
            member("page", integer(fact.page)), member("method", .string(fact.method.rawValue)), member("text", .string(fact.evidence)),
            member("confidence", .number(fact.confidence, DecimalText.fixed(fact.confidence, digits: 2))), member("use", .string(fact.use.rawValue)),
        ]
        if let manifest = fact.manifestValue { members.append(member("manifestValue", .string(manifest))) }
        return .object(members)
    }
    private func integer(_ value: Int) -> JSONValue { .number(Double(value), String(value)) }
    private func decimal(_ value: Decimal) -> JSONValue {
        let text = Self.decimalText(value)
        return .number(Double(text) ?? 0, text)
    }
    private static func decimalText(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
}

extension JSONObjectWriter {
    /// A date member, `"YYYY-MM-DD"`.
    mutating func date(_ key: StaticString, _ date: CalendarDate, into out: inout ByteBuffer) {
        self.key(key, into: &out)
        JSONReporter.write(date, into: &out)
    }
}

extension ProgramStatus {
    static let allCasesInOrder: [ProgramStatus] = [.ready, .notReady, .ineligible, .closed]
}

extension OutputFormat {
    /// `check --format json`.
    public static let json = OutputFormat(id: "json", fileExtension: "json",
                                          purpose: "programs: a stable, versioned contract (checklists/schema/report.schema.json)",
                                          make: .report { _ in StreamingReporter(JSONReporter()) })
}
