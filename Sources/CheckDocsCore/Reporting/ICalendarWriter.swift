import Foundation

/// `checkdocs plan --ics FILE`: the plan as an RFC 5545 calendar. One all-day event per action on
/// the first day it is worth doing, and one per program's apply-by date. Deterministic: UIDs come
/// from the program and requirement ids and the applicant folder's place (an advisor imports many
/// applicants' calendars into one), DTSTAMP from the as-of date. Lines end in CRLF and are
/// folded at 75 octets, never inside a UTF-8 sequence; TEXT values are escaped (RFC 5545 §3.3.11).
/// A plan with nothing to do still has one event, saying so: a calendar needs one (§3.6). Blocking
/// rules not decided have an event of their own on the as-of day, or are said in that one.
public enum ICalendarWriter {
    public static let maxOctets = 75

    public static func render(_ plan: ActionPlan) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//checkdocs//checkdocs \(escape(plan.toolVersion))//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ]
        let stamp = "DTSTAMP:" + basic(plan.asOf) + "T000000Z"
        let folder = folderName(plan.folder)
        let events = lines.count
        for action in plan.actions {
            // An action whose window is empty lands after its own last day: its title says so, so
            // that a calendar's to-do never reads as on time.
            let by = action.window.latest.map { action.window.isEmpty ? " (by \($0); no day works: ask the program)" : " (by \($0))" } ?? ""
            var description = ["For: " + action.programs.joined(separator: ", ") + ".", "Document: " + action.documentTypes.joined(separator: " + ") + "."]
            description += action.needLines
            description += action.whenLines(asOf: plan.asOf).map { "When: " + $0 }
            let separate = plan.numbers(of: action.separateFrom)
            if !separate.isEmpty {
                description.append("A separate document from action \(separate.map(String.init).joined(separator: ", ")): the windows do not meet.")
            }
            description += action.hints
            lines += event(uid: "action-\(action.id)/\(folder)@checkdocs", stamp: stamp, day: action.startOn,
                           summary: "\(action.verbTitle): \(action.title)\(by)",
                           description: description.joined(separator: "\n"))
        }
        for program in plan.programsByApplyBy {
            guard let applyBy = program.applyBy else { continue }
            var description = ["Apply by \(applyBy): the application deadline, or the rotation start less the lead time, whichever is earlier."]
            if let rotation = program.rotation { description.append("Rotation \(rotation.start) to \(rotation.end).") }
            lines += event(uid: "apply-by-\(program.id)/\(folder)@checkdocs", stamp: stamp, day: applyBy,
                           summary: "Apply by: \(program.name) (\(program.id))", description: description.joined(separator: "\n"))
        }
        // Rules still undecided are said, not hidden: beside the other events, in one of their
        // own on the as-of day; with none, in the one saying there is nothing to obtain.
        let undecidedLines = plan.undecided.map { "Not decided: \($0.title) [\($0.requirement)], for \($0.programs.joined(separator: ", ")): \($0.message)" }
        let undecided = Plural.count(plan.undecided.count, "blocking rule") + " not decided"
        if lines.count == events {
            var description = ["As of \(plan.asOf), no document is to be obtained or renewed, and no program gives an apply-by date."]
            description += undecidedLines
            lines += event(uid: "nothing/\(folder)@checkdocs", stamp: stamp, day: plan.asOf,
                           summary: "checkdocs: nothing to obtain or renew\(plan.undecided.isEmpty ? "" : "; " + undecided) (\(folder))",
                           description: description.joined(separator: "\n"))
        } else if !plan.undecided.isEmpty {
            lines += event(uid: "undecided/\(folder)@checkdocs", stamp: stamp, day: plan.asOf,
                           summary: "checkdocs: \(undecided): add the facts they need (\(folder))",
                           description: undecidedLines.joined(separator: "\n"))
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// The applicant folder as a UID names it: its real path's last two components, links
    /// resolved (`.` is the current folder; `ann/my-application` and `bob/my-application` differ).
    static func folderName(_ path: String) -> String {
        let components = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
        return components.isEmpty ? "folder" : components.suffix(2).joined(separator: "/")
    }

    private static func event(uid: String, stamp: String, day: CalendarDate, summary: String, description: String) -> [String] {
        [
            "BEGIN:VEVENT",
            "UID:" + escape(uid),
            stamp,
            "DTSTART;VALUE=DATE:" + basic(day),
            "DTEND;VALUE=DATE:" + basic(day.adding(days: 1)),
            "SUMMARY:" + escape(summary),
            "DESCRIPTION:" + escape(description),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }

    /// 2026-12-01 → 20261201.
    static func basic(_ day: CalendarDate) -> String { day.description.filter { $0 != "-" } }

    /// TEXT escaping: backslash, semicolon, comma and newline; other control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": if !previousCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One content line, folded: at most 75 octets per line (a continuation's leading space
    /// included), cut only between UTF-8 sequences, each line ending in CRLF.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var start = 0
        var limit = maxOctets
        while bytes.count - start > limit {
            var end = start + limit
            while end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a sequence
            out += bytes[start..<end]
            out += Array("\r\n ".utf8)
            start = end
            limit = maxOctets - 1
        }
        out += bytes[start...]
        out += Array("\r\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}

extension OutputFormat {
    /// `plan --format ics`, and `plan --ics FILE` beside the plan.
    public static let iCalendar = OutputFormat(id: "ics", fileExtension: "ics", purpose: "the plan as calendar events (RFC 5545); also --ics FILE",
                                               make: .plan { plan, _ in ICalendarWriter.render(plan) })
}
