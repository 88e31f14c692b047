import Foundation
import Testing
@testable import CheckDocsNative

/// A report file's write-back, and the catalog pack's, is started every `WriteBack.stride` bytes
/// while it is written (docs/performance.md, "Written back as it goes"). What lands must still be
/// every byte written, in order, renamed into place only at the commit.
@Suite struct ReportWriteBackTests {
    @Test("a report several write-back strides long lands whole, and only at the commit")
    func longReportLandsWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/report.json"
        let previous = Array("the previous report\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(previous)))

        let commit = ReportCommit()
        let destination = try commit.file(path, applicantRoots: [], applicantFiles: [])
        // Chunks of a size prime to the stride, so that write-back ranges end inside chunks, each
        // chunk's first and last bytes telling which it is.
        let stride = WriteBack.stride
        let chunkSize = 1_000_003
        let pattern = (0..<chunkSize).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var expected: [UInt8] = []
        var chunk: UInt8 = 0
        while expected.count < 3 * stride + chunkSize / 2 {
            var bytes = pattern
            bytes[0] = chunk
            bytes[chunkSize - 1] = chunk
            try destination.write(bytes)
            expected += bytes
            chunk += 1
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == previous)

        try commit.commit()
        let landed = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(landed.count == expected.count)
        #expect(landed == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test("a long report dropped before the commit leaves the previous file and no temporary")
    func longReportDiscarded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/report.json"
        let previous = Array("the previous report\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(previous)))

        let commit = ReportCommit()
        let destination = try commit.file(path, applicantRoots: [], applicantFiles: [])
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: WriteBack.stride + 1)
        try destination.write(bytes)
        try destination.write(bytes)
        commit.discard()

        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test("a private file several write-back strides long lands whole, and only at the commit")
    func longPrivateFileLandsWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let writer = try PrivateFileWriter(directory: folder.path, name: "pack")
        var expected: [UInt8] = []
        // Pieces of an odd size, each telling which it is, as a pack's entries are appended.
        let piece = (0..<300_007).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var index: UInt8 = 0
        while expected.count < 2 * WriteBack.stride + piece.count {
            var bytes = piece
            bytes[0] = index
            writer.append(bytes)
            expected += bytes
            index &+= 1
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { $0 != "pack" })
        #expect(writer.commit() == nil)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/pack"))) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pack"])
    }
}
