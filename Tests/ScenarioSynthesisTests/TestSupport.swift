import Foundation
@testable import ScenarioSynthesis
import Workforce

/// The repository root (`/work/main`), found from this file through any harness symlink.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled scenario directory of the repository.
let bundledDirectory = repositoryRoot.appendingPathComponent("Scenarios/vietnam-2026-2035")

/// A frame like the bundled scenario's: its 12 provinces, four skills, five sectors.
func bundledLikeFrame() -> ScenarioFrame {
    let codes = ["HN", "HPG", "BNI", "HYE", "QNI", "PTO", "TNG", "HTI", "DNG", "HCM", "DNA", "TNI"]
    let regions = codes.compactMap { code in ProvinceCatalogue.provinces.first { $0.region.id.rawValue == code }?.region }
    return ScenarioFrame(
        regions: regions, skills: ["MAT", "MOULD", "AUTO", "PM"],
        sectors: Calibration.sectors.map { sector in
            ScenarioFrame.SectorShape(
                code: Sector.ID(sector.code),
                outputByRegion: Dictionary(
                    sector.regionalShare.map { (Region.ID($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }),
                intensity: Dictionary(
                    sector.intensity.map { (Skill.ID($0.key), $0.value) }, uniquingKeysWith: { a, _ in a }))
        })
}

/// A fresh empty temporary directory.
func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("synth-tests-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every internal-consistency problem of a set of tables, as readable strings (empty when sound).
func consistencyProblems(_ tables: SynthesizedTables, frame regions: Set<Region.ID>, skills: Set<Skill.ID>) -> [String] {
    var problems: [String] = []
    func unique<T: Hashable>(_ ids: [T], _ what: String) {
        if Set(ids).count != ids.count { problems.append("duplicate \(what) ids") }
    }
    unique(tables.institutions.map(\.id), "institution")
    unique(tables.programs.map(\.id), "programme")
    unique(tables.enterprises.map(\.id), "enterprise")
    unique(tables.postings.map(\.id), "posting")
    unique(tables.students.map(\.id), "student")
    let institutions = Set(tables.institutions.map(\.id))
    let enterprises = Dictionary(tables.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let postings = Dictionary(tables.postings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let curricula = Set(CurriculumCatalogue.curricula.map(\.id))
    for institution in tables.institutions where !regions.contains(institution.region) {
        problems.append("\(institution.id): unknown region \(institution.region)")
    }
    for program in tables.programs {
        if !institutions.contains(program.institution) { problems.append("\(program.id): unknown institution") }
        if !curricula.contains(program.curriculum) { problems.append("\(program.id): unknown curriculum") }
        if program.capacity < program.baselineIntake || program.baselineIntake < 0 {
            problems.append("\(program.id): capacity \(program.capacity) < intake \(program.baselineIntake)")
        }
        if program.isOnsiteTraining != (program.hostEnterprise != nil) { problems.append("\(program.id): host") }
        if let host = program.hostEnterprise, enterprises[host] == nil { problems.append("\(program.id): unknown host") }
    }
    for enterprise in tables.enterprises where !regions.contains(enterprise.region) || !(1...3).contains(enterprise.tier) {
        problems.append("\(enterprise.id): region or tier")
    }
    for posting in tables.postings {
        guard let enterprise = enterprises[posting.enterprise] else {
            problems.append("\(posting.id): unknown enterprise")
            continue
        }
        if posting.region != enterprise.region { problems.append("\(posting.id): region differs from its enterprise") }
        if !skills.contains(posting.skill) || posting.slots < 1 || !(1...12).contains(posting.months)
            || !(1...5).contains(posting.minimumYear) || posting.stipendPerMonth <= 0 {
            problems.append("\(posting.id): field out of range")
        }
    }
    for student in tables.students {
        if !institutions.contains(student.institution) { problems.append("\(student.id): unknown institution") }
        if !(1...5).contains(student.year) || !(0...100).contains(student.score) { problems.append("\(student.id): year or score") }
        if student.preferences.isEmpty { problems.append("\(student.id): no preferences") }
        if Set(student.preferences).count != student.preferences.count { problems.append("\(student.id): repeated preference") }
        for preference in student.preferences where postings[preference] == nil {
            problems.append("\(student.id): unknown posting \(preference)")
        }
    }
    return problems
}

/// The first line where two texts differ, for short failure messages ("" when equal).
func firstDifference(_ expected: String, _ actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
        let a = index < left.count ? String(left[index]) : "<end>"
        let b = index < right.count ? String(right[index]) : "<end>"
        if a != b { return "line \(index + 1): expected «\(a)», found «\(b)»" }
    }
    return ""
}
