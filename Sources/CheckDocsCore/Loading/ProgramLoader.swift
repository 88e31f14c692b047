/// Reads program descriptions and checklists from XML or JSON files into the one model,
/// validating XML against program.xsd and JSON against program.schema.json.
public struct ProgramLoader: Sendable {
    public let schemas: Schemas

    public init(schemas: Schemas) { self.schemas = schemas }

    public static let extensions: Set<String> = ["xml", "json"]

    /// Loads one file; the format is chosen by its extension.
    public func load(file path: String) -> Result<ProgramDescription, InputErrors> {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path)
        } catch {
            return .failure(InputErrors([error]))
        }
        return load(bytes, file: path)
    }

    /// Parses bytes as JSON or XML, by the file name's extension.
    public func load(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        file.lowercased().hasSuffix(".json") ? loadJSON(bytes, file: file) : loadXML(bytes, file: file)
    }

    public func loadXML(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        switch XMLDocumentParser.parse(bytes, file: file, schema: schemas.programXSD) {
        case let .failure(errors): return .failure(errors)
        case let .success(root):
            do {
                return .success(try ProgramXMLDecoder(file: file).decode(root))
            } catch {
                return .failure(error)
            }
        }
    }

    public func loadJSON(_ bytes: [UInt8], file: String) -> Result<ProgramDescription, InputErrors> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(InputErrors([InputError(SourceLocation(file: file, position: .line(error.line, column: error.column)),
                                                    "not valid JSON: \(error.message)")]))
        }
        let violations = schemas.programJSON.validate(value)
        if !violations.isEmpty {
            return .failure(InputErrors(violations.map {
                InputError(SourceLocation(file: file, position: .pointer($0.pointer)), $0.message)
            }))
        }
        return .success(ProgramJSONDecoder(file: file).decode(value))
    }

    /// Loads every description under the given files and folders. All errors are collected,
    /// so `lint` can report them at once; the descriptions that loaded are returned too.
    public func loadAll(_ paths: [String]) -> (descriptions: [ProgramDescription], errors: [InputError]) {
        var found: [String] = []
        var errors: [InputError] = []
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .directory: found += FileSystem.files(under: path, extensions: ProgramLoader.extensions)
            case .regular: found.append(path)
            case .missing: errors.append(InputError(file: path, "no such file or directory"))
            default: errors.append(InputError(file: path, "is not a file or folder"))
            }
        }
        let files = found
        var results = [Result<ProgramDescription, InputErrors>?](repeating: nil, count: files.count)
        // Parsing and validation are independent per file: spread them over the cores.
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots.buffer[index] = load(file: files[index])
            }
        }
        var descriptions: [ProgramDescription] = []
        for result in results {
            switch result {
            case let .success(description)?: descriptions.append(description)
            case let .failure(failure)?: errors += failure.errors
            case nil: break
            }
        }
        return (descriptions, errors)
    }
}

/// Lets concurrentPerform write distinct slots of one buffer.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

import Dispatch
