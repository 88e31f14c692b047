import CheckDocsNative

/// A passport's or a visa foil's machine-readable zone, read and verified (docs/inspection.md,
/// "MRZ"): ICAO 9303 TD3 (a passport: two lines of 44 characters) and MRV-A (a visa foil, such as
/// a US visa: two lines of 44). Every check digit the format carries must verify; a reading that
/// fails any of them is refused as a whole, and nothing is ever "corrected" into a fact: an OCR
/// misreading yields no zone, never a wrong one.
///
/// Layout (positions from 0):
///
///     line 1: code(0–1) issuingState(2–4) name(5–43: SURNAME<<GIVEN<NAMES<<<…)
///     line 2: number(0–8) check(9) nationality(10–12) birth YYMMDD(13–18) check(19) sex(20)
///             expiry YYMMDD(21–26) check(27)
///             TD3:   personalNumber(28–41) check(42) composite check(43) over 0–9, 13–19, 21–42
///             MRV-A: optionalData(28–43), no composite check
///
/// The name and an MRV-A's optional data carry no check digit in either format.
public struct MachineReadableZone: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable {
        /// A passport's data page (document code P…).
        case passport = "TD3"
        /// A visa foil (document code V…).
        case visa = "MRV-A"
    }

    public enum Sex: String, Hashable, Sendable {
        case male = "M", female = "F", unspecified = "<", other = "X"
    }

    public var format: Format
    /// "P", "PN", "V", "VN"… (the filler dropped).
    public var documentCode: String
    /// ICAO three-letter code, fillers dropped ("D" for Germany).
    public var issuingState: String
    /// The primary identifier, its parts joined with spaces.
    public var surname: String
    /// The secondary identifier (given names), joined with spaces; empty if none.
    public var givenNames: String
    /// The name fills its field to the last position: it may have been cut to fit.
    public var nameMayBeTruncated: Bool
    public var documentNumber: String
    public var nationality: String
    public var birthDate: CalendarDate
    public var sex: Sex
    /// A passport's date of expiry; a visa's last day of validity ("valid until").
    public var expiryDate: CalendarDate
    /// TD3: the personal number; MRV-A: the optional data. Fillers dropped; no check digit covers an MRV-A's.
    public var optionalData: String
    /// A US visa's class (B1B2, F1, J1, H1B…) when the foil's optional data begins with one.
    public var visaClass: String?
    /// The two lines as read, 44 characters each.
    public var lines: [String]

    /// Why a pair of lines is not a zone.
    public enum Rejection: Hashable, Sendable, Error {
        case length
        /// A character outside A–Z, 0–9 and `<`, or of the wrong kind for its field (line 1 or 2, position).
        case character(line: Int, position: Int)
        /// The document code is neither P (passport) nor V (visa).
        case documentCode
        /// A check digit does not verify (the field's name).
        case checkDigit(String)
        /// A date that does not exist (the field's name).
        case date(String)
        /// Letters after the name's fillers: not a name as ICAO 9303 writes one.
        case name
    }

    public static let lineLength = 44

    // MARK: Check digits

    /// ICAO 9303's check digit of `field`: weights 7, 3, 1 repeating; 0–9 are their value, A–Z
    /// are 10–35, `<` is 0. Nil for any other character.
    public static func checkDigit(_ field: some StringProtocol) -> Int? {
        let weights = [7, 3, 1]
        var sum = 0
        for (index, byte) in field.utf8.enumerated() {
            guard let value = value(of: byte) else { return nil }
            sum += value * weights[index % 3]
        }
        return sum % 10
    }

    private static func value(of byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "<"): return 0
        default: return nil
        }
    }

    // MARK: Parsing

    /// The zone in two lines of exactly 44 characters, with every check digit verified. Two-digit
    /// years: a birth year is the latest that is not after `asOf`; an expiry year is the one within
    /// 50 years before or 49 after `asOf`'s year.
    public static func parse(_ first: some StringProtocol, _ second: some StringProtocol,
                             asOf: CalendarDate) -> Result<MachineReadableZone, Rejection> {
        var line1 = Array(first.utf8), line2 = Array(second.utf8)
        guard line1.count == lineLength, line2.count == lineLength else { return .failure(.length) }
        // Where the format allows letters only and no check digit covers the position (all of
        // line 1, the nationality), a digit is the letter it looks like (OCR reads O as 0, I as 1).
        for index in line1.indices { line1[index] = letter(lookingLike: line1[index]) }
        for index in 10..<13 { line2[index] = letter(lookingLike: line2[index]) }
        // Where it allows digits only (the dates and the check digits), a letter is the digit it
        // looks like (O 0, I 1, B 8…), before the check digits are verified: the check digits
        // still decide, and a zone whose digits do not verify is refused as read.
        for index in Array(13...19) + Array(21...27) + [9] { line2[index] = digit(lookingLike: line2[index]) }
        if line1[0] == UInt8(ascii: "P") {
            if line2[42] != UInt8(ascii: "<") { line2[42] = digit(lookingLike: line2[42]) }
            line2[43] = digit(lookingLike: line2[43])
        }
        for (index, byte) in line1.enumerated() where !(isLetter(byte) || byte == UInt8(ascii: "<")) {
            return .failure(.character(line: 1, position: index))
        }
        for (index, byte) in line2.enumerated() where value(of: byte) == nil {
            return .failure(.character(line: 2, position: index))
        }
        let format: Format
        switch line1[0] {
        case UInt8(ascii: "P"): format = .passport
        case UInt8(ascii: "V"): format = .visa
        default: return .failure(.documentCode)
        }
        func text(_ bytes: [UInt8], _ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        // Digits-only fields: the dates and every check digit.
        for index in Array(13...19) + Array(21...27) + [9] where !isDigit(line2[index]) {
            return .failure(.character(line: 2, position: index))
        }
        func verify(_ range: Range<Int>, digitAt position: Int, _ name: String) -> Rejection? {
            checkDigit(text(line2, range)) == Int(line2[position] - UInt8(ascii: "0")) ? nil : .checkDigit(name)
        }
        if let failure = verify(0..<9, digitAt: 9, "document number")
            ?? verify(13..<19, digitAt: 19, "date of birth")
            ?? verify(21..<27, digitAt: 27, "date of expiry") {
            return .failure(failure)
        }
        let optional: String
        switch format {
        case .passport:
            optional = text(line2, 28..<42)
            // The personal number's check digit is `<` (or 0) only when the number is all fillers.
            let personalCheck = line2[42]
            if personalCheck == UInt8(ascii: "<") {
                guard optional.utf8.allSatisfy({ $0 == UInt8(ascii: "<") }) else { return .failure(.checkDigit("personal number")) }
            } else {
                guard isDigit(personalCheck) else { return .failure(.character(line: 2, position: 42)) }
                if let failure = verify(28..<42, digitAt: 42, "personal number") { return .failure(failure) }
            }
            guard isDigit(line2[43]) else { return .failure(.character(line: 2, position: 43)) }
            let composite = text(line2, 0..<10) + text(line2, 13..<20) + text(line2, 21..<43)
            guard checkDigit(composite) == Int(line2[43] - UInt8(ascii: "0")) else { return .failure(.checkDigit("composite")) }
        case .visa:
            optional = text(line2, 28..<44)
        }
        guard let birth = date(line2, 13, asOf: asOf, birth: true) else { return .failure(.date("date of birth")) }
        guard let expiry = date(line2, 21, asOf: asOf, birth: false) else { return .failure(.date("date of expiry")) }
        let sex: Sex
        switch line2[20] {
        case UInt8(ascii: "M"): sex = .male
        case UInt8(ascii: "F"): sex = .female
        case UInt8(ascii: "X"): sex = .other
        case UInt8(ascii: "<"): sex = .unspecified
        default: return .failure(.character(line: 2, position: 20))
        }
        // States and nationalities are three letters or fillers (D<<), starting with a letter.
        for (line, start) in [(line1, 2), (line2, 10)] where !isLetter(line[start]) || !line[start..<start + 3].allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "<") }) {
            return .failure(.character(line: line == line1 ? 1 : 2, position: start))
        }
        let name = text(line1, 5..<44)
        let parts = name.split(separator: "<<", maxSplits: 1, omittingEmptySubsequences: false)
        func words(_ part: Substring?) -> String {
            (part ?? "").split(separator: "<").joined(separator: " ")
        }
        let surname = words(parts.first)
        guard !surname.isEmpty else { return .failure(.character(line: 1, position: 5)) }
        // `<<` separates the surname from the given names once; after the given names only
        // fillers follow. Letters after a second `<<` are a misreading (fillers read as K, X…).
        if parts.count > 1, let second = parts[1].range(of: "<<"),
           parts[1][second.upperBound...].contains(where: { $0 != "<" }) {
            return .failure(.name)
        }
        let optionalData = trimmed(optional)
        var zone = MachineReadableZone(
            format: format, documentCode: trimmed(text(line1, 0..<2)), issuingState: trimmed(text(line1, 2..<5)),
            surname: surname, givenNames: parts.count > 1 ? words(parts[1]) : "",
            nameMayBeTruncated: line1[43] != UInt8(ascii: "<"),
            documentNumber: trimmed(text(line2, 0..<9)), nationality: trimmed(text(line2, 10..<13)),
            birthDate: birth, sex: sex, expiryDate: expiry, optionalData: optionalData, visaClass: nil,
            lines: [text(line1, 0..<44), text(line2, 0..<44)])
        if format == .visa, zone.issuingState == "USA" { zone.visaClass = usVisaClass(optional) }
        return .success(zone)
    }

    /// A US nonimmigrant class at the start of a foil's optional data, ended by a filler, when it
    /// is one of `usVisaClasses`: no check digit covers it, so a token that is no known class (a
    /// filler read as K: `H1BK`) gives none. A class begins with a letter, so a leading 0 is O (O1).
    static func usVisaClass(_ optional: String) -> String? {
        var token = optional.prefix { $0 != "<" }
        if token.hasPrefix("0") { token = "O" + token.dropFirst() }
        guard token.count < optional.count, usVisaClasses.contains(String(token)) else { return nil }
        return String(token)
    }

    /// The US nonimmigrant visa classes whose symbol has a digit, as a foil's optional data
    /// spells them (B1/B2 is `B1B2`).
    static let usVisaClasses: Set<String> = [
        "A1", "A2", "A3", "B1", "B2", "B1B2", "C1", "C1D", "C2", "C3", "E1", "E2", "E3", "E3D", "E3R",
        "F1", "F2", "F3", "G1", "G2", "G3", "G4", "G5", "H1B", "H1B1", "H2A", "H2B", "H3", "H4",
        "J1", "J2", "K1", "K2", "K3", "K4", "L1", "L2", "M1", "M2", "M3", "N8", "N9", "O1", "O2", "O3",
        "P1", "P2", "P3", "P4", "Q1", "R1", "R2", "S5", "S6", "S7", "T1", "T2", "T3", "T4", "T5", "T6",
        "U1", "U2", "U3", "U4", "U5", "V1", "V2", "V3",
    ]

    /// The letter a digit is mistaken for (0 O, 1 I, 2 Z, 5 S, 8 B); any other byte unchanged.
    /// Only for positions that hold letters alone and that no check digit covers: it never
    /// changes what a check digit verifies.
    static func letter(lookingLike byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0"): return UInt8(ascii: "O")
        case UInt8(ascii: "1"): return UInt8(ascii: "I")
        case UInt8(ascii: "2"): return UInt8(ascii: "Z")
        case UInt8(ascii: "5"): return UInt8(ascii: "S")
        case UInt8(ascii: "8"): return UInt8(ascii: "B")
        default: return byte
        }
    }

    /// The digit a letter is mistaken for (O Q D 0, I 1, Z 2, S 5, G 6, B 8); any other byte unchanged.
    static func digit(lookingLike byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "O"), UInt8(ascii: "Q"), UInt8(ascii: "D"): return UInt8(ascii: "0")
        case UInt8(ascii: "I"): return UInt8(ascii: "1")
        case UInt8(ascii: "Z"): return UInt8(ascii: "2")
        case UInt8(ascii: "S"): return UInt8(ascii: "5")
        case UInt8(ascii: "G"): return UInt8(ascii: "6")
        case UInt8(ascii: "B"): return UInt8(ascii: "8")
        default: return byte
        }
    }

    private static func trimmed(_ field: String) -> String {
        guard let last = field.utf8.lastIndex(where: { $0 != UInt8(ascii: "<") }) else { return "" }
        return String(field[...last])
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }

    /// YYMMDD at `start`, with its century (see `parse`); nil for a day that does not exist.
    private static func date(_ line: [UInt8], _ start: Int, asOf: CalendarDate, birth: Bool) -> CalendarDate? {
        func number(_ offset: Int) -> Int { Int(line[start + offset] - 48) * 10 + Int(line[start + offset + 1] - 48) }
        let (yy, month, day) = (number(0), number(2), number(4))
        let century = asOf.year / 100 * 100
        var year = century + yy
        if birth {
            // The latest year ending in yy whose day is not after asOf (a birth is never in the future).
            if let candidate = CalendarDate(year: year, month: month, day: day), candidate > asOf { year -= 100 }
        } else {
            if year > asOf.year + 49 { year -= 100 } else if year < asOf.year - 50 { year += 100 }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    // MARK: Finding zones in OCR text

    /// Every zone in `text` (OCR output, or a text layer) whose check digits verify, in order and
    /// without repeats. OCR's habits are tolerated, none of them by changing a character that a
    /// check digit covers: spaces inside a line, `«` for `<`, the two lines on one line or split
    /// over several, and fillers at the end of line 1 dropped or doubled (line 1 is padded or cut
    /// to 44 only in its trailing fillers). A lower-case letter is no zone's (OCR's c and e for
    /// `<`): such a line is not read, rather than read with a wrong name.
    public static func find(in text: String, asOf: CalendarDate) -> [MachineReadableZone] {
        var found: [MachineReadableZone] = []
        for block in candidateBlocks(text) {
            for zone in zones(in: block, asOf: asOf) where !found.contains(zone) { found.append(zone) }
        }
        return found
    }

    /// The zones of an OCR page: its MRZ reading first (the page read with the zone's alphabet
    /// alone), then its ordinary text. Readings of one zone that agree on everything the check
    /// digits verify (line 2 up to the expiry's check digit, and a passport's rest of it) but
    /// differ in the name or a visa's optional data are one zone: the first found.
    public static func find(in page: OCRPage, asOf: CalendarDate) -> [MachineReadableZone] {
        var found: [MachineReadableZone] = []
        // The MRZ reading decides when it gives a zone: the ordinary reading, which errs more,
        // could add a second one that verifies though misread (G for 6, which differ by 10).
        let fromMRZReading = find(in: page.mrzText, asOf: asOf)
        for zone in fromMRZReading.isEmpty ? find(in: page.text, asOf: asOf) : fromMRZReading
        where !found.contains(where: { $0.verifiedPart == zone.verifiedPart }) {
            found.append(zone)
        }
        return found
    }

    /// The format and the part of line 2 that check digits cover (all of a passport's; a visa's
    /// up to its expiry's check digit).
    var verifiedPart: String {
        format.rawValue + (format == .passport ? lines[1] : String(lines[1].prefix(28)))
    }

    /// Runs of consecutive lines made only of the zone's alphabet (after normalising), each line
    /// kept separately.
    static func candidateBlocks(_ text: String) -> [[String]] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiCandidateBlocks(Array(text.utf8)) : scalarCandidateBlocks(text)
    }

    /// `candidateBlocks` scalar by scalar: for text that is not ASCII (OCR's «, ‹ and 〈 for <).
    static func scalarCandidateBlocks(_ text: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var valid = true
            for scalar in rawLine.unicodeScalars {
                switch scalar {
                case " ", "\t", "\u{A0}": continue
                case "«", "‹", "〈": line.append("<")
                case "A"..."Z", "0"..."9", "<": line.append(Character(scalar))
                default: valid = false
                }
                if !valid { break }
            }
            if valid, line.count >= 10 {
                current.append(line)
            } else if !line.isEmpty || !valid {
                if !current.isEmpty { blocks.append(current) }
                current = []
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// `candidateBlocks` of ASCII text, byte by byte (every OCRed page is read for zones): there
    /// a line break is \n, \r, a vertical tab or a form feed, and \r\n is one break.
    static func asciiCandidateBlocks(_ text: [UInt8]) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        var index = 0
        while index <= text.count {
            var end = index
            while end < text.count, !(text[end] >= 0x0A && text[end] <= 0x0D) { end += 1 }
            var line: [UInt8] = []
            var valid = true
            for byte in text[index..<end] {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "<"): line.append(byte)
                default: valid = false
                }
                if !valid { break }
            }
            if valid, line.count >= 10 {
                current.append(String(decoding: line, as: UTF8.self))
            } else if !line.isEmpty || !valid {
                if !current.isEmpty { blocks.append(current) }
                current = []
            }
            // "\r\n" is one break: no empty line between its two bytes.
            index = end + (end + 1 < text.count && text[end] == 0x0D && text[end + 1] == 0x0A ? 2 : 1)
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    private static func zones(in block: [String], asOf: CalendarDate) -> [MachineReadableZone] {
        var results: [MachineReadableZone] = []
        func attempt(_ first: String, _ second: String) {
            if case let .success(zone) = parse(first, second, asOf: asOf), !results.contains(zone) { results.append(zone) }
        }
        // Line by line: line 1 (padded or cut in its trailing fillers only) and the next line
        // (padded in its trailing fillers, which only a visa's unchecked optional data ends with).
        for index in block.indices.dropLast() {
            let first = block[index]
            guard first.hasPrefix("P") || first.hasPrefix("V"), let fitted = fitFirstLine(first),
                  let second = fitSecondLine(block[index + 1]) else { continue }
            attempt(fitted, second)
        }
        // The block joined: two lines on one, or a line broken in two.
        let joined = Array(block.joined().utf8)
        if joined.count >= 2 * lineLength {
            for start in 0...(joined.count - 2 * lineLength)
            where joined[start] == UInt8(ascii: "P") || joined[start] == UInt8(ascii: "V") {
                let first = String(decoding: joined[start..<start + lineLength], as: UTF8.self)
                let second = String(decoding: joined[start + lineLength..<start + 2 * lineLength], as: UTF8.self)
                attempt(first, second)
            }
        }
        return results
    }

    /// Line 1 made 44 characters long by its trailing fillers alone: padded when OCR dropped some
    /// (at least the name's `<<` separator must be there), cut when it read extra ones.
    static func fitSecondLine(_ line: String) -> String? {
        if line.count == lineLength { return line }
        guard line.count >= 30, line.count < lineLength, line.hasSuffix("<") else { return nil }
        return line + String(repeating: "<", count: lineLength - line.count)
    }

    static func fitFirstLine(_ line: String) -> String? {
        let count = line.count
        if count == lineLength { return line }
        if count > lineLength {
            return line.dropFirst(lineLength).allSatisfy({ $0 == "<" }) ? String(line.prefix(lineLength)) : nil
        }
        guard count >= 8, line.hasSuffix("<"), line.dropFirst(5).contains("<<") else { return nil }
        return line + String(repeating: "<", count: lineLength - count)
    }
}
