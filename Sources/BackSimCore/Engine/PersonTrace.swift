import Stochastics

/// One simulated person's run under one policy, week by week: what the
/// policy saw, what happened, and what it decided next. Latent traits are
/// included for the analyst (`backsim trace`); policies never see them.
public struct PersonTrace: Sendable {
    /// The stream identity: under enrolment criteria its index is the
    /// candidate's (screening order), not the enrolled index.
    public let person: PersonID
    /// The person's index among the enrolled (the `--person` asked for).
    public let enrolledIndex: Int
    /// The policy's label.
    public let policy: String
    /// The person's latent traits, for the analyst.
    public let traits: PersonTraits
    /// The person's course class under the plan's parameters (latent).
    public let courseClass: CourseClass
    /// A recovering person's recovery rate, per week (0 for other classes).
    public let recoveryRate: Double
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
    ) throws -> PersonTrace {
        precondition(plan.policies.indices.contains(policyIndex), "policy index out of range")
        precondition(person >= 0 && person < plan.persons, "person out of range")
        precondition(replication >= 0 && replication < plan.replications, "replication out of range")
        GSLRuntime.prepare()
        let streams = try PersonStreams()
        let unit = replication * plan.persons + person
        let id = try Enrolment(plan, persons: unit..<(unit + 1)).person(seed: plan.seed, replication: replication, index: person)
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
        return PersonTrace(
            person: id, enrolledIndex: person, policy: plan.policies[policyIndex].label, traits: traits,
            courseClass: traits.courseClass(plan.parameters), recoveryRate: traits.recoveryRate(plan.parameters),
            weeks: weeks)
    }
}
