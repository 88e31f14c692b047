import PropertyBased
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
        let text = "This certifies that BOADU, Abena Kyerewaa completed the course."
        #expect(NameComparison.findInText(NameComparison.words("Abena Kyerewaa Boadu"), text: text) == .reordered)
        // A comma sets the surname apart: "BOADU, Abena Kyerewaa" holds "Abena Kyerewaa" as written.
        #expect(NameComparison.findInText(NameComparison.words("Abena Kyerewaa"), text: text) == .same)
        #expect(NameComparison.findInText(NameComparison.words("Kyerewaa Abena"), text: text) == .reordered)
        #expect(NameComparison.findInText(NameComparison.words("Kofi Mensah"), text: text) == nil)
        #expect(NameComparison.findInText(NameComparison.words("Abena Kyerewaa Boadu"), text: "Certificate\nAbena Kyerewaa Boadu\nhas completed") == .same)
    }

    @Test("a name in a text layer beside other capitalized words may be a longer name: given with them, never the same")
    func findBesideOtherNames() {
        let name = NameComparison.words("Anna Tester")
        #expect(NameComparison.findInText(name, text: "This certifies that\nANNA TESTER OKAFOR\nhas been awarded") == .besideOtherNames("ANNA TESTER OKAFOR"))
        #expect(NameComparison.findInText(name, text: "JOHN ANNA TESTER") == .besideOtherNames("JOHN ANNA TESTER"))
        // Sentence words, capitalized or not, are no name; another line is another line.
        #expect(NameComparison.findInText(name, text: "THIS CERTIFIES THAT ANNA TESTER HAS BEEN AWARDED") == .same)
        #expect(NameComparison.findInText(name, text: "Dear Dr. Smith,\nI recommend Anna Tester for the elective.") == .same)
        #expect(NameComparison.findInText(name, text: "Okafor\nAnna Tester\nLagos") == .same)
        // A clean occurrence anywhere wins over one beside other names.
        #expect(NameComparison.findInText(name, text: "Anna Tester Okafor\nSigned: Anna Tester") == .same)
        // Punctuation, a table's column gap, titles and degrees end the name.
        for line in ["Student Name: Anna Tester  Matric No: 12345", "ANNA TESTER, MBChB", "Anna Tester, Chief Resident",
                     "Anna Tester (Registration No. 1234)", "Name of Student: ANNA TESTER Reg. No: 45", "Professor Anna Tester"] {
            #expect(NameComparison.findInText(name, text: line) == .same, "\(line)")
        }
        // A name printed over two lines is still found.
        #expect(NameComparison.findInText(name, text: "This is to certify that\nANNA\nTESTER\nhas been awarded") == .same)
    }

    // MARK: Spacing, particles and transliteration (issue 12, item 8)

    @Test("spacing, hyphens and particles are a spelling variant, never the same and never another person")
    func spacingAndParticles() {
        #expect(NameComparison.compare("Abdelrahman", to: "Abd El-Rahman") == .variant(.spelling))
        #expect(NameComparison.compare("Abd El-Rahman", to: "Abdelrahman") == .variant(.spelling))
        #expect(NameComparison.compare("Abd al-Rahman", to: "Abdelrahman") == .variant(.spelling))
        #expect(NameComparison.compare("Abdul Rahman", to: "Abd ar-Rahman") == .variant(.spelling))
        #expect(NameComparison.compare("Abdurrahman", to: "Abd El-Rahman") == .variant(.spelling))
        #expect(NameComparison.compare("Mohamed Elsayed", to: "Mohamed El-Sayed") == .variant(.spelling))
        #expect(NameComparison.compare("Mohamed El Sayed", to: "Mohamed Al-Sayed") == .variant(.spelling))
        #expect(NameComparison.compare("Omar Ibn Khaldun", to: "Omar Bin Khaldun") == .variant(.spelling))
        #expect(NameComparison.compare("Jan Vandenberg", to: "Jan van den Berg") == .variant(.spelling))
        #expect(NameComparison.compare("Maria DeLuca", to: "Maria De Luca") == .variant(.spelling))
    }

    @Test("the listed transliteration equivalences are a spelling variant")
    func transliterations() {
        #expect(NameComparison.compare("Youssef Mahmoud", to: "Yusef Mahmud") == .variant(.spelling))   // ou/u, doubled
        #expect(NameComparison.compare("Mohammed Ali", to: "Mohamed Aly") == .variant(.spelling))      // doubled, y/i at the end
        #expect(NameComparison.compare("Zeenat Noor", to: "Zinat Nur") == .variant(.spelling))         // ee/i, oo/u
        #expect(NameComparison.compare("Mustapha Khaled", to: "Mustafa Haled") == .variant(.spelling)) // ph/f, kh/h
        #expect(NameComparison.compare("Djamila Tariq", to: "Jamila Tarik") == .variant(.spelling))   // dj/j, q/k
        #expect(NameComparison.compare("Fawzy Hassan", to: "Fawzi Hasan") == .variant(.spelling))
    }

    @Test("spelling combines with the other discrepancies: order, initials, a name left out")
    func spellingWithOtherDiscrepancies() {
        #expect(NameComparison.compare("Elsayed, Ahmed", to: "Ahmed El-Sayed") == .variant([.spelling, .reordered]))
        #expect(NameComparison.compare("Aly, Mohamed", to: "Mohammed Ali") == .variant([.spelling, .reordered]))
        #expect(NameComparison.compare("M. Aly", to: "Mohammed Ali") == .variant([.spelling, .initials]))
        #expect(NameComparison.compare("Youssef Hassan", to: "Yusef Ahmed Hasan") == .variant([.spelling, .omittedName]))
    }

    @Test("a wholly different name stays different, with or without particles")
    func stillDifferent() {
        #expect(NameComparison.compare("Abd El-Rahman", to: "Abd El-Aziz") == .different)
        #expect(NameComparison.compare("Maria De Luca", to: "Mario De Luca") == .different)
        #expect(NameComparison.compare("Karen Smith", to: "Karan Smith") == .different)
        #expect(NameComparison.compare("El Van", to: "De La") == .different)
        #expect(NameComparison.compare("Ibn", to: "Bin") == .different)
    }

    /// Given names and surnames from many languages, each a different name; some differ by one
    /// letter or one vowel, so that a fold that is too wide shows here. Spellings of one name
    /// (Hassan and Hasan, Janssen and Jansen) are not both listed: they are meant to fold. Nor are
    /// the pairs docs/programs.md names as folding although they are different names (Zhou and
    /// Zhu, Khan and Han, Lee and Li): for them the check asks to verify, it never passes.
    static let givenNames = [
        "Abena", "Kofi", "Kwame", "Ama", "Adwoa", "Yaw", "Chinedu", "Ngozi", "Emeka", "Oluwaseun", "Tunde", "Fatima", "Aisha",
        "Amina", "Amir", "Omar", "Ali", "Alia", "Hassan", "Hussein", "Said", "Saad", "Samir", "Samira",
        "Karim", "Karima", "Khalid", "Layla", "Yusuf", "Yasmin", "Zainab", "Ibrahim", "Ismail", "Mustafa", "Tariq",
        "Jamila", "Nadia", "Rania", "Ravi", "Rahul", "Priya", "Anjali", "Arjun", "Karan", "Karen", "Deepak", "Sunita", "Vijay",
        "Wei", "Mei", "Ming", "Jian", "Hiroshi", "Yuki", "Kenji", "Min", "Jin", "Soo", "Maria", "Mario", "Marta", "Marco",
        "Mark", "Anna", "Anne", "Elena", "Ellen", "Alan", "John", "Joan", "Jean", "Juan", "Jane", "June",
        "Paul", "Paula", "Pablo", "Peter", "Pedro", "Piotr", "Olga", "Oleg", "Ivan", "Igor", "Dmitri", "Sofia", "Sophie",
        "Lucas", "Luca", "Luke", "Lucia", "Lucy", "Carlos", "Carla", "Carl", "Diego", "Daniel", "Daniela", "Danielle",
    ]
    static let surnames = [
        "Boadu", "Mensah", "Asante", "Owusu", "Okafor", "Okonkwo", "Adeyemi", "Abdelrahman", "Abdelaziz", "Elsayed",
        "Hassan", "Haddad", "Khoury", "Nasser", "Saleh", "Salem", "Salim", "Mansour", "Mahmoud", "Farouk", "Rahman",
        "Khan", "Patel", "Shah", "Singh", "Sharma", "Gupta", "Rao", "Reddy", "Iyer", "Wang", "Zhang", "Chen", "Zhou",
        "Liu", "Huang", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Choi", "Nguyen", "Tran", "Pham", "Smith", "Smyth",
        "Schmidt", "Schmitt", "Miller", "Muller", "Brown", "Braun", "Garcia", "Martinez", "Martins", "Lopez", "Lopes",
        "Rossi", "Russo", "Romano", "Costa", "Silva", "Souza", "Santos", "Ferreira", "Novak", "Nowak", "Kowalski",
        "Ivanov", "Petrov", "Popov", "Berg", "Borg", "Dubois", "Durand", "Moreau", "Janssen", "Peters",
    ]

    @Test("no two names of the lists fold together")
    func listedNamesStayApart() {
        for list in [Self.givenNames, Self.surnames] {
            for (i, a) in list.enumerated() {
                for b in list[(i + 1)...] {
                    #expect(NameComparison.compare(a, to: b) == .different, "\(a) vs \(b)")
                }
            }
        }
    }

    @Test("random full names made of different names from the lists are never folded together")
    func randomDifferentNamesStayDifferent() async {
        let given = Gen.element(of: Self.givenNames).compactMap { $0 }
        let surname = Gen.element(of: Self.surnames).compactMap { $0 }
        let particle = Gen.element(of: ["", "el", "al", "bin", "ibn", "van", "de", "da"]).compactMap { $0 }
        await propertyCheck(count: 1500, input: zip(given, given, surname, surname), particle, particle) { names, p, q in
            let (g1, g2, s1, s2) = names
            guard g1 != g2, s1 != s2 else { return }
            let a = [g1, p, s1].filter { !$0.isEmpty }.joined(separator: " ")
            let b = [g2, q, s2].filter { !$0.isEmpty }.joined(separator: " ")
            #expect(NameComparison.compare(a, to: b) == .different, "\(a) vs \(b)")
            #expect(NameComparison.compare(b, to: a) == .different, "\(b) vs \(a)")
        }
    }

    @Test("any listed name, spaced, hyphenated or with a particle dropped, is a variant of itself, never different")
    func respacedNamesAreVariants() async {
        let given = Gen.element(of: Self.givenNames).compactMap { $0 }
        let surname = Gen.element(of: Self.surnames).compactMap { $0 }
        let particle = Gen.element(of: ["el", "al", "bin", "van", "de"]).compactMap { $0 }
        await propertyCheck(count: 1000, input: given, particle, surname) { g, p, s in
            let reference = "\(g) \(p) \(s)"
            #expect(NameComparison.compare("\(g) \(p)\(s)", to: reference) == .variant(.spelling), "\(g) \(p)\(s)")
            #expect(NameComparison.compare("\(g) \(p)-\(s)", to: reference) == .same)
            #expect(NameComparison.compare("\(s), \(g) \(p)", to: reference) == .variant(.reordered))
        }
    }
}
