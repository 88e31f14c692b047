#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import CheckDocsCore

/// The OCR of scans for one run of check, plan or a batch (docs/inspection.md, "Facts read from
/// scans"): the user's OCR cache, a progress line on a terminal's stderr once OCR takes more
/// than a second, and one warning line when OCR cannot run on this machine.
enum Scans {
    /// `progress: false` where another progress line owns stderr (a batch's); `unread` says
    /// what not reading scans means for this command.
    /// `folders`: the folders the run reads, inside which no cache is kept.
    static func reader(progress: Bool = true, unread: String = "facts only a scan gives stay not evaluable",
                       folders: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> ScanReader {
        let show: @Sendable (Int, Int) -> Void = { done, total in
            let plural = total == 1 ? "" : "s"
            Terminal.errorRaw(done < total ? "\rreading \(total) scan\(plural)… \(done)/\(total)" : "\r\u{1B}[K")
        }
        let warn: @Sendable (String) -> Void = { reason in
            Terminal.error("checkdocs: warning: scans are not read (OCR is unavailable: \(reason)); \(unread)")
        }
        let cache = OCRCache.userCache(environment: environment, toolVersion: ReadinessChecker.toolVersion, awayFrom: folders)
        let digests = cache == nil ? nil : ContentDigests.userMemo(environment: environment, awayFrom: folders)
        return ScanReader(cache: cache, digests: digests, progress: progress && isatty(STDERR_FILENO) == 1 ? show : nil, unavailable: warn)
    }
}
