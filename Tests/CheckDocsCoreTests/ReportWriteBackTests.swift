import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import CheckDocsNative

/// A report file's write-back, and the catalog pack's, is started every `WriteBack.stride` bytes
/// while it is written, and flushed on a thread of its own every `WriteBack.flushStride`
/// (docs/performance.md, "Written back as it goes", "Flushed as it goes"). What lands must still
/// be every byte written, in order, renamed into place only at the commit.
@Suite struct ReportWriteBackTests {
    /// A folder holding a previous `report.json`, and a run's report of that name begun in it.
    struct StartedReport {
        let folder: TemporaryFolder
        let path: String
        let previous = Array("the previous report\n".utf8)
        let commit = ReportCommit()
        let destination: ReportDestination

        init() throws {
            folder = try TemporaryFolder()
            path = folder.path + "/report.json"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(previous)))
            destination = try commit.file(path, applicantRoots: [], applicantFiles: [])
        }

        var landed: [UInt8] { get throws { Array(try Data(contentsOf: URL(fileURLWithPath: path))) } }
        var names: [String] { get throws { try FileManager.default.contentsOfDirectory(atPath: folder.path) } }
    }

    @Test("a report several write-back strides long lands whole, and only at the commit")
    func longReportLandsWhole() throws {
        let report = try StartedReport()
        defer { report.folder.remove() }
        // Chunks of a size prime to the stride, so that write-back ranges end inside chunks, each
        // chunk's first and last bytes telling which it is.
        let stride = WriteBack.stride
        let chunkSize = 1_000_003
        let pattern = (0..<chunkSize).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var expected: [UInt8] = []
        var chunk: UInt8 = 0
        // Past a flush stride: an early flush runs while the rest is written.
        while expected.count < WriteBack.flushStride + 3 * stride + chunkSize / 2 {
            var bytes = pattern
            bytes[0] = chunk
            bytes[chunkSize - 1] = chunk
            try report.destination.write(bytes)
            expected += bytes
            chunk += 1
        }
        #expect(try report.landed == report.previous)

        try report.commit.commit()
        let landed = try report.landed
        #expect(landed.count == expected.count)
        #expect(landed == expected)
        #expect(try report.names == ["report.json"])
    }

    @Test("a long report dropped before the commit leaves the previous file and no temporary")
    func longReportDiscarded() throws {
        let report = try StartedReport()
        defer { report.folder.remove() }
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: WriteBack.stride + 1)
        try report.destination.write(bytes)
        try report.destination.write(bytes)
        // A flush stride at once: dropped while its early flush is most likely under way.
        try report.destination.write([UInt8](repeating: UInt8(ascii: "y"), count: WriteBack.flushStride))
        report.commit.discard()

        #expect(try report.landed == report.previous)
        #expect(try report.names == ["report.json"])
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
        while expected.count < WriteBack.flushStride + 2 * WriteBack.stride + piece.count {
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

    /// Runs `body` with a new file's descriptor, closed after it; whatever `WriteBack` the body
    /// uses must be settled before it returns, as the writers settle theirs before they close.
    func withScratchFile(_ body: (Int32) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let descriptor = open(folder.path + "/file", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        try body(descriptor)
    }

    @Test("write-back is asked for every stride or more, each range where the last ended, none for less")
    func schedule() throws { try withScratchFile { descriptor in
        var writeBack = WriteBack()
        defer { _ = writeBack.settle() }
        var asked: [Range<Int>] = []
        var total = 0
        for count in [100, WriteBack.stride - 101, 1, 5, WriteBack.stride * 2 + 3, 7, WriteBack.stride - 8, 1] {
            total += count
            if let range = writeBack.wrote(count, to: descriptor) { asked.append(range) }
        }
        let stride = WriteBack.stride
        #expect(asked == [0..<stride, stride..<(3 * stride + 8), (3 * stride + 8)..<(4 * stride + 8)])
        #expect(total == 4 * stride + 8)
        var fresh = WriteBack()
        #expect(fresh.wrote(stride - 1, to: descriptor) == nil)
    } }

    @Test("an early flush starts every flush stride, one at a time, and settles before the file is closed")
    func earlyFlushSchedule() throws { try withScratchFile { descriptor in
        let stride = WriteBack.stride
        #expect(WriteBack.flushStride % stride == 0 && WriteBack.flushStride > stride)
        var writeBack = WriteBack()
        let chunk = [UInt8](repeating: 7, count: stride)
        var total = 0
        var flushesSeen: [Int] = []
        while total < 2 * WriteBack.flushStride {
            #expect(write(descriptor, chunk, chunk.count) == chunk.count)
            writeBack.wrote(chunk.count, to: descriptor)
            total += chunk.count
            flushesSeen.append(writeBack.flushes)
            // Each flush is let finish before the next stride, so none is skipped for one under way.
            #expect(writeBack.settle() == 0)
        }
        let strides = WriteBack.flushStride / stride
        // The first flush once a flush stride was written, the second a flush stride later.
        #expect(flushesSeen.firstIndex(of: 1) == strides - 1)
        #expect(flushesSeen.firstIndex(of: 2) == 2 * strides - 1)
        #expect(writeBack.flushes == 2)
        // Less than a flush stride starts none.
        var fresh = WriteBack()
        fresh.wrote(WriteBack.flushStride - 1, to: descriptor)
        #expect(fresh.flushes == 0)
        #expect(fresh.settle() == 0)
    } }

    @Test("an early flush's error is kept for the end: the fsync after it would not report it again")
    func earlyFlushError() throws {
        var writeBack = WriteBack()
        writeBack.wrote(WriteBack.flushStride, to: -1)
        #expect(writeBack.flushes == 1)
        #expect(writeBack.settle() == EBADF)
        // Kept: asked again, the first error is still the answer.
        #expect(writeBack.settle() == EBADF)
        // And the last flush answers with it, though its own fsync of a good file would succeed.
        try withScratchFile { descriptor in
            #expect(writeBack.sync(descriptor) == EBADF)
            var clean = WriteBack()
            #expect(clean.sync(descriptor) == 0)
        }
    }

    #if os(Linux)
    @Test("the request reaches the kernel: taken for a regular file, refused for a device")
    func requestReachesTheKernel() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = open(folder.path + "/file", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        let device = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(file); close(device) }
        #expect(file >= 0 && device >= 0)
        let bytes = [UInt8](repeating: 1, count: 4096)
        #expect(write(file, bytes, bytes.count) == bytes.count)
        #expect(WriteBack.start(0..<4096, of: file) == 0)
        #expect(WriteBack.start(0..<4096, of: device) == ESPIPE)
        #expect(WriteBack.start(0..<4096, of: -1) == EBADF)
    }
    #endif
}
