import ArgumentParser
import ExcelExport
import Foundation
import Texts
import Workforce

extension RequestTemplate.Kind: ExpressibleByArgument {}

/// `skillplan template postings|students|programs --out FILE`: an Excel request template.
struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an Excel request template for internship postings, student applications or training programmes.",
        discussion: """
        The template's drop-down lists (skills, provinces, enterprises, institutions, programmes, curricula; each entry `CODE — name`) come from a scenario directory (--scenario, default Scenarios/vietnam-2026-2035). Headers and instructions are in Vietnamese and English, --lang first. `programs` is prefilled with the programmes (of --institution, or all) to update capacity, baseline intake and tuition. Save the filled template as postings.xlsx, students.xlsx or programs.xlsx in a scenario directory, in place of the CSV file: validate, import, match and plan read it with the same checks, and errors name the sheet, row and column.
        """)

    @Argument(help: "postings, students or programs.")
    var kind: RequestTemplate.Kind
    @Option(help: "The .xlsx file to write.", completion: .file(extensions: ["xlsx"]))
    var out: String
    @Option(help: "The scenario whose codes fill the drop-down lists.", completion: .directory)
    var scenario: String = "Scenarios/vietnam-2026-2035"
    @Option(help: "The curricula folder of that scenario.", completion: .directory)
    var curricula: String?
    @Option(help: "For programs and students: the institution whose programmes fill the programme list (programs: and the rows).")
    var institution: String?
    @Option(help: ArgumentHelp(
        "The language written first in headers, prompts and instructions (default: the scenario's language, else en).",
        valueName: "vi|en"))
    var lang: String?
    @Flag(help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        guard out.lowercased().hasSuffix(".xlsx") else { throw ValidationError("--out must name an .xlsx file (saw '\(out)')") }
        if let lang, Language(code: lang) == nil { throw ValidationError("--lang takes vi or en (saw '\(lang)')") }
        if institution != nil, kind == .postings { throw ValidationError("--institution is for the programs and students templates") }
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: out) && !force {
            throw UserFailure(message: "error: \(out) exists; choose another --out or add --force to overwrite it")
        }
        let texts = Catalogue(lang.flatMap(Language.init(code:)) ?? .en)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: scenario, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserFailure(message: "error: " + texts.format("inputs.hint.scenario", ["path": scenario]))
        }
        let loaded = try ScenarioOptions.load(directory: scenario, curricula: curricula)
        let language = lang.flatMap(Language.init(code:)) ?? loaded.scenario.settings.language ?? .en
        let owner = institution.map { Institution.ID($0) }
        if let owner, !loaded.scenario.institutions.contains(where: { $0.id == owner }) {
            let known = loaded.scenario.institutions.prefix(8).map(\.id.rawValue).joined(separator: ", ")
            throw UserFailure(message: "error: " + texts.format("template.error.institution", [
                "code": owner.rawValue, "scenario": scenario, "known": known + (loaded.scenario.institutions.count > 8 ? ", …" : ""),
            ]))
        }
        do {
            try RequestTemplate.write(kind, scenario: loaded.scenario, language: language, institution: owner,
                                      to: URL(fileURLWithPath: out))
        } catch {
            throw UserFailure(message: "error: \(error)")
        }
        Terminal.output(texts.format("template.done", [
            "out": out, "sheet": kind.sheetName, "row": texts["template.row.\(kind.rawValue)"], "file": kind.fileName,
        ]))
    }
}
