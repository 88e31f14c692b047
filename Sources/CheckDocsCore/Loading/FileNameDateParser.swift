/// Finds dates in a file name's tokens: ISO (2026-05-14, 2026_05_14, 20260514), day-month-year
/// when unambiguous (14-05-2026), and month names (14 May 2026, May 14 2026, 14May2026).
/// A form like 05-06-2026 could be May 6 or June 5: it is reported, never guessed.
public enum FileNameDateParser {
    public struct Outcome: Sendable, Equatable {
        public var dates: [CalendarDate] = []
        /// Date-like texts that could mean two different days.
        public var ambiguous: [String] = []
        /// The tokens left once dates are removed (the words to classify by).
        public var words: [String] = []
    }

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names = [["jan", "january", "ene", "enero", "janv", "janvier", "janeiro"],
                     ["feb", "february", "febrero", "fev", "fevr", "fevrier", "fevereiro"],
                     ["mar", "march", "marzo", "mars", "marco"],
                     ["apr", "april", "abr", "abril", "avr", "avril"],
                     ["may", "mayo", "mai", "maio"],
                     ["jun", "june", "junio", "juin", "junho"],
                     ["jul", "july", "julio", "juil", "juillet", "julho"],
                     ["aug", "august", "ago", "agosto", "aout"],
                     ["sep", "sept", "september", "septiembre", "septembre", "setembro", "set"],
                     ["oct", "october", "octubre", "octobre", "out", "outubro"],
                     ["nov", "november", "noviembre", "novembre", "novembro"],
                     ["dec", "december", "dic", "diciembre", "decembre", "dez", "dezembro"]]
        for (index, words) in names.enumerated() { for word in words { table[word] = index + 1 } }
        return table
    }()

    public static func parse(_ tokens: [FileNameTokens.Token]) -> Outcome {
        var outcome = Outcome()
        var index = 0
        func number(_ offset: Int) -> (value: Int, digits: Int)? {
            let position = index + offset
            guard position < tokens.count, tokens[position].isNumber, tokens[position].text.count <= 8 else { return nil }
            return (Int(tokens[position].text)!, tokens[position].text.count)
        }
        func month(_ offset: Int) -> Int? {
            let position = index + offset
            guard position < tokens.count, !tokens[position].isNumber else { return nil }
            return months[tokens[position].text]
        }
        func isYear(_ candidate: (value: Int, digits: Int)?) -> Bool {
            guard let candidate else { return false }
            return candidate.digits == 4 && (1900...2099).contains(candidate.value)
        }

        while index < tokens.count {
            // 2026-05-14
            if isYear(number(0)), let m = number(1), let d = number(2), m.digits <= 2, d.digits <= 2,
               let date = CalendarDate(year: number(0)!.value, month: m.value, day: d.value) {
                outcome.dates.append(date)
                index += 3
                continue
            }
            // 20260514
            if let compact = number(0), compact.digits == 8 {
                let text = tokens[index].text
                let y = Int(text.prefix(4))!, m = Int(text.dropFirst(4).prefix(2))!, d = Int(text.suffix(2))!
                if (1900...2099).contains(y), let date = CalendarDate(year: y, month: m, day: d) {
                    outcome.dates.append(date)
                    index += 1
                    continue
                }
            }
            // 14-05-2026 or 05-14-2026 or the ambiguous 05-06-2026
            if let a = number(0), let b = number(1), a.digits <= 2, b.digits <= 2, isYear(number(2)) {
                let year = number(2)!.value
                let dayFirst = CalendarDate(year: year, month: b.value, day: a.value)
                let monthFirst = CalendarDate(year: year, month: a.value, day: b.value)
                switch (dayFirst, monthFirst) {
                case let (date?, nil), let (nil, date?):
                    outcome.dates.append(date)
                    index += 3
                    continue
                case let (first?, second?):
                    if first == second {
                        outcome.dates.append(first)
                    } else {
                        outcome.ambiguous.append("\(tokens[index].text)-\(tokens[index + 1].text)-\(year)")
                    }
                    index += 3
                    continue
                case (nil, nil):
                    break
                }
            }
            // 14 May 2026
            if let d = number(0), d.digits <= 2, let m = month(1), isYear(number(2)),
               let date = CalendarDate(year: number(2)!.value, month: m, day: d.value) {
                outcome.dates.append(date)
                index += 3
                continue
            }
            // May 14 2026
            if let m = month(0), let d = number(1), d.digits <= 2, isYear(number(2)),
               let date = CalendarDate(year: number(2)!.value, month: m, day: d.value) {
                outcome.dates.append(date)
                index += 3
                continue
            }
            // 2026 May 14
            if isYear(number(0)), let m = month(1), let d = number(2), d.digits <= 2,
               let date = CalendarDate(year: number(0)!.value, month: m, day: d.value) {
                outcome.dates.append(date)
                index += 3
                continue
            }
            outcome.words.append(tokens[index].text)
            index += 1
        }
        return outcome
    }
}
