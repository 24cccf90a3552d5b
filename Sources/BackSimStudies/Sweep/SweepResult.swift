import BackSimCore

/// A policy's figures at one grid point: its mean and its paired difference
/// from the reference, in the outcome's unit, each with a Monte Carlo SE.
public struct SweepEstimate: Hashable, Sendable {
    public let policy: String
    public let mean: Double
    public let standardError: Double
    public let difference: Double
    public let differenceStandardError: Double
}

/// One grid point: the axes' values and every policy run there.
public struct SweepCell: Sendable {
    /// One per axis, in axis order.
    public let values: [Double]
    /// [outcome][policy in cell order].
    public let estimates: [[SweepEstimate]]
    /// Exact sums behind the estimates (policies of the run, not only the cell's).
    let tally: OutcomeTally
    /// Index in the run of each policy of the cell.
    let runIndices: [Int]

    /// The best policy of the cell for `outcome` by mean (ties: the first).
    public func best(outcome: Int, _ definition: StudyOutcome) -> String {
        estimates[outcome].dropFirst().reduce(estimates[outcome][0]) { best, next in
            definition.better(next.mean, than: best.mean) ? next : best
        }.policy
    }

    /// Paired difference `a` − `b` at this point, in the outcome's unit.
    func difference(_ a: String, _ b: String, outcome: Int, scale: Double) -> (mean: Double, se: Double)? {
        guard let i = estimates[outcome].firstIndex(where: { $0.policy == a }),
              let j = estimates[outcome].firstIndex(where: { $0.policy == b }) else { return nil }
        let d = tally.difference(outcome: outcome, policy: runIndices[i], reference: runIndices[j])
        return (d.mean * scale, d.standardError * scale)
    }
}

/// Where the ranking of two policies on one outcome changes between two
/// values of a one-way sweep.
///
/// `at` interpolates the paired difference linearly to zero between the two
/// grid values around the sign change; `interval` is where the difference's
/// 95% Monte Carlo interval (± 1.96 SE) includes zero near it: the nearest
/// zero crossings, by the same interpolation, of its upper and lower bounds.
/// A bound that does not cross zero within the grid leaves that end at the
/// grid's end (`openLow`/`openHigh`).
public struct RankingFlip: Equatable, Sendable {
    public let outcome: String
    /// The two policies (for a varied policy, its name without a value).
    public let first: String
    public let second: String
    public let at: Double
    public let interval: ClosedRange<Double>
    public let openLow: Bool
    public let openHigh: Bool
    /// Which is better below `at`.
    public let betterBelow: String
}

/// Everything a sweep found.
public struct SweepResult: Sendable {
    public let axes: [String]
    public let outcomes: [StudyOutcome]
    public let week: Int
    public let reference: String
    public let cells: [SweepCell]
    public let flips: [RankingFlip]
    public let persons: Int
    public let seed: UInt64
    /// The varied policy's name, when an axis is a policy's parameter.
    public let variedPolicy: String?

    init(sweep: Sweep, runs: [(values: [Double], tally: OutcomeTally)]) {
        axes = sweep.axes.map(\.name)
        outcomes = sweep.outcomes
        week = sweep.week
        reference = sweep.reference
        persons = sweep.scenario.persons * sweep.scenario.replications
        seed = sweep.scenario.seed
        let labels = sweep.scenario.policyLabels
        let policyAxis = sweep.axes.firstIndex(where: \.isPolicy)
        variedPolicy = policyAxis.map { sweep.axes[$0].name }
        let referenceIndex = labels.firstIndex(of: sweep.reference)!
        var cells: [SweepCell] = []
        for run in runs {
            let pointValues: [[Double]]
            let members: [[Int]]
            if let policyAxis {
                let axis = sweep.axes[policyAxis]
                let others = labels.indices.filter { ParameterSetting.builtInName(labels[$0]) != axis.name }
                pointValues = axis.values.map { value in
                    var values = run.values
                    values.insert(value, at: policyAxis)
                    return values
                }
                members = axis.values.map { value in others + [labels.firstIndex(of: ParameterTarget.label(axis.name, value))!] }
            } else {
                pointValues = [run.values]
                members = [Array(labels.indices)]
            }
            for (values, indices) in zip(pointValues, members) {
                let estimates = sweep.outcomes.enumerated().map { outcome, definition in
                    indices.map { policy in
                        let e = run.tally.estimate(outcome: outcome, policy: policy)
                        let d = run.tally.difference(outcome: outcome, policy: policy, reference: referenceIndex)
                        return SweepEstimate(
                            policy: labels[policy], mean: e.mean * definition.scale, standardError: e.standardError * definition.scale,
                            difference: d.mean * definition.scale, differenceStandardError: d.standardError * definition.scale)
                    }
                }
                cells.append(SweepCell(values: values, estimates: estimates, tally: run.tally, runIndices: indices))
            }
        }
        self.cells = cells
        flips = axes.count == 1 ? Self.flips(cells, outcomes: sweep.outcomes, varied: variedPolicy) : []
    }

    /// The role of a policy across cells: a varied policy's name, or its label.
    private static func role(_ label: String, varied: String?) -> String {
        if let varied, ParameterSetting.builtInName(label) == varied { return varied }
        return label
    }

    private static func flips(_ cells: [SweepCell], outcomes: [StudyOutcome], varied: String?) -> [RankingFlip] {
        guard cells.count > 1 else { return [] }
        let roles = cells[0].estimates[0].map { role($0.policy, varied: varied) }
        var flips: [RankingFlip] = []
        for (outcome, definition) in outcomes.enumerated() {
            for i in roles.indices {
                for j in roles.indices where j > i {
                    // d(x) = role i − role j at each grid value.
                    let series: [(x: Double, d: Double, se: Double)] = cells.compactMap { cell in
                        let labels = cell.estimates[outcome].map(\.policy)
                        guard let a = labels.first(where: { role($0, varied: varied) == roles[i] }),
                              let b = labels.first(where: { role($0, varied: varied) == roles[j] }),
                              let d = cell.difference(a, b, outcome: outcome, scale: definition.scale) else { return nil }
                        return (cell.values[0], d.mean, d.se)
                    }
                    for k in series.indices.dropLast() {
                        let (left, right) = (series[k], series[k + 1])
                        guard left.d * right.d < 0 || (left.d != 0 && right.d == 0 && k + 1 < series.count - 1) else { continue }
                        let at = left.x + (right.x - left.x) * left.d / (left.d - right.d)
                        let upper = series.map { ($0.x, $0.d + 1.96 * $0.se) }
                        let lower = series.map { ($0.x, $0.d - 1.96 * $0.se) }
                        let crossings = [Self.nearestCrossing(upper, near: at), Self.nearestCrossing(lower, near: at)]
                        let xs = crossings.compactMap { $0 } + [at]
                        var low = xs.min()!, high = xs.max()!
                        let openLow = crossings.contains { $0 == nil } && series.first.map { abs($0.d) <= 1.96 * $0.se } == true
                        let openHigh = crossings.contains { $0 == nil } && series.last.map { abs($0.d) <= 1.96 * $0.se } == true
                        if openLow { low = series.first!.x }
                        if openHigh { high = series.last!.x }
                        let iBetterBelow = definition.better(left.d, than: 0)
                        flips.append(RankingFlip(
                            outcome: definition.name, first: roles[i], second: roles[j], at: at, interval: low...high,
                            openLow: openLow, openHigh: openHigh, betterBelow: iBetterBelow ? roles[i] : roles[j]))
                    }
                }
            }
        }
        return flips
    }

    /// The zero crossing of the piecewise-linear curve nearest `x`, if any.
    static func nearestCrossing(_ points: [(Double, Double)], near x: Double) -> Double? {
        var best: Double?
        for k in points.indices.dropLast() {
            let (x0, y0) = points[k], (x1, y1) = points[k + 1]
            guard y0 * y1 <= 0, y0 != y1 else { continue }
            let crossing = x0 + (x1 - x0) * y0 / (y0 - y1)
            if best == nil || abs(crossing - x) < abs(best! - x) { best = crossing }
        }
        return best
    }
}
