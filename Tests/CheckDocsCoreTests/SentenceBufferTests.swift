import PropertyBased
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// The sentences made for every candidate file a rule turns down are written into one buffer
/// (docs/performance.md, "Sentences in one buffer"): a validity window's and a lab result's. They
/// must say, byte for byte, what the interpolated sentences said.
@Suite struct SentenceBufferTests {
    /// Any day from year 1 to 9999 (ordinals past either end are clamped to it).
    static let date = Gen.int(in: -800_000...3_000_000).map { CalendarDate(ordinal: $0) }
    static let amount = Gen.oneOf(Gen.int(in: 0...3), Gen.int(in: 0...400), Gen.int(in: 0...Int.max))
    static let unit = Gen<DurationUnit>.case
    static let anchor = Gen.oneOf(Gen.always(Anchor.rotationStart), Gen.always(Anchor.rotationEnd), Gen.always(Anchor.deadline),
                                  Gen.always(Anchor.asOf), Gen.always(Anchor.offer))
    static let catalog = DocumentCatalog(types: [])

    // The spellings the sentences had before, made here apart from the code under test: a date as
    // `printf` pads it, an amount as interpolation spelled it.
    static func iso(_ date: CalendarDate) -> String {
        func padded(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
    }
    static func spelledAmount(_ count: Int, _ unit: DurationUnit) -> String {
        "\(count) \(count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)"
    }

    @Test("a date and an amount are spelled as before")
    func dateAndAmount() async {
        await propertyCheck(count: 2000, input: Self.date, Self.amount, Self.unit) { date, count, unit in
            #expect(date.description == Self.iso(date))
            #expect(Wording.amount(count, unit) == Self.spelledAmount(count, unit))
        }
    }

    @Test("a date before the window is worded as the interpolated sentence was")
    func beforeWindow() async {
        await propertyCheck(count: 2000, input: Self.date, Self.amount, Self.unit, Self.anchor, Self.date, Self.date) {
            date, within, unit, anchor, anchorDate, earliest in
            let failure = ValidityWindow.Failure.beforeWindow(date: date, within: within, unit: unit, anchor: anchor,
                                                              anchorDate: anchorDate, earliest: earliest)
            #expect(failure.sentence(catalog: Self.catalog)
                == "dated \(Self.iso(date)); it must be within \(Self.spelledAmount(within, unit)) before \(ProgramDates.describe(anchor)) (\(Self.iso(anchorDate))), so on or after \(Self.iso(earliest))")
        }
    }

    @Test("a date after the anchor, or in the future, is worded as the interpolated sentence was")
    func afterAnchorAndFuture() async {
        await propertyCheck(count: 2000, input: Self.date, Self.anchor, Self.date) { date, anchor, anchorDate in
            let after = ValidityWindow.Failure.afterAnchor(date: date, anchor: anchor, anchorDate: anchorDate)
            #expect(after.sentence(catalog: Self.catalog) == "dated \(Self.iso(date)), after \(ProgramDates.describe(anchor)) (\(Self.iso(anchorDate)))")
            #expect(ValidityWindow.Failure.inFuture(date: date).sentence(catalog: Self.catalog) == "dated \(Self.iso(date)), which is in the future")
        }
    }

    @Test("a window in words reads as the interpolated words did, with and without the program's dates")
    func windowInWords() async {
        await propertyCheck(count: 1000, input: Self.amount, Self.unit, Self.anchor, Self.date, Self.date, Self.date) {
            within, unit, anchor, start, end, asOf in
            let window = ValidityWindow(anchor: anchor, within: within, unit: unit)
            let dates = ProgramDates(asOf: asOf, rotation: Rotation(start: min(start, end), end: max(start, end)), deadline: nil)
            var expected = "dated within \(Self.spelledAmount(within, unit)) before \(ProgramDates.describe(anchor))"
            #expect(window.describe(dates: nil, catalog: Self.catalog) == [expected])
            if anchor != .asOf { expected += " (on or after \(Self.iso(dates.date(for: anchor).subtracting(within, unit))))" }
            #expect(window.describe(dates: dates, catalog: Self.catalog) == [expected])
        }
    }

    @Test("a lab result missing or not the one required is worded as the interpolated sentence was",
          arguments: [LabResult.positive, .negative])
    func labResult(required: LabResult) {
        let unknown = LabResultConstraint.Failure.unknown(required: required)
        #expect(unknown.sentence(catalog: Self.catalog)
            == "no result is recorded; a \(required.rawValue) result is required (add `result:` to its manifest entry)")
        for actual in [LabResult.positive, .negative] {
            let mismatch = LabResultConstraint.Failure.mismatch(actual: actual, required: required)
            #expect(mismatch.sentence(catalog: Self.catalog) == "the result is \(actual.rawValue); a \(required.rawValue) result is required")
        }
    }

    @Test("a sentence longer than the room first asked for is written whole")
    func longerThanCapacity() {
        let parts = ["alpha", String(repeating: "é", count: 100), "omega"]
        let text = ByteBuffer.string(capacity: 8) { text in
            for part in parts { text.append(utf8: part) }
        }
        #expect(text == parts.joined())
        #expect(ByteBuffer.string(capacity: 0) { _ in } == "")
    }
}
