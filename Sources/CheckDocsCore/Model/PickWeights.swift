/// How much each factor of `pick` counts: a factor's value (0 to 1) times its weight is its
/// contribution to a session's score (docs/pick.md, "Weights"). The manifest's `goals.weights`
/// sets any of them.
public struct PickWeights: Hashable, Sendable {
    public static let defaults: [(name: String, weight: Double)] = [
        ("specialty", 3), ("handsOn", 2), ("stage", 2), ("residency", 3), ("cost", 1), ("readiness", 1), ("letter", 1),
    ]
    public static var names: [String] { defaults.map(\.name) }

    public var values: [String: Double]

    public init(overrides: [String: Double] = [:]) {
        var values: [String: Double] = [:]
        for (name, weight) in Self.defaults { values[name] = overrides[name] ?? weight }
        self.values = values
    }

    public subscript(name: String) -> Double { values[name] ?? 0 }
}
