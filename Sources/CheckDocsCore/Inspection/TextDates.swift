import Foundation

/// Dates in a line of document text (docs/inspection.md, "Facts read from documents"): ISO
/// (2026-05-14, 2026/05/14), day-month-year and month-day-year when the numbers tell which is which
/// (13/04/2025 is 13 April), and month names in English, Spanish, French, Portuguese, German,
/// Russian and transliterated Arabic (14 May 2026, May 14, 2026, 14 de mayo de 2026, 14. März
/// 2026, 14 марта 2026). A numeric date that could be two days (03/04/2025) is never a date by
/// itself: it is returned as ambiguous, with both readings, for the page to settle or not.
enum TextDates {
    struct Token {
        var text: String
        var isNumber: Bool
        /// Character offsets in the folded line.
        var start: Int
        var end: Int
        /// The non-space characters between the previous token and this one.
        var separator: String
    }

    struct Found {
        var date: CalendarDate
        /// Character offsets of the date in the folded line.
        var start: Int
        var end: Int
        var confidence: Double
        /// For a numeric date whose numbers told the order: whether the day came first.
        var dayFirst: Bool? = nil
    }

    struct Ambiguous {
        var dayFirst: CalendarDate
        var monthFirst: CalendarDate
        var start: Int
        var end: Int
    }

    /// Case and accents folded, so that "MÄRZ", "März" and "marz" are one word.
    static func fold(_ text: String) -> String {
        // ASCII has no accents, and its case folds to a-z: no need for Foundation's tables.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        // Dashes are hyphens ("Non–reactive", "2026–05–14"), one character for one, so positions hold.
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { dashes.contains($0) }) else { return folded }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: folded.unicodeScalars.lazy.map { dashes.contains($0) ? "-" : $0 })
        return String(scalars)
    }

    /// The hyphen, non-breaking hyphen, figure dash, en dash, em dash and minus sign.
    static let dashes: Set<Unicode.Scalar> = ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]

    /// The tokens of a folded line: runs of ASCII digits, runs of letters, and between them the
    /// non-space characters that separate them.
    static func tokens(_ line: FoldedLine) -> [Token] {
        line.isASCII ? asciiTokens(line.utf8) : tokens(line.characters)
    }

    /// `tokens` of an ASCII line, byte by byte: there a byte is a character, a letter is a-z or
    /// A-Z and white space is a space, a tab or a line or page break, as `Character` says of them.
    static func asciiTokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var separator: [UInt8] = []
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        while index < bytes.count {
            let byte = bytes[index]
            let digit = isDigit(byte)
            if digit || byte.isLetter {
                let start = index
                while index < bytes.count, digit ? isDigit(bytes[index]) : bytes[index].isLetter { index += 1 }
                tokens.append(Token(text: String(decoding: bytes[start..<index], as: UTF8.self), isNumber: digit, start: start, end: index,
                                    separator: String(decoding: separator, as: UTF8.self)))
                separator.removeAll(keepingCapacity: true)
            } else {
                if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { separator.append(byte) }
                index += 1
            }
        }
        return tokens
    }

    static func tokens(_ folded: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var separator = ""
        while index < folded.count {
            let character = folded[index]
            let isDigit = character.isASCII && character.isNumber
            if isDigit || character.isLetter {
                let start = index
                while index < folded.count,
                      isDigit ? (folded[index].isASCII && folded[index].isNumber) : (folded[index].isLetter && !(folded[index].isASCII && folded[index].isNumber)) {
                    index += 1
                }
                tokens.append(Token(text: String(folded[start..<index]), isNumber: isDigit, start: start, end: index, separator: separator))
                separator = ""
            } else {
                if !character.isWhitespace { separator.append(character) }
                index += 1
            }
        }
        return tokens
    }

    static let months: [String: Int] = {
        let names: [[String]] = [
            ["jan", "january", "ene", "enero", "janv", "janvier", "janeiro", "januar", "janner", "января", "январь", "yanayir", "kanun"],
            ["feb", "february", "febrero", "fev", "fevr", "fevrier", "fevereiro", "februar", "февраля", "февраль", "fibrayir", "fabrayir", "shubat"],
            ["mar", "march", "marzo", "mars", "marco", "marz", "maerz", "марта", "март", "maris", "adhar"],
            ["apr", "april", "abr", "abril", "avr", "avril", "апреля", "апрель", "ibril", "nisan"],
            ["may", "mayo", "mai", "maio", "мая", "май", "mayu", "ayyar"],
            ["jun", "june", "junio", "juin", "junho", "juni", "июня", "июнь", "yunyu", "yunyah", "haziran"],
            ["jul", "july", "julio", "juil", "juillet", "julho", "juli", "июля", "июль", "yulyu", "yulyah", "tammuz"],
            ["aug", "august", "ago", "agosto", "aout", "августа", "август", "aghustus", "ughustus"],
            ["sep", "sept", "september", "septiembre", "setiembre", "septembre", "setembro", "set", "сентября", "сентябрь", "sibtambir", "aylul"],
            ["oct", "october", "octubre", "octobre", "out", "outubro", "okt", "oktober", "октября", "октябрь", "uktubar"],
            ["nov", "november", "noviembre", "novembre", "novembro", "ноября", "ноябрь", "nufambir"],
            ["dec", "december", "dic", "diciembre", "decembre", "dez", "dezembro", "dezember", "декабря", "декабрь", "disambir"],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() { for word in words { table[fold(word)] = index + 1 } }
        return table
    }()

    /// Words that may stand between a day, its month and its year: "14 de mayo de 2026", "14th May".
    static let joiners: Set<String> = ["de", "del", "of", "st", "nd", "rd", "th", "er", "eme"]

    static func isYear(_ token: Token?) -> Int? {
        guard let token, token.isNumber, token.text.count == 4, let value = Int(token.text), (1900...2099).contains(value) else { return nil }
        return value
    }

    static func small(_ token: Token?) -> Int? {
        guard let token, token.isNumber, token.text.count <= 2, let value = Int(token.text), value > 0 else { return nil }
        return value
    }

    static let numericSeparators: Set<String> = ["-", "/", "."]

    /// Every full date of the line, and the numeric ones that could be two days.
    static func scan(_ tokens: [Token]) -> (dates: [Found], ambiguous: [Ambiguous]) {
        var dates: [Found] = []
        var ambiguous: [Ambiguous] = []
        var index = 0
        func token(_ offset: Int) -> Token? { index + offset < tokens.count ? tokens[index + offset] : nil }
        func month(_ offset: Int) -> Int? {
            guard let token = token(offset), !token.isNumber else { return nil }
            return months[token.text]
        }
        /// Skips joiner words from `offset`; returns the offset of the next real token.
        func skipJoiners(_ offset: Int) -> Int {
            var at = offset
            while let next = token(at), !next.isNumber, joiners.contains(next.text) { at += 1 }
            return at
        }
        while index < tokens.count {
            // 2026-05-14, 2026/05/14, 2026.05.14
            if let year = isYear(token(0)), let m = small(token(1)), let d = small(token(2)),
               numericSeparators.contains(token(1)!.separator), token(2)!.separator == token(1)!.separator,
               let date = CalendarDate(year: year, month: m, day: d) {
                dates.append(Found(date: date, start: token(0)!.start, end: token(2)!.end, confidence: 0.95))
                index += 3
                continue
            }
            // 14/05/2026, 05/14/2026, 03/04/2025 (ambiguous)
            if let a = small(token(0)), let b = small(token(1)), let year = isYear(token(2)),
               numericSeparators.contains(token(1)!.separator), token(2)!.separator == token(1)!.separator {
                let dayFirst = CalendarDate(year: year, month: b, day: a)
                let monthFirst = CalendarDate(year: year, month: a, day: b)
                switch (dayFirst, monthFirst) {
                case let (date?, nil):
                    dates.append(Found(date: date, start: token(0)!.start, end: token(2)!.end, confidence: 0.9, dayFirst: true))
                case let (nil, date?):
                    dates.append(Found(date: date, start: token(0)!.start, end: token(2)!.end, confidence: 0.9, dayFirst: false))
                case let (first?, second?):
                    if first == second {
                        dates.append(Found(date: first, start: token(0)!.start, end: token(2)!.end, confidence: 0.9))
                    } else {
                        ambiguous.append(Ambiguous(dayFirst: first, monthFirst: second, start: token(0)!.start, end: token(2)!.end))
                    }
                case (nil, nil):
                    index += 1
                    continue
                }
                index += 3
                continue
            }
            // 14 May 2026, 14-MAY-2026, 14 de mayo de 2026, 14th of May 2026, 14. März 2026
            if let d = small(token(0)) {
                let monthAt = skipJoiners(1)
                if let m = month(monthAt) {
                    let yearAt = skipJoiners(monthAt + 1)
                    if let year = isYear(token(yearAt)), let date = CalendarDate(year: year, month: m, day: d) {
                        dates.append(Found(date: date, start: token(0)!.start, end: token(yearAt)!.end, confidence: 0.95))
                        index += yearAt + 1
                        continue
                    }
                }
            }
            // May 14, 2026; May 14th 2026
            if let m = month(0), let d = small(token(1)) {
                let yearAt = skipJoiners(2)
                if let year = isYear(token(yearAt)), let date = CalendarDate(year: year, month: m, day: d) {
                    dates.append(Found(date: date, start: token(0)!.start, end: token(yearAt)!.end, confidence: 0.95))
                    index += yearAt + 1
                    continue
                }
            }
            index += 1
        }
        return (dates, ambiguous)
    }
}
