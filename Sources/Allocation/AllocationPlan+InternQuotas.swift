public import Matching
import Workforce

extension AllocationPlan {
    /// The plan's funded interns as the matching's quotas: per year, skill, province, enterprise
    /// group (domestic SME or not) and stipend per intern, the interns of the plan's internship items summed
    /// (rounded to whole interns: only an LP relaxation's plan has fractions) with their cost.
    ///
    /// The matching takes these as its one internship budget (``FundedPlaces``): a round of year
    /// `t` funds at most the quota of each group, best-ranked interns first.
    public func internQuotas() -> [InternQuota] {
        struct Key: Hashable { var year: Int; var group: InternGroup }
        var sums: [Key: (interns: Double, cost: Double)] = [:]
        for award in internships {
            let key = Key(year: award.year, group: InternGroup(skill: award.skill, region: award.region, domesticSME: award.isDomesticSME,
                                                               stipend: VND(award.unitCost.rounded())))
            let entry = sums[key] ?? (0, 0)
            sums[key] = (entry.interns + award.interns, entry.cost + award.cost)
        }
        return sums.keys.sorted { ($0.year, $0.group) < ($1.year, $1.group) }.compactMap { key in
            guard let sum = sums[key], sum.interns.rounded() >= 1 else { return nil }
            return InternQuota(year: key.year, group: key.group, interns: Int(sum.interns.rounded()), planSupport: VND(sum.cost.rounded()))
        }
    }
}
