import Allocation
import Forecast
import Matching
import Workforce

/// A plan's items grouped once by institution, programme, enterprise and posting, so that
/// writing thousands of intake and interns workbooks never re-scans all items per workbook.
///
/// - Complexity: building is O(programmes + awards + postings + students + shortage cells).
struct PlanGroups: Sendable {
    struct ShortageKey: Hashable {
        var skill: Skill.ID
        var region: Region.ID
        var year: Int
    }

    struct StudentKey: Hashable {
        var institution: Institution.ID
        var skill: Skill.ID
    }

    let context: PlanWorkbookContext
    let index: ScenarioIndex
    /// The texts of the workbooks' language, looked up once for every workbook.
    let texts: WorkbookTexts
    let programsByInstitution: [Institution.ID: [Program]]
    /// Funded seats (scholarship or on-site) by programme, then intake year.
    let fundedSeats: [Program.ID: [Int: Double]]
    /// What the plan pays for each programme's seats, VND.
    let fundedCost: [Program.ID: Double]
    let postingsByEnterprise: [Enterprise.ID: [InternshipPosting]]
    /// Enterprises with at least one posting in the matching round, in first-posting order.
    let enterprisesWithPostings: [Enterprise.ID]
    let assignmentsByPosting: [InternshipPosting.ID: [Matching.Assignment]]
    let students: [Student.ID: Student]
    /// The degree programme of an institution in a skill, or nil when there is none or several.
    let programOfStudents: [StudentKey: Program.ID?]
    let planInternshipsByEnterprise: [Enterprise.ID: [InternshipAward]]
    let shortageAfter: [ShortageKey: Double]
    /// The page setup of every intake plan's sheets.
    let intakePrinting: SheetPrinting
    /// The page setup of every interns workbook's sheets.
    let internsPrinting: SheetPrinting

    init(_ context: PlanWorkbookContext) {
        self.context = context
        let scenario = context.scenario
        let index = scenario.index
        self.index = index
        texts = context.texts
        // Built once for thousands of workbooks (the header's date is formatted with a calendar).
        intakePrinting = SheetPrinting(context: context, texts: texts, document: texts["intake.document"])
        internsPrinting = SheetPrinting(context: context, texts: texts, document: texts["interns.document"])

        var programs: [Institution.ID: [Program]] = [:]
        var studentPrograms: [StudentKey: Program.ID?] = [:]
        for program in scenario.programs {
            programs[program.institution, default: []].append(program)
            guard !program.isOnsiteTraining else { continue }
            let key = StudentKey(institution: program.institution, skill: program.skill)
            if studentPrograms[key] == nil {
                studentPrograms[key] = .some(program.id)
            } else {
                studentPrograms[key] = .some(nil)  // ambiguous
            }
        }
        programsByInstitution = programs
        programOfStudents = studentPrograms

        var seats: [Program.ID: [Int: Double]] = [:]
        var cost: [Program.ID: Double] = [:]
        for award in context.plan.scholarships {
            seats[award.program, default: [:]][award.intakeYear, default: 0] += award.seats
            cost[award.program, default: 0] += award.totalCost
        }
        for award in context.plan.onsite {
            seats[award.program, default: [:]][award.year, default: 0] += award.seats
            cost[award.program, default: 0] += award.cost
        }
        fundedSeats = seats
        fundedCost = cost

        var planInternships: [Enterprise.ID: [InternshipAward]] = [:]
        for award in context.plan.internships { planInternships[award.enterprise, default: []].append(award) }
        planInternshipsByEnterprise = planInternships

        var after: [ShortageKey: Double] = [:]
        after.reserveCapacity(context.plan.shortage.count)
        for cell in context.plan.shortage {
            after[ShortageKey(skill: cell.skill, region: cell.region, year: cell.year)] = cell.after
        }
        shortageAfter = after

        var postings: [Enterprise.ID: [InternshipPosting]] = [:]
        var enterpriseOrder: [Enterprise.ID] = []
        var assignments: [InternshipPosting.ID: [Matching.Assignment]] = [:]
        var students: [Student.ID: Student] = [:]
        if let round = context.internships {
            for posting in round.problem.postings {
                if postings[posting.enterprise] == nil { enterpriseOrder.append(posting.enterprise) }
                postings[posting.enterprise, default: []].append(posting)
            }
            for assignment in round.matching.assignments {
                guard let posting = assignment.posting else { continue }
                assignments[posting, default: []].append(assignment)
            }
            students.reserveCapacity(round.problem.students.count)
            for student in round.problem.students where students[student.id] == nil { students[student.id] = student }
        }
        postingsByEnterprise = postings
        enterprisesWithPostings = enterpriseOrder
        assignmentsByPosting = assignments
        self.students = students
    }

    /// Institutions with at least one programme, in scenario order.
    var institutionsWithPrograms: [Institution.ID] {
        context.scenario.institutions.map(\.id).filter { programsByInstitution[$0] != nil }
    }

    /// The shortage of a skill in a region in a year, before and after the plan; nil outside the forecast.
    func shortage(skill: Skill.ID, region: Region.ID, year: Int) -> (before: Double, after: Double)? {
        guard let cell = context.forecast.cell(skill, region, year) else { return nil }
        let after = shortageAfter[ShortageKey(skill: skill, region: region, year: year)] ?? cell.shortage
        return (cell.shortage, after)
    }

    /// The programme a student is in, when their institution has exactly one degree programme in
    /// their skill; nil otherwise.
    func program(of student: Student) -> Program.ID? {
        programOfStudents[StudentKey(institution: student.institution, skill: student.skill)] ?? nil
    }
}
