import Foundation
import Testing
@testable import CheckDocsCore
@testable import CheckDocsNative

/// libmagic's answers kept between runs (docs/inspection.md, "Content types cache"): used only
/// under the same libmagic and database, never for what a signature settles, and a damaged or
/// foreign entry is a miss that libmagic answers again.
@Suite struct ContentTypeCacheTests {
    static let notes = Array("visa appointment on 2026-12-14\n".utf8)

    /// A folder holding `notes.txt` and, beside it, a cache of its own under this machine's libmagic.
    static func folder(_ contents: [String: [UInt8]] = ["notes.txt": notes]) throws -> (folder: TemporaryFolder, cache: ContentTypeCache) {
        let folder = try TemporaryFolder(contents: contents)
        let engine = try #require(MagicSniffer.identity, "libmagic's database is installed (scripts/setup)")
        return (folder, ContentTypeCache(directory: folder.path + ".cache/types", engine: engine))
    }

    static func sniff(_ folder: TemporaryFolder, _ name: String, cache: ContentTypeCache?) throws -> String? {
        let scan = try FolderScanner.scan(root: folder.path)
        let file = try #require(scan.files.first { $0.path == FilePath(name) })
        return FileInspector.sniff(root: folder.path, file: file, libmagic: cache?.mimeType(of:) ?? MagicSniffer.shared.mimeType(of:))?.mime
    }

    static func entry(_ cache: ContentTypeCache, for bytes: [UInt8]) -> String {
        cache.directory + "/" + ContentTypeCache.name(bytes)
    }

    @Test("libmagic's answer is kept under the SHA-256 of the bytes it was shown, and the next sniff takes it from there")
    func kept() throws {
        let (folder, cache) = try Self.folder()
        defer {
            folder.remove()
            try? FileManager.default.removeItem(atPath: folder.path + ".cache")
        }
        #expect(try Self.sniff(folder, "notes.txt", cache: cache) == "text/plain")
        let entry = Self.entry(cache, for: Self.notes)
        #expect(FileManager.default.contents(atPath: entry).map(Array.init) == ContentTypeCache.encode("text/plain", engine: cache.engine))
        #expect(try FileManager.default.attributesOfItem(atPath: cache.directory)[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.attributesOfItem(atPath: entry)[.posixPermissions] as? Int == 0o600)
        // What the entry says is what the next sniff answers: libmagic is not asked again.
        try Data(ContentTypeCache.encode("text/x-kept", engine: cache.engine)).write(to: URL(fileURLWithPath: entry))
        #expect(try Self.sniff(folder, "notes.txt", cache: cache) == "text/x-kept")
        #expect(try Self.sniff(folder, "notes.txt", cache: nil) == "text/plain", "without the cache, libmagic answers")
        #expect(try ContentTypeCache.clear(directory: cache.directory).get() == 1)
        #expect(try Self.sniff(folder, "notes.txt", cache: cache) == "text/plain")
    }

    @Test("an entry of another libmagic or database, or a damaged one, is not used: libmagic answers and the entry is rewritten",
          arguments: [
              ContentTypeCache.encode("text/x-foreign", engine: "libmagic 545 mime-type /usr/share/misc/magic.mgc 1 2 3"),
              Array("checkdocs content type 1\n".utf8),
              Array("checkdocs content type 0\nENGINE\ntext/x-old\n".utf8),
              Array("checkdocs content type 1\nENGINE\ntext/x-cut".utf8),
              Array("checkdocs content type 1\nENGINE\ntext/x-two\ntext/x-lines\n".utf8),
              Array("checkdocs content type 1\nENGINE\ntext plain\n".utf8),
              Array("checkdocs content type 1\nENGINE\ntext/../plain/x\n".utf8),
              Array("checkdocs content type 1\nENGINE\n\n".utf8),
              [0xFF, 0xFE, 0x0A],
          ])
    func untrusted(_ forged: [UInt8]) throws {
        let (folder, cache) = try Self.folder()
        defer {
            folder.remove()
            try? FileManager.default.removeItem(atPath: folder.path + ".cache")
        }
        let bytes = String(bytes: forged, encoding: .utf8).map { Array($0.replacingOccurrences(of: "ENGINE", with: cache.engine).utf8) } ?? forged
        try FileManager.default.createDirectory(atPath: cache.directory, withIntermediateDirectories: true)
        let entry = Self.entry(cache, for: Self.notes)
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        #expect(try Self.sniff(folder, "notes.txt", cache: cache) == "text/plain")
        #expect(FileManager.default.contents(atPath: entry).map(Array.init) == ContentTypeCache.encode("text/plain", engine: cache.engine))
    }

    @Test("a PDF, JPEG or PNG told by its signature neither reads nor writes the cache")
    func signaturesAlone() throws {
        let (folder, cache) = try Self.folder(["Passport.png": TemporaryFolder.sample(named: "Passport.png")])
        defer {
            folder.remove()
            try? FileManager.default.removeItem(atPath: folder.path + ".cache")
        }
        #expect(try Self.sniff(folder, "Passport.png", cache: cache) == "image/png")
        #expect(!FileManager.default.fileExists(atPath: cache.directory))
    }

    @Test("libmagic's identity: its version and every database file's stamp, the compiled .mgc where there is one; none for a directory or a missing file")
    func identity() throws {
        let folder = try TemporaryFolder(contents: ["local": Array("# nothing\n".utf8), "compiled": [], "compiled.mgc": Array(repeating: 7, count: 11)])
        defer { folder.remove() }
        let local = folder.path + "/local", compiled = folder.path + "/compiled"
        let both = try #require(MagicSniffer.identity(databasePath: local + ":" + compiled))
        let version = try #require(MagicSniffer.identity?.split(separator: " ").dropFirst().first)
        #expect(both.hasPrefix("libmagic \(version) mime-type \(local) 10 "))
        #expect(both.contains(" \(compiled).mgc 11 "), "the compiled file is the one magic_load reads")
        #expect(MagicSniffer.identity(databasePath: local + ":" + folder.path + "/missing") == nil)
        #expect(MagicSniffer.identity(databasePath: folder.path) == nil, "a directory of sources: its files' changes show in no one stamp")
        #expect(MagicSniffer.identity(databasePath: "") == nil)
        // A database file rewritten is another identity.
        Thread.sleep(forTimeInterval: 0.05)
        try Data(Array(repeating: 8, count: 12)).write(to: URL(fileURLWithPath: compiled + ".mgc"))
        #expect(MagicSniffer.identity(databasePath: local + ":" + compiled) != both)
    }

    @Test("the user's cache is never inside a folder the run reads")
    func awayFromFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(ContentTypeCache.userCache(environment: ["XDG_CACHE_HOME": folder.path + "/cache"], awayFrom: [folder.path]) == nil)
        let away = try #require(ContentTypeCache.userCache(environment: ["XDG_CACHE_HOME": folder.path + "/cache"], awayFrom: []))
        #expect(away.directory == folder.path + "/cache/checkdocs/types")
    }
}
