import Testing
@testable import CheckDocsCore

/// The MRZ parser (docs/inspection.md, "MRZ"): specimen zones with fictional data and check digits
/// computed here, each check digit broken in turn, passports (TD3) against visa foils (MRV-A), the
/// two-digit year pivots, names with fillers, and the OCR habits `find` tolerates.
@Suite struct MachineReadableZoneTests {
    static let asOf = CalendarDate(iso: "2026-11-29")!

    /// ICAO 9303's check digit, written again here (not the parser's) so the two can disagree.
    static func digit(_ field: String) -> Character {
        let weights = [7, 3, 1]
        var sum = 0
        for (index, character) in field.enumerated() {
            let value: Int
            if let number = character.wholeNumberValue { value = number }
            else if character == "<" { value = 0 }
            else { value = Int(character.asciiValue! - Character("A").asciiValue!) + 10 }
            sum += value * weights[index % 3]
        }
        return Character(String(sum % 10))
    }

    static func pad(_ text: String, _ length: Int) -> String {
        text + String(repeating: "<", count: max(0, length - text.count))
    }

    /// A passport's two lines with correct check digits (fictional data).
    static func passport(code: String = "P<", state: String = "UTO", name: String = "SPECIMEN<<ANNA<MARIA",
                         number: String = "X12345678", nationality: String = "UTO", birth: String = "850712",
                         sex: String = "F", expiry: String = "310401", personal: String = "") -> (String, String) {
        let line1 = pad(code + state + name, 44)
        let number9 = pad(number, 9), personal14 = pad(personal, 14)
        let personalCheck = personal.isEmpty ? "<" : String(digit(personal14))
        let upper = number9 + String(digit(number9))
        let birthPart = birth + String(digit(birth))
        let expiryPart = expiry + String(digit(expiry)) + personal14 + personalCheck
        let line2 = upper + nationality + birthPart + sex + expiryPart
            + String(digit(upper + birthPart + expiryPart))
        return (line1, line2)
    }

    /// A visa foil's two lines with correct check digits (fictional data).
    static func visa(code: String = "VN", state: String = "USA", name: String = "SPECIMEN<<RAVI<KUMAR",
                     number: String = "Z00112233", nationality: String = "IND", birth: String = "960229",
                     sex: String = "M", expiry: String = "280930", optional: String = "J1<<<<<<<<<<<<<<") -> (String, String) {
        let line1 = pad(code + state + name, 44)
        let number9 = pad(number, 9)
        let line2 = number9 + String(digit(number9)) + nationality + birth + String(digit(birth)) + sex
            + expiry + String(digit(expiry)) + pad(optional, 16)
        return (line1, line2)
    }

    static func parse(_ lines: (String, String)) -> Result<MachineReadableZone, MachineReadableZone.Rejection> {
        MachineReadableZone.parse(lines.0, lines.1, asOf: asOf)
    }

    @Test("ICAO 9303's own specimen (Utopia) verifies, with the fields it is published with")
    func icaoSpecimen() throws {
        let zone = try MachineReadableZone.parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                                 "L898902C36UTO7408122F1204159ZE184226B<<<<<10", asOf: Self.asOf).get()
        #expect(zone.format == .passport)
        #expect(zone.documentCode == "P")
        #expect(zone.issuingState == "UTO")
        #expect(zone.surname == "ERIKSSON")
        #expect(zone.givenNames == "ANNA MARIA")
        #expect(zone.documentNumber == "L898902C3")
        #expect(zone.nationality == "UTO")
        #expect(zone.birthDate == CalendarDate(iso: "1974-08-12"))
        #expect(zone.sex == .female)
        #expect(zone.expiryDate == CalendarDate(iso: "2012-04-15"))
        #expect(zone.optionalData == "ZE184226B")
        #expect(!zone.nameMayBeTruncated)
        #expect(MachineReadableZone.checkDigit("L898902C3") == 6)
        #expect(MachineReadableZone.checkDigit("ZE184226B<<<<<") == 1)
    }

    @Test("a passport specimen and a US visa foil specimen parse into their fields")
    func specimens() throws {
        let passport = try Self.parse(Self.passport(personal: "AB1234")).get()
        #expect(passport.format == .passport)
        #expect(passport.surname == "SPECIMEN" && passport.givenNames == "ANNA MARIA")
        #expect(passport.documentNumber == "X12345678")
        #expect(passport.birthDate == CalendarDate(iso: "1985-07-12"))
        #expect(passport.expiryDate == CalendarDate(iso: "2031-04-01"))
        #expect(passport.optionalData == "AB1234")
        #expect(passport.visaClass == nil)

        let visa = try Self.parse(Self.visa()).get()
        #expect(visa.format == .visa)
        #expect(visa.documentCode == "VN")
        #expect(visa.issuingState == "USA" && visa.nationality == "IND")
        #expect(visa.surname == "SPECIMEN" && visa.givenNames == "RAVI KUMAR")
        #expect(visa.documentNumber == "Z00112233")
        #expect(visa.birthDate == CalendarDate(iso: "1996-02-29"))
        #expect(visa.sex == .male)
        #expect(visa.expiryDate == CalendarDate(iso: "2028-09-30"))
        #expect(visa.visaClass == "J1")
        #expect(try Self.parse(Self.visa(optional: "B1B2<<<<<<<<<<<<")).get().visaClass == "B1B2")
        #expect(try Self.parse(Self.visa(optional: "H1B<<<<<<<<<<<<<")).get().visaClass == "H1B")
        // Not a class: no digit, too long, or a foil of another state.
        #expect(try Self.parse(Self.visa(optional: "")).get().visaClass == nil)
        #expect(try Self.parse(Self.visa(optional: "ABCDEF1<<<<<<<<<")).get().visaClass == nil)
        // A filler read as K after the class is no class (no check digit covers it); 0 for O is read.
        #expect(try Self.parse(Self.visa(optional: "H1BK<<<<<<<<<<<<")).get().visaClass == nil)
        #expect(try Self.parse(Self.visa(optional: "01<<<<<<<<<<<<<<")).get().visaClass == "O1")
        #expect(try Self.parse(Self.visa(state: "UTO")).get().visaClass == nil)
    }

    @Test("every check digit, broken in turn, refuses the whole zone")
    func everyCheckDigit() {
        // TD3: number 9, birth 19, expiry 27, personal number 42, composite 43.
        let passport = Self.passport(personal: "AB1234")
        let passportChecks: [(Int, String)] = [(9, "document number"), (19, "date of birth"), (27, "date of expiry"),
                                               (42, "personal number"), (43, "composite")]
        for (position, field) in passportChecks {
            for wrong in 0...9 {
                var line2 = Array(passport.1)
                guard String(line2[position]) != String(wrong) else { continue }
                line2[position] = Character(String(wrong))
                #expect(Self.parse((passport.0, String(line2))) == .failure(.checkDigit(field)), "TD3 \(field) = \(wrong)")
            }
        }
        // MRV-A: number 9, birth 19, expiry 27; no composite.
        let visa = Self.visa()
        for (position, field) in [(9, "document number"), (19, "date of birth"), (27, "date of expiry")] {
            for wrong in 0...9 {
                var line2 = Array(visa.1)
                guard String(line2[position]) != String(wrong) else { continue }
                line2[position] = Character(String(wrong))
                #expect(Self.parse((visa.0, String(line2))) == .failure(.checkDigit(field)), "MRV-A \(field) = \(wrong)")
            }
        }
        // A field changed under its check digit (an OCR misreading of a letter) is refused too.
        var misread = Array(passport.1)
        misread[1] = "2"  // X12345678 → X22345678
        #expect(Self.parse((passport.0, String(misread))) == .failure(.checkDigit("document number")))
        // A `<` personal-number check digit is only allowed when there is no personal number.
        var filler = Array(passport.1)
        filler[42] = "<"
        #expect(Self.parse((passport.0, String(filler))) == .failure(.checkDigit("personal number")))
        #expect(throws: Never.self) { try Self.parse(Self.passport(personal: "")).get() }
        // A check digit that is no digit and looks like none.
        var letter = Array(visa.1)
        letter[19] = "X"
        #expect(Self.parse((visa.0, String(letter))) == .failure(.character(line: 2, position: 19)))
    }

    @Test("TD3 against MRV-A: the document code decides, and the layouts are not interchangeable")
    func formats() {
        // A passport's lines under a visa's code: the optional data is read as MRV-A's, no composite.
        let passport = Self.passport()
        #expect((try? Self.parse(("V" + passport.0.dropFirst(), passport.1)).get().format) == .visa)
        // A visa's line 2 under a passport's code: its last two positions are not TD3's checks.
        let visa = Self.visa(optional: "J1<<<<<<<<<<<<<1")
        guard case .failure = Self.parse(("P" + visa.0.dropFirst(), visa.1)) else {
            Issue.record("a visa foil's line 2 passed as a passport's")
            return
        }
        #expect(Self.parse(("I" + passport.0.dropFirst(), passport.1)) == .failure(.documentCode))
        #expect(Self.parse((passport.0 + "<", passport.1)) == .failure(.length))
        #expect(Self.parse((passport.0, String(passport.1.dropLast()))) == .failure(.length))
        var lower = Array(passport.0)
        lower[7] = "e"
        #expect(Self.parse((String(lower), passport.1)) == .failure(.character(line: 1, position: 7)))
    }

    @Test("two-digit years: a birth is never in the future; an expiry lies within 50 years of the as-of date")
    func yearPivots() throws {
        func dates(birth: String, expiry: String, asOf: String = "2026-11-29") throws -> (CalendarDate, CalendarDate) {
            let lines = Self.passport(birth: birth, expiry: expiry)
            let zone = try MachineReadableZone.parse(lines.0, lines.1, asOf: CalendarDate(iso: asOf)!).get()
            return (zone.birthDate, zone.expiryDate)
        }
        // Birth: 2026-11-29 is today (not future), 2026-11-30 is tomorrow: 1926.
        #expect(try dates(birth: "261129", expiry: "300101").0 == CalendarDate(iso: "2026-11-29"))
        #expect(try dates(birth: "261130", expiry: "300101").0 == CalendarDate(iso: "1926-11-30"))
        #expect(try dates(birth: "051231", expiry: "300101").0 == CalendarDate(iso: "2005-12-31"))
        #expect(try dates(birth: "990101", expiry: "300101").0 == CalendarDate(iso: "1999-01-01"))
        // Expiry: the same two digits read as a future date, not a birth-like past one.
        #expect(try dates(birth: "990101", expiry: "300101").1 == CalendarDate(iso: "2030-01-01"))
        #expect(try dates(birth: "990101", expiry: "750101").1 == CalendarDate(iso: "2075-01-01"))
        #expect(try dates(birth: "990101", expiry: "760101").1 == CalendarDate(iso: "1976-01-01"))
        #expect(try dates(birth: "990101", expiry: "120415").1 == CalendarDate(iso: "2012-04-15"))
        // Around a century: as of 2099, an expiry "05" is 2105 and a birth "05" 2005.
        #expect(try dates(birth: "050101", expiry: "050101", asOf: "2099-06-01") == (CalendarDate(iso: "2005-01-01")!, CalendarDate(iso: "2105-01-01")!))
        // A day that does not exist, with a correct check digit, is refused.
        #expect(Self.parse(Self.passport(birth: "850230")) == .failure(.date("date of birth")))
        #expect(Self.parse(Self.passport(expiry: "311301")) == .failure(.date("date of expiry")))
        #expect(Self.parse(Self.passport(birth: "970229")) == .failure(.date("date of birth")))
    }

    @Test("names: parts joined by fillers, no given names, a name that fills its field")
    func names() throws {
        let compound = try Self.parse(Self.passport(name: "DE<LA<CRUZ<<MARIA<JOSE<ANA")).get()
        #expect(compound.surname == "DE LA CRUZ")
        #expect(compound.givenNames == "MARIA JOSE ANA")
        let single = try Self.parse(Self.passport(name: "MONONYM")).get()
        #expect(single.surname == "MONONYM" && single.givenNames == "")
        let long = String(repeating: "A", count: 20) + "<<" + String(repeating: "B", count: 17)
        let truncated = try Self.parse(Self.passport(name: long)).get()
        #expect(truncated.nameMayBeTruncated)
        #expect(truncated.givenNames.count == 17)
        // State codes with fillers (Germany: D<<).
        let german = try Self.parse(Self.passport(state: "D<<", nationality: "D<<")).get()
        #expect(german.issuingState == "D" && german.nationality == "D")
        #expect(Self.parse(Self.passport(name: "<<ANNA")) == .failure(.character(line: 1, position: 5)))
        // Letters after the given names' fillers are fillers misread (K for <): no name, no zone.
        #expect(Self.parse(Self.passport(name: "SAMPLE<<ERIKA<<K<<K<KK")) == .failure(.name))
        #expect(try Self.parse(Self.passport(name: "SAMPLE<<ERIKA<K")).get().givenNames == "ERIKA K")
    }

    @Test("find: OCR's spaces, « for <, line breaks and look-alikes are tolerated; lower case and surrounding text are no zone")
    func findInOCRText() throws {
        let passport = Self.passport()
        let visa = Self.visa()
        let clean = try Self.parse(passport).get()
        let spaced = passport.0.replacingOccurrences(of: "<", with: "«").map(String.init).joined(separator: " ")
        let page = """
        PASSPORT  PASSEPORT
        Surname / Nom: SPECIMEN
        \(spaced)
        \(passport.1.prefix(20)) \(passport.1.dropFirst(20))
        """
        #expect(MachineReadableZone.find(in: page, asOf: Self.asOf) == [clean])
        // Both lines on one line; a line broken in the middle; lower case.
        #expect(MachineReadableZone.find(in: passport.0 + passport.1, asOf: Self.asOf) == [clean])
        let broken = passport.0 + "\n" + passport.1.prefix(30) + "\n" + passport.1.dropFirst(30)
        #expect(MachineReadableZone.find(in: broken, asOf: Self.asOf) == [clean])
        // Lower case is not a zone's: OCR's c and e for `<` make no name.
        #expect(MachineReadableZone.find(in: (passport.0 + "\n" + passport.1).lowercased(), asOf: Self.asOf).isEmpty)
        let cees = passport.0.prefix(30) + "ccecec<cce<<cc\n" + passport.1
        #expect(MachineReadableZone.find(in: String(cees), asOf: Self.asOf).isEmpty)
        // Trailing fillers of line 1 dropped or doubled by OCR.
        let shortFirst = String(passport.0.prefix(30)) + "\n" + passport.1
        #expect(MachineReadableZone.find(in: shortFirst, asOf: Self.asOf) == [clean])
        let longFirst = passport.0 + "<<<\n" + passport.1
        #expect(MachineReadableZone.find(in: longFirst, asOf: Self.asOf) == [clean])
        // A passport and a visa on one page: both, in order.
        let both = MachineReadableZone.find(in: "\(passport.0)\n\(passport.1)\n\nVISA\n\(visa.0)\n\(visa.1)", asOf: Self.asOf)
        #expect(both.map(\.format) == [.passport, .visa])
        // OCR's look-alikes where the format allows one kind only: a digit in line 1 or the
        // nationality is the letter it looks like, a letter in a date or check digit the digit.
        let lookalikes = passport.0.replacingOccurrences(of: "SPECIMEN", with: "5PEC1MEN") + "\n"
            + passport.1.prefix(10) + "UT0" + passport.1.dropFirst(13).prefix(6).replacingOccurrences(of: "8", with: "B")
            + passport.1.dropFirst(19)
        #expect(MachineReadableZone.find(in: lookalikes, asOf: Self.asOf) == [clean])
        // …but never in the document number, letters and digits both: its look-alike is refused.
        let number = passport.0 + "\n" + passport.1.replacingOccurrences(of: "X12345678", with: "XI2345678")
        #expect(MachineReadableZone.find(in: number, asOf: Self.asOf).isEmpty)
        // One misread character in line 2: nothing, never a corrected zone.
        var misread = Array(passport.1)
        misread[14] = misread[14] == "8" ? "3" : "8"
        #expect(MachineReadableZone.find(in: passport.0 + "\n" + String(misread), asOf: Self.asOf).isEmpty)
        // A filler dropped inside line 2 shifts every field after it: nothing.
        let dropped = passport.0 + "\n" + passport.1.replacingOccurrences(of: "<<", with: "<")
        #expect(MachineReadableZone.find(in: dropped, asOf: Self.asOf).isEmpty)
        // Ordinary text, and a line 1 with other text beside it, are no zone.
        #expect(MachineReadableZone.find(in: "Dear committee,\nP<UTO is my country.\n", asOf: Self.asOf).isEmpty)
        #expect(MachineReadableZone.find(in: "", asOf: Self.asOf).isEmpty)
    }

    @Test("no false accept: random lines in the zone's alphabet do not verify, nor does any one-digit change")
    func randomLines() {
        var generator = SeededGenerator(seed: 13)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<")
        var accepted = 0
        for _ in 0..<3_000 {
            let first = "P<UTO" + String((0..<39).map { _ in alphabet.randomElement(using: &generator)! })
            let second = String((0..<44).map { _ in alphabet.randomElement(using: &generator)! })
            if case .success = MachineReadableZone.parse(first, second, asOf: Self.asOf) { accepted += 1 }
        }
        #expect(accepted == 0)
        // One digit changed into another anywhere a check digit covers: refused (the weights 7, 3
        // and 1 are prime to 10). A letter for a digit whose values differ by 10 (1 and B, `<` and
        // A) is the scheme's known blind spot (docs/inspection.md, "MRZ").
        let passport = Self.passport(personal: "AB1234")
        let checked = Array(0..<10) + Array(13..<20) + Array(21..<44)
        for position in checked where passport.1[passport.1.index(passport.1.startIndex, offsetBy: position)].isNumber {
            for replacement in "0123456789" {
                var line2 = Array(passport.1)
                guard line2[position] != replacement else { continue }
                line2[position] = replacement
                if case let .success(zone) = Self.parse((passport.0, String(line2))) {
                    Issue.record("position \(position) = \(replacement) accepted: \(zone)")
                }
            }
        }
    }
}
