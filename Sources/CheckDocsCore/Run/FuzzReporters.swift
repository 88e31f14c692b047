import CheckDocsNative
import CheckDocsFormats

extension FuzzEntryPoints {
    /// The report schema, compiled once.
    static let reportSchema: JSONSchemaValidator = {
        do {
            return try BuiltinData.jsonSchema(BuiltinData.reportSchemaFile)
        } catch {
            fatalError("the built-in report schema does not load: \(error)")
        }
    }()

    /// A readiness report made from the input (`FuzzReporters`): every free-text field (names,
    /// titles, messages, hints, rules, file names, the folder, notes, fee labels, waiver reasons,
    /// suggestions) holds hostile text (controls, bidirectional overrides, markup, Markdown, long
    /// runs); ids, dates, kinds and codes stay in the domains the loaders allow. Every report
    /// format of `OutputFormat.all` writes it. Checks: no trap; JSON parses with the project's
    /// parser and is valid against report.schema.json; SARIF is JSON; HTML and JUnit are
    /// well-formed XML; Markdown has no raw HTML outside code spans; text output has no raw
    /// control character.
    public static func reporters(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let report = readinessReport(&input)
        let verbosity = input.pick([TextReporter.Verbosity.quiet, .normal, .verbose])
        for format in OutputFormat.all(.report) {
            guard let make = format.reportMaker else { continue }
            let output = make(FormatOptions(color: false, verbosity: verbosity)).render(report)
            checkOutput(output, format: format.id)
        }
    }

    static func checkOutput(_ output: String, format: String) {
        let bytes = Array(output.utf8)
        switch format {
        case "json", "sarif":
            let value: JSONValue
            do {
                value = try JSONParser.parse(bytes)
            } catch {
                preconditionFailure("\(format) is not JSON (\(error.message), line \(error.line)): \(output.prefix(2000))")
            }
            if format == "json" {
                let violations = reportSchema.validate(value)
                precondition(violations.isEmpty, "the JSON report breaks report.schema.json: \(violations.prefix(5))")
            }
        case "html", "junit":
            // The project's XML parser refuses every DOCTYPE; the page's `<!DOCTYPE html>` is its own.
            var markup = bytes
            let doctype = Array("<!DOCTYPE html>".utf8)
            if format == "html", markup.starts(with: doctype) { markup.removeFirst(doctype.count) }
            if case let .failure(errors) = XMLDocumentParser.parse(markup, file: format, schema: nil) {
                preconditionFailure("\(format) is not well-formed XML: \(errors.errors.prefix(3).map(\.description))")
            }
            precondition(!output.lowercased().contains("<script"), "\(format) has a script element")
        case "markdown":
            if let html = rawHTML(inMarkdown: output) { preconditionFailure("Markdown with raw HTML: \(html.debugDescription)") }
        case "text":
            // The text report is for a terminal: only line feeds may be raw (DisplayText).
            let bad = output.unicodeScalars.filter { $0 != "\n" && DisplayText.needsEscape($0) }
            precondition(bad.isEmpty, "the text report has raw control characters \(bad.map(\.value))")
        default:
            preconditionFailure("a report format the fuzzer does not check: \(format); add its invariants here")
        }
        if format != "text" && format != "json" && format != "sarif" {
            // Markup formats make every C0 and C1 control visible (MarkupEscaping).
            let bad = output.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            precondition(bad.isEmpty, "\(format) has raw control characters \(bad.map(\.value))")
        }
    }

    /// The first `<` that a CommonMark renderer could read as HTML: one outside a code span, not
    /// escaped by a backslash, and not an autolink to an http(s) address; nil when there is none.
    static func rawHTML(inMarkdown markdown: String) -> String? {
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == "`" {
                    var run = 0
                    while index + run < scalars.count, scalars[index + run] == "`" { run += 1 }
                    // The span closes at the next run of exactly as many backticks, on the line.
                    var search = index + run, closed: Int?
                    while search < scalars.count {
                        if scalars[search] == "`" {
                            var other = 0
                            while search + other < scalars.count, scalars[search + other] == "`" { other += 1 }
                            if other == run {
                                closed = search + other
                                break
                            }
                            search += other
                        } else {
                            search += 1
                        }
                    }
                    index = closed ?? index + run
                    continue
                }
                if scalar == "<" {
                    let rest = String(String.UnicodeScalarView(scalars[(index + 1)...]))
                    let lower = rest.lowercased()
                    if lower.hasPrefix("http://") || lower.hasPrefix("https://"),
                       let end = rest.firstIndex(of: ">"),
                       !rest[..<end].unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "<" }) {
                        index += 1 + rest[..<end].unicodeScalars.count + 1
                        continue
                    }
                    return String(String.UnicodeScalarView(scalars[index..<min(index + 40, scalars.count)]))
                }
                index += 1
            }
        }
        return nil
    }

    // MARK: - The report

    static func readinessReport(_ input: inout FuzzInput) -> ReadinessReport {
        let types = standard.catalog.types.map(\.id)
        func path(_ input: inout FuzzInput) -> FilePath {
            switch input.byte() % 3 {
            case 0: return FilePath(bytes: input.bytes(upTo: 24).map { $0 == 0 ? 0x78 : $0 } + [0x2E, 0x70, 0x64, 0x66])
            case 1: return FilePath(input.nonEmptyText(pieces: 3))
            default: return FilePath(input.pick(types) + " 2026-05-14.pdf")
            }
        }
        let asOf = input.date()
        var documents: [ApplicantDocument] = []
        for _ in 0..<input.int(0...4) {
            var facts = DocumentFacts()
            if input.bool() { facts.date = input.date() }
            if input.bool() { facts.expires = input.date() }
            if input.bool() { facts.note = input.text() }
            documents.append(ApplicantDocument(path: path(&input), size: Int64(input.int(0...100_000)), type: input.pick(types),
                                               classifiedBy: input.pick([.manifest, .fileName, .folderName]), evidence: input.text(), facts: facts))
        }
        let codes: [DiagnosticCode] = [.ambiguousDate, .emptyFile, .unreadable, .vanished, .tooDeep, .symlink, .specialFile,
                                       .contentMismatch, .notInspected, .translationWithoutOriginal, .undecodableName, .otherApplicant,
                                       .nameDateDiffers, .impossibleDate, .fileChanged]
        let diagnostics = (0..<input.int(0...4)).map { _ in
            Diagnostic(input.pick(codes), input.nonEmptyText(), path: input.bool() ? path(&input).description : nil)
        }
        let suggestions = (0..<input.int(0...2)).map { _ in
            ContentSuggestion(path: path(&input), documentTypes: [input.pick(types)], titles: [input.text()],
                              evidence: [[input.text(), input.text()]], dates: input.bool() ? [input.date()] : [])
        }
        let header = ReportHeader(
            toolVersion: ReadinessChecker.toolVersion, asOf: asOf, folder: input.nonEmptyText(), documents: documents,
            unrecognizedFiles: (0..<input.int(0...3)).map { _ in path(&input) },
            ambiguousFiles: (0..<input.int(0...2)).map { _ in AmbiguousFile(path: path(&input), candidates: [input.pick(types), input.pick(types)]) },
            diagnostics: diagnostics, suggestions: suggestions, failOn: input.pick([Severity.error, .warning, nil]),
            folderIdentity: FileIdentity(device: 0, inode: 0), fileIdentities: [])

        var programs: [ProgramResult] = []
        var waivers: [Waiver] = []
        for index in 0..<input.int(0...3) {
            let id = "p\(index)" + (input.bool() ? "-" + input.pick(types) : "")
            var requirements: [RequirementResult] = []
            for number in 0..<input.int(0...8) {
                requirements.append(requirementResult(&input, number: number, program: id, types: types, files: { path(&$0) }))
                if let waiver = requirements.last?.waiver {
                    waivers.append(Waiver(program: input.bool() ? id : nil, requirement: requirements.last!.id, reason: waiver.reason,
                                          expires: waiver.expires, location: waiver.location))
                }
            }
            let fees = (0..<input.int(0...2)).map { _ in
                Fee(amount: input.pick([0, 15, 99.99, 100_000_000, 0.001]), currency: input.pick(["USD", "EUR", "GBP"]), label: input.nonEmptyText())
            }
            let rotationStart = input.date()
            programs.append(ProgramResult(
                id: id, name: input.text(), institution: input.bool() ? input.text() : nil, kind: input.pick(ProgramKind.allCases),
                source: Provenance(href: input.pick(["https://example.org/rules", "javascript:alert(1)", input.nonEmptyText(pieces: 3)]), asOf: input.date()),
                checklists: input.bool() ? ["visiting-elective"] : [],
                rotation: input.bool() ? Rotation(start: rotationStart, end: rotationStart.adding(days: input.int(0...60))) : nil,
                deadline: input.bool() ? input.date() : nil, effectiveDeadline: input.bool() ? input.date() : nil, fees: fees,
                status: ProgramStatus(requirements), requirements: requirements, file: input.nonEmptyText(pieces: 2)))
        }

        var summary = ReportSummaryBuilder(failOn: header.failOn)
        for program in programs { summary.add(program) }
        var built = summary.build()
        if input.bool() {
            built.waivers = WaiverSummary(applied: waivers.count, expired: Array(waivers.prefix(1)), unused: Array(waivers.dropFirst().prefix(1)))
        }
        return ReadinessReport(header: header, programs: programs, summary: built)
    }

    private static func requirementResult(_ input: inout FuzzInput, number: Int, program: String, types: [String],
                                          files: (inout FuzzInput) -> FilePath) -> RequirementResult {
        let category = input.pick([RequirementResult.Category.document, .document, .eligibility, .timing])
        let statuses: [RequirementStatus]
        switch category {
        case .document: statuses = [.ok, .missing, .expired, .expiresBeforeNeeded, .invalid, .notEvaluable, .pending, .waived, .notApplicable]
        case .eligibility: statuses = [.ok, .ineligible, .notEvaluable, .notApplicable]
        case .timing: statuses = [.ok, .expired]
        }
        let status = input.pick(statuses)
        var result = RequirementResult(
            id: category == .timing ? "deadline" : "r\(number)", title: input.text(), category: category,
            documentTypes: category == .document ? (0..<input.int(1...3)).map { _ in input.pick(types) } : [],
            status: status, severity: input.bool() ? .error : .warning, supplier: input.pick([.applicant, .homeSchool, .host]),
            due: input.pick([.application, .beforeArrival, .afterOffer]),
            files: category == .document ? (0..<input.int(0...3)).map { _ in files(&input) } : [],
            message: input.text(), hint: input.bool() ? input.text() : nil, rule: input.bool() ? input.text() : nil,
            origin: category == .eligibility ? "" : program)
        if category == .document, status.isFailure || status == .pending || status == .waived {
            let kinds = ["document", "expires", "minDoses", "result", "titer", "window", "season", "validThrough", "issuer", "translation", "nameMatch", "file"]
            var fields: [FindingReason.Field] = [.init(key: "date", value: .date(input.date()))]
            if input.bool() { fields.append(.init(key: "anchor", value: .string(input.pick(["rotation-start", "rotation-end", "deadline", "as-of"])))) }
            if input.bool() { fields.append(.init(key: "documentType", value: .string(input.pick(types)))) }
            if input.bool() { fields.append(.init(key: "found", value: .strings([input.text(), input.text()]))) }
            if input.bool() { fields.append(.init(key: "value", value: .number(input.pick([0, -0.0, 1e-300, 1e300, 0.1, 12.5])))) }
            if input.bool() { fields.append(.init(key: "count", value: .int(input.int(0...1000)))) }
            if input.bool() { fields.append(.init(key: "certified", value: .bool(input.bool()))) }
            if input.bool() { fields.append(.init(key: "issuer", value: .string(input.text()))) }
            result.reason = FindingReason(kind: input.pick(kinds), code: input.pick(["too-old", "missing", "expired-before", "not-signed"]),
                                          file: input.bool() ? files(&input) : nil, fields: fields)
        }
        if status == .waived {
            result.waiver = AppliedWaiver(originalStatus: input.pick([.missing, .expired, .expiresBeforeNeeded, .invalid, .notEvaluable]),
                                          reason: input.nonEmptyText(), expires: input.date(),
                                          location: SourceLocation(file: input.pick(["checkdocs-waivers.yaml", input.nonEmptyText(pieces: 2)]),
                                                                   position: .pointer("/waivers/\(number)")))
        }
        if result.needsAction, input.bool() {
            result.window = DateWindow(earliest: input.bool() ? input.date() : nil, latest: input.bool() ? input.date() : nil)
        }
        return result
    }
}
