import Foundation

/// The words for a program's facts for choosing (`explain`, `pick`), docs/programs.md.
public enum ChoosingWords {
    /// "internal medicine; academic, inpatient; hands-on; letter usually; Cleveland, OH, living about USD 400 a week";
    /// nil when the description gives none of them.
    public static func facts(_ description: ProgramDescription) -> String? {
        let facts = description.facts
        var parts: [String] = []
        if let specialty = description.specialty { parts.append(specialty) }
        let setting = [facts.setting?.rawValue, facts.care.map { $0 == .both ? "inpatient and outpatient" : $0.rawValue }].compactMap { $0 }
        if !setting.isEmpty { parts.append(setting.joined(separator: ", ")) }
        if let handsOn = facts.handsOn { parts.append(handsOn.words) }
        if let letter = facts.letter { parts.append(letter == .no ? "no letter of recommendation" : "letter of recommendation \(letter.rawValue)") }
        if let weeks = facts.weeks { parts.append("\(weeks) week\(weeks == 1 ? "" : "s")") }
        var place: [String] = []
        if let city = facts.city { place.append(city) }
        if let living = facts.livingPerWeek { place.append("living about \(facts.livingCurrency) \(living) a week") }
        if !place.isEmpty { parts.append(place.joined(separator: ", ")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
