import Foundation
import Workforce

/// A small valid scenario directory written to a temporary folder; tests break one file at a time.
struct ScenarioFixture {
    var files: [String: String] = [
        "scenario.yaml": """
        name: tiny
        title: Tiny test scenario
        base_year: 2026
        horizon_years: 3
        productivity_growth: 0.05
        discount_rate: 0.03
        skills:
          - {code: MAT, name: Materials, weight: 1.0, attrition: 0.05}
          - {code: AUTO, name: Automation, weight: 1.5, attrition: 0.04}
        regions:
          - {code: HN, name: Hà Nội, macro_region: Red River Delta}
          - {code: BN, name: Bắc Ninh, macro_region: Red River Delta}
        sectors:
          - code: ELEC
            name: Electronics
            growth_rate: 0.08
            base_output_trillion_vnd: {HN: 10, BN: 20}
            localisation: {2025: 0.30, 2030: 0.50}
            intensity: {MAT: 2, AUTO: 3}
        initial_stock:
          MAT: {HN: 100, BN: 80}
          AUTO: {HN: 120, BN: 90}
        variants:
          - name: fast
            description: Faster localisation
            sectors:
              ELEC: {localisation: {2025: 0.30, 2030: 0.70}}
        """,
        "fund.yaml": """
        name: Test fund
        budget_vnd: {2026: 1_000_000_000, 2027: 2000000000}
        carry_over: true
        scholarships: {enabled: true, living_support_vnd_per_year: 12000000}
        internships: {enabled: true, entry_uplift: 0.2, matching_budget_vnd: 50000000, funded_ownership: [domestic]}
        onsite_training: {enabled: true}
        fairness:
          institution_share_cap: 0.8
          regional_floor: {share: 0.05, regions: [HN]}
          domestic_sme_internship_share: 0.5
          skill_minimum_share: {MAT: 0.1}
        """,
        "institutions.csv": """
        institution,name,region,kind,ownership
        INST-A,Đại học A,HN,university,public
        INST-B,Cao đẳng B,BN,college,public
        """,
        "programs.csv": """
        program,institution,curriculum,baseline_intake,capacity,tuition_vnd_per_year,completion_rate,entry_rate,host_enterprise
        P-A-MAT,INST-A,MAT-BSC,50,70,20000000,,,
        P-B-AUTO,INST-B,AUTO-COL,40,60,15000000,0.8,0.6,
        P-B-UPS,INST-B,AUTO-UPS,0,30,8000000,,,ENT-1
        """,
        "enterprises.csv": """
        enterprise,name,region,sector,ownership,size,tier
        ENT-1,Công ty Một,BN,ELEC,domestic,small,2
        ENT-2,FDI Two,HN,ELEC,fdi,large,1
        """,
        "postings.csv": """
        posting,enterprise,skill,region,slots,months,stipend_vnd_per_month,min_year
        POST-1,ENT-1,AUTO,BN,2,3,4000000,2
        POST-2,ENT-2,MAT,HN,1,6,5000000,3
        """,
        "students.csv": """
        student,institution,skill,year,score,home_region,preferences
        STU-1,INST-B,AUTO,2,80,BN,POST-1
        STU-2,INST-A,MAT,3,75.5,HN,POST-2
        STU-3,INST-A,MAT,4,90,HN,POST-2;POST-1
        """,
        "Curricula/mat-bsc.yaml": """
        code: MAT-BSC
        name: Bachelor of Materials Engineering
        skill: MAT
        level: bachelor
        duration_years: 4
        completion_rate: 0.8
        entry_rate: 0.7
        modules:
          - {name: Heat treatment, hours: 120, competencies: [heat treatment]}
        """,
        "Curricula/auto-col.yaml": """
        code: AUTO-COL
        name: College Automation
        skill: AUTO
        level: college
        duration_years: 3
        completion_rate: 0.75
        entry_rate: 0.65
        modules:
          - {name: PLC, hours: 150, competencies: [PLC programming, SCADA]}
        """,
        "Curricula/auto-ups.yaml": """
        code: AUTO-UPS
        name: On-site robotics upskilling
        skill: AUTO
        level: upskilling
        duration_years: 0
        completion_rate: 0.95
        entry_rate: 0.9
        modules:
          - {name: Robot cells, hours: 80, competencies: [industrial robotics]}
        """,
    ]

    /// Writes the files into a new temporary directory and returns it.
    func write() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("skillplan-fixture-\(UUID().uuidString)")
        for (path, contents) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((contents + "\n").utf8).write(to: url)
        }
        return directory
    }

    /// Loads the fixture, returning the errors (empty when it loads).
    func loadErrors() throws -> [InputError] {
        let directory = try write()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try ScenarioLoader.load(directory: directory)
            return []
        } catch {
            return error.errors
        }
    }

    /// The fixture with `old` replaced by `new` in one file.
    func replacing(_ old: String, with new: String, in file: String) -> ScenarioFixture {
        var copy = self
        copy.files[file] = files[file]?.replacingOccurrences(of: old, with: new)
        return copy
    }
}
