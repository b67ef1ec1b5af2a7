import Foundation
import Planning
import Texts
import Workforce

/// Where messages go: standard error for people, standard output for `--json` and tables.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((printable(message) + "\n").utf8))
    }

    /// `text` with control characters other than line breaks shown as `\u{1B}`: a value read
    /// from an input cannot send escape sequences to the user's terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { InputLimits.printable(String($0)) }.joined(separator: "\n")
    }

    /// A message for people; on standard error so standard output stays clean for `--json`.
    static func note(_ message: String) { error(message) }

    static func output(_ text: String) {
        let text = printable(text)
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints one JSON document on standard output (sorted keys, so output is stable).
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        output(String(decoding: data, as: UTF8.self))
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

/// Progress of a multi-stage job on standard error: `[2/5] Forecast … 0.12 s`.
///
/// `@unchecked Sendable`: the plan pipeline reports through a `@Sendable` handler, but it calls
/// it synchronously from the one thread that runs the command.
final class StageProgress: @unchecked Sendable {
    private let total: Int
    private var current = 0
    private var started = Date()
    private let quiet: Bool

    init(stages: Int, quiet: Bool = false) {
        total = stages
        self.quiet = quiet
    }

    /// Starts the next stage and runs `work`, printing its name and then its duration.
    func stage<Result>(_ name: String, _ work: () throws -> Result) rethrows -> Result {
        current += 1
        started = Date()
        if !quiet { Terminal.note("[\(current)/\(total)] \(name)…") }
        let result = try work()
        if !quiet {
            let seconds = Date().timeIntervalSince(started)
            Terminal.note("      done in \(String(format: "%.2f", seconds)) s")
        }
        return result
    }

    /// Prints a plan run's step: its name when it starts, its duration when it finishes.
    func report(_ step: PlanProgress, texts: Catalogue) {
        guard !quiet else { return }
        switch step.event {
        case .started:
            Terminal.note("[\(step.stage.number)/\(total)] \(texts.format(step.textKey, step.values))…")
        case .finished(let seconds):
            // Numbered: the frontier finishes while the allocation runs, or after it.
            Terminal.note("[\(step.stage.number)/\(total)] done in \(String(format: "%.2f", seconds)) s")
        }
    }
}
