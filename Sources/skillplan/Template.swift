import ArgumentParser
import ExcelExport
import Foundation
import Texts
import Workforce

extension RequestTemplate.Kind: ExpressibleByArgument {}

/// `skillplan template postings|students --out FILE`: an Excel request template.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an Excel request template for internship postings or student applications.",
        discussion: """
        The template's drop-down lists (skills, regions, enterprises or institutions) come from a
        scenario directory (--scenario, default Scenarios/vietnam-2026-2035). Save the filled
        template as postings.xlsx or students.xlsx in a scenario directory, in place of the CSV
        file: validate, import, match and plan read it with the same checks, and errors name the
        sheet, row and column.
        """)

    @Argument(help: "postings or students.")
    var kind: RequestTemplate.Kind
    @Option(help: "The .xlsx file to write.", completion: .file(extensions: ["xlsx"]))
    var out: String
    @Option(help: "The scenario whose codes fill the drop-down lists.", completion: .directory)
    var scenario: String = "Scenarios/vietnam-2026-2035"
    @Option(help: "The curricula folder of that scenario.", completion: .directory)
    var curricula: String?
    @Flag(help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        guard out.lowercased().hasSuffix(".xlsx") else { throw ValidationError("--out must name an .xlsx file (saw '\(out)')") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: out) && !force {
            throw UserFailure(message: "error: \(out) exists; choose another --out or add --force to overwrite it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: scenario, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserFailure(message: "error: " + Catalogue(.en).format("inputs.hint.scenario", ["path": scenario]))
        }
        let loaded = try ScenarioOptions.load(directory: scenario, curricula: curricula)
        do {
            try RequestTemplate.write(kind, scenario: loaded.scenario, to: URL(fileURLWithPath: out))
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        Terminal.output("wrote \(out): fill the `\(kind.sheetName)` sheet (one row per \(kind == .postings ? "posting" : "student")), then save it as \(kind.fileName) in a scenario directory")
    }
}
