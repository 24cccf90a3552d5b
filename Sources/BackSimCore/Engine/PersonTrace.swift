import Stochastics

/// One simulated person's run under one policy, week by week: what the
/// policy saw, what happened, and what it decided next. Latent traits are
/// included for the analyst (`backsim trace`); policies never see them.
public struct PersonTrace: Sendable {
    /// Who was traced (seed, replication, index).
    public let person: PersonID
    /// The policy's label.
    public let policy: String
    /// The person's latent traits, for the analyst.
    public let traits: PersonTraits
    /// Index 0 is the baseline week.
    public let weeks: [TracedWeek]
}

/// One week of a ``PersonTrace``.
public struct TracedWeek: Sendable {
    /// What the policy saw (week 0: the baseline report only).
    public let observation: WeekObservation
    /// What happened that week, latent state included.
    public let outcome: WeekOutcome
    /// The policy's decision for the following week.
    public let decision: PolicyDecision
}

extension Simulator {
    /// Replays person `person` of replication `replication` under the plan's
    /// policy at `policyIndex`. The figures equal that person's share of
    /// ``run(_:progress:perPerson:)``: same streams, same engine.
    public static func trace(
        _ plan: SimulationPlan, policyIndex: Int, person: Int, replication: Int = 0
    ) throws(GSLError) -> PersonTrace {
        precondition(plan.policies.indices.contains(policyIndex), "policy index out of range")
        precondition(person >= 0 && person < plan.persons, "person out of range")
        precondition(replication >= 0 && replication < plan.replications, "replication out of range")
        GSLRuntime.prepare()
        let streams = try PersonStreams()
        let id = PersonID(seed: plan.seed, replication: replication, index: person)
        streams.startTraits(id)
        let traits = PersonTraits.draw(from: plan.cohort, membership: plan.cohort.membership, stream: streams.traits)
        streams.startWeeklyStreams(id)
        let run = PersonRun(traits: traits, parameters: plan.parameters, weeks: plan.weeks)
        var weeks: [TracedWeek] = []
        weeks.reserveCapacity(plan.weeks + 1)
        func replay<Policy: ProgressionPolicy>(_ policy: Policy) {
            run.simulate(policy, streams: streams, record: { _ in }) { observation, outcome, decision in
                weeks.append(TracedWeek(observation: observation, outcome: outcome, decision: decision))
            }
        }
        replay(plan.policies[policyIndex])
        return PersonTrace(person: id, policy: plan.policies[policyIndex].label, traits: traits, weeks: weeks)
    }
}
