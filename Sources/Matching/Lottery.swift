import Workforce

/// The seeded lottery that breaks ties between students with the same score.
///
/// The procedure, so an auditor can recompute every number:
///
/// 1. Start a SplitMix64 generator with `state = seed` (default ``defaultSeed``, 20260).
/// 2. For each student in the order of `students.csv` (first row first), draw one number:
///    `state = state &+ 0x9E3779B97F4A7C15`; `z = state`;
///    `z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9`; `z = (z ^ (z >> 27)) &* 0x94D049BB133111EB`;
///    the number is `z ^ (z >> 31)` (all arithmetic on unsigned 64-bit integers, wrapping).
/// 3. Between two students with the same score, the one with the **lower** lottery number ranks
///    better. Should two numbers ever be equal, the student earlier in `students.csv` ranks better.
///
/// Check values: seed 0 draws `0xE220A8397B1DCDAF`, `0x6E789E6AA1B965F4`, `0x06C45D188009454F`;
/// seed 20260 draws `0x3506453FA8FC9627`, `0xB13DC9BE561B4911`, `0x659662E3DB1DDBD7`.
public enum Lottery {
    /// The seed used when the user gives none.
    public static let defaultSeed: UInt64 = 20260

    /// One lottery number per student, in student order: the first `count` outputs of
    /// ``SplitMix64`` started at `seed`.
    ///
    /// - Complexity: O(`count`).
    public static func numbers(count: Int, seed: UInt64) -> [UInt64] {
        var generator = SplitMix64(seed: seed)
        var numbers: [UInt64] = []
        numbers.reserveCapacity(max(count, 0))
        for _ in 0..<max(count, 0) { numbers.append(generator.next()) }
        return numbers
    }
}
