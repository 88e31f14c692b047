import Foundation
import Testing

/// The documentation cannot go stale unnoticed: every relative link and anchor in the Markdown
/// pages resolves, and no comment or page cites a document that is not in the repository.
@Suite struct DocsTests {
    /// The pages whose links must resolve: README.md, every docs/*.md, samples/README.md.
    static func markdownPages() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: CLITests.root + "/docs")
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return ["README.md", "samples/README.md"] + docs
    }

    @Test("every relative Markdown link and anchor in README.md, docs/*.md and samples/README.md resolves")
    func linksResolve() throws {
        let pages = try Self.markdownPages()
        #expect(pages.contains("docs/programs.md") && pages.contains("docs/format.md"))
        var checked = 0
        for page in pages {
            let text = try String(contentsOfFile: CLITests.root + "/" + page, encoding: .utf8)
            let links = MarkdownLinks.relativeLinks(in: text)
            checked += links.count
            for problem in MarkdownLinks.problems(in: page, root: CLITests.root) {
                Issue.record("\(problem)")
            }
        }
        #expect(checked > 50, "only \(checked) relative links found: the link reader is broken")
    }

    @Test("README.md's usage line of a subcommand names every option its --help lists", arguments: ["init", "explain", "list", "lint"])
    func usageLineNamesEveryOption(subcommand: String) throws {
        let readme = try String(contentsOfFile: CLITests.root + "/README.md", encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("checkdocs \(subcommand) ") })
        let help = try CLITests.run([subcommand, "--help"]).stdout
        let options = help.split(separator: "\n").compactMap { row -> String? in
            guard let option = row.split(separator: " ").first(where: { $0.hasPrefix("--") }) else { return nil }
            return row.hasPrefix("  -") ? String(option) : nil
        }.filter { $0 != "--version" && $0 != "--help" }
        #expect(!options.isEmpty)
        for option in options { #expect(line.contains(option), "\(subcommand): \(option) is not in \"\(line)\"") }
    }

    @Test("the link checker reports a missing file and a missing anchor, and accepts good ones")
    func linkCheckerCatchesBreakage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkdocs-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = "# Other page\n\n## `<nameMatch>`\n\n## XML ↔ JSON mapping\n\n## Again\n\n## Again\n"
        try other.write(to: folder.appendingPathComponent("other.md"), atomically: true, encoding: .utf8)
        let page = """
            # Page

            See [the name rule](other.md#namematch), [the mapping](other.md#xml--json-mapping),
            [the second one](other.md#again-1) and [this page](#page).
            Broken: [gone](gone.md), [no anchor](other.md#issuer), [here](#nowhere).
            `[not a link](inside-code.md)`

            ```
            [not a link either](fenced.md)
            ```
            """
        try page.write(to: folder.appendingPathComponent("page.md"), atomically: true, encoding: .utf8)
        let problems = MarkdownLinks.problems(in: "page.md", root: folder.path).map(\.target)
        #expect(problems == ["gone.md", "other.md#issuer", "#nowhere"])
    }

    /// Documents that live outside the repository (the project's notes before it had docs/):
    /// a comment must explain itself or cite the project's own docs/ instead.
    static let foreignCitations = [
        #"reliability\.md"#, #"engineering\.md"#, #"DOMAIN\.md"#, #"\bDOMAIN\b"#, #"SPEC\.md"#,
        #"\bSPEC\b"#, #"STYLE\.md"#, #"tools-and-style"#, #"research/"#,
        // An absolute path into a developer's machine (a home or working folder) is no citation
        // a reader of the repository can follow.
        #"(?<![\w.~])/(?:home|root|work)/\w"#,
        // The public corpora's default location (../shared/corpora, scripts/corpora) is data the
        // scripts read, not a document; any other path under shared/ is a citation.
        #"shared/(?!corpora)"#,
    ]

    @Test("no source, script, test, sample or page cites a document that is not in the repository")
    func noForeignCitations() throws {
        let patterns = try Self.foreignCitations.map { try NSRegularExpression(pattern: $0) }
        let roots = ["Sources", "Tests", "Fuzz", "scripts", "Plugins", "docs", "samples", "checklists", ".ci",
                     "Package.swift", "README.md"]
        var scanned = 0
        for root in roots {
            for file in Self.textFiles(under: root) where !file.hasSuffix("/DocsTests.swift") {
                guard let data = FileManager.default.contents(atPath: CLITests.root + "/" + file),
                      let text = String(data: data, encoding: .utf8) else { continue }
                scanned += 1
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    let range = NSRange(line.startIndex..., in: line)
                    if patterns.contains(where: { $0.firstMatch(in: line, range: range) != nil }) {
                        Issue.record("\(file):\(number + 1): cites a document outside the repository: \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(scanned > 100, "only \(scanned) files scanned")
    }

    @Test("the fuzz entry points are not public API: FuzzEntryPoints is behind @_spi(Fuzzing)")
    func fuzzEntryPointsAreSPI() throws {
        let source = try String(contentsOfFile: CLITests.root + "/Sources/CheckDocsCore/Run/FuzzEntryPoints.swift", encoding: .utf8)
        let declarations = source.split(separator: "\n").filter { $0.contains("enum FuzzEntryPoints") }
        #expect(declarations.count == 1)
        #expect(declarations.allSatisfy { $0.hasPrefix("@_spi(Fuzzing) public enum FuzzEntryPoints") }, "\(declarations)")
        // Its users say so: each fuzz target and the regression test import the SPI.
        let users = ["FuzzProgramXML", "FuzzProgramJSON", "FuzzManifest", "FuzzFileName"].map { "Fuzz/Sources/\($0)/main.swift" }
            + ["Tests/CheckDocsCoreTests/FuzzRegressionTests.swift"]
        for user in users {
            let text = try String(contentsOfFile: CLITests.root + "/" + user, encoding: .utf8)
            #expect(text.contains("@_spi(Fuzzing) import CheckDocsCore"), "\(user)")
        }
    }

    /// Regular files under `path` (relative to the repository), skipping build products and
    /// hidden folders other than the one given.
    static func textFiles(under path: String) -> [String] {
        let base = CLITests.root + "/" + path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name == ".build" || name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &folder), !folder.boolValue {
                files.append(path + "/" + relative)
            }
        }
        return files.sorted()
    }
}

/// Reads Markdown links the way GitHub renders them, well enough for this repository's pages.
enum MarkdownLinks {
    struct Problem: CustomStringConvertible {
        var page: String
        var line: Int
        var target: String
        var reason: String
        var description: String { "\(page):\(line): [\(target)] \(reason)" }
    }

    /// (line number, target) of every link that is not a URL, outside code.
    static func relativeLinks(in text: String) -> [(line: Int, target: String)] {
        let inline = try! NSRegularExpression(pattern: #"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)"#)
        let reference = try! NSRegularExpression(pattern: #"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)"#)
        var links: [(Int, String)] = []
        for (number, line) in outsideFences(text) {
            let prose = withoutCodeSpans(line)
            let range = NSRange(prose.startIndex..., in: prose)
            for regex in [inline, reference] {
                for match in regex.matches(in: prose, range: range) {
                    let target = String(prose[Range(match.range(at: 1), in: prose)!])
                    if target.contains("://") || target.hasPrefix("mailto:") { continue }
                    links.append((number, target))
                }
            }
        }
        return links
    }

    /// The broken links of `page` (a path under `root`).
    static func problems(in page: String, root: String) -> [Problem] {
        guard let text = try? String(contentsOfFile: root + "/" + page, encoding: .utf8) else {
            return [Problem(page: page, line: 0, target: page, reason: "cannot be read")]
        }
        let folder = (page as NSString).deletingLastPathComponent
        var problems: [Problem] = []
        for (line, target) in relativeLinks(in: text) {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0].removingPercentEncoding ?? parts[0]
            let anchor = parts.count > 1 ? parts[1] : nil
            let file = path.isEmpty ? page : (folder.isEmpty ? path : folder + "/" + path)
            let full = (root + "/" + file as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: full) else {
                problems.append(Problem(page: page, line: line, target: target, reason: "no such file: \(file)"))
                continue
            }
            guard let anchor, !anchor.isEmpty else { continue }
            guard full.hasSuffix(".md"), let linked = try? String(contentsOfFile: full, encoding: .utf8) else {
                problems.append(Problem(page: page, line: line, target: target, reason: "an anchor into a file that is not Markdown"))
                continue
            }
            if !anchors(in: linked).contains(anchor) {
                problems.append(Problem(page: page, line: line, target: target, reason: "no heading with the anchor #\(anchor) in \(file)"))
            }
        }
        return problems
    }

    /// GitHub's heading anchors: the heading's text without Markdown, lowercased; characters other
    /// than letters, digits, spaces, `-` and `_` dropped; spaces become `-`; a repeated anchor
    /// gets `-1`, `-2`, …. Explicit `<a id="…">` / `<a name="…">` anchors count too.
    static func anchors(in text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var result = Set<String>()
        let explicit = try! NSRegularExpression(pattern: #"<a\s+(?:id|name)="([^"]+)""#)
        for (_, line) in outsideFences(text) {
            let range = NSRange(line.startIndex..., in: line)
            for match in explicit.matches(in: line, range: range) {
                result.insert(String(line[Range(match.range(at: 1), in: line)!]))
            }
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { continue }
            var title = String(line.dropFirst(hashes)).trimmingCharacters(in: .whitespaces)
            while title.hasSuffix("#") { title.removeLast() }
            // Link text stays, its target goes; emphasis and code markers go.
            title = title.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
            var slug = ""
            for character in title.trimmingCharacters(in: .whitespaces).lowercased() {
                if character == " " {
                    slug.append("-")
                } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                    slug.append(character)
                }
            }
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            result.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return result
    }

    /// Numbered lines (from 1) that are not inside a fenced code block.
    static func outsideFences(_ text: String) -> [(Int, String)] {
        var fence: String?
        var lines: [(Int, String)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            lines.append((index + 1, String(line)))
        }
        return lines
    }

    /// The line with each code span's content blanked, so `[a](b)` in code is not a link; a
    /// link whose text is code keeps its shape.
    static func withoutCodeSpans(_ line: String) -> String {
        line.replacingOccurrences(of: #"`[^`]*`"#, with: "code", options: .regularExpression)
    }
}
