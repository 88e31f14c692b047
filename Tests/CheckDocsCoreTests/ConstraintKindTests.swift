import Foundation
import Testing
@testable import CheckDocsNative
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// Holds the constraint kinds of a `<document>` clause (`DocumentConstraintKinds.all`), the two
/// hand-written schemas and the two syntaxes together: a kind added to one and not the others
/// fails here (docs/format.md, "`<document>`: a document clause" and "XML ↔ JSON mapping").
@Suite struct ConstraintKindTests {
    /// What a `<document>` clause says itself, beside its constraints.
    static let clauseFields: Set<String> = ["type", "min", "max"]
    /// What a `<tighten>` says itself, beside its constraints.
    static let tightenFields: Set<String> = ["ref", "type", "min", "severity", "due", "hint"]

    static var kindNames: [String] { DocumentConstraintKinds.all.map { String(describing: $0) } }

    // MARK: 1. Registry ↔ schemas

    /// The attributes and child elements (with their maxOccurs) an element declared in program.xsd can have.
    struct XSDContent {
        var attributes: Set<String> = []
        var elements: [String: Int] = [:]
        var groups: Set<String> = []
        var names: Set<String> { attributes.union(elements.keys) }
    }

    static let xsd: XMLElementNode = {
        let text = BuiltinData.file(BuiltinData.programSchemaFile)!
        return try! XMLDocumentParser.parse(Array(text.utf8), file: "program.xsd", schema: nil).get()
    }()

    static let jsonSchema: JSONValue = try! JSONParser.parse(Array(BuiltinData.file(BuiltinData.programJSONSchemaFile)!.utf8))

    /// Every element of the XSD, depth first.
    static func all(_ node: XMLElementNode) -> [XMLElementNode] { [node] + node.children.flatMap(all) }

    static func unprefixed(_ name: String) -> String { String(name.split(separator: ":").last ?? "") }

    /// The complex type that every `<xs:element name=element>` is declared with (there must be one).
    static func complexType(ofElement element: String) throws -> XMLElementNode {
        let types = Set(all(xsd).filter { $0.name == "element" && $0.attribute("name") == element }.compactMap { $0.attribute("type") })
        #expect(types.count == 1, "<\(element)> is declared with the types \(types.sorted())")
        let name = unprefixed(try #require(types.first))
        return try #require(xsd.children.first { $0.name == "complexType" && $0.attribute("name") == name })
    }

    /// A complex type's attributes and elements, through its groups, sequences and choices.
    static func content(of node: XMLElementNode) -> XSDContent {
        var content = XSDContent()
        func walk(_ node: XMLElementNode) {
            for child in node.children {
                switch child.name {
                case "attribute":
                    if let name = child.attribute("name") { content.attributes.insert(name) }
                case "element":
                    if let name = child.attribute("name") {
                        let max = child.attribute("maxOccurs")
                        content.elements[name] = max == "unbounded" ? Int.max : max.flatMap { Int($0) } ?? 1
                    }
                case "group", "attributeGroup":
                    if let reference = child.attribute("ref").map(unprefixed) {
                        content.groups.insert(reference)
                        if let target = xsd.children.first(where: { $0.name == child.name && $0.attribute("name") == reference }) { walk(target) }
                    }
                case "sequence", "choice", "all":
                    walk(child)
                default:
                    break
                }
            }
        }
        walk(node)
        return content
    }

    /// The JSON key a `<document>` attribute or child element is written with: a repeated
    /// element's plural.
    static func jsonKey(_ name: String, in content: XSDContent) -> String {
        (content.elements[name] ?? 1) > 1 ? name + "s" : name
    }

    static func jsonDefinition(_ name: String) throws -> JSONValue { try #require(jsonSchema["$defs"]?[name]) }

    static func jsonKeys(_ definition: JSONValue) -> Set<String> { Set(definition["properties"]?.members?.map(\.key) ?? []) }

    @Test("every attribute and child element of <document> in program.xsd is a clause field or one kind's syntax, and every syntax is in the XSD")
    func registryMatchesXSD() throws {
        let document = Self.content(of: try Self.complexType(ofElement: "document"))
        #expect(Self.clauseFields.isSubset(of: document.attributes))
        for name in document.names.subtracting(Self.clauseFields).sorted() {
            let owners = DocumentConstraintKinds.all.filter { $0.syntax.contains(name) }.map { String(describing: $0) }
            #expect(owners.count == 1, "<document> \(name) in program.xsd belongs to \(owners.isEmpty ? "no registered kind" : owners.joined(separator: " and "))")
        }
        for kind in DocumentConstraintKinds.all {
            #expect(!kind.syntax.isEmpty, "\(kind) has no syntax")
            for name in kind.syntax {
                #expect(document.names.contains(name), "\(kind) is written with \(name), which program.xsd does not give <document>")
                #expect(!Self.clauseFields.contains(name), "\(kind) claims the clause's own \(name)")
            }
        }
    }

    @Test("the JSON schema's document object has exactly the clause fields and every kind's keys (a repeated element under its plural)")
    func registryMatchesJSONSchema() throws {
        let document = Self.content(of: try Self.complexType(ofElement: "document"))
        let syntax = DocumentConstraintKinds.all.flatMap { $0.syntax }
        let expected = Self.clauseFields.union(syntax.map { Self.jsonKey($0, in: document) })
        let definition = try Self.jsonDefinition("document")
        #expect(Self.jsonKeys(definition) == expected)
        #expect(definition["additionalProperties"] == .bool(false))
        // A repeated element is an array with the XSD's bound; a single one is not an array.
        for name in syntax {
            let property: JSONValue = definition["properties"]?[Self.jsonKey(name, in: document)] ?? .null
            let isArray = property["type"]?.stringValue == "array"
            let maxItems: Int? = property["maxItems"]?.intValue
            let maxOccurs = document.elements[name] ?? 1
            if maxOccurs > 1 {
                #expect(isArray, "\(name)s is not an array")
                #expect(maxItems == maxOccurs, "\(name): maxOccurs \(maxOccurs) in the XSD, maxItems \(String(describing: maxItems)) in JSON")
            } else {
                #expect(!isArray, "\(name) is an array in JSON but not repeated in the XSD")
            }
        }
        // Every place a requirement holds a document uses that one definition.
        let documentReferences = Self.references(to: "document", in: Self.jsonSchema)
        #expect(!documentReferences.isEmpty)
        #expect(documentReferences.allSatisfy { $0 == .string("#/$defs/document") })
    }

    /// The `$ref` of every key named `key`, anywhere in `value`.
    static func references(to key: String, in value: JSONValue) -> [JSONValue] {
        switch value {
        case let .object(members):
            var found: [JSONValue] = []
            for member in members {
                if member.key == key, let reference = member.value["$ref"] { found.append(reference) }
                found += references(to: key, in: member.value)
            }
            return found
        case let .array(items):
            return items.flatMap { references(to: key, in: $0) }
        default:
            return []
        }
    }

    @Test("<tighten> carries the same constraint children as <document>, in both schemas, and its own fields only (and a <when>)")
    func tightenCarriesTheSameConstraints() throws {
        let document = Self.content(of: try Self.complexType(ofElement: "document"))
        var tighten = Self.content(of: try Self.complexType(ofElement: "tighten"))
        #expect(document.groups == tighten.groups && !tighten.groups.isEmpty)
        // Its own child besides the constraints: the condition it narrows the requirement by.
        #expect(tighten.elements.removeValue(forKey: "when") == 1)
        #expect(tighten.elements == document.elements)
        #expect(tighten.attributes == Self.tightenFields)
        // Every child element of <document> is one kind's syntax; those are what a tighten adds.
        let elementKinds = Set(document.elements.keys)
        #expect(elementKinds.isSubset(of: Set(DocumentConstraintKinds.all.flatMap { $0.syntax })))
        let json = try Self.jsonDefinition("tighten")
        #expect(Self.jsonKeys(json) == Self.tightenFields.union(elementKinds.map { Self.jsonKey($0, in: document) }).union(["when"]))
        // The same sub-schema for each constraint under both.
        let documentJSON = try Self.jsonDefinition("document")
        for name in elementKinds {
            let key = Self.jsonKey(name, in: document)
            #expect(json["properties"]?[key] == documentJSON["properties"]?[key], "\(key) differs between document and tighten")
        }
    }

    @Test("each constraint element has the same attributes, and the same required ones, in the XSD and the JSON schema")
    func constraintElementsMatch() throws {
        let document = Self.content(of: try Self.complexType(ofElement: "document"))
        for name in document.elements.keys.sorted() {
            let type = try Self.complexType(ofElement: name)
            let attributes = type.children.filter { $0.name == "attribute" }
            let definition = try Self.jsonDefinition(name)
            // A kind whose bound follows its unit (`window`, `validThrough`) has one form per
            // unit: each form must say what the XSD says.
            let forms = definition["oneOf"]?.arrayValue ?? [definition]
            for json in forms {
                #expect(Set(attributes.compactMap { $0.attribute("name") }) == Self.jsonKeys(json), "<\(name)>")
                let required = Set(attributes.filter { $0.attribute("use") == "required" }.compactMap { $0.attribute("name") })
                #expect(required.isSubset(of: Set(json["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])), "<\(name)> required")
                #expect(json["additionalProperties"] == .bool(false))
            }
        }
    }

    // MARK: 2. XML ↔ JSON parity for every kind

    /// One kind written both ways, and the constraints it must decode to.
    struct ParityCase: CustomTestStringConvertible, Sendable {
        let kind: String
        /// Attributes of `<document>` (attribute-written kinds).
        var xmlAttributes = ""
        /// Children of `<document>` (element-written kinds); also given to a `<tighten>`.
        var xmlChildren = ""
        /// The same as JSON members of the document object.
        let json: String
        let expected: [AnyDocumentConstraint]
        var testDescription: String { kind }
    }

    static let parityCases: [ParityCase] = [
        ParityCase(kind: "DoseCount", xmlAttributes: #"minDoses="2""#, json: #""minDoses": 2"#,
                   expected: [AnyDocumentConstraint(DoseCount(minimum: 2))]),
        ParityCase(kind: "LabResultConstraint", xmlAttributes: #"result="negative""#, json: #""result": "negative""#,
                   expected: [AnyDocumentConstraint(LabResultConstraint(required: .negative))]),
        ParityCase(kind: "SubtypeRule", xmlChildren: #"<subtype only="tdap igra" not="td"/>"#,
                   json: #""subtype": {"only": ["tdap", "igra"], "not": ["td"]}"#,
                   expected: [AnyDocumentConstraint(SubtypeRule(only: ["tdap", "igra"], excluded: ["td"]))]),
        ParityCase(kind: "StatementRule", xmlAttributes: #"states="final-year class-rank""#, json: #""states": ["final-year", "class-rank"]"#,
                   expected: [AnyDocumentConstraint(StatementRule(statements: ["final-year", "class-rank"]))]),
        ParityCase(kind: "AmountRule",
                   xmlChildren: #"<amount name="per-incident" atLeast="100000" currency="USD"/><amount name="aggregate" atLeast="300000.50" currency="USD"/>"#,
                   json: #""amounts": [{"name": "per-incident", "atLeast": 100000, "currency": "USD"}, {"name": "aggregate", "atLeast": 300000.50, "currency": "USD"}]"#,
                   expected: [AnyDocumentConstraint(AmountRule(name: "per-incident", atLeast: 100000, currency: "USD")),
                              AnyDocumentConstraint(AmountRule(name: "aggregate", atLeast: 300000.5, currency: "USD"))]),
        ParityCase(kind: "TiterThreshold", xmlChildren: #"<titer min="10.5" unit="mIU/mL"/>"#,
                   json: #""titer": {"min": 10.5, "unit": "mIU/mL"}"#,
                   expected: [AnyDocumentConstraint(TiterThreshold(min: 10.5, unit: "mIU/mL"))]),
        ParityCase(kind: "ValidityWindow",
                   xmlChildren: #"<window anchor="rotation-start" within="1" unit="years"/><window anchor="deadline" within="90" unit="days"/>"#,
                   json: #""windows": [{"anchor": "rotation-start", "within": 1, "unit": "years"}, {"anchor": "deadline", "within": 90, "unit": "days"}]"#,
                   expected: [AnyDocumentConstraint(ValidityWindow(anchor: .rotationStart, within: 1, unit: .years)),
                              AnyDocumentConstraint(ValidityWindow(anchor: .deadline, within: 90, unit: .days))]),
        ParityCase(kind: "SeasonRule", xmlChildren: #"<season anchor="rotation-end" startsOn="02-29" activeIn="11-01/03-31"/>"#,
                   json: #""season": {"anchor": "rotation-end", "startsOn": "02-29", "activeIn": "11-01/03-31"}"#,
                   expected: [AnyDocumentConstraint(SeasonRule(anchor: .rotationEnd, startsOn: MonthDay("02-29")!, activeIn: MonthDayRange("11-01/03-31")))]),
        ParityCase(kind: "ValidThrough", xmlChildren: #"<validThrough anchor="rotation-end" margin="6" unit="months"/>"#,
                   json: #""validThrough": {"anchor": "rotation-end", "margin": 6, "unit": "months"}"#,
                   expected: [AnyDocumentConstraint(ValidThrough(anchor: .rotationEnd, margin: 6, unit: .months))]),
        ParityCase(kind: "ValidFrom", xmlChildren: #"<validFrom anchor="rotation-start" whenKnown="true"/>"#,
                   json: #""validFrom": {"anchor": "rotation-start", "whenKnown": true}"#,
                   expected: [AnyDocumentConstraint(ValidFrom(anchor: .rotationStart, whenKnown: true))]),
        ParityCase(kind: "IssuerRule",
                   xmlChildren: #"<issuer form="aamc-standardized" organization="American Heart Association" signed="true" letterhead="false"/>"#,
                   json: #""issuer": {"form": "aamc-standardized", "organization": "American Heart Association", "signed": true, "letterhead": false}"#,
                   expected: [AnyDocumentConstraint(IssuerRule(form: "aamc-standardized", organization: "American Heart Association",
                                                               signed: true, letterhead: false))]),
        ParityCase(kind: "TranslationRule", xmlChildren: #"<translation certified="false"/>"#, json: #""translation": {"certified": false}"#,
                   expected: [AnyDocumentConstraint(TranslationRule(certified: false))]),
        ParityCase(kind: "NameMatchRule", xmlChildren: #"<nameMatch allowAliases="false"/>"#, json: #""nameMatch": {"allowAliases": false}"#,
                   expected: [AnyDocumentConstraint(NameMatchRule(allowAliases: false))]),
        ParityCase(kind: "FileConstraint",
                   xmlChildren: ##"<file formats="pdf jpeg" maxBytes="5000000" notEncrypted="true" noDigitalSignature="false" maxPages="4" minPages="2" pageSize="a4" pixelWidth="600" pixelHeight="800" forbiddenCharacters="#%" maxCharacters="5000"/>"##,
                   json: ##""file": {"formats": ["pdf", "jpeg"], "maxBytes": 5000000, "notEncrypted": true, "noDigitalSignature": false, "maxPages": 4, "minPages": 2, "pageSize": "a4", "pixelWidth": 600, "pixelHeight": 800, "forbiddenCharacters": "#%", "maxCharacters": 5000}"##,
                   expected: [AnyDocumentConstraint(FileConstraint(formats: ["pdf", "jpeg"], maxBytes: 5_000_000, notEncrypted: true,
                                                                   noDigitalSignature: false, maxPages: 4, minPages: 2, pageSize: "a4",
                                                                   pixelWidth: 600, pixelHeight: 800, forbiddenCharacters: "#%",
                                                                   maxCharacters: 5000))]),
    ]

    @Test("the parity cases cover every registered kind, once each")
    func parityCoversEveryKind() {
        #expect(Self.parityCases.map(\.kind).sorted() == Self.kindNames.sorted())
        for parity in Self.parityCases {
            #expect(parity.expected.allSatisfy { String(describing: type(of: $0.base)) == parity.kind }, "\(parity.kind) expects another kind")
        }
    }

    @Test("a kind written in XML and in JSON decodes to the same constraints, in <document> and in <tighten>", arguments: ConstraintKindTests.parityCases)
    func xmlAndJSONDecodeAlike(_ parity: ParityCase) throws {
        let tightenXML = parity.xmlChildren.isEmpty ? "" : #"<tighten ref="r">\#(parity.xmlChildren)</tighten>"#
        let tightenJSON = parity.xmlChildren.isEmpty ? "" : #", "tighten": [{"ref": "r", \#(parity.json)}]"#
        let xml = Self.xmlProgram("""
          <requirements>
            <require id="r" title="R"><document type="tb_test" \(parity.xmlAttributes)>\(parity.xmlChildren)</document></require>
            \(tightenXML)
          </requirements>
        """)
        let json = Self.jsonProgram(#""requirements": [{"id": "r", "title": "R", "document": {"type": "tb_test", \#(parity.json)}}]\#(tightenJSON)"#)
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let fromXML = try loader.loadXML(Array(xml.utf8), file: "kind.xml").get()
        let fromJSON = try loader.loadJSON(Array(json.utf8), file: "kind.json").get()

        #expect(fromXML.withoutLocations == fromJSON.withoutLocations)
        for description in [fromXML, fromJSON] {
            let expressions = description.requirements.map(\.expression)
            guard expressions.count == 1, case let .document(clause) = expressions[0] else { Issue.record("not one document clause"); continue }
            #expect(clause.constraints == parity.expected)
            #expect(description.tightenings.map(\.constraints) == (parity.xmlChildren.isEmpty ? [] : [parity.expected]))
        }
    }

    // MARK: 3. Impossible values

    /// A value the schemas let through but the model cannot hold, in both syntaxes, with where the
    /// error must point.
    struct ImpossibleCase: CustomTestStringConvertible, Sendable {
        let name: String
        let xml: String
        let json: String
        /// The XML error is on the first line holding this.
        let xmlMarker: String
        let pointer: String
        let message: String
        var testDescription: String { name }
    }

    static let impossibleCases: [ImpossibleCase] = [
        ImpossibleCase(name: "a rotation that ends before it starts",
                       xml: #"<rotation start="2027-03-28" end="2027-03-01"/>"#,
                       json: #""rotation": {"start": "2027-03-28", "end": "2027-03-01"}"#,
                       xmlMarker: "<rotation", pointer: "/program/rotation", message: "before it starts"),
        ImpossibleCase(name: "minPages greater than maxPages",
                       xml: Self.xmlRequirement(#"<document type="cv"><file maxPages="2" minPages="3"/></document>"#),
                       json: Self.jsonRequirement(#""document": {"type": "cv", "file": {"maxPages": 2, "minPages": 3}}"#),
                       xmlMarker: "<file", pointer: "/program/requirements/0/document/file", message: "maxPages (2) is less than minPages (3)"),
        ImpossibleCase(name: "minPages greater than maxPages in a tighten",
                       xml: "<requirements><tighten ref=\"r\">\n<file maxPages=\"1\" minPages=\"5\"/></tighten></requirements>",
                       json: #""tighten": [{"ref": "r", "file": {"maxPages": 1, "minPages": 5}}]"#,
                       xmlMarker: "<file", pointer: "/program/tighten/0/file", message: "maxPages (1) is less than minPages (5)"),
        ImpossibleCase(name: "a season starting on a day no year has",
                       xml: Self.xmlRequirement(#"<document type="influenza"><season anchor="rotation-start" startsOn="02-30"/></document>"#),
                       json: Self.jsonRequirement(#""document": {"type": "influenza", "season": {"anchor": "rotation-start", "startsOn": "02-30"}}"#),
                       xmlMarker: "<season", pointer: "/program/requirements/0/document/season/startsOn", message: "\"02-30\""),
        ImpossibleCase(name: "a season starting on April 31",
                       xml: Self.xmlRequirement(#"<document type="influenza"><season anchor="as-of" startsOn="04-31"/></document>"#),
                       json: Self.jsonRequirement(#""document": {"type": "influenza", "season": {"anchor": "as-of", "startsOn": "04-31"}}"#),
                       xmlMarker: "<season", pointer: "/program/requirements/0/document/season/startsOn", message: "\"04-31\""),
        ImpossibleCase(name: "a rotationOverlaps period ending on a day no year has",
                       xml: Self.xmlRequirement(#"<when rotationOverlaps="11-01/02-30"/><document type="influenza"/>"#),
                       json: Self.jsonRequirement(#""when": {"rotationOverlaps": "11-01/02-30"}, "document": {"type": "influenza"}"#),
                       xmlMarker: "<when", pointer: "/program/requirements/0/when/rotationOverlaps", message: "\"11-01/02-30\""),
        ImpossibleCase(name: "a subtype both counted and excluded",
                       xml: Self.xmlRequirement(#"<document type="tdap"><subtype only="tdap td" not="td"/></document>"#),
                       json: Self.jsonRequirement(#""document": {"type": "tdap", "subtype": {"only": ["tdap", "td"], "not": ["td"]}}"#),
                       xmlMarker: "<subtype", pointer: "/program/requirements/0/document/subtype/not", message: "\"td\" is both in only and in not"),
        ImpossibleCase(name: "a subtype rule that names no subtype",
                       xml: Self.xmlRequirement(#"<document type="tdap"><subtype/></document>"#),
                       json: Self.jsonRequirement(#""document": {"type": "tdap", "subtype": {}}"#),
                       xmlMarker: "<subtype", pointer: "/program/requirements/0/document/subtype", message: "needs only"),
        ImpossibleCase(name: "a statement listed twice",
                       xml: Self.xmlRequirement(#"<document type="good_standing" states="final-year final-year"/>"#),
                       json: Self.jsonRequirement(#""document": {"type": "good_standing", "states": ["final-year", "final-year"]}"#),
                       xmlMarker: "<document", pointer: "/program/requirements/0/document/states", message: "listed twice"),
        ImpossibleCase(name: "the same amount given twice",
                       xml: Self.xmlRequirement(#"<document type="fee_receipt"><amount name="paid" atLeast="1" currency="USD"/><amount name="paid" atLeast="2" currency="USD"/></document>"#),
                       json: Self.jsonRequirement(#""document": {"type": "fee_receipt", "amounts": [{"name": "paid", "atLeast": 1, "currency": "USD"}, {"name": "paid", "atLeast": 2, "currency": "USD"}]}"#),
                       xmlMarker: "<amount", pointer: "/program/requirements/0/document/amounts/1/name", message: "given twice"),
        ImpossibleCase(name: "a condition on a statement without the document type",
                       xml: Self.xmlRequirement(#"<when states="instruction-in-english"/><document type="cv"/>"#),
                       json: Self.jsonRequirement(#""when": {"states": "instruction-in-english"}, "document": {"type": "cv"}"#),
                       xmlMarker: "<when", pointer: "/program/requirements/0/when/states", message: "needs documentType"),
        // Month 13 is outside both schemas' pattern: refused there, still with a location.
        ImpossibleCase(name: "a rotationOverlaps period in month 13",
                       xml: Self.xmlRequirement(#"<when rotationOverlaps="13-01/02-30"/><document type="influenza"/>"#),
                       json: Self.jsonRequirement(#""when": {"rotationOverlaps": "13-01/02-30"}, "document": {"type": "influenza"}"#),
                       xmlMarker: "<when", pointer: "/program/requirements/0/when/rotationOverlaps", message: "13-01/02-30"),
    ]

    @Test("a value the model cannot hold is an error naming the file and the line or pointer, in both syntaxes", arguments: ConstraintKindTests.impossibleCases)
    func impossibleValuesAreLocatedErrors(_ impossible: ImpossibleCase) throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let xml = Self.xmlProgram(impossible.xml)
        let expectedLine = try #require(xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(impossible.xmlMarker) }) + 1

        guard case let .failure(xmlErrors) = loader.loadXML(Array(xml.utf8), file: "impossible.xml") else {
            Issue.record("the XML was accepted"); return
        }
        let xmlError = try #require(xmlErrors.errors.first)
        #expect(xmlErrors.errors.count == 1)
        #expect(xmlError.location.file == "impossible.xml")
        guard case let .line(line, _) = xmlError.location.position else { Issue.record("no line: \(xmlError)"); return }
        #expect(line == expectedLine, "\(xmlError)")
        #expect(xmlError.message.contains(impossible.message), "\(xmlError)")

        guard case let .failure(jsonErrors) = loader.loadJSON(Array(Self.jsonProgram(impossible.json).utf8), file: "impossible.json") else {
            Issue.record("the JSON was accepted"); return
        }
        let jsonError = try #require(jsonErrors.errors.first)
        #expect(jsonErrors.errors.count == 1)
        #expect(jsonError.location == SourceLocation(file: "impossible.json", position: .pointer(impossible.pointer)), "\(jsonError)")
        #expect(jsonError.message.contains(impossible.message), "\(jsonError)")
    }

    @Test("what the model can hold at the edges loads: Feb 29 as a season start, a one-day rotation, equal page bounds")
    func possibleEdgesLoad() throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let xml = Self.xmlProgram(#"<rotation start="2027-03-01" end="2027-03-01"/>"# + Self.xmlRequirement(
            #"<when rotationOverlaps="12-31/01-01"/><document type="influenza"><season anchor="as-of" startsOn="02-29"/><file maxPages="3" minPages="3"/></document>"#))
        let json = Self.jsonProgram(#""rotation": {"start": "2027-03-01", "end": "2027-03-01"}, "#
            + Self.jsonRequirement(#""when": {"rotationOverlaps": "12-31/01-01"}, "document": {"type": "influenza", "season": {"anchor": "as-of", "startsOn": "02-29"}, "file": {"maxPages": 3, "minPages": 3}}"#))
        let fromXML = try loader.loadXML(Array(xml.utf8), file: "edges.xml").get()
        let fromJSON = try loader.loadJSON(Array(json.utf8), file: "edges.json").get()
        #expect(fromXML.withoutLocations == fromJSON.withoutLocations)
        #expect(fromXML.requirements.first?.condition?.rotationOverlaps?.description == "12-31/01-01")
    }

    @Test("max below min is refused when the program is checked, at the clause, in both syntaxes")
    func maxBelowMin() throws {
        let loader = ProgramLoader(schemas: Fixture.knowledge.schemas)
        let resolver = ProgramResolver(catalog: Fixture.knowledge.catalog, checklists: Fixture.knowledge.checklists)
        let xml = Self.xmlProgram(Self.xmlRequirement("\n<document type=\"cv\" min=\"3\" max=\"2\"/>"))
        let json = Self.jsonProgram(Self.jsonRequirement(#""document": {"type": "cv", "min": 3, "max": 2}"#))
        let xmlErrors = resolver.check(try loader.loadXML(Array(xml.utf8), file: "m.xml").get())
        let jsonErrors = resolver.check(try loader.loadJSON(Array(json.utf8), file: "m.json").get())
        let line = try #require(xml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<document") }) + 1
        #expect(xmlErrors.map(\.description) == ["m.xml:\(line):1: error: max (2) is less than min (3)"])
        #expect(jsonErrors.map(\.description) == ["m.json: /program/requirements/0/document: error: max (2) is less than min (3)"])
    }

    // MARK: Programs around a body

    static func xmlProgram(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <program xmlns="urn:checkdocs:program:1" schemaVersion="1" id="kinds" kind="observership">
          <name>Kinds</name>
          <institution>Kinds institution</institution>
          <source href="https://example.org/rules" asOf="2026-10-01"/>
          \(body)
        </program>
        """
    }

    static func jsonProgram(_ members: String) -> String {
        #"{"schemaVersion": 1, "program": {"id": "kinds", "kind": "observership", "name": "Kinds", "institution": "Kinds institution", "source": {"href": "https://example.org/rules", "asOf": "2026-10-01"}, \#(members)}}"#
    }

    static func xmlRequirement(_ content: String) -> String {
        "<requirements><require id=\"r\" title=\"R\">\n\(content)</require></requirements>"
    }

    static func jsonRequirement(_ members: String) -> String {
        #""requirements": [{"id": "r", "title": "R", \#(members)}]"#
    }
}
