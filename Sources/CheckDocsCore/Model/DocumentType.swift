/// One entry of the document-type catalog: what a document is and the words people name it by.
public struct DocumentType: Hashable, Sendable {
    public enum NameDateMeaning: String, Sendable {
        /// A date in the file name is when the document was issued, taken or collected.
        case date
        /// A date in the file name is when it expires (passports, visas, insurance).
        case expires
    }

    public var id: String
    public var title: String
    public var description: String
    public var category: String
    public var aliases: [String]
    public var parents: [String]
    public var fileNameDate: NameDateMeaning
    public var isVaccine: Bool
    public var isLab: Bool
    /// `leadDays`: how many days obtaining it usually takes, when the catalog says; else the
    /// default of its category (`leadDaysOrDefault`, docs/pick.md "Lead times").
    public var leadDays: Int? = nil
    /// Statements a file of this type may make and amounts it may carry, which `init` drafts as
    /// commented lines for the applicant to keep or delete (docs/catalog.md, `draft`).
    public var draftStatements: [String] = []
    public var draftAmounts: [String] = []
    /// Words that, right before a one-word alias of this type in a file name, say the file is not
    /// of it: `driver` for a medical license ("Drivers license.pdf"; docs/catalog.md).
    public var notWhenNamed: [String] = []
    /// Aliases that name this type only alone: with no other type's alias in the name and no word
    /// beside them but neutral ones ("scan", "copy"). A degree's abbreviation qualifies the
    /// document it is part of ("MBBS transcript", "MBBS attempt certificate"), and names the
    /// diploma only alone ("MBBS.pdf", "MBBS scan.pdf"; docs/catalog.md).
    public var qualifiers: [String] = []
    /// For a vaccine: a dose given fewer days than this after the last one counted is not a dose
    /// of its own (the minimum interval, 4 weeks, less the 4 days' grace immunization schedules
    /// allow; docs/catalog.md, `minDoseIntervalDays`).
    public var minDoseIntervalDays: Int? = nil
    /// For a vaccine: longer intervals some doses of its series need, counted from an earlier
    /// dose than the one before (hepatitis B's third dose: 8 weeks after the second and 16 after
    /// the first, less the grace; docs/catalog.md, `doseIntervals`).
    public var doseIntervals: [DoseInterval] = []
    /// A negative titer after the vaccine series says the series did not take (hepatitis B's
    /// non-responders need a second series and a repeat titer): the doses alone then prove
    /// nothing (`DoseCount`; docs/catalog.md, `negativeTiterVoidsSeries`).
    public var negativeTiterVoidsSeries = false
    /// The level at which a quantitative titer of this type shows immunity: one below it, given
    /// with its unit and no result, is a negative titer for `negativeTiterVoidsSeries` (an
    /// anti-HBs of 3 mIU/mL is a non-responder's, whether or not the lab wrote "negative").
    public var protectiveTiter: TiterLevel? = nil

    /// A titer's value in a unit: 10 mIU/mL.
    /// Dose `dose` of a series counts only `minDays` or more after dose `after` of it.
    public struct DoseInterval: Hashable, Sendable {
        public var dose: Int
        public var after: Int
        public var minDays: Int

        public init(dose: Int, after: Int, minDays: Int) {
            self.dose = dose
            self.after = after
            self.minDays = minDays
        }
    }

    public struct TiterLevel: Hashable, Sendable {
        public var min: Double
        public var unit: String
    }

    /// What a file of this type can be more precisely (`td` or `tdap` for a `tdap` file): the
    /// values its manifest `subtype` and a program's `<subtype>` may name (docs/catalog.md).
    public var subtypes: [Subtype] = []

    /// One subtype, with the words in a file name that say it.
    public struct Subtype: Hashable, Sendable {
        public var id: String
        public var aliases: [String]

        public init(id: String, aliases: [String] = []) {
            self.id = id
            self.aliases = aliases
        }
    }

    public init(id: String, title: String, description: String, category: String, aliases: [String],
                parents: [String] = [], fileNameDate: NameDateMeaning = .date, isVaccine: Bool = false, isLab: Bool = false,
                subtypes: [Subtype] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.category = category
        self.aliases = aliases
        self.parents = parents
        self.fileNameDate = fileNameDate
        self.isVaccine = isVaccine
        self.isLab = isLab
        self.subtypes = subtypes
    }
}

extension DocumentType {
    /// Days to obtain a document of a category when its type gives no `leadDays` (docs/pick.md,
    /// "Lead times"): a rough, honest default, not a promise.
    public static let defaultLeadDays: [String: Int] = [
        "identity": 30, "immigration": 90, "education": 21, "exam": 30, "credential": 30, "immunization": 14,
        "health": 14, "insurance": 7, "letter": 21, "training": 7, "application": 3, "administrative": 7,
    ]

    public var leadDaysOrDefault: Int { leadDays ?? Self.defaultLeadDays[category] ?? 14 }
}

/// The catalog with the relations the classifier and the engine need precomputed.
public struct DocumentCatalog: Sendable {
    public let types: [DocumentType]
    private let byID: [String: Int]
    /// For each type, itself and every ancestor (a tb_igra file is also a tb_test).
    private let ancestors: [String: Set<String>]
    /// For each type with any, the subtypes it and its ancestors declare.
    private let declaredSubtypes: [String: [DocumentType.Subtype]]

    public init(types: [DocumentType]) {
        self.types = types
        var index: [String: Int] = [:]
        for (offset, type) in types.enumerated() where index[type.id] == nil { index[type.id] = offset }
        byID = index
        var closure: [String: Set<String>] = [:]
        for type in types {
            var seen: Set<String> = [type.id]
            var stack = type.parents
            while let next = stack.popLast() {
                guard seen.insert(next).inserted, let parent = index[next] else { continue }
                stack.append(contentsOf: types[parent].parents)
            }
            closure[type.id] = seen
        }
        ancestors = closure
        // Few types declare subtypes: only those are looked for among each type's ancestors.
        let declaring = types.filter { !$0.subtypes.isEmpty && index[$0.id] != nil }
        var subtypes: [String: [DocumentType.Subtype]] = [:]
        if !declaring.isEmpty {
            for type in types where subtypes[type.id] == nil {
                let declared = declaring.filter { closure[type.id]?.contains($0.id) == true }.flatMap(\.subtypes)
                if !declared.isEmpty { subtypes[type.id] = declared }
            }
        }
        declaredSubtypes = subtypes
    }

    /// The subtypes a file of this type can have: those its type and its ancestors declare.
    public func subtypes(of id: String) -> [DocumentType.Subtype] { declaredSubtypes[id] ?? [] }

    public subscript(id: String) -> DocumentType? { byID[id].map { types[$0] } }

    public func contains(_ id: String) -> Bool { byID[id] != nil }

    /// Whether a file of type `fileType` satisfies a clause asking for `requested`.
    public func type(_ fileType: String, satisfies requested: String) -> Bool {
        ancestors[fileType]?.contains(requested) ?? (fileType == requested)
    }

    /// Whether `a` is a strict descendant of `b`.
    public func type(_ a: String, isMoreSpecificThan b: String) -> Bool {
        a != b && (ancestors[a]?.contains(b) ?? false)
    }

    /// The type itself and every ancestor: every requested type a file of this type satisfies.
    public func typesSatisfied(by id: String) -> Set<String> { ancestors[id] ?? [id] }

    public func title(of id: String) -> String { self[id]?.title ?? id }
}

extension DocumentCatalog {
    /// The days to obtain a requirement's document: the longest of its types (docs/pick.md, "Lead
    /// times"); 14 when it names none. A score report of an exam the profile records as taken by
    /// `asOf`, or the ECFMG certificate of an applicant it records as certified, is only
    /// requested: a week. `pick` and `plan` count alike.
    public func leadDays(_ types: [String], profile: ApplicantProfile?, asOf: CalendarDate) -> Int {
        let taken = Set((profile?.exams ?? []).filter { $0.date <= asOf }.flatMap(\.exam.reportTypes))
        if types.contains(where: taken.contains) || (profile?.ecfmgCertified == true && types.contains("ecfmg_certificate")) {
            return Self.reportLeadDays
        }
        return types.compactMap { self[$0]?.leadDaysOrDefault }.max() ?? 14
    }

    public static let reportLeadDays = 7
}
