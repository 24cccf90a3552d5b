/// Runs `policies` on the same simulated people with the same luck and
/// returns their paired comparison, with the command line's defaults
/// (`backsim compare`): the mixed built-in cohort, 2,000 persons, 26 weeks,
/// one replication, seed 1, every core.
///
///     let comparison = try compare([GuidelinePolicy(), ControlPolicy()], cohort: BuiltInCohorts.chronic)
///     let benefit = try comparison.difference(of: "guideline", outcome: .pain, week: 12)
///
/// - Parameters:
///   - policies: the policies to compare, each with a distinct label.
///   - reference: the policy the others are compared with; default `control`
///     if listed, else the first policy (as `--reference`).
///   - cohort: who is simulated (`BuiltInCohorts` or your own `Cohort`).
///   - persons: simulated persons per replication, 1 to 10,000,000.
///   - weeks: weeks after baseline, 1 to 520.
///   - replications: independent replications of the cohort, 1 to 10,000.
///   - seed: the random seed; the same seed gives the same figures.
///   - parameters: the model's parameters (`ModelParameters.defaults`: the calibrated ones).
///   - threads: worker threads; the figures do not depend on it.
/// - Throws: ``ComparisonError/plan(_:)`` for persons, weeks, replications or
///   threads out of range, no policies, an empty or repeated label, or a
///   reference that is not among the policies, before anything runs.
public func compare(
    _ policies: [any ProgressionPolicy], reference: String? = nil, cohort: Cohort = BuiltInCohorts.mixed,
    persons: Int = 2_000, weeks: Int = 26, replications: Int = 1, seed: UInt64 = 1,
    parameters: ModelParameters = .defaults, threads: Int = SimulationPlan.allCores
) throws(ComparisonError) -> Comparison {
    let plan = SimulationPlan(
        cohort: cohort, policies: policies, persons: persons, weeks: weeks, replications: replications, seed: seed,
        parameters: parameters, threads: threads)
    return try compare(plan, reference: reference)
}

/// Runs a plan built by hand (e.g. with `SimulationPlan.grouping`) and
/// returns its paired comparison against `reference` (default as in
/// ``compare(_:reference:cohort:persons:weeks:replications:seed:parameters:threads:)``).
///
/// When the plan names a reference by index (`SimulationPlan.reference`),
/// only pairs with the reference are compared on every outcome (others on
/// pain and disability), and that index is set to `reference`'s. Without one,
/// every pair is compared on every outcome.
public func compare(_ plan: SimulationPlan, reference: String? = nil) throws(ComparisonError) -> Comparison {
    var plan = plan
    let labels = plan.policies.map(\.label)
    let planned = plan.reference.flatMap { labels.indices.contains($0) ? labels[$0] : nil }
    let reference = reference ?? planned ?? (labels.contains("control") ? "control" : labels.first ?? "")
    do {
        try plan.validate(reference: reference.isEmpty ? nil : reference)
    } catch {
        throw .plan(error)
    }
    if plan.reference != nil { plan.reference = labels.firstIndex(of: reference) }
    do {
        return Comparison(try Simulator.run(plan), reference: reference)
    } catch let error as GSLError {
        throw .engine(error)
    } catch let error as SimulationPlanError {
        throw .plan(error)
    } catch {
        preconditionFailure("a run without a per-person sink throws only GSLError or SimulationPlanError: \(error)")
    }
}
