import CheckDocsFormats

/// `checkdocs plan --format json`: the plan as a versioned JSON document. Dates are
/// YYYY-MM-DD strings; a bound that does not exist is null.
public enum PlanJSONReporter {
    public static let schemaVersion = 1

    public static func render(_ plan: ActionPlan) -> String {
        JSONWriter.write(.object([
            member("schemaVersion", integer(schemaVersion)),
            member("tool", .object([member("name", .string("checkdocs")), member("version", .string(plan.toolVersion))])),
            member("asOf", .string(plan.asOf.description)),
            member("folder", .string(plan.folder)),
            member("actions", .array(plan.actions.map { action($0, asOf: plan.asOf) })),
            member("programs", .array(plan.programs.map(program))),
            member("skipped", .array(plan.skipped.map(program))),
            member("undecided", .array(plan.undecided.map { rule in
                .object([member("requirement", .string(rule.requirement)), member("title", .string(rule.title)),
                         member("message", .string(rule.message)), member("programs", .array(rule.programs.map { .string($0) }))])
            })),
        ]))
    }

    private static func action(_ action: PlanAction, asOf: CalendarDate) -> JSONValue {
        .object([
            member("id", .string(action.id)),
            member("verb", .string(action.verb.rawValue)),
            member("title", .string(action.title)),
            member("documentTypes", .array(action.documentTypes.map { .string($0) })),
            member("programs", .array(action.programs.map { .string($0) })),
            member("startOn", date(action.startOn)),
            member("possible", .bool(!action.window.isEmpty && !action.isTooLate(asOf: asOf))),
            member("leadDays", action.leadDays.map { integer($0) } ?? .null),
            member("late", .bool(action.isLate)),
        ] + window(action.window) + [
            member("separateFrom", .array(action.separateFrom.map { .string($0) })),
            member("needs", .array(action.needs.map { need in
                .object([
                    member("program", .string(need.program)),
                    member("requirement", .string(need.requirement)),
                    member("title", .string(need.title)),
                    member("status", .string(need.status.rawValue)),
                    member("severity", .string(need.severity.rawValue)),
                    member("due", .string(need.due.rawValue)),
                ] + window(need.window) + [
                    member("message", .string(need.message)),
                    member("hint", need.hint.map { .string($0) } ?? .null),
                ])
            })),
        ])
    }

    private static func window(_ window: DateWindow) -> [JSONMember] {
        [
            member("earliest", window.earliest.map(date) ?? .null),
            member("earliestReason", window.earliestReason.map { .string($0) } ?? .null),
            member("latest", window.latest.map(date) ?? .null),
            member("latestReason", window.latestReason.map { .string($0) } ?? .null),
            member("validThrough", window.validThrough.map(date) ?? .null),
            member("validThroughReason", window.validThroughReason.map { .string($0) } ?? .null),
        ]
    }

    private static func program(_ program: PlanProgram) -> JSONValue {
        .object([
            member("id", .string(program.id)),
            member("name", .string(program.name)),
            member("status", .string(program.status.rawValue)),
            member("applyBy", program.applyBy.map(date) ?? .null),
            member("rotation", program.rotation.map { .object([member("start", date($0.start)), member("end", date($0.end))]) } ?? .null),
        ])
    }

    private static func date(_ day: CalendarDate) -> JSONValue { .string(day.description) }
    private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }
    private static func integer(_ value: Int) -> JSONValue { .number(Double(value), String(value)) }
}

extension OutputFormat {
    /// `plan --format json`.
    public static let planJSON = OutputFormat(id: "json", fileExtension: "json", purpose: "the plan for programs, versioned (schemaVersion 1)",
                                              make: .plan { plan, _ in PlanJSONReporter.render(plan) })
}
