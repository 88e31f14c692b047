import CYaml

/// A YAML stream read as libyaml's events, for the plain case alone: at most one document, no
/// anchor, alias or tag. Anything else, and any error, is nil: the caller then reads the text
/// through Yams, which says what is wrong and where (`YAMLReader`). Yams composes a node tree,
/// with a tag object and a duplicate-key check per mapping, before the reader walks it: 4.3 M
/// instructions for a typical 3.7 KB manifest, where libyaml's own parse is 0.4 M
/// (docs/performance.md, "Manifests from libyaml's events").
public enum LibYAMLEvents {
    public enum Event: Equatable, Sendable {
        /// A scalar's value, and whether it was written plain (unquoted, not a block scalar).
        case scalar(String, plain: Bool)
        case mappingStart, mappingEnd, sequenceStart, sequenceEnd
    }

    /// The events of the document's nodes in order, [] for a stream with no document, or nil.
    /// `bytes` is UTF-8, as libyaml is told.
    public static func events(_ bytes: [UInt8]) -> [Event]? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> [Event]? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var events: [Event] = []
            var documents = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                    continue
                case YAML_STREAM_END_EVENT:
                    return events
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 { return nil }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    guard bare(scalar.anchor, scalar.tag) else { return nil }
                    // The value's bytes as they are: a NUL or a leading U+FEFF stays.
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    events.append(.scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE))
                case YAML_SEQUENCE_START_EVENT:
                    guard bare(event.data.sequence_start.anchor, event.data.sequence_start.tag) else { return nil }
                    events.append(.sequenceStart)
                case YAML_SEQUENCE_END_EVENT:
                    events.append(.sequenceEnd)
                case YAML_MAPPING_START_EVENT:
                    guard bare(event.data.mapping_start.anchor, event.data.mapping_start.tag) else { return nil }
                    events.append(.mappingStart)
                case YAML_MAPPING_END_EVENT:
                    events.append(.mappingEnd)
                default:
                    // An alias, or an event this reader does not know.
                    return nil
                }
            }
        }
    }

    /// A node with neither anchor nor tag, the only kind read here.
    private static func bare(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        anchor == nil && tag == nil
    }
}
