import ArgumentParser
import Foundation
import ScenarioSynthesis

extension SyntheticScale: ExpressibleByArgument {}

/// `skillplan synth`: writes a synthetic scenario directory.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic, valid scenario directory (same seed, same files).",
        discussion: """
        small: 5 regions, 500 students; province: 8 regions, 12,000 students; national: Vietnam's
        34 provinces, 400 institutions, 3,000 programmes, 6,000 enterprises, 20,000 postings,
        100,000 students with 10 preferences each, 10 years. The directory gets its own Curricula/.
        """)

    @Option(help: "small, province or national.")
    var scale: SyntheticScale = .small
    @Option(help: "The seed of the generator.")
    var seed: UInt64 = 2026
    @Option(help: "The directory to write (must not exist or be empty, unless --force).", completion: .directory)
    var out: String
    @Flag(help: "Overwrite the files of an existing, non-empty directory.")
    var force = false

    func run() throws {
        let url = URL(fileURLWithPath: out)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        if !existing.isEmpty && !force {
            throw UserFailure(message: "error: \(out) is not empty; choose another --out or add --force to overwrite its scenario files")
        }
        let progress = StageProgress(stages: 2)
        let scenario = progress.stage("Generating a \(scale.rawValue) scenario (seed \(seed))") {
            ScenarioSynthesizer.generate(scale: scale, seed: seed)
        }
        try progress.stage("Writing \(scenario.files.count) files to \(out)") {
            do {
                try scenario.write(to: url)
            } catch {
                throw UserFailure(message: "error: \(error)")
            }
        }
        Terminal.output("wrote \(out): \(scenario.files.map(\.path).filter { !$0.hasPrefix("Curricula/") }.joined(separator: ", ")) and Curricula/")
    }
}
