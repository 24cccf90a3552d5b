/// The outcome of ``compare(_:reference:cohort:persons:weeks:replications:seed:parameters:threads:)``:
/// every policy's summaries per week, and paired differences against a reference.
///
/// Policies are named by their labels (`ProgressionPolicy.label`), which a
/// valid plan keeps unique. Every accessor checks its arguments and throws a
/// ``ComparisonError`` naming the problem, never returns a number for a
/// question that has none (a policy against itself, a week past the horizon).
public struct Comparison: Sendable {
    /// The engine's full result, for the renderers and for what this type does not wrap.
    public let result: SimulationResult
    /// The policy that ``difference(of:versus:outcome:week:)-(String,_,_,_)`` compares with by default.
    public let reference: String

    /// Wraps a result; `reference` must label one of its policies.
    public init(_ result: SimulationResult, reference: String) {
        precondition(result.policies.contains { $0.label == reference }, "reference '\(reference)' is not in the result")
        self.result = result
        self.reference = reference
    }

    /// The policies' labels, in plan order.
    public var labels: [String] { result.policies.map(\.label) }
    /// The horizon: weeks are 0 (baseline) through `weeks`.
    public var weeks: Int { result.weeks }

    /// The summary (mean with its 95% interval, SD, quartiles, n) of `outcome`
    /// under `policy` at `week`.
    public func summary(of policy: String, outcome: Metric, week: Int) throws(ComparisonError) -> Summary {
        try check(week)
        return try policyOutcome(policy).summary(outcome, week: week)
    }

    /// The same, naming the policy by value.
    public func summary(of policy: some ProgressionPolicy, outcome: Metric, week: Int) throws(ComparisonError) -> Summary {
        try summary(of: policy.label, outcome: outcome, week: week)
    }

    /// The mean per-person paired difference `policy` minus `reference` (by
    /// default ``reference``) in `outcome` at `week`, with its Monte Carlo
    /// interval. Negative means less pain or disability under `policy`.
    public func difference(
        of policy: String, versus reference: String? = nil, outcome: ComparisonMetric, week: Int
    ) throws(ComparisonError) -> Difference {
        let reference = reference ?? self.reference
        try check(week)
        _ = try policyOutcome(policy)
        _ = try policyOutcome(reference)
        guard policy != reference else { throw .samePolicy(policy) }
        let row = ComparisonRow.rows(result, reference: reference, outcomes: [outcome]).first {
            $0.policy == policy && $0.week == week
        }
        guard let row, let difference = Difference(row) else {
            throw .noPairs(policy: policy, reference: reference, week: week)
        }
        return difference
    }

    /// The same, naming the policies by value.
    public func difference(
        of policy: some ProgressionPolicy, versus reference: (any ProgressionPolicy)? = nil, outcome: ComparisonMetric,
        week: Int
    ) throws(ComparisonError) -> Difference {
        try difference(of: policy.label, versus: reference?.label, outcome: outcome, week: week)
    }

    private func policyOutcome(_ label: String) throws(ComparisonError) -> PolicyOutcome {
        guard let outcome = result.policies.first(where: { $0.label == label }) else {
            throw .unknownPolicy(label, compared: labels)
        }
        return outcome
    }

    private func check(_ week: Int) throws(ComparisonError) {
        guard (0...weeks).contains(week) else { throw .week(week, weeks: weeks) }
    }
}
