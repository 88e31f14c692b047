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
        /// Full dates written after an expiry word ("exp 2028-02-15"); also in `dates`.
        public var expiryDates: [CalendarDate] = []
        /// Full dates written after a weaker one ("valid", "renew by", "due"); also in `dates`.
        public var weakExpiryDates: [CalendarDate] = []
        /// Full dates written after an issue word ("issued 2020-05-01", "DOI 2020-05-01"); also in
        /// `dates`: a passport's one date is then its issue, not its expiry.
        public var issueDates: [CalendarDate] = []
        /// Full dates written after a start word ("effective 2026-01-01", "purchased 2026-01-01");
        /// also in `dates`: an insurance's one date is then its first day, not its expiry.
        public var startDates: [CalendarDate] = []
        /// Dates that give only a month or a year ("oct 2026", "2028-02", "2029"), read from the
        /// tokens no full date used; their tokens stay in `words` (docs/catalog.md, "Dates in file names").
        public var partial: [PartialDate] = []
        /// Year-month-day texts that name no day ("2031-02-29", "2026-11-31"): taken as no date,
        /// and said so, never as the month they fall in.
        public var impossible: [String] = []
        /// Token positions no full date used (for the partial-date pass).
        var unusedIndices: [Int] = []
    }

    /// A month or a year without its day.
    public struct PartialDate: Sendable, Hashable {
        public var year: Int
        /// nil: the year alone.
        public var month: Int?
        /// Whether an expiry word ("exp", "expires", "until"...) comes just before it.
        public var afterExpiryWord: Bool
        /// Whether a start word ("effective", "from"...) comes just before it.
        public var afterStartWord = false
        /// As written in the name, tokens joined with "-": "oct-2026", "2028-02", "2029".
        public var text: String

        /// The last day it covers: the end of the month, or 31 December.
        public var lastDay: CalendarDate? {
            guard let month else { return CalendarDate(year: year, month: 12, day: 31) }
            return (28...31).reversed().lazy.compactMap { CalendarDate(year: year, month: month, day: $0) }.first
        }

        /// The first day it covers.
        public var firstDay: CalendarDate? { CalendarDate(year: year, month: month ?? 1, day: 1) }
    }

    /// Words after which a date is the expiry date, whatever else the name says.
    static let expiryWords: Set<String> = ["exp", "expires", "expiry", "expiring", "expiration", "expiracion", "until", "thru", "through", "vence", "validade",
                                           "expire", "expired", "till", "upto", "validity", "hasta", "vencimiento", "validez", "jusquau"]
    /// Two words after which a date is the expiry date ("expires on", "valid up to", "válido até",
    /// "gültig bis", "jusqu au"): the words as tokens are, folded.
    static let expiryPhrases: Set<[String]> = [["expires", "on"], ["expiring", "on"], ["expired", "on"], ["up", "to"], ["valido", "ate"],
                                               ["valida", "ate"], ["gultig", "bis"], ["jusqu", "au"], ["valable", "jusqu"]]
    /// Words and phrases after which a date says until when a document is good or when it is due
    /// again ("BLS valid 2028-02-15", "valid to", "renew by", "TB test due 2027-05-01"): the expiry
    /// when the name names no other, and only when no date in the name comes after it ("Visa valid
    /// 2026-01-01 2027-01-01" is a period). "valid from" ends in a start word.
    static let weakExpiryWords: Set<String> = ["valid", "renew", "due"]
    static let weakExpiryPhrases: Set<[String]> = [["valid", "to"], ["good", "to"], ["renew", "by"], ["due", "by"], ["due", "on"], ["renewal", "due"]]

    /// Words after which a date is the first day a document is valid: "insurance effective
    /// 2026-01-01" starts then, and must not be read as ending then.
    static let startWords: Set<String> = ["effective", "start", "starts", "starting", "from", "begins", "beginning", "commencing",
                                          "purchased", "bought", "desde", "inicio", "debut"]

    /// The word just before a date at `position`, when it is a word and not a number.
    static func word(before position: Int, in tokens: [FileNameTokens.Token]) -> String? {
        position > 0 && !tokens[position - 1].isNumber ? tokens[position - 1].text : nil
    }

    /// The two words just before a date at `position`, when both are words.
    static func phrase(before position: Int, in tokens: [FileNameTokens.Token]) -> [String]? {
        guard position > 1, !tokens[position - 1].isNumber, !tokens[position - 2].isNumber else { return nil }
        return [tokens[position - 2].text, tokens[position - 1].text]
    }

    /// "exp 2028-02-15", "expires on 2028-02-15" ("to" alone joins the two dates of a period).
    static func isAfterExpiryWord(_ position: Int, in tokens: [FileNameTokens.Token]) -> Bool {
        guard let word = word(before: position, in: tokens) else { return false }
        return expiryWords.contains(word) || phrase(before: position, in: tokens).map(expiryPhrases.contains) == true
    }

    /// "valid 2028-02-15", "valid to 2027-05-31", "renew by 2028-02-01", "due 2027-05-01".
    static func isAfterWeakExpiryWord(_ position: Int, in tokens: [FileNameTokens.Token]) -> Bool {
        guard let word = word(before: position, in: tokens) else { return false }
        return weakExpiryWords.contains(word) || phrase(before: position, in: tokens).map(weakExpiryPhrases.contains) == true
    }

    /// Words whose number follows them: "Step 1 Jan 2022" is Step 1, taken in January 2022.
    static let numberedWords: Set<String> = ["step", "level", "part", "dose", "no", "number", "paper"]

    /// Words after which a date is the day a document was issued.
    static let issueWords: Set<String> = ["issued", "issue", "issuance", "doi", "emision", "emitido", "emitida", "expedicion", "expedido",
                                          "expedida", "emissao", "emis"]

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
        let tokens = withoutDateFiller(tokens)
        var outcome = fullDates(tokens)
        outcome.partial = partialDates(tokens, unused: outcome.unusedIndices)
        outcome.unusedIndices = []
        return outcome
    }

    /// Ordinal endings after a day and the connecting words inside a date written out:
    /// "1st March 2026", "March 3rd 2026", "12 de marzo de 2026", "3rd of May 2026". They are
    /// dropped only there, so "2nd dose" and "letter of recommendation" keep their words.
    static func withoutDateFiller(_ tokens: [FileNameTokens.Token]) -> [FileNameTokens.Token] {
        // Most names have neither an ordinal ending nor a connector: nothing to copy.
        guard tokens.contains(where: { !$0.isNumber && (ordinalEndings.contains($0.text) || dateConnectors.contains($0.text)) }) else { return tokens }
        func isDay(_ token: FileNameTokens.Token?) -> Bool {
            guard let token, token.isNumber, token.text.count <= 2, let value = Int(token.text) else { return false }
            return (1...31).contains(value)
        }
        func isMonth(_ token: FileNameTokens.Token?) -> Bool { token.map { !$0.isNumber && months[$0.text] != nil } ?? false }
        func isYear(_ token: FileNameTokens.Token?) -> Bool { token.map { $0.isNumber && $0.text.count == 4 } ?? false }
        var kept: [FileNameTokens.Token] = []
        kept.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            let afterNext = index + 2 < tokens.count ? tokens[index + 2] : nil
            let previous = kept.last
            if !token.isNumber, ordinalEndings.contains(token.text), isDay(previous) {
                // 1st March, 1st of March, March 3rd 2026
                let beforeDay = kept.count >= 2 ? kept[kept.count - 2] : nil
                if isMonth(next) || (next.map { dateConnectors.contains($0.text) } ?? false && isMonth(afterNext))
                    || (isMonth(beforeDay) && isYear(next)) {
                    continue
                }
            }
            if !token.isNumber, dateConnectors.contains(token.text), (isDay(previous) && isMonth(next)) || (isMonth(previous) && isYear(next)) {
                continue
            }
            kept.append(token)
        }
        return kept
    }

    static let ordinalEndings: Set<String> = ["st", "nd", "rd", "th", "o", "er"]
    /// "12 de marzo de 2026" (Spanish, Portuguese), "3rd of May" (English), "marzo del 2026".
    static let dateConnectors: Set<String> = ["de", "del", "of"]

    /// Month-year and year-only dates among the tokens no full date used: `oct 2026`, `2026 oct`
    /// is not read (too rare to be sure), `2028-02`, `02-2028`, `2029`.
    static func partialDates(_ tokens: [FileNameTokens.Token], unused: [Int]) -> [PartialDate] {
        // Every partial form has a four-digit year: most names have none, and cost nothing more.
        guard unused.contains(where: { tokens[$0].isNumber && tokens[$0].text.count == 4 }) else { return [] }
        let free = Set(unused)
        var found: [PartialDate] = []
        var index = 0
        func year(_ position: Int) -> Int? {
            guard free.contains(position), position < tokens.count, tokens[position].isNumber, tokens[position].text.count == 4,
                  let value = Int(tokens[position].text), (1900...2099).contains(value) else { return nil }
            return value
        }
        func numericMonth(_ position: Int) -> Int? {
            guard free.contains(position), position < tokens.count, tokens[position].isNumber, tokens[position].text.count <= 2,
                  let value = Int(tokens[position].text), (1...12).contains(value) else { return nil }
            return value
        }
        func namedMonth(_ position: Int) -> Int? {
            guard free.contains(position), position < tokens.count, !tokens[position].isNumber else { return nil }
            return months[tokens[position].text]
        }
        func afterExpiry(_ position: Int) -> Bool { isAfterExpiryWord(position, in: tokens) || isAfterWeakExpiryWord(position, in: tokens) }
        func afterStart(_ position: Int) -> Bool { word(before: position, in: tokens).map(startWords.contains) ?? false }
        while index < tokens.count {
            if let month = namedMonth(index) ?? numericMonth(index), let y = year(index + 1) {
                found.append(PartialDate(year: y, month: month, afterExpiryWord: afterExpiry(index), afterStartWord: afterStart(index),
                                         text: tokens[index].text + "-" + tokens[index + 1].text))
                index += 2
            } else if let y = year(index), let month = numericMonth(index + 1) {
                found.append(PartialDate(year: y, month: month, afterExpiryWord: afterExpiry(index), afterStartWord: afterStart(index),
                                         text: tokens[index].text + "-" + tokens[index + 1].text))
                index += 2
            } else if let y = year(index) {
                found.append(PartialDate(year: y, month: nil, afterExpiryWord: afterExpiry(index), afterStartWord: afterStart(index), text: tokens[index].text))
                index += 1
            } else {
                index += 1
            }
        }
        return found
    }

    static func fullDates(_ tokens: [FileNameTokens.Token]) -> Outcome {
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

        func add(_ date: CalendarDate) {
            outcome.dates.append(date)
            if isAfterExpiryWord(index, in: tokens) {
                outcome.expiryDates.append(date)
            } else if isAfterWeakExpiryWord(index, in: tokens) {
                outcome.weakExpiryDates.append(date)
            }
            guard let word = word(before: index, in: tokens) else { return }
            if issueWords.contains(word) { outcome.issueDates.append(date) }
            if startWords.contains(word) { outcome.startDates.append(date) }
        }

        while index < tokens.count {
            // 2026-05-14
            if isYear(number(0)), let m = number(1), let d = number(2), m.digits <= 2, d.digits <= 2 {
                if let date = CalendarDate(year: number(0)!.value, month: m.value, day: d.value) {
                    add(date)
                    index += 3
                    continue
                }
                // A month and a day of the month, but no such day (2031-02-29): no date at all.
                if (1...12).contains(m.value), (1...31).contains(d.value) {
                    outcome.impossible.append("\(number(0)!.value)-\(tokens[index + 1].text)-\(tokens[index + 2].text)")
                    index += 3
                    continue
                }
            }
            // 20260514
            if let compact = number(0), compact.digits == 8 {
                let text = tokens[index].text
                let y = Int(text.prefix(4))!, m = Int(text.dropFirst(4).prefix(2))!, d = Int(text.suffix(2))!
                if (1900...2099).contains(y), let date = CalendarDate(year: y, month: m, day: d) {
                    add(date)
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
                    add(date)
                    index += 3
                    continue
                case let (first?, second?):
                    if first == second {
                        add(first)
                    } else {
                        outcome.ambiguous.append("\(tokens[index].text)-\(tokens[index + 1].text)-\(year)")
                    }
                    index += 3
                    continue
                case (nil, nil):
                    // A day and a month in range one way or the other, but no such day in that
                    // year (29-02-2027, 31-04-2026): no date at all, and said so.
                    if ((1...31).contains(a.value) && (1...12).contains(b.value)) || ((1...12).contains(a.value) && (1...31).contains(b.value)) {
                        outcome.impossible.append("\(tokens[index].text)-\(tokens[index + 1].text)-\(year)")
                        index += 3
                        continue
                    }
                }
            }
            // 31 Apr 2026, Apr 31 2026: a month by name and a day it does not have.
            if let d = number(0), d.digits <= 2, (1...31).contains(d.value), let m = month(1), isYear(number(2)),
               CalendarDate(year: number(2)!.value, month: m, day: d.value) == nil {
                outcome.impossible.append("\(tokens[index].text)-\(tokens[index + 1].text)-\(number(2)!.value)")
                index += 3
                continue
            }
            if let m = month(0), let d = number(1), d.digits <= 2, (1...31).contains(d.value), isYear(number(2)),
               CalendarDate(year: number(2)!.value, month: m, day: d.value) == nil {
                outcome.impossible.append("\(tokens[index].text)-\(tokens[index + 1].text)-\(number(2)!.value)")
                index += 3
                continue
            }
            // 14 May 2026 (not "Step 1 Jan 2022": after an exam's step or level, a number is its own)
            if let d = number(0), d.digits <= 2, let m = month(1), isYear(number(2)), !(index > 0 && Self.numberedWords.contains(tokens[index - 1].text)),
               let date = CalendarDate(year: number(2)!.value, month: m, day: d.value) {
                add(date)
                index += 3
                continue
            }
            // May 14 2026
            if let m = month(0), let d = number(1), d.digits <= 2, isYear(number(2)),
               let date = CalendarDate(year: number(2)!.value, month: m, day: d.value) {
                add(date)
                index += 3
                continue
            }
            // 2026 May 14
            if isYear(number(0)), let m = month(1), let d = number(2), d.digits <= 2,
               let date = CalendarDate(year: number(0)!.value, month: m, day: d.value) {
                add(date)
                index += 3
                continue
            }
            outcome.words.append(tokens[index].text)
            outcome.unusedIndices.append(index)
            index += 1
        }
        return outcome
    }
}
