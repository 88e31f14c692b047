import Foundation
import CheckDocsFormats

/// `checkdocs pick --format json`: the ranking and plan as a versioned JSON document
/// (docs/pick.md, "Output"). Amounts are strings of decimal numbers, per currency.
public enum PickJSON {
    public static let schemaVersion = 1

    public static func render(_ report: PickReport) -> String {
        var members = [
            member("schemaVersion", integer(schemaVersion)),
            member("tool", .object([member("name", .string("checkdocs")), member("version", .string(report.toolVersion))])),
            member("asOf", .string(report.asOf.description)),
            member("folder", .string(report.folder)),
            member("weights", .object(PickWeights.names.map { member($0, number(report.weights[$0])) })),
            member("notes", .array(report.notes.map { .string($0) })),
            member("sessionsWeighed", integer(report.sessionsWeighed)),
            member("ranked", .array(report.ranked.map(candidate))),
            member("unfit", .array(report.unfit.map(candidate))),
        ]
        members.append(member("plan", report.plan.map(plan) ?? .null))
        return JSONWriter.write(.object(members))
    }

    static func candidate(_ candidate: PickCandidate) -> JSONValue {
        .object([
            member("program", .string(candidate.programID)),
            member("name", .string(candidate.name)),
            member("institution", candidate.institution.map { .string($0) } ?? .null),
            member("kind", .string(candidate.kind.rawValue)),
            member("specialty", candidate.specialty.map { .string($0) } ?? .null),
            member("handsOn", candidate.handsOn.map { .string($0.rawValue) } ?? .null),
            member("start", candidate.rotation.map { .string($0.start.description) } ?? .null),
            member("end", candidate.rotation.map { .string($0.end.description) } ?? .null),
            member("weeks", candidate.weeks.map(integer) ?? .null),
            member("sessions", integer(candidate.sessionCount)),
            member("applyBy", candidate.applyBy.map { .string($0.description) } ?? .null),
            member("readyBy", .string(candidate.readyBy.description)),
            member("fits", .bool(candidate.fits)),
            member("exclusions", .array(candidate.exclusions.map { .string($0) })),
            member("undecided", .array(candidate.undecided.map { .string($0) })),
            member("toObtain", .array(candidate.missing.map {
                .object([member("requirement", .string($0.requirement)), member("title", .string($0.title)), member("leadDays", integer($0.leadDays))])
            })),
            member("cost", cost(candidate.cost)),
            member("score", number(candidate.score)),
            member("factors", .array(candidate.factors.map {
                .object([member("name", .string($0.name)), member("value", number($0.value)), member("weight", number($0.weight)),
                         member("points", number($0.points)), member("words", .string($0.words))])
            })),
            member("source", .object([member("href", .string(candidate.source.href)), member("asOf", .string(candidate.source.asOf.description))])),
        ])
    }

    static func cost(_ cost: PickCost) -> JSONValue {
        .object([
            member("amounts", .object(cost.amounts.keys.sorted().map { member($0, .string(PickCost.format(cost.amounts[$0]!))) })),
            member("uncounted", .array(cost.uncounted.map { .string($0) })),
        ])
    }

    static func plan(_ plan: SeasonPlan) -> JSONValue {
        .object([
            member("objective", .string(plan.objective)),
            member("value", number(plan.value)),
            member("complete", .bool(plan.complete)),
            member("candidatesSearched", integer(plan.candidatesSearched)),
            member("nodes", integer(plan.nodes)),
            member("undated", .array(plan.undated.map { .string($0) })),
            member("total", cost(plan.total)),
            member("sessions", .array(plan.blocks.map(candidate))),
            member("residency", .array(plan.residency.map {
                .object([member("program", .string($0.programID)), member("rule", .string($0.rule)), member("met", .bool($0.met)),
                         member("monthsBefore", number($0.monthsBefore)), member("monthsWithPlan", number($0.monthsWithPlan)),
                         member("minMonths", number($0.minMonths)), member("words", .string($0.words))])
            })),
            member("leftOut", .array(plan.rejected.map {
                .object([member("program", .string($0.candidate.programID)), member("start", .string($0.candidate.rotation!.start.description)),
                         member("reason", .string($0.reason))])
            })),
        ])
    }

    /// Two decimals, so that the same run gives the same bytes.
    static func number(_ value: Double) -> JSONValue {
        let text = String(format: "%.2f", value)
        return .number(Double(text)!, text)
    }
    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
    private static func integer(_ value: Int) -> JSONValue { .number(Double(value), String(value)) }
}

/// `checkdocs pick --format csv`: one row per program (best session first, then those that do
/// not fit), one column per factor's points, for a spreadsheet (RFC 4180). The factors' columns
/// are named by the factor; the cost in words is `cost-amount`, beside the `cost` factor's points
/// (one name for both made a spreadsheet or a CSV reader keep only one of them).
public enum PickCSV {
    public static func render(_ report: PickReport) -> String {
        let header = ["rank", "program", "name", "start", "end", "weeks", "fits", "score"] + PickWeights.names
            + ["cost-amount", "ready-by", "apply-by", "why-not"]
        var lines = [header.joined(separator: ",")]
        for (index, candidate) in (report.ranked + report.unfit).enumerated() {
            let rank = candidate.fits ? String(index + 1) : ""
            let points = PickWeights.names.map { name in candidate.factors.first { $0.name == name }.map { String(format: "%.2f", $0.points) } ?? "" }
            let fields = [rank, candidate.programID, candidate.name, candidate.rotation?.start.description ?? "", candidate.rotation?.end.description ?? "",
                          candidate.weeks.map(String.init) ?? "", candidate.fits ? "yes" : "no", String(format: "%.2f", candidate.score)]
                + points + [candidate.cost.words, candidate.readyBy.description, candidate.applyBy?.description ?? "",
                            candidate.exclusions.joined(separator: "; ")]
            lines.append(fields.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quoted when needed; a cell a spreadsheet would read as a formula starts with `'`
    /// (docs/security.md: catalog text is not trusted).
    static func field(_ text: String) -> String { BatchSummary.cell(text) }
}

extension OutputFormat {
    /// `pick --format json`.
    public static let pickJSON = OutputFormat(id: "json", fileExtension: "json", purpose: "the ranking and plan, versioned (schemaVersion 1)",
                                              make: .pick { report, _ in PickJSON.render(report) })
    /// `pick --format csv`.
    public static let pickCSV = OutputFormat(id: "csv", fileExtension: "csv", purpose: "one row per program with each factor's points (RFC 4180)",
                                             make: .pick { report, _ in PickCSV.render(report) })
}
