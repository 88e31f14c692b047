import Foundation
import CheckDocsNative
import CheckDocsFormats

/// Reads the manifest's `goals:` (already schema-valid) into `ApplicantGoals`; what the schema
/// cannot say (a window that ends before it starts, a weight name `pick` does not know) is an
/// error at its JSON Pointer (docs/manifest.md, "goals").
enum GoalsDecoder {
    /// An amount as written (`1999.99` stays exact), not through a binary double.
    static func amount(_ value: JSONValue?) -> Decimal? {
        guard case let .number(number, text)? = value else { return nil }
        return Decimal(amountText: text) ?? Decimal(number)
    }

    static func decode(_ value: JSONValue, file: String) -> (ApplicantGoals, [InputError]) {
        var goals = ApplicantGoals()
        var errors: [InputError] = []
        func error(_ pointer: String, _ message: String) {
            errors.append(InputError(SourceLocation(file: file, position: .pointer("/goals" + pointer)), message))
        }
        func date(_ value: JSONValue?) -> CalendarDate? { value?.stringValue.flatMap { CalendarDate(iso: $0) } }
        goals.stage = value["stage"]?.stringValue.flatMap(ApplicantGoals.Stage.init(rawValue:))
        goals.matchYear = value["matchYear"]?.intValue
        goals.applyBy = date(value["applyBy"])
        goals.specialties = value["specialties"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for (index, item) in (value["availability"]?.arrayValue ?? []).enumerated() {
            guard let from = date(item["from"]), let through = date(item["through"]) else { continue }
            if through < from {
                error("/availability/\(index)/through", "the window ends (\(through)) before it starts (\(from))")
            } else {
                goals.availability.append(ApplicantGoals.Window(from: from, through: through))
            }
        }
        if let budget = value["budget"], let total = amount(budget["total"]) {
            goals.budget = ApplicantGoals.Budget(total: total, currency: budget["currency"]?.stringValue ?? "USD",
                                                 livingPerWeek: amount(budget["livingPerWeek"]))
        }
        goals.prefer = value["prefer"]?.stringValue.flatMap(ApplicantGoals.Preference.init(rawValue:))
        goals.residencyTargets = value["residencyTargets"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for member in value["weights"]?.members ?? [] {
            guard PickWeights.names.contains(member.key) else {
                error(JSONPointer.appending("/weights", member.key),
                      "unknown weight \"\(member.key)\"\(Suggestion.didYouMean(member.key, in: PickWeights.names)); the weights are \(PickWeights.names.joined(separator: ", "))")
                continue
            }
            goals.weights[member.key] = member.value.doubleValue
        }
        if goals.stage == .applying, goals.matchYear == nil, goals.applyBy == nil {
            error("/stage", "stage applying needs matchYear (or applyBy): the plan aims at that application season")
        }
        return (goals, errors)
    }
}
