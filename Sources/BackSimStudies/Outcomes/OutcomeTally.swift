import BackSimCore

/// Exact sums of per-person outcome values under each policy and of the
/// paired differences between every two policies, split into two halves of
/// the persons (even and odd index) for the cross-fitted EVPI bound.
///
/// Every field is a 64-bit integer sum, so tallies merge exactly, in any
/// order and any grouping: a study's result for a set of persons or draws
/// is the same whichever shards computed its parts.
public struct OutcomeTally: Equatable, Sendable, Codable {
    public let outcomes: Int
    public let policies: Int
    /// [half][outcome][policy]: persons, Σx, Σx².
    var count: [Int64]
    var sum: [Int64]
    var sumSquares: [Int64]
    /// [half][outcome][pair (i < j)]: Σ(xᵢ − xⱼ), Σ(xᵢ − xⱼ)².
    var pairSum: [Int64]
    var pairSumSquares: [Int64]

    public init(outcomes: Int, policies: Int) {
        self.outcomes = outcomes
        self.policies = policies
        let single = 2 * outcomes * policies
        let pairs = 2 * outcomes * Self.pairCount(policies)
        count = Array(repeating: 0, count: single)
        sum = count
        sumSquares = count
        pairSum = Array(repeating: 0, count: pairs)
        pairSumSquares = pairSum
    }

    static func pairCount(_ policies: Int) -> Int { policies * (policies - 1) / 2 }

    /// Position of pair (i, j), i < j, in the order (0,1), (0,2), …, (1,2), ….
    static func pairIndex(_ i: Int, _ j: Int, _ policies: Int) -> Int {
        i * policies - i * (i + 1) / 2 + (j - i - 1)
    }

    /// Records one person: `values[outcome × policies + policy]` in whole
    /// numbers of each outcome's scale; `half` is 0 or 1.
    public mutating func record(_ values: [Int], half: Int) {
        for outcome in 0..<outcomes {
            let base = (half * outcomes + outcome) * policies
            let pairBase = (half * outcomes + outcome) * Self.pairCount(policies)
            let row = outcome * policies
            var pair = 0
            for i in 0..<policies {
                let x = Int64(values[row + i])
                count[base + i] += 1
                sum[base + i] += x
                sumSquares[base + i] += x * x
                for j in (i + 1)..<max(policies, i + 1) {
                    let d = x - Int64(values[row + j])
                    pairSum[pairBase + pair] += d
                    pairSumSquares[pairBase + pair] += d * d
                    pair += 1
                }
            }
        }
    }

    /// Whether this tally (e.g. one read back from a file) has the shape of
    /// `outcomes` outcomes under `policies` policies.
    public func fits(outcomes: Int, policies: Int) -> Bool {
        let single = 2 * outcomes * policies, pairs = 2 * outcomes * Self.pairCount(policies)
        return self.outcomes == outcomes && self.policies == policies
            && [count, sum, sumSquares].allSatisfy { $0.count == single }
            && [pairSum, pairSumSquares].allSatisfy { $0.count == pairs }
    }

    public mutating func merge(_ other: OutcomeTally) {
        precondition(outcomes == other.outcomes && policies == other.policies, "tallies of different shapes")
        for i in count.indices {
            count[i] += other.count[i]
            sum[i] += other.sum[i]
            sumSquares[i] += other.sumSquares[i]
        }
        for i in pairSum.indices {
            pairSum[i] += other.pairSum[i]
            pairSumSquares[i] += other.pairSumSquares[i]
        }
    }

    /// Mean and Monte Carlo standard error of policy `policy`'s values, in
    /// recorded units; `half` nil = both halves.
    public func estimate(outcome: Int, policy: Int, half: Int? = nil) -> Estimate {
        var n: Int64 = 0, s: Int64 = 0, q: Int64 = 0
        for h in half.map({ [$0] }) ?? [0, 1] {
            let index = (h * outcomes + outcome) * policies + policy
            n += count[index]; s += sum[index]; q += sumSquares[index]
        }
        return Estimate(count: n, sum: s, sumSquares: q)
    }

    /// Paired difference `policy` minus `reference` (same persons).
    public func difference(outcome: Int, policy: Int, reference: Int, half: Int? = nil) -> Estimate {
        guard policy != reference else {
            return Estimate(count: estimate(outcome: outcome, policy: policy, half: half).count, sum: 0, sumSquares: 0)
        }
        let (i, j) = (min(policy, reference), max(policy, reference))
        let pair = Self.pairIndex(i, j, policies)
        var n: Int64 = 0, s: Int64 = 0, q: Int64 = 0
        for h in half.map({ [$0] }) ?? [0, 1] {
            let index = (h * outcomes + outcome) * Self.pairCount(policies) + pair
            n += count[(h * outcomes + outcome) * policies + i]
            s += pairSum[index]
            q += pairSumSquares[index]
        }
        return Estimate(count: n, sum: policy < reference ? s : -s, sumSquares: q)
    }
}

/// Mean and Monte Carlo standard error from exact sums.
public struct Estimate: Equatable, Sendable {
    public let count: Int64
    public let sum: Int64
    public let sumSquares: Int64

    public init(count: Int64, sum: Int64, sumSquares: Int64) {
        self.count = count
        self.sum = sum
        self.sumSquares = sumSquares
    }

    public var mean: Double { count > 0 ? Double(sum) / Double(count) : .nan }

    /// Sample SD / √n; 0 for fewer than two persons.
    public var standardError: Double {
        guard count > 1 else { return 0 }
        let n = Double(count)
        // Exact integer numerator n Σx² − (Σx)² (no cancellation) unless it
        // would overflow, which needs billions of persons.
        let (a, overflowA) = count.multipliedReportingOverflow(by: sumSquares)
        let (b, overflowB) = sum.multipliedReportingOverflow(by: sum)
        let numerator = overflowA || overflowB ? n * Double(sumSquares) - Double(sum) * Double(sum) : Double(a - b)
        return max(numerator, 0).squareRoot() / (n * (n - 1).squareRoot())
    }
}
