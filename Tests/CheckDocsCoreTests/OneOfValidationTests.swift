import Testing
@testable import CheckDocsFormats
@testable import CheckDocsCore

/// A `oneOf` is decided blind first (the forms an object's missing keys rule out are skipped, the
/// others checked to their first violation) and its messages worked out only when it fails
/// (docs/performance.md, "Start-up"). These pin what the messages say, so that the quick path
/// can never change them or hide a violation.
@Suite struct OneOfValidationTests {
    /// A window in one form per unit, inside a list of clauses in one form per key, as the
    /// program schema writes them.
    static let schema = try! JSONParser.parse(Array("""
    {"type": "object", "additionalProperties": false, "required": ["clauses"],
     "properties": {"clauses": {"type": "array", "items": {"$ref": "#/$defs/clause"}}},
     "$defs": {
       "clause": {"oneOf": [
         {"type": "object", "additionalProperties": false, "required": ["document"],
          "properties": {"document": {"$ref": "#/$defs/document"}}},
         {"type": "object", "additionalProperties": false, "required": ["anyOf"],
          "properties": {"anyOf": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/clause"}}}}]},
       "document": {"type": "object", "additionalProperties": false, "required": ["type"],
          "properties": {"type": {"type": "string", "minLength": 1, "maxLength": 8}, "window": {"$ref": "#/$defs/window"}}},
       "window": {"oneOf": [
         {"type": "object", "additionalProperties": false, "required": ["within", "unit"],
          "properties": {"within": {"type": "integer", "maximum": 36500}, "unit": {"const": "days"}}},
         {"type": "object", "additionalProperties": false, "required": ["within", "unit"],
          "properties": {"within": {"type": "integer", "maximum": 1200}, "unit": {"const": "months"}}}]}
     }}
    """.utf8))
    let validator = JSONSchemaValidator(schema: Self.schema, date: { _ in .accepted })

    func violations(_ json: String) throws -> [String] {
        try validator.validate(JSONParser.parse(Array(json.utf8))).map { "\($0.pointer): \($0.message)" }
    }

    @Test("a valid value nested through two oneOfs has no violation")
    func valid() throws {
        #expect(try violations(#"{"clauses": [{"document": {"type": "cv"}}, {"anyOf": [{"document": {"type": "tb", "window": {"within": 12, "unit": "months"}}}, {"document": {"type": "ppd"}}]}]}"#) == [])
    }

    @Test("a unit no form allows names every allowed unit, at the unit's pointer")
    func wrongUnit() throws {
        #expect(try violations(#"{"clauses": [{"document": {"type": "tb", "window": {"within": 3, "unit": "weeks"}}}]}"#)
                == [#"/clauses/0/document/window/unit: "weeks" is not one of: "days", "months""#])
    }

    @Test("a bound is the bound of the form the unit chose")
    func boundOfTheChosenForm() throws {
        #expect(try violations(#"{"clauses": [{"anyOf": [{"document": {"type": "tb", "window": {"within": 5000, "unit": "months"}}}, {"document": {"type": "x"}}]}]}"#)
                == ["/clauses/0/anyOf/0/document/window/within: 5000 is above the maximum 1200"])
    }

    @Test("an object that fits no form gets the closest form's messages, with did-you-mean")
    func closestForm() throws {
        #expect(try violations(#"{"clauses": [{"documnt": {"type": "cv"}}]}"#)
                == [#"/clauses/0: missing required key "document""#, #"/clauses/0/documnt: unknown key "documnt" (did you mean "document"?)"#])
    }

    @Test("an object that fits two forms is refused")
    func twoForms() throws {
        let loose = try JSONParser.parse(Array(#"{"oneOf": [{"type": "object"}, {"type": "object", "required": ["a"]}]}"#.utf8))
        let found = JSONSchemaValidator(schema: loose, date: { _ in .accepted }).validate(try JSONParser.parse(Array(#"{"a": 1}"#.utf8)))
        #expect(found.map(\.message) == ["matches more than one form; use exactly one of the alternatives"])
    }

    @Test("a string's length bound counts code points, also past the quick byte test")
    func lengthInCodePoints() throws {
        // 8 code points, 16 bytes: within maxLength 8; 9 code points are not.
        #expect(try violations(#"{"clauses": [{"document": {"type": "éééééééé"}}]}"#) == [])
        #expect(try violations(#"{"clauses": [{"document": {"type": "ééééééééé"}}]}"#)
                == ["/clauses/0/document/type: longer than 8 characters"])
        #expect(try violations(#"{"clauses": [{"document": {"type": ""}}]}"#) == ["/clauses/0/document/type: must not be empty"])
    }
}
