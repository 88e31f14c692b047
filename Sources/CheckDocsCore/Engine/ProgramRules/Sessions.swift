import CheckDocsNative

/// `<sessions>`: a program that runs fixed blocks ("four-week rotations starting on the first
/// Monday of each month, except December") lists its start dates, explicitly or by a simple
/// recurrence, instead of one `<rotation>` (docs/programs.md, "Sessions"). Each session is a
/// rotation of `weeks` weeks; the program is evaluated per session.
public struct Sessions: Hashable, Sendable {
    /// How long each session runs, in weeks.
    public var weeks: Int
    /// Explicit start dates.
    public var starts: [CalendarDate]
    /// Recurring start dates.
    public var recurrences: [Recurrence]

    public init(weeks: Int, starts: [CalendarDate] = [], recurrences: [Recurrence] = []) {
        self.weeks = weeks
        self.starts = starts
        self.recurrences = recurrences
    }

    /// The limits that keep a description's sessions small (docs/programs.md, "Sessions").
    public static let maxStarts = 200
    public static let maxRecurrences = 8
    public static let maxSessions = 500
    /// A recurrence covers at most this many years (`from` to `through`).
    public static let maxRecurrenceYears = 5

    public enum Weekday: String, Sendable, CaseIterable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday

        /// 1970-01-01 was a Thursday: the weekday of an ordinal, Monday = 0.
        static func index(of date: CalendarDate) -> Int { ((date.ordinal % 7) + 7 + 3) % 7 }
        var index: Int { Self.allCases.firstIndex(of: self)! }
    }

    public enum Month: String, Sendable, CaseIterable {
        case january, february, march, april, may, june, july, august, september, october, november, december
        var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
    }

    /// "the first Monday of each month from 2027-01-01 through 2027-12-31, except December".
    public struct Recurrence: Hashable, Sendable {
        /// 1 to 4: the first to the fourth such weekday of the month.
        public var ordinal: Int
        public var weekday: Weekday
        public var from: CalendarDate
        public var through: CalendarDate
        public var exceptMonths: [Month]

        /// Every start date it gives, in order.
        public var dates: [CalendarDate] {
            var result: [CalendarDate] = []
            var month = CalendarDate(clampingYear: from.year, month: from.month, day: 1)
            while month <= through {
                if !exceptMonths.contains(where: { $0.number == month.month }) {
                    let shift = (weekday.index - Weekday.index(of: month) + 7) % 7
                    let day = month.adding(days: shift + (ordinal - 1) * 7)
                    if day >= from, day <= through { result.append(day) }
                }
                let next = month.adding(months: 1)
                if next == month { break }
                month = next
            }
            return result
        }

        var words: String {
            let ordinals = ["first", "second", "third", "fourth"]
            let weekdayName = weekday.rawValue.prefix(1).uppercased() + weekday.rawValue.dropFirst()
            var text = "the \(ordinals[ordinal - 1]) \(weekdayName) of each month from \(from) through \(through)"
            if !exceptMonths.isEmpty {
                text += ", except " + exceptMonths.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }.joined(separator: ", ")
            }
            return text
        }
    }

    /// Every session, by start date, each once.
    public var rotations: [Rotation] {
        let all = Set(starts + recurrences.flatMap(\.dates)).sorted()
        return all.map { Rotation(start: $0, end: $0.adding(days: weeks * 7 - 1)) }
    }

    /// "4-week sessions starting 2027-01-04, 2027-02-01; the first Monday of each month …", for `explain`.
    public var words: String {
        var parts: [String] = []
        if !starts.isEmpty { parts.append("starting " + starts.map(\.description).joined(separator: ", ")) }
        parts += recurrences.map { "starting on " + $0.words }
        return "\(weeks)-week sessions " + parts.joined(separator: "; ")
    }

    /// Reads `<sessions weeks="N"><start date="D"/>…<every …/>…</sessions>` (JSON
    /// `"sessions": {"weeks": N, "starts": ["D", …], "every": [{…}]}`), refusing what gives no
    /// session, too many, or a recurrence whose bounds are out of order.
    static func decode(from node: DescriptionNode) throws(InputError) -> Sessions {
        guard let weeks = try node.int("weeks", in: 1...52) else { throw InputError(node.location, "sessions need their length in weeks") }
        var sessions = Sessions(weeks: weeks)
        let startNodes = node.children("start", plural: "starts")
        guard startNodes.count <= maxStarts else { throw InputError(startNodes[maxStarts].location, "more than \(maxStarts) session start dates") }
        for start in startNodes {
            guard let text = try start.string(orOwnValue: "date"), let date = CalendarDate(iso: text) else {
                throw InputError(start.location, "a session start must be a date in the form YYYY-MM-DD")
            }
            sessions.starts.append(date)
        }
        let everyNodes = node.children("every", plural: "every")
        guard everyNodes.count <= maxRecurrences else { throw InputError(everyNodes[maxRecurrences].location, "more than \(maxRecurrences) recurrences") }
        for every in everyNodes {
            guard let ordinal = try every.int("ordinal", in: 1...4), let weekday = try every.value("weekday", as: Weekday.self),
                  let from = try every.date("from"), let through = try every.date("through") else {
                throw InputError(every.location, "a recurrence needs ordinal, weekday, from and through")
            }
            guard from <= through else { throw InputError(every.location, "the recurrence ends (\(through)) before it starts (\(from))") }
            guard through < from.adding(months: 12 * maxRecurrenceYears) else {
                throw InputError(every.location, "a recurrence covers at most \(maxRecurrenceYears) years (\(from) through \(through))")
            }
            let except = try every.list("exceptMonths", of: Month.self) ?? []
            sessions.recurrences.append(Recurrence(ordinal: ordinal, weekday: weekday, from: from, through: through, exceptMonths: except))
        }
        let count = sessions.rotations.count
        guard count > 0 else { throw InputError(node.location, "the sessions give no start date") }
        guard count <= maxSessions else { throw InputError(node.location, "the sessions give \(count) start dates; at most \(maxSessions)") }
        return sessions
    }
}
