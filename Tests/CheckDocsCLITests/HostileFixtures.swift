import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Builders of hostile fixtures and readers of JSON reports for the adversarial tests.

func report(_ run: CLITests.Run, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                 "not a JSON report: \(run.stderr.prefix(300))", sourceLocation: sourceLocation)
}

/// The paths of a JSON report's list (documents, unrecognizedFiles, ambiguousFiles) as UTF-8 bytes:
/// Swift's String == would call an NFC and an NFD name equal.
func paths(_ report: [String: Any], _ key: String) -> [[UInt8]] {
    (report[key] as? [Any] ?? []).compactMap { item in
        ((item as? String) ?? ((item as? [String: Any])?["path"] as? String)).map { Array($0.utf8) }
    }
}

func utf8(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }

func makeFile(_ directory: String, _ name: [UInt8], contents: String = "scan") throws {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY)
    defer { close(descriptor) }
    var cName = name.map { CChar(bitPattern: $0) } + [0]
    let file = openat(descriptor, &cName, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
    try #require(file >= 0, "cannot create \(name)")
    _ = contents.utf8CString.withUnsafeBytes { write(file, $0.baseAddress, $0.count - 1) }
    close(file)
}

/// `levels` nested folders (cycling through `names`) with a file at the bottom, made through
/// descriptors because the full path is longer than the kernel accepts.
func makeTree(_ root: String, _ names: [String], levels: Int, leaf: String) throws {
    var descriptor = open(root, O_RDONLY | O_DIRECTORY)
    for level in 0..<levels {
        let name = names[level % names.count]
        try #require(mkdirat(descriptor, name, 0o755) == 0)
        let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
        close(descriptor)
        descriptor = child
    }
    let file = openat(descriptor, leaf, O_CREAT | O_WRONLY, 0o644)
    _ = write(file, "scan", 4)
    close(file)
    close(descriptor)
}

/// A Unix-domain socket file, left behind after its descriptor is closed.
func makeSocket(_ path: String) throws {
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in buffer.copyBytes(from: bytes) }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    try #require(result == 0, "cannot bind a socket at \(path)")
}
