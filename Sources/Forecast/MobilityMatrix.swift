import Workforce

/// The origin → destination shares of graduates per skill, over the forecast's region positions:
/// `share(skill:origin:destination:)` is the share of a programme's entering graduates in origin
/// province `o` who work in destination `d`. Every row sums to 1.
///
/// Built from a ``GraduateMobility`` and the base-year demand (which spreads the moving shares).
/// Under ``MobilityMode/none`` it is the identity.
public struct MobilityMatrix: Hashable, Sendable {
    /// Number of region positions.
    public let regionCount: Int
    /// `shares[s][o · R + d]`.
    let shares: [[Double]]
    /// Per skill and origin, the destinations with a share above zero, for sparse loops.
    let destinations: [[[(position: Int, share: Double)]]]

    public static func == (lhs: MobilityMatrix, rhs: MobilityMatrix) -> Bool {
        lhs.regionCount == rhs.regionCount && lhs.shares == rhs.shares
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(regionCount)
        hasher.combine(shares)
    }

    /// The share of graduates of skill position `skill` from `origin` who work in `destination`.
    public func share(skill: Int, origin: Int, destination: Int) -> Double {
        shares[skill][origin * regionCount + destination]
    }

    /// The destinations (with their shares) of graduates of `skill` trained in `origin`.
    public func destinations(skill: Int, origin: Int) -> [(position: Int, share: Double)] {
        destinations[skill][origin]
    }

    /// Whether every graduate stays in their origin.
    public var isIdentity: Bool {
        destinations.allSatisfy { rows in rows.enumerated().allSatisfy { $1.count == 1 && $1[0].position == $0 } }
    }

    init(shares: [[Double]], regionCount: Int) {
        self.regionCount = regionCount
        self.shares = shares
        destinations = shares.map { matrix in
            (0..<regionCount).map { origin in
                (0..<regionCount).compactMap { destination in
                    let share = matrix[origin * regionCount + destination]
                    return share > 0 ? (destination, share) : nil
                }
            }
        }
    }

    /// Every graduate stays where they trained.
    static func identity(skillCount: Int, regionCount: Int) -> MobilityMatrix {
        var matrix = Array(repeating: 0.0, count: regionCount * regionCount)
        for r in 0..<regionCount { matrix[r * regionCount + r] = 1 }
        return MobilityMatrix(shares: Array(repeating: matrix, count: skillCount), regionCount: regionCount)
    }

    /// The scenario's mobility over `regions`, the moving shares spread by `demandWeight[s][r]`
    /// (base-year demand). A skill with no demand anywhere keeps its graduates where they trained.
    ///
    /// - Complexity: O(skills × regions²).
    static func build(
        _ mobility: GraduateMobility, regions: [Region], regionPositions: [Region.ID: Int], demandWeight: [[Double]]
    ) -> MobilityMatrix {
        let count = regions.count
        var macroMembers: [String: [Int]] = [:]
        for (position, region) in regions.enumerated() { macroMembers[region.macroRegion, default: []].append(position) }
        var explicit: [Int: [Int: Double]] = [:]
        for (origin, row) in mobility.rows {
            guard let o = regionPositions[origin] else { continue }
            var shares: [Int: Double] = [:]
            for (destination, share) in row {
                if let d = regionPositions[destination] { shares[d, default: 0] += share }
            }
            explicit[o] = shares
        }
        let shares: [[Double]] = demandWeight.map { weights in
            var matrix = Array(repeating: 0.0, count: count * count)
            let national = weights.reduce(0, +)
            for o in 0..<count {
                if let row = explicit[o] {
                    for (d, share) in row { matrix[o * count + d] = share }
                    continue
                }
                guard national > 0 else {
                    matrix[o * count + o] = 1
                    continue
                }
                matrix[o * count + o] += mobility.stayShare
                let neighbours = (macroMembers[regions[o].macroRegion] ?? []).filter { $0 != o }
                let neighbourWeight = neighbours.reduce(0.0) { $0 + weights[$1] }
                if neighbourWeight > 0 {
                    for d in neighbours { matrix[o * count + d] += mobility.macroRegionShare * weights[d] / neighbourWeight }
                } else {
                    matrix[o * count + o] += mobility.macroRegionShare
                }
                for d in 0..<count { matrix[o * count + d] += mobility.nationalShare * weights[d] / national }
            }
            return matrix
        }
        return MobilityMatrix(shares: shares, regionCount: count)
    }
}
