/// One stint of US clinical experience (USCE), as the manifest lists it under `applicant.usce`
/// (docs/manifest.md). The `usce` eligibility rule counts these (docs/programs.md).
public struct ClinicalExperience: Hashable, Sendable {
    /// What the applicant did there. Only an observership is not hands-on.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case observership
        case externship
        case handsOn = "hands-on"

        /// The stint in words: "observership", "externship", "hands-on rotation".
        public var noun: String { self == .handsOn ? "hands-on rotation" : rawValue }
    }

    public var kind: Kind
    /// As the applicant writes it ("Family Medicine"); compared with a rule's specialties with
    /// case, spaces and punctuation ignored.
    public var specialty: String?
    public var institution: String?
    /// First and last day, both counted.
    public var start: CalendarDate
    public var end: CalendarDate
    /// Whether a letter of recommendation came from it (recorded).
    public var letter: Bool?
    /// The certificate or completion letter in the folder that proves it.
    public var certificate: FilePath?

    public init(kind: Kind, specialty: String? = nil, institution: String? = nil, start: CalendarDate, end: CalendarDate,
                letter: Bool? = nil, certificate: FilePath? = nil) {
        self.kind = kind
        self.specialty = specialty
        self.institution = institution
        self.start = start
        self.end = end
        self.letter = letter
        self.certificate = certificate
    }

    public var isHandsOn: Bool { kind != .observership }
}
