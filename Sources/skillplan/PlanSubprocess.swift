import Foundation
import Portal

/// The portal's plan job as `skillplan plan DIR --json` in a child process of this executable:
/// the same stages, the same run record, the same workbooks; progress from its stage lines.
/// (When the pipeline is a library target, the portal calls it in process instead.)
enum PlanSubprocess {
    /// The stage keys of the catalogue, in the order `plan` runs its six stages.
    static let stageKeys = ["portal.stage.load", "portal.stage.forecast", "portal.stage.allocate",
                            "portal.stage.frontier", "portal.stage.match", "portal.stage.workbooks"]

    static func runner(draws: Int) -> PlanJobRunner {
        { input, progress in try run(input, draws: draws, progress: progress) }
    }

    static func run(_ input: PlanJobInput, draws: Int, progress: @escaping @Sendable (String, Double) -> Void) throws -> PlanJobResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        if let own = Bundle.main.executableURL { process.executableURL = own }
        process.arguments = ["plan", input.scenarioDirectory.path, "--curricula", input.curriculaDirectory.path,
                             "--exports", input.exportsFolder.path, "--db", input.storePath, "--json", "--draws", String(draws)]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let collected = Collected()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else { return }
            for line in collected.appendError(data) {
                // "[3/6] Allocating the fund…"
                guard line.hasPrefix("["), let slash = line.firstIndex(of: "/"), let close = line.firstIndex(of: "]"),
                      let index = Int(line[line.index(after: line.startIndex)..<slash]),
                      let total = Int(line[line.index(after: slash)..<close]), total > 0 else { continue }
                let key = stageKeys.indices.contains(index - 1) ? stageKeys[index - 1] : String(line)
                progress(key, Double(index - 1) / Double(total))
            }
        }
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        errors.fileHandleForReading.readabilityHandler = nil
        guard process.terminationStatus == 0 else {
            throw PlanSubprocessFailure(message: collected.errorTail)
        }
        guard let report = try JSONSerialization.jsonObject(with: stdout) as? [String: Any] else {
            throw PlanSubprocessFailure(message: "the plan printed no report")
        }
        var figures: [String: Double] = [:]
        for key in ["shortage_before", "shortage_after", "spend_vnd", "budget_vnd", "matched", "students", "funded_places"] {
            if let number = report[key] as? NSNumber { figures[key] = number.doubleValue }
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: input.exportsFolder.path)) ?? [])
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".xlsx") || $0.hasSuffix(".csv")) }.sorted()
        return PlanJobResult(runID: (report["run"] as? NSNumber)?.int64Value, files: files, figures: figures)
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var partial = Data()
        private var lines: [String] = []

        /// Adds bytes of standard error; returns the lines completed.
        func appendError(_ data: Data) -> [String] {
            lock.withLock {
                partial.append(data)
                var complete: [String] = []
                while let newline = partial.firstIndex(of: 0x0A) {
                    complete.append(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
                    partial.removeSubrange(partial.startIndex...newline)
                }
                lines.append(contentsOf: complete)
                if lines.count > 200 { lines.removeFirst(lines.count - 200) }
                return complete
            }
        }

        var errorTail: String {
            lock.withLock { (lines.suffix(20) + [String(decoding: partial, as: UTF8.self)]).filter { !$0.isEmpty }.joined(separator: "\n") }
        }
    }
}

struct PlanSubprocessFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
