import Testing
@testable import CheckDocsCore

/// The name comparison of `<nameMatch>` (docs/programs.md), one case per kind of name discrepancy
/// ECFMG lists: case and accents, hyphens and punctuation, initials, order, a name left out.
@Suite struct NameComparisonTests {
    static let passport = "Abena Kyerewaa Boadu"

    @Test("exact, case, accents, hyphens and punctuation: the same name")
    func same() {
        #expect(NameComparison.compare("Abena Kyerewaa Boadu", to: Self.passport) == .same)
        #expect(NameComparison.compare("ABENA KYEREWAA BOADU", to: Self.passport) == .same)
        #expect(NameComparison.compare("José María López-García", to: "Jose Maria Lopez Garcia") == .same)
        #expect(NameComparison.compare("Jose\u{301} Mari\u{301}a", to: "José María") == .same)
        #expect(NameComparison.compare("Siobhán O'Brien", to: "Siobhan OBrien") == .same)
        #expect(NameComparison.compare("  Abena   Kyerewaa  Boadu. ", to: Self.passport) == .same)
    }

    @Test("reversed order is a variant, reported as such")
    func reversed() {
        #expect(NameComparison.compare("Boadu Abena Kyerewaa", to: Self.passport) == .variant(.reordered))
        #expect(NameComparison.compare("BOADU, Abena Kyerewaa", to: Self.passport) == .variant(.reordered))
    }

    @Test("initials are a variant: A. K. Boadu, Mary S.")
    func initials() {
        #expect(NameComparison.compare("A. K. Boadu", to: Self.passport) == .variant(.initials))
        #expect(NameComparison.compare("Mary S.", to: "Mary Smith") == .variant(.initials))
        #expect(NameComparison.compare("Boadu, A. K.", to: Self.passport) == .variant([.initials, .reordered]))
        #expect(NameComparison.compare("A. Boadu", to: Self.passport) == .variant([.initials, .omittedName]))
    }

    @Test("a middle name missing (or added) is a variant")
    func middleName() {
        #expect(NameComparison.compare("Abena Boadu", to: Self.passport) == .variant(.omittedName))
        #expect(NameComparison.compare("Abena Kyerewaa Mensah Boadu", to: Self.passport) == .variant(.omittedName))
    }

    @Test("a completely different name, or only initials in common, is different")
    func different() {
        #expect(NameComparison.compare("Kofi Mensah", to: Self.passport) == .different)
        #expect(NameComparison.compare("Kofi Boadu", to: Self.passport) == .different)
        #expect(NameComparison.compare("A. K. B.", to: Self.passport) == .different)
        #expect(NameComparison.compare("", to: Self.passport) == .different)
    }

    @Test("finding a name in a text layer: in order, in another order, or not at all")
    func find() {
        let text = NameComparison.words("This certifies that BOADU, Abena Kyerewaa completed the course.")
        #expect(NameComparison.find(NameComparison.words("Abena Kyerewaa Boadu"), in: text) == .variant(.reordered))
        #expect(NameComparison.find(NameComparison.words("Abena Kyerewaa"), in: text) == .same)
        #expect(NameComparison.find(NameComparison.words("Kofi Mensah"), in: text) == nil)
    }
}
