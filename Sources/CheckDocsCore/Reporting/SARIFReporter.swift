import CheckDocsFormats

/// The findings as SARIF 2.1.0, for code-scanning dashboards and SARIF viewers: one run, one result
/// per finding. A finding is a failing requirement of a program, an unrecognized or ambiguous
/// file, or a note on the folder. Rule ids are stable (docs/reports.md lists them):
///
/// - `checkdocs/<status>` for a failing requirement: `checkdocs/missing`, `checkdocs/expired`, ...
/// - `checkdocs/unrecognized-file`, `checkdocs/ambiguous-file`
/// - `checkdocs/folder/<code>` for a note on the folder: `checkdocs/folder/ambiguous-date`, ...
///
/// A file's location is its path relative to the applicant folder, percent-encoded as a URI
/// reference against the base id `FOLDER`. Pending, waived and met requirements are not findings.
public struct SARIFReporter: WholeReportFormat {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// checkdocs has no public home yet; `.invalid` (RFC 2606) marks this address as a placeholder.
    public static let informationURI = "https://checkdocs.invalid/docs/reports.md"

    public init() {}

    public func render(_ report: ReadinessReport) -> String {
        let rules = SARIFRule.all
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })

        var results: [JSONValue] = []
        for program in report.programs {
            for requirement in program.requirements where requirement.status.isFailure {
                let id = requirement.status.sarifRuleID
                var text = "\(program.id): \(requirement.title) [\(requirement.id)] is \(requirement.status.rawValue)"
                if !requirement.message.isEmpty { text += " — " + requirement.message }
                let uncounted = requirement.uncountedLines
                if !uncounted.isEmpty { text += ". Not counted: " + uncounted.joined(separator: "; ") }
                if let hint = requirement.hint { text += (text.hasSuffix(".") ? " " : ". ") + "What to do: " + hint }
                var properties: [JSONMember] = [
                    member("programId", .string(program.id)), member("programStatus", .string(program.status.rawValue)),
                    member("requirementId", .string(requirement.id)), member("status", .string(requirement.status.rawValue)),
                    member("severity", .string(requirement.severity.rawValue)), member("category", .string(requirement.category.rawValue)),
                    member("documentTypes", .array(requirement.documentTypes.map { .string($0) })),
                ]
                if let hint = requirement.hint { properties.append(member("hint", .string(hint))) }
                if !requirement.candidates.isEmpty { properties.append(member("candidates", .array(requirement.candidates.map(\.json)))) }
                let logical = JSONValue.object([
                    member("name", .string(requirement.id)),
                    member("fullyQualifiedName", .string("\(program.id)/\(requirement.id)")),
                    member("kind", .string("requirement")),
                ])
                let locations: [JSONValue] = requirement.files.isEmpty
                    ? [.object([member("logicalLocations", .array([logical]))])]
                    : requirement.files.map { .object([physical(Self.uriReference($0.bytes)), member("logicalLocations", .array([logical]))]) }
                results.append(result(id, index: index, level: requirement.severity.rawValue, text: text, locations: locations,
                                      fingerprint: "\(program.id)/\(requirement.id)", properties: properties))
            }
        }
        for path in report.unrecognizedFiles {
            results.append(result(SARIFRule.unrecognizedFile.id, index: index, level: "warning",
                                  text: "\(path): not recognized as any document type; name it by type, or declare `type:` in the manifest",
                                  locations: [.object([physical(Self.uriReference(path.bytes))])], fingerprint: "unrecognized/\(path)",
                                  properties: []))
        }
        for file in report.ambiguousFiles {
            results.append(result(SARIFRule.ambiguousFile.id, index: index, level: "warning",
                                  text: "\(file.path): could be \(file.candidates.joined(separator: " or ")); declare `type:` in the manifest",
                                  locations: [.object([physical(Self.uriReference(file.path.bytes))])], fingerprint: "ambiguous/\(file.path)",
                                  properties: [member("candidates", .array(file.candidates.map { .string($0) }))]))
        }
        for diagnostic in report.diagnostics {
            // The file's own bytes: its exact name (a newline in it too), or the bytes that are not UTF-8.
            let exact = diagnostic.exactPath ?? diagnostic.path
            let locations: [JSONValue] = exact.map { [.object([physical(Self.uriReference(diagnostic.pathBytes ?? Array($0.utf8)))])] } ?? []
            results.append(result(diagnostic.code.sarifRuleID, index: index, level: diagnostic.level.rawValue,
                                  text: (diagnostic.path.map { $0 + ": " } ?? "") + diagnostic.message, locations: locations,
                                  fingerprint: "folder/\(diagnostic.code)/\(exact ?? "")", properties: []))
        }

        let driver = JSONValue.object([
            member("name", .string("checkdocs")),
            member("version", .string(report.toolVersion)),
            member("semanticVersion", .string(report.toolVersion)),
            member("informationUri", .string(Self.informationURI)),
            member("rules", .array(rules.map(rule))),
        ])
        let run = JSONValue.object([
            member("tool", .object([member("driver", driver)])),
            member("originalUriBaseIds", .object([member("FOLDER", .object([
                member("description", .object([member("text", .string("The applicant folder, \(report.folder)"))])),
            ]))])),
            member("results", .array(results)),
            member("properties", .object([
                member("asOf", .string(report.asOf.description)),
                member("folder", .string(report.folder)),
                member("verdict", .string(report.verdict)),
            ] + (report.summary.waivers.map { waivers in
                [member("waivers", .object([
                    member("applied", .number(Double(waivers.applied), String(waivers.applied))),
                    member("expired", .array(waivers.expired.map { .string($0.target) })),
                    member("unused", .array(waivers.unused.map { .string($0.target) })),
                ]))]
            } ?? []) + [
                member("programs", .array(report.programs.map { program in
                    .object([member("id", .string(program.id)), member("status", .string(program.status.rawValue))])
                })),
            ])),
        ])
        return JSONWriter.write(.object([
            member("$schema", .string(Self.schema)),
            member("version", .string("2.1.0")),
            member("runs", .array([run])),
        ]))
    }

    private func rule(_ rule: SARIFRule) -> JSONValue {
        .object([
            member("id", .string(rule.id)),
            member("name", .string(rule.name)),
            member("shortDescription", .object([member("text", .string(rule.text))])),
            member("defaultConfiguration", .object([member("level", .string(rule.level))])),
        ])
    }

    private func result(_ ruleID: String, index: [String: Int], level: String, text: String, locations: [JSONValue],
                        fingerprint: String, properties: [JSONMember]) -> JSONValue {
        var members = [
            member("ruleId", .string(ruleID)),
            member("ruleIndex", .number(Double(index[ruleID] ?? -1), String(index[ruleID] ?? -1))),
            member("level", .string(level)),
            member("message", .object([member("text", .string(text))])),
        ]
        if !locations.isEmpty { members.append(member("locations", .array(locations))) }
        members.append(member("partialFingerprints", .object([member("checkdocsFinding/v1", .string(fingerprint))])))
        if !properties.isEmpty { members.append(member("properties", .object(properties))) }
        return .object(members)
    }

    private func physical(_ uri: String) -> JSONMember {
        member("physicalLocation", .object([member("artifactLocation", .object([
            member("uri", .string(uri)), member("uriBaseId", .string("FOLDER")),
        ]))]))
    }

    /// A relative path as a URI reference: every byte but the unreserved characters and `/` is
    /// percent-encoded, so spaces, `#`, `?`, `:` and bytes that are not UTF-8 all survive.
    static func uriReference(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
}

extension OutputFormat {
    /// `check --format sarif`.
    public static let sarif = OutputFormat(id: "sarif", fileExtension: "sarif", purpose: "code-scanning dashboards and SARIF viewers (SARIF 2.1.0)",
                                          make: .report { _ in WholeReportReporter(SARIFReporter()) })
}
