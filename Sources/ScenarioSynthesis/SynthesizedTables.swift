import Workforce

/// The generated CSV tables of a scenario directory, as model values and as file text.
public struct SynthesizedTables: Sendable {
    /// Rows of `institutions.csv`: real institutions of the regions first, then synthetic ones.
    public var institutions: [Institution]
    /// Rows of `programs.csv`, resolved against ``CurriculumCatalogue``.
    public var programs: [Program]
    /// Rows of `enterprises.csv`.
    public var enterprises: [Enterprise]
    /// Rows of `postings.csv`.
    public var postings: [InternshipPosting]
    /// Rows of `students.csv`.
    public var students: [Student]

    /// Tables from their rows.
    public init(
        institutions: [Institution], programs: [Program], enterprises: [Enterprise],
        postings: [InternshipPosting], students: [Student]
    ) {
        self.institutions = institutions
        self.programs = programs
        self.enterprises = enterprises
        self.postings = postings
        self.students = students
    }

    /// The five CSV files in the order `institutions.csv`, `programs.csv`, `enterprises.csv`,
    /// `postings.csv`, `students.csv`, with the columns of `docs/FORMATS.md`.
    /// - Complexity: O(total size of the tables).
    public var files: [(path: String, contents: String)] {
        [
            ("institutions.csv", institutionsCSV),
            ("programs.csv", programsCSV),
            ("enterprises.csv", enterprisesCSV),
            ("postings.csv", postingsCSV),
            ("students.csv", studentsCSV),
        ]
    }

    var institutionsCSV: String {
        var text = "institution,name,region,kind,ownership\n"
        for institution in institutions {
            text += institution.id.rawValue + "," + CSVText.field(institution.name) + ","
                + institution.region.rawValue + "," + institution.kind.rawValue + ","
                + institution.ownership.rawValue + "\n"
        }
        return text
    }

    var programsCSV: String {
        let defaults = Dictionary(
            CurriculumCatalogue.curricula.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var text = "program,institution,curriculum,baseline_intake,capacity,tuition_vnd_per_year,completion_rate,entry_rate,host_enterprise\n"
        text.reserveCapacity(programs.count * 90)
        for program in programs {
            let curriculum = defaults[program.curriculum]
            let completion = curriculum.map { $0.completionRate == program.completionRate } ?? false
                ? "" : DecimalText.compact(program.completionRate, places: 3)
            let entry = curriculum.map { $0.industryEntryRate == program.industryEntryRate } ?? false
                ? "" : DecimalText.compact(program.industryEntryRate, places: 3)
            text += program.id.rawValue + "," + program.institution.rawValue + "," + program.curriculum.rawValue
            text += "," + String(program.baselineIntake) + "," + String(program.capacity) + ","
                + String(program.tuitionPerYear) + "," + completion + "," + entry + ","
                + (program.hostEnterprise?.rawValue ?? "") + "\n"
        }
        return text
    }

    var enterprisesCSV: String {
        var text = "enterprise,name,region,sector,ownership,size,tier\n"
        text.reserveCapacity(enterprises.count * 90)
        for enterprise in enterprises {
            text += enterprise.id.rawValue + "," + CSVText.field(enterprise.name) + ","
                + enterprise.region.rawValue + "," + enterprise.sector.rawValue + ","
                + enterprise.ownership.rawValue + "," + enterprise.size.rawValue + ","
                + String(enterprise.tier) + "\n"
        }
        return text
    }

    var postingsCSV: String {
        var text = "posting,enterprise,skill,region,slots,months,stipend_vnd_per_month,min_year\n"
        text.reserveCapacity(postings.count * 50)
        for posting in postings {
            text += posting.id.rawValue + "," + posting.enterprise.rawValue + "," + posting.skill.rawValue
            text += "," + posting.region.rawValue + "," + String(posting.slots) + "," + String(posting.months)
                + "," + String(posting.stipendPerMonth) + "," + String(posting.minimumYear) + "\n"
        }
        return text
    }

    var studentsCSV: String {
        var text = "student,institution,skill,year,score,home_region,preferences\n"
        text.reserveCapacity(students.count * 130)
        for student in students {
            text += student.id.rawValue
            text += ","
            text += student.institution.rawValue
            text += ","
            text += student.skill.rawValue
            text += ","
            text += String(student.year)
            text += ","
            text += DecimalText.format(student.score, places: 1)
            text += ","
            text += student.homeRegion.rawValue
            text += ","
            var first = true
            for preference in student.preferences {
                if !first { text += ";" }
                text += preference.rawValue
                first = false
            }
            text += "\n"
        }
        return text
    }
}
