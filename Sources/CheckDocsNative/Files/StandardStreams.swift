#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, output and error as checkdocs found them at start.
public enum StandardStreams {
    /// Whether stdout was closed when checkdocs started (`checkdocs … >&-`).
    public private(set) nonisolated(unsafe) static var outputClosed = false

    /// A closed descriptor 0, 1 or 2 is filled with /dev/null, so the first file checkdocs opens
    /// (a report's folder, the stdout spool) never becomes "stdout" by accident; a report for
    /// stdout is then refused with a clear error. Call once, first thing in `main`.
    public static func reserveClosed() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            guard fcntl(descriptor, F_GETFD) == -1 && errno == EBADF else { continue }
            if descriptor == STDOUT_FILENO { outputClosed = true }
            // open() returns the lowest free descriptor: this one.
            let reserved = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if reserved >= 0 && reserved != descriptor { close(reserved) }
        }
    }

    /// The error for a report that would go to a closed stdout.
    public static var closedOutputError: InputError {
        InputError(file: "<stdout>", "standard output is closed; redirect it, or write the report to a file")
    }
}
