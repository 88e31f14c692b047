import CheckDocsNative

/// Every kind of constraint a `<document>` clause can carry, in the order they are checked and
/// described. The build lists every `public struct …: DocumentConstraint` declared in this folder
/// (EmbedGen, `RegisteredConstraintKinds`), so a kind is registered by its file; a test holds the
/// kinds, the XSD and the JSON schema to each other (docs/architecture.md).
public enum DocumentConstraintKinds {
    public static let all: [any DocumentConstraint.Type] = RegisteredConstraintKinds.declared.sorted { $0.checkOrder < $1.checkOrder }

    /// Every constraint written in a `<document>` or `<tighten>` element, kind by kind.
    static func decode(from node: DescriptionNode) throws(InputError) -> [AnyDocumentConstraint] {
        var constraints: [AnyDocumentConstraint] = []
        // A clause uses two or three of the kinds: the others are not asked (a catalog decodes
        // every clause of every program). The kinds are found from the names the clause is
        // written with, each looked up once, instead of comparing every kind's names with every
        // name of the clause; in JSON, a repeated element's key is its plural, its name and "s"
        // (ConstraintKindTests holds the JSON schema to that). The kinds asked are kept one bit
        // per index of `all` (a list of flags was an allocation per clause).
        var asked = AskedKinds()
        let exact = node.forEachWrittenName { name, json in
            for index in (json ? kindsByJSONKey : kindsByName)[name] ?? [] { asked.insert(index) }
        }
        for (index, kind) in all.enumerated() where !exact || asked.contains(index) {
            try decode(kind, from: node, into: &constraints)
        }
        return constraints
    }

    /// A set of indices into `all`, without allocating while there are at most 64 kinds.
    private struct AskedKinds {
        private var bits: UInt64 = 0
        private var more: Set<Int> = []
        mutating func insert(_ index: Int) { if index < 64 { bits |= 1 << UInt64(index) } else { more.insert(index) } }
        func contains(_ index: Int) -> Bool { index < 64 ? bits & (1 << UInt64(index)) != 0 : more.contains(index) }
    }

    /// For each attribute or element name a kind is written with, the kinds' indices in `all`.
    private static let kindsByName: [String: [Int]] = {
        var kinds: [String: [Int]] = [:]
        for (index, kind) in all.enumerated() {
            for name in kind.syntax { kinds[name, default: []].append(index) }
        }
        return kinds
    }()

    /// The same for JSON keys: each name, and its plural for when the element is repeated. A
    /// kind asked for a key it does not use finds nothing, so listing both costs nothing wrong.
    private static let kindsByJSONKey: [String: [Int]] = {
        var kinds: [String: [Int]] = [:]
        for (index, kind) in all.enumerated() {
            for name in kind.syntax {
                kinds[name, default: []].append(index)
                kinds[name + "s", default: []].append(index)
            }
        }
        return kinds
    }()

    private static func decode<Kind: DocumentConstraint>(_ kind: Kind.Type, from node: DescriptionNode,
                                                         into constraints: inout [AnyDocumentConstraint]) throws(InputError) {
        for constraint in try Kind.decode(from: node) { constraints.append(AnyDocumentConstraint(constraint)) }
    }

    /// A clause's constraints after a `<tighten>`: for each kind the tightening gives, the kind's
    /// own merge; the others stay as inherited.
    static func merge(_ inherited: [AnyDocumentConstraint], _ added: [AnyDocumentConstraint]) -> [AnyDocumentConstraint] {
        // Kinds compared by their metatype's identity: a cast per constraint per kind costs more
        // than the merge itself, for every tightened clause of every program of a catalog.
        func kind(_ constraint: AnyDocumentConstraint) -> ObjectIdentifier { ObjectIdentifier(type(of: constraint.base)) }
        let addedKinds = Set(added.map(kind))
        var merged: [AnyDocumentConstraint] = []
        for kindType in all {
            let id = ObjectIdentifier(kindType)
            if addedKinds.contains(id) {
                merged += merge(kindType, inherited, added)
            } else {
                merged += inherited.filter { kind($0) == id }
            }
        }
        return merged
    }

    private static func merge<Kind: DocumentConstraint>(_ kind: Kind.Type, _ inherited: [AnyDocumentConstraint],
                                                        _ added: [AnyDocumentConstraint]) -> [AnyDocumentConstraint] {
        let old = inherited.compactMap { $0.base as? Kind }
        let new = added.compactMap { $0.base as? Kind }
        return (new.isEmpty ? old : Kind.merge(inherited: old, added: new)).map(AnyDocumentConstraint.init)
    }
}
