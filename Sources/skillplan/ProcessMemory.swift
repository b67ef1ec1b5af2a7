import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's memory high-water marks, for `skillplan bench`.
///
/// On Linux, `VmHWM` in `/proc/self/status` is the peak resident set size; writing `5` to
/// `/proc/self/clear_refs` resets it to the current size (Linux 4.0+), which gives each stage its own
/// peak. `getrusage`'s `ru_maxrss` reads the same counter, so a reset lowers it too: the bench folds
/// every peak it reads into ``ProcessPeak`` before resetting.
enum ProcessMemory {
    /// `VmHWM` in bytes, or nil where `/proc` is not available.
    static func highWaterMark() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kibibytes = Int(fields[1]) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }

    /// `getrusage(RUSAGE_SELF)`, or nil when it fails.
    private static func selfUsage() -> rusage? {
        var usage = rusage()
        #if os(Linux)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        return getrusage(who, &usage) == 0 ? usage : nil
    }

    /// The process's CPU time so far, user and system, in seconds (`getrusage`): on a shared
    /// machine a steadier figure than the wall clock.
    static func cpuSeconds() -> Double {
        guard let usage = selfUsage() else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// `getrusage(RUSAGE_SELF).ru_maxrss` in bytes (Linux reports KiB, macOS bytes).
    static func maximumResidentSetSize() -> Int {
        guard let usage = selfUsage() else { return 0 }
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    /// Resets `VmHWM` to the current resident size; false when the kernel does not allow it.
    static func resetHighWaterMark() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}

/// The process's peak memory over a whole bench, kept across per-stage resets.
struct ProcessPeak {
    /// The largest `VmHWM` seen, bytes.
    private(set) var highWaterMark = 0
    /// The largest `ru_maxrss` seen, bytes.
    private(set) var maximumResidentSetSize = 0

    /// Reads both counters and keeps the larger values.
    mutating func sample() {
        highWaterMark = max(highWaterMark, ProcessMemory.highWaterMark() ?? 0)
        maximumResidentSetSize = max(maximumResidentSetSize, ProcessMemory.maximumResidentSetSize())
    }
}
