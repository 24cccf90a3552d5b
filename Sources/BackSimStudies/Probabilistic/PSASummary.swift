import Stochastics

/// What a probabilistic analysis says about one outcome.
///
/// Definitions (docs/uncertainty.md):
/// - a policy's *difference* is its paired per-draw mean minus the
///   reference's; its interval is the 2.5th-97.5th percentile over draws,
///   which holds parameter uncertainty plus each draw's Monte Carlo noise;
/// - *probability best*: the share of draws in which the policy's mean is the
///   best (ties shared equally); the *curve* gives, for a minimum important
///   difference δ ≥ 0, the share of draws in which the policy beats every
///   other by at least δ (at δ = 0 it is probability best);
/// - *EVPI* = E_θ[max_p v_p(θ)] − max_p E_θ[v_p(θ)], v the outcome signed so
///   that larger is better, in the outcome's unit. With per-draw estimates
///   v̂ = v + noise, E[max_p v̂_p] ≥ E[max_p v_p], so the plug-in estimate
///   (``evpiUpper``) is biased upward. ``evpiLower`` is cross-fitted: in each
///   draw the best policy is chosen on one half of the persons and scored on
///   the other (and the other way round); since the scoring noise is
///   independent of the choice, its expectation is at most E[max_p v_p],
///   so it is biased downward. The true EVPI lies between the two in
///   expectation; both converge to it as persons per draw grow.
/// - *variance decomposition* of each difference across draws: total =
///   Var over draws of the per-draw difference; Monte Carlo = mean of the
///   squared per-draw standard errors; parameters = total − Monte Carlo.
///   When Monte Carlo is more than 10% of the total, ``advisedPersons`` is
///   the persons per draw that would bring it to 10% (MC variance ∝ 1/n).
public struct PSAOutcomeSummary: Sendable {
    public struct PolicySummary: Sendable {
        public let policy: String
        public let mean: Double
        public let interval: ClosedRange<Double>
        public let difference: Double
        public let differenceInterval: ClosedRange<Double>
        public let probabilityBest: Double
        public let totalVariance: Double
        public let monteCarloVariance: Double
        public var parameterVariance: Double { max(totalVariance - monteCarloVariance, 0) }
        /// Share of the difference's variance across draws that is Monte Carlo noise.
        public var monteCarloShare: Double { totalVariance > 0 ? min(monteCarloVariance / totalVariance, 1) : 0 }
        /// Persons per draw that would bring the Monte Carlo share to 10%,
        /// when it is above; nil when it is not (or for the reference).
        public let advisedPersons: Int?
        /// Monte Carlo dominates and parameters move the difference by no
        /// measurable amount: more persons would not change the verdict.
        public let parametersNegligible: Bool
    }

    public let outcome: StudyOutcome
    public let reference: String
    public let policies: [PolicySummary]
    /// (δ, probability per policy in ``policies`` order).
    public let curve: [(difference: Double, probabilities: [Double])]
    public let evpiUpper: Double
    public let evpiLower: Double
    public let draws: Int
    public let personsPerDraw: Int

    static let monteCarloShareLimit = 0.1

    /// - Parameters:
    ///   - outcomeIndex: position of `outcome` in the tallies.
    ///   - curvePoints: δ values from 0 to the largest gap between the best
    ///     and second-best policy over draws (at least the outcome's
    ///     importance threshold), evenly spaced.
    public init(
        _ partial: PSAPartial, outcome: StudyOutcome, outcomeIndex o: Int, reference: String, curvePoints: Int = 21
    ) throws(StudyError) {
        guard let r = partial.policies.firstIndex(of: reference) else {
            throw .policy("--reference: '\(reference)' is not one of the policies (\(partial.policies.joined(separator: ", ")))")
        }
        guard !partial.draws.isEmpty else { throw .draws("no draws to summarise") }
        let policies = partial.policies.count
        let scale = outcome.scale
        let draws = partial.draws
        let means = draws.map { d in (0..<policies).map { d.tally.estimate(outcome: o, policy: $0).mean * scale } }
        let differences = draws.map { d in (0..<policies).map { d.tally.difference(outcome: o, policy: $0, reference: r) } }
        let benefit = means.map { row in row.map(outcome.benefit) }

        // Probability best (ties shared) and the curve.
        var best = [Double](repeating: 0, count: policies)
        var largestGap = outcome.importantDifference ?? 0
        for row in benefit {
            let top = row.max()!
            let tied = row.indices.filter { row[$0] == top }
            for p in tied { best[p] += 1 / Double(tied.count) }
            if tied.count == 1, policies > 1 {
                largestGap = max(largestGap, top - row.enumerated().filter { $0.offset != tied[0] }.map(\.element).max()!)
            }
        }
        let d = Double(draws.count)
        var curve: [(Double, [Double])] = []
        for k in 0..<max(curvePoints, 2) {
            let delta = largestGap * Double(k) / Double(max(curvePoints, 2) - 1)
            let shares = (0..<policies).map { p -> Double in
                if k == 0 { return best[p] / d }
                let wins = benefit.filter { row in
                    row.enumerated().allSatisfy { $0.offset == p || row[p] - $0.element >= delta }
                }.count
                return Double(wins) / d
            }
            curve.append((delta, shares))
        }

        // EVPI bounds.
        let expected = (0..<policies).map { p in benefit.map { $0[p] }.reduce(0, +) / d }
        let bestOfExpected = expected.max()!
        let upper = benefit.map { $0.max()! }.reduce(0, +) / d - bestOfExpected
        var crossFitted = 0.0
        for draw in draws {
            let halves = (0...1).map { h in (0..<policies).map { draw.tally.estimate(outcome: o, policy: $0, half: h) } }
            func choice(_ h: Int) -> Int {
                let values = halves[h].map { outcome.benefit($0.mean) }
                return values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }!
            }
            let (a, b) = (choice(0), choice(1))
            // Chosen on half 0, scored on half 1, and the other way round,
            // pooled as one mean over all persons (equal to the full mean
            // when both halves choose the same policy).
            let pooled = Double(halves[1][a].sum + halves[0][b].sum) / Double(halves[1][a].count + halves[0][b].count)
            crossFitted += outcome.benefit(pooled * scale)
        }
        let lower = crossFitted / d - bestOfExpected

        let personsPerDraw = Int(draws[0].tally.estimate(outcome: o, policy: 0).count)
        var summaries: [PolicySummary] = []
        for p in 0..<policies {
            let column = means.map { $0[p] }
            let difference = differences.map { $0[p].mean * scale }
            let total = draws.count > 1 ? try Self.variance(difference) : 0
            let monteCarlo = differences.map { pow2($0[p].standardError * scale) }.reduce(0, +) / d
            let share = total > 0 ? monteCarlo / total : 0
            let parameter = max(total - monteCarlo, 0)
            var advised: Int?
            var negligible = false
            if p != r, share > Self.monteCarloShareLimit {
                if parameter > 0 {
                    advised = Int((Double(personsPerDraw) * monteCarlo * 9 / parameter).rounded(.up))
                } else {
                    negligible = true
                }
            }
            summaries.append(PolicySummary(
                policy: partial.policies[p], mean: column.reduce(0, +) / d, interval: try Self.interval(column),
                difference: difference.reduce(0, +) / d, differenceInterval: try Self.interval(difference),
                probabilityBest: best[p] / d, totalVariance: total, monteCarloVariance: monteCarlo,
                advisedPersons: advised, parametersNegligible: negligible))
        }
        self.outcome = outcome
        self.reference = reference
        self.policies = summaries
        self.curve = curve
        evpiUpper = max(upper, 0)
        evpiLower = max(lower, 0)
        self.draws = draws.count
        self.personsPerDraw = personsPerDraw
    }

    static func interval(_ values: [Double]) throws(StudyError) -> ClosedRange<Double> {
        do {
            // GSL interpolates as (1 − δ)xᵢ + δxᵢ₊₁, which can put the two
            // ends one ulp out of order when the values are all equal.
            let low = try Descriptive.quantile(values, 0.025), high = try Descriptive.quantile(values, 0.975)
            return min(low, high)...max(low, high)
        } catch {
            throw .draws("cannot summarise the draws: \(error)")
        }
    }

    static func variance(_ values: [Double]) throws(StudyError) -> Double {
        do { return try Descriptive.variance(values) } catch { throw .draws("cannot summarise the draws: \(error)") }
    }
}

@inline(__always) private func pow2(_ x: Double) -> Double { x * x }
