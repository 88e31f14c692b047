#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How wide the text report may be (docs/reports.md, Text): `COLUMNS` when it holds a usable
/// number, else the size of the terminal stdout is, else 80. A pipe or a file keeps 80, so
/// scripts and saved reports do not change with the window they were made in.
public enum TerminalWidth {
    /// `COLUMNS` below this is ignored: nothing readable fits, and 0 is what some shells export
    /// before they know the size.
    public static let minimum = 20
    /// `COLUMNS` above this is ignored as a mistake (a pasted pixel width, a stray digit).
    public static let maximum = 1000
    public static let fallback = 80

    /// The width for a report: `columns` (the `COLUMNS` value) when usable; else, when the report
    /// goes to stdout, the terminal's width; else 80.
    public static func resolve(columns: String?, toStandardOutput: Bool) -> Int {
        if let columns, let value = Int(columns.trimmingSpaces), (minimum...maximum).contains(value) { return value }
        if toStandardOutput, let value = terminalColumns(STDOUT_FILENO), (minimum...maximum).contains(value) { return value }
        return fallback
    }

    /// The environment's `COLUMNS`, if set.
    public static var environmentColumns: String? {
        getenv("COLUMNS").map { String(cString: $0) }
    }

    /// The column count of the terminal on `descriptor` (ioctl TIOCGWINSZ); nil when it is not a
    /// terminal or the terminal does not know its size (0 columns).
    public static func terminalColumns(_ descriptor: Int32) -> Int? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

private extension String {
    var trimmingSpaces: Substring {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
