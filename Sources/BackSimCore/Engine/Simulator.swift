import Dispatch
import Stochastics
import Synchronization

/// Runs a plan: people in fixed-size chunks on all worker threads, each
/// person under every policy in turn (person-major), outcomes streamed into
/// per-worker accumulators and merged at the end.
///
/// Determinism: every person's draws come from streams keyed by
/// (seed, replication, person, purpose), and accumulators hold exact integer
/// counts, so the result is identical for any thread count and chunk order.
public enum Simulator {
    /// People per unit of work handed to a thread.
    public static let chunkSize = 64

    public static func run(
        _ plan: SimulationPlan, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> SimulationResult {
        GSLRuntime.prepare()
        let units = plan.simulatedPersons
        let chunks = (units + chunkSize - 1) / chunkSize
        let threads = max(1, min(plan.threads, max(chunks, 1)))
        let nextChunk = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let results = Mutex<[Result<[OutcomeAccumulator], GSLError>]>([])

        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let result = Result { () throws(GSLError) -> [OutcomeAccumulator] in
                let worker = try Worker(plan: plan)
                while true {
                    let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
                    if chunk >= chunks { break }
                    let end = min((chunk + 1) * chunkSize, units)
                    for unit in (chunk * chunkSize)..<end { worker.simulate(unit: unit) }
                    let done = finished.add(end - chunk * chunkSize, ordering: .relaxed).newValue
                    progress?(done, units)
                }
                return worker.accumulators
            }
            results.withLock { $0.append(result) }
        }

        var merged = (0..<plan.policies.count).map { _ in OutcomeAccumulator(plan) }
        for result in results.withLock({ $0 }) {
            let partial = try result.get()
            for index in merged.indices { merged[index].merge(partial[index]) }
        }
        return SimulationResult(
            cohort: plan.cohort.name, persons: plan.persons, weeks: plan.weeks,
            replications: plan.replications, seed: plan.seed,
            policies: zip(plan.policies, merged).map { $1.outcome(label: $0.label) },
            personWeeks: plan.personWeeks)
    }
}

/// One thread's generators and accumulators, allocated once.
final class Worker {
    let plan: SimulationPlan
    let streams: PersonStreams
    let membership: Categorical<Int>
    var accumulators: [OutcomeAccumulator]
    /// One per policy of the plan (``policyRunner(_:)``).
    let runners: [PolicyRunner]

    init(plan: SimulationPlan) throws(GSLError) {
        self.plan = plan
        streams = try PersonStreams()
        membership = plan.cohort.membership
        accumulators = (0..<plan.policies.count).map { _ in OutcomeAccumulator(plan) }
        runners = plan.policies.map(policyRunner)
    }

    /// Simulates unit `unit` = replication × persons + person under every policy.
    func simulate(unit: Int) {
        let id = PersonID(seed: plan.seed, replication: unit / plan.persons, index: unit % plan.persons)
        streams.startTraits(id)
        let traits = PersonTraits.draw(from: plan.cohort, membership: membership, stream: streams.traits)
        let run = PersonRun(traits: traits, parameters: plan.parameters, weeks: plan.weeks)
        for index in plan.policies.indices {
            streams.startWeeklyStreams(id)
            runners[index](self, run, index)
        }
    }

    fileprivate func simulate<Policy: ProgressionPolicy>(_ run: PersonRun, _ policy: Policy, into index: Int) {
        // One access to the accumulators for the whole run, not one per week
        // (each would be a dynamic exclusivity check on this class's property).
        accumulators.withUnsafeMutableBufferPointer { accumulators in
            run.simulate(policy, streams: streams) { accumulators[index].record($0) }
        }
    }
}

/// Runs one person under one of the plan's policies.
typealias PolicyRunner = (Worker, PersonRun, Int) -> Void

/// A runner for `policy`, resolved once per worker. For the built-in policy
/// types the engine's loop is specialised (the policy's state and decisions
/// are concrete types, inlined), about twice as fast as the generic loop an
/// existential opens; any other conforming type takes the generic loop.
/// Both compute the same figures.
func policyRunner(_ policy: any ProgressionPolicy) -> PolicyRunner {
    func specialised<Policy: ProgressionPolicy>(_ policy: Policy) -> PolicyRunner {
        { worker, run, index in worker.simulate(run, policy, into: index) }
    }
    switch policy {
    case let policy as ControlPolicy: return specialised(policy)
    case let policy as FixedPolicy: return specialised(policy)
    case let policy as PercentPolicy: return specialised(policy)
    case let policy as GradedActivityPolicy: return specialised(policy)
    case let policy as PainContingentPolicy: return specialised(policy)
    case let policy as PainMonitoringPolicy: return specialised(policy)
    case let policy as DoubleProgressionPolicy: return specialised(policy)
    case let policy as GuidelinePolicy: return specialised(policy)
    default: return specialised(policy)
    }
}
