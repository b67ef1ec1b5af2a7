import Workforce

/// Formatting of CSV cells: whole VND, numbers with up to 6 decimals, fields quoted when needed.
enum CSVText {
    /// Whole VND (rounded), no separators.
    static func money(_ value: Double) -> String { String(Int64(value.rounded())) }

    /// A number with at most 6 decimals, no trailing zeros (`35`, `5.25`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    /// A text field, quoted when it holds a comma, quote or line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension AllocationPlan {
    /// The plan as CSV files, by file name: `scholarships.csv`, `internships.csv`, `onsite.csv`,
    /// `capacity.csv` (with `capacity_expansion`), `relocation.csv` (with `relocation`),
    /// `spend.csv`, `shortage.csv`, `fairness.csv`, `idle_programs.csv`. UTF-8 text with a header
    /// row; money in whole VND; seats as numbers (fractional only in a relaxed plan).
    /// - Complexity: O(size of the plan).
    public func csvFiles() -> [String: String] {
        var files: [String: String] = [:]
        var text = "program,institution,region,skill,intake_year,seats,unit_cost_per_year_vnd,total_cost_vnd,graduation_year,engineers_added,cost_by_year\n"
        for award in scholarships {
            let byYear = award.costByYear.map { "\($0.year):\(CSVText.money($0.amount))" }.joined(separator: ";")
            text += [
                CSVText.field(award.program.rawValue), CSVText.field(award.institution.rawValue), award.region.rawValue,
                award.skill.rawValue, "\(award.intakeYear)", CSVText.number(award.seats), CSVText.money(award.unitCostPerYear),
                CSVText.money(award.totalCost), "\(award.graduationYear)", CSVText.number(award.engineersAdded), byYear,
            ].joined(separator: ",") + "\n"
        }
        files["scholarships.csv"] = text

        text = "posting,enterprise,region,skill,year,interns,unit_cost_vnd,cost_vnd,domestic_sme,engineers_added\n"
        for award in internships {
            text += [
                CSVText.field(award.posting.rawValue), CSVText.field(award.enterprise.rawValue), award.region.rawValue,
                award.skill.rawValue, "\(award.year)", CSVText.number(award.interns), CSVText.money(award.unitCost),
                CSVText.money(award.cost), award.isDomesticSME ? "true" : "false", CSVText.number(award.engineersAdded),
            ].joined(separator: ",") + "\n"
        }
        files["internships.csv"] = text

        text = "program,institution,host_enterprise,region,skill,year,seats,unit_cost_vnd,cost_vnd,engineers_added\n"
        for award in onsite {
            text += [
                CSVText.field(award.program.rawValue), CSVText.field(award.institution.rawValue),
                CSVText.field(award.hostEnterprise?.rawValue ?? ""), award.region.rawValue, award.skill.rawValue,
                "\(award.year)", CSVText.number(award.seats), CSVText.money(award.unitCost), CSVText.money(award.cost),
                CSVText.number(award.engineersAdded),
            ].joined(separator: ",") + "\n"
        }
        files["onsite.csv"] = text

        if let capacityExpansions {
            text = "program,institution,region,skill,year,first_intake_year,seats,unit_cost_vnd,cost_vnd\n"
            for award in capacityExpansions {
                text += [
                    CSVText.field(award.program.rawValue), CSVText.field(award.institution.rawValue), award.region.rawValue,
                    award.skill.rawValue, "\(award.year)", "\(award.firstIntakeYear)", CSVText.number(award.seats),
                    CSVText.money(award.unitCost), CSVText.money(award.cost),
                ].joined(separator: ",") + "\n"
            }
            files["capacity.csv"] = text
        }
        if let relocations {
            text = "skill,region,year,direction,graduates,unit_cost_vnd,cost_vnd\n"
            for award in relocations {
                text += [
                    award.skill.rawValue, award.region.rawValue, "\(award.year)", award.direction.rawValue,
                    CSVText.number(award.graduates), CSVText.money(award.unitCost), CSVText.money(award.cost),
                ].joined(separator: ",") + "\n"
            }
            files["relocation.csv"] = text
        }

        text = "year,budget_vnd,scholarships_vnd,internships_vnd,onsite_vnd,capacity_vnd,relocation_vnd,total_vnd,unspent_to_date_vnd,shadow_price_engineer_years_per_billion\n"
        for year in spendByYear {
            let price = explanation.budgetShadowPrices.first { $0.year == year.year }?.engineerYearsPerBillion
            text += [
                "\(year.year)", CSVText.money(year.budget), CSVText.money(year.scholarships),
                CSVText.money(year.internships), CSVText.money(year.onsite), CSVText.money(year.capacity ?? 0),
                CSVText.money(year.relocation ?? 0), CSVText.money(year.total), CSVText.money(year.unspentToDate), price.map(CSVText.number) ?? "",
            ].joined(separator: ",") + "\n"
        }
        files["spend.csv"] = text

        text = "skill,region,year,shortage_before,shortage_after,engineers_added\n"
        for cell in shortage {
            text += [
                cell.skill.rawValue, cell.region.rawValue, "\(cell.year)", CSVText.number(cell.before),
                CSVText.number(cell.after), CSVText.number(cell.added),
            ].joined(separator: ",") + "\n"
        }
        files["shortage.csv"] = text

        text = "rule,row,subject,bound,target_share,achieved_share,achieved_vnd,base_vnd,binding,dual\n"
        for outcome in fairness {
            text += [
                outcome.rule.rawValue, CSVText.field(outcome.row), CSVText.field(outcome.subject), outcome.bound.rawValue,
                CSVText.number(outcome.targetShare), CSVText.number(outcome.achievedShare),
                CSVText.money(outcome.achievedAmount), CSVText.money(outcome.baseAmount),
                outcome.binding ? "true" : "false", CSVText.number(outcome.dual),
            ].joined(separator: ",") + "\n"
        }
        files["fairness.csv"] = text

        text = "program,instrument,reason,year,unit_cost_vnd,required_unit_cost_vnd,required_cost_reduction,required_effectiveness_factor,text\n"
        for idle in explanation.idlePrograms {
            text += [
                CSVText.field(idle.program.rawValue), idle.instrument.rawValue, idle.reason.rawValue,
                idle.year.map { "\($0)" } ?? "", CSVText.money(idle.unitCost),
                idle.requiredUnitCost.map(CSVText.money) ?? "", idle.requiredCostReduction.map(CSVText.number) ?? "",
                idle.requiredEffectivenessFactor.map(CSVText.number) ?? "", CSVText.field(idle.text),
            ].joined(separator: ",") + "\n"
        }
        files["idle_programs.csv"] = text
        return files
    }
}
