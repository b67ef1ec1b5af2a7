import Allocation
import Workforce

/// Why a programme got no seats, as a sentence in the reader's language, from the plan's
/// explanation (``IdleProgram``) and the programme's own figures. Used by the fund plan's
/// "Why not funded" sheet and by each institution's intake plan.
struct NotFundedReasons {
    let context: PlanWorkbookContext
    let t: WorkbookTexts
    let index: ScenarioIndex
    /// The idle programmes by id.
    let idle: [Program.ID: IdleProgram]
    /// Institutions whose share cap binds in the plan.
    let cappedInstitutions: Set<String>

    init(context: PlanWorkbookContext, texts: WorkbookTexts, index: ScenarioIndex) {
        self.context = context
        t = texts
        self.index = index
        idle = Dictionary(context.plan.explanation.idlePrograms.map { ($0.program, $0) }, uniquingKeysWith: { first, _ in first })
        cappedInstitutions = Set(
            context.plan.fairness.filter { $0.rule == .institutionShareCap && $0.binding }.map(\.subject))
    }

    /// The reason `program` got no seats, or nil when it got seats (or its instrument is off and
    /// the explanation does not list it).
    func reason(for program: Program) -> String? {
        guard let idle = idle[program.id] else {
            let enabled = program.isOnsiteTraining ? context.scenario.fund.onsiteTraining.enabled : context.scenario.fund.scholarships.enabled
            return enabled ? nil : t["reason.instrument-disabled"]
        }
        return sentence(idle, program: program)
    }

    /// The sentence for one idle programme.
    func sentence(_ idle: IdleProgram, program: Program) -> String {
        let skill = index.skills[program.skill]?.name ?? program.skill.rawValue
        let region = index.regions[program.region]?.name ?? program.region.rawValue
        var values = [
            "skill": skill, "region": region, "capacity": t.numbers.grouped(Double(program.capacity)),
            "baseline": t.numbers.grouped(Double(program.baselineIntake)), "duration": String(program.durationYears),
            "cost": t.money(idle.unitCost), "last-budget-year": String(context.plan.spendByYear.map(\.year).max() ?? 0),
            "horizon-end": String(context.forecast.years.last ?? 0),
        ]
        var text: String
        switch idle.reason {
        case .noSpareCapacity: text = t.format("reason.no-spare-capacity", values)
        case .graduatesAfterHorizon: text = t.format("reason.after-horizon", values)
        case .noShortage: text = t.format("reason.no-shortage", values)
        case .shortageAlreadyClosed: text = t.format("reason.already-closed", values)
        case .onTheMargin: text = t.format("reason.on-the-margin", values)
        case .roundedOut: text = t.format("reason.rounded-out", values)
        case .instrumentDisabled: text = t["reason.instrument-disabled"]
        case .notCostEffective:
            let perSeat = program.engineersPerSeat
            if let required = idle.requiredUnitCost, perSeat > 0 {
                values["per-engineer"] = t.money(idle.unitCost / perSeat)
                values["marginal"] = t.money(required / perSeat)
                values["required"] = t.money(required)
                values["reduction"] = t.percent(idle.requiredCostReduction ?? 0)
                text = t.format("reason.not-cost-effective", values)
                if let factor = idle.requiredEffectivenessFactor, factor.isFinite, factor > 1 {
                    text += " " + (factor < 1.5
                        ? t.format("reason.more-engineers", ["share": t.percent(factor - 1)])
                        : t.format("reason.times-engineers", ["factor": t.numbers.grouped(factor, decimals: 1)]))
                }
            } else {
                text = t.format("reason.not-cost-effective-short", values)
            }
        }
        if cappedInstitutions.contains(program.institution.rawValue) {
            text += " " + t["reason.institution-capped"]
        }
        return text
    }
}
