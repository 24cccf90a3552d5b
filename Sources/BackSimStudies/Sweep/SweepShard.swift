/// One model point of a sweep, run: its values and exact tally (what a
/// shard of a sweep computes and a merge reads back).
public struct SweepPointRun: Equatable, Sendable, Codable {
    public let point: Int
    public let values: [Double]
    public let tally: OutcomeTally
}

extension Sweep {
    /// The runs (model points) the sweep makes; shards split them.
    public var pointCount: Int { modelPoints.count }

    /// Runs only `points` of ``pointCount``, as ``run(progress:)`` would.
    public func run(points range: Range<Int>, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws
        -> [SweepPointRun]
    {
        let points = modelPoints
        var runs: [SweepPointRun] = []
        for index in range {
            var plan = scenario.plan(threads: threads)
            for (spec, value) in points[index] { plan.parameters[keyPath: spec.keyPath] = value }
            runs.append(SweepPointRun(
                point: index, values: points[index].map(\.1), tally: try StudyRun.tally(plan, outcomes: outcomes, week: week)))
            progress?(index - range.lowerBound + 1, range.count)
        }
        return runs
    }

    /// The sweep's result from every point's run, in point order.
    public func result(_ runs: [SweepPointRun]) -> SweepResult {
        SweepResult(sweep: self, runs: runs.sorted { $0.point < $1.point }.map { ($0.values, $0.tally) })
    }
}
