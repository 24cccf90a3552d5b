import Stochastics

/// What a trial records of one enrolled person under one policy, up to its
/// visit week: the baseline and visit pain reports, whether the person is a
/// responder at the visit, and the week they left the programme.
public struct ParticipantCourse: Equatable, Sendable {
    /// Week-0 pain report (NRS 0-10).
    public var baseline: Double
    /// Pain report at the visit week (NRS 0-10).
    public var visit: Double
    /// A sustained ≥30% improvement from baseline at the visit (the
    /// `responder_30` outcome: this week and the week before).
    public var responder: Bool
    /// Week at whose end the person left the programme; 0 = not by the visit
    /// (always 0 under a policy that prescribes nothing).
    public var dropoutWeek: Int

    /// A participant's course from its four readings.
    public init(baseline: Double, visit: Double, responder: Bool, dropoutWeek: Int) {
        self.baseline = baseline
        self.visit = visit
        self.responder = responder
        self.dropoutWeek = dropoutWeek
    }
}

/// Simulates trial participants one at a time for the trial planner: a
/// candidate's screening, then their course under any of the plan's
/// policies, with the same streams as ``Simulator/run(_:progress:perPerson:)``
/// (person `index` of replication `replication` is candidate `index`), so a
/// participant meets the same luck under every policy. One per thread.
public final class ParticipantSimulator {
    /// The plan whose cohort, parameters and seed the participants come from.
    public let plan: SimulationPlan
    private let streams: PersonStreams
    private let membership: Categorical<Int>
    /// The plan's policies with their types recovered, for specialised loops.
    private let policies: [ConcretePolicy]
    /// The week's observation during a run.
    private let observation = UnsafeMutablePointer<WeekObservation>.allocate(capacity: 1)

    /// `plan.weeks` is the visit week: nothing after it is simulated.
    public init(_ plan: SimulationPlan) throws(GSLError) {
        GSLRuntime.prepare()
        self.plan = plan
        streams = try PersonStreams()
        membership = plan.cohort.membership
        policies = plan.policies.map(ConcretePolicy.init)
    }

    deinit { observation.deallocate() }

    /// A participant's last week under one policy.
    private struct FinalWeek: PolicyRunner {
        let run: PersonRun, streams: PersonStreams, observation: UnsafeMutablePointer<WeekObservation>
        func run<Policy: ProgressionPolicy>(_ policy: Policy) -> WeekOutcome {
            var last: WeekOutcome? = nil
            run.simulate(policy, streams: streams, observation: observation) { outcome in
                if outcome.week == run.weeks { last = outcome }
            }
            return last!
        }
    }

    /// Whether the candidate passes the cohort's enrolment criteria on their
    /// noisy screening report (``Enrolment``, the same draws as `run`).
    /// Without criteria everybody does.
    public func screens(_ candidate: PersonID) -> Bool {
        guard let criteria = plan.cohort.criteria else { return true }
        let (traits, report) = Enrolment.screen(candidate, plan: plan, streams: streams, membership: membership)
        return criteria.admits(screeningReport: report, traits: traits)
    }

    /// The candidate's course under the plan's policy at `policyIndex`.
    public func course(_ candidate: PersonID, policyIndex: Int) -> ParticipantCourse {
        streams.startTraits(candidate)
        let traits = PersonTraits.draw(from: plan.cohort, membership: membership, stream: streams.traits)
        let run = PersonRun(traits: traits, parameters: plan.parameters, weeks: plan.weeks)
        streams.startWeeklyStreams(candidate)
        let outcome = policies[policyIndex].run(FinalWeek(run: run, streams: streams, observation: observation))
        return ParticipantCourse(
            baseline: Double(outcome.baselineReport), visit: Double(outcome.painReport),
            responder: WeekOutcome.sustained(
                WeekOutcome.responds30, baseline: outcome.baselineReport, previous: outcome.previousPainReport,
                report: outcome.painReport),
            dropoutWeek: outcome.dropoutWeek)
    }
}

extension ParticipantSimulator {
    /// Whether the policy at `policyIndex` prescribes a programme at the start
    /// (a `control` arm does not, so nobody can leave it).
    public func prescribesProgramme(policyIndex: Int) -> Bool {
        func starts<Policy: ProgressionPolicy>(_ policy: Policy) -> Bool {
            let intake = BaselineObservation(painReport: 5, sessionsAvailable: 4, supervised: false, clearanceWeek: 0)
            return !policy.start(intake).1.prescription.isEmpty
        }
        return starts(plan.policies[policyIndex])
    }
}
