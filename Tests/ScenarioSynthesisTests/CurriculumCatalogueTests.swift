import Foundation
import Testing
@testable import ScenarioSynthesis
import Workforce

@Suite("Curriculum catalogue")
struct CurriculumCatalogueTests {
    @Test func fourCurriculaPerSkillOneAtEachLevel() {
        for skill in ["MAT", "MOULD", "AUTO", "PM"] {
            let levels = CurriculumCatalogue.curricula.filter { $0.skill.rawValue == skill }.map(\.level)
            #expect(Set(levels) == Set(QualificationLevel.allCases), "\(skill)")
        }
        #expect(CurriculumCatalogue.curricula.count == 16)
    }

    @Test func durationsFollowTheLevel() {
        let expected: [QualificationLevel: Int] = [.vocational: 2, .college: 3, .bachelor: 4, .upskilling: 0]
        for curriculum in CurriculumCatalogue.curricula {
            #expect(curriculum.durationYears == expected[curriculum.level])
            #expect((0.5...1).contains(curriculum.completionRate))
            #expect((0.3...1).contains(curriculum.industryEntryRate))
            #expect(curriculum.modules.allSatisfy { $0.hours > 0 && !$0.competencies.isEmpty })
        }
    }

    @Test func yamlOfMouldBachelorIsExact() throws {
        let mould = try #require(CurriculumCatalogue.curricula.first { $0.id == "MOULD-UPS" })
        let text = CurriculumCatalogue.yaml(for: mould)
        #expect(text.contains("code: MOULD-UPS\n"))
        #expect(text.contains("duration_years: 0\n"))
        #expect(text.contains("completion_rate: 0.92\nentry_rate: 0.9\n"))
        #expect(text.contains(
            "  - {name: \"Mould-flow simulation\", hours: 40, competencies: [\"filling and packing analysis\", \"warpage prediction\"]}\n"))
    }

    @Test func repositoryCurriculaAreTheGeneratedOnes() throws {
        for file in CurriculumCatalogue.files {
            let url = repositoryRoot.appendingPathComponent("Curricula/" + file.path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(firstDifference(file.contents, text).isEmpty,
                    "\(file.path) differs from CurriculumCatalogue: \(firstDifference(file.contents, text))")
        }
    }
}
