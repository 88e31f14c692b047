import CheckDocsNative

/// `<amount name="per-incident" atLeast="1000000" currency="USD"/>`: a named amount the document
/// gives (liability coverage per claim, a fee paid) must be at least this much, in this ISO 4217
/// currency. An amount in another currency is `not-evaluable`: no exchange rate is guessed
/// (docs/programs.md, "amount").
public struct AmountRule: DocumentConstraint {
    public var name: String
    public var atLeast: Double
    public var currency: String

    public init(name: String, atLeast: Double, currency: String) {
        self.name = name
        self.atLeast = atLeast
        self.currency = currency
    }

    public static let checkOrder = 68
    public static let syntax = ["amount"]

    public static func decode(from clause: DescriptionNode) throws(InputError) -> [AmountRule] {
        var rules: [AmountRule] = []
        for node in clause.children("amount", plural: "amounts") {
            let name = try node.required("name")
            if rules.contains(where: { $0.name == name }) { throw InputError(node.location(of: "name"), "the amount \(name) is given twice") }
            guard let atLeast = try node.double("atLeast") else { throw InputError(node.location, "missing atLeast") }
            rules.append(AmountRule(name: name, atLeast: atLeast, currency: try node.required("currency")))
        }
        return rules
    }

    /// A tightening replaces the inherited amounts of the names it gives and keeps the others.
    public static func merge(inherited: [AmountRule], added: [AmountRule]) -> [AmountRule] {
        inherited.filter { old in !added.contains { $0.name == old.name } } + added
    }

    public func check(_ document: ApplicantDocument, in context: ClauseContext) -> ConstraintFailure? {
        guard let amount = document.facts.amounts[name] else {
            return fail(.notEvaluable, Failure.unknown(name: name, atLeast: atLeast, currency: currency))
        }
        guard let actual = amount.currency else {
            return fail(.notEvaluable, Failure.currencyUnknown(name: name, value: amount.value, field: amount.field))
        }
        guard actual == currency else {
            return fail(.notEvaluable, Failure.otherCurrency(name: name, value: amount.value, currency: actual,
                                                              atLeast: atLeast, required: currency))
        }
        if amount.value < atLeast {
            return fail(.invalid, Failure.below(name: name, value: amount.value, atLeast: atLeast, currency: currency))
        }
        return nil
    }

    public func describe(dates: ProgramDates?, catalog: DocumentCatalog) -> [String] {
        ["\(name) of at least \(Self.money(atLeast, currency))"]
    }

    /// "100,000 USD", "150.50 USD".
    static func money(_ value: Double, _ currency: String) -> String { number(value) + " " + currency }

    /// "100,000", "150.50".
    static func number(_ value: Double) -> String {
        // The manifest's `coverage` numbers have no upper bound: past what cents can count, the
        // number is written as it is rather than converted to an integer that cannot hold it.
        guard value.magnitude < 1e15 else { return EligibilityRule.format(value) }
        let cents = Int((value * 100).rounded())
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = cents % 100 == 0 ? "" : "." + String(cents % 100).leftPadded(to: 2)
        return whole + grouped + fraction
    }

    public enum Failure: FindingDetail {
        case unknown(name: String, atLeast: Double, currency: String)
        case currencyUnknown(name: String, value: Double, field: String)
        case otherCurrency(name: String, value: Double, currency: String, atLeast: Double, required: String)
        case below(name: String, value: Double, atLeast: Double, currency: String)

        public var code: String {
            switch self {
            case .unknown: return "amount-unknown"
            case .currencyUnknown: return "currency-unknown"
            case .otherCurrency: return "other-currency"
            case .below: return "amount-below"
            }
        }

        public var fields: [FindingReason.Field] {
            switch self {
            case let .unknown(name, atLeast, currency):
                return .list(("name", .string(name)), ("field", .string("amounts.\(name)")), ("atLeast", .number(atLeast)),
                             ("currency", .string(currency)))
            case let .currencyUnknown(name, value, field):
                return .list(("name", .string(name)), ("value", .number(value)), ("field", .string(field)))
            case let .otherCurrency(name, value, currency, atLeast, required):
                return .list(("name", .string(name)), ("value", .number(value)), ("currency", .string(currency)),
                             ("atLeast", .number(atLeast)), ("requiredCurrency", .string(required)))
            case let .below(name, value, atLeast, currency):
                return .list(("name", .string(name)), ("value", .number(value)), ("atLeast", .number(atLeast)),
                             ("currency", .string(currency)))
            }
        }

        public func sentence(catalog: DocumentCatalog) -> String {
            switch self {
            case let .unknown(name, atLeast, currency):
                return "no \(name) amount is recorded; at least \(AmountRule.money(atLeast, currency)) is required (add `amounts: {\(name): \"… \(currency)\"}` to its manifest entry)"
            case let .currencyUnknown(name, value, field):
                return "the \(name) amount \(AmountRule.number(value)) has no currency, so it cannot be compared (add `\(field)` to its manifest entry)"
            case let .otherCurrency(name, value, currency, atLeast, required):
                return "the \(name) amount is \(AmountRule.money(value, currency)); at least \(AmountRule.money(atLeast, required)) is required, and no exchange rate is guessed (ask for the amount in \(required))"
            case let .below(name, value, atLeast, currency):
                return "the \(name) amount is \(AmountRule.money(value, currency)); at least \(AmountRule.money(atLeast, currency)) is required"
            }
        }
    }
}
