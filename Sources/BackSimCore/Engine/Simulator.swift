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

    /// Runs `plan` and returns every policy's outcomes and the paired comparisons.
    ///
    /// - Parameters:
    ///   - plan: what to simulate; validated first.
    ///   - progress: called with persons done and persons in all, from worker threads.
    ///   - perPerson: receives every person-week (`--per-person`);
    ///     its errors stop the run and are rethrown.
    /// - Throws: ``SimulationPlanError`` for a plan that fails
    ///   ``SimulationPlan/validate(reference:)``, before anything runs;
    ///   `GSLError` if a generator cannot be allocated; `perPerson`'s errors.
    public static func run(
        _ plan: SimulationPlan, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        perPerson: (any PersonWeekSink)? = nil
    ) throws -> SimulationResult {
        let (groups, enrolment) = try accumulate(plan, persons: 0..<plan.simulatedPersons, progress: progress, perPerson: perPerson)
        return SimulationResult(plan: plan, groups: groups, enrolment: enrolment)
    }

    /// Simulates only `persons` (replication × persons + person) of `plan`:
    /// one shard's exact aggregates (``ShardSplit/persons(total:index:count:)``).
    public static func runPart(
        _ plan: SimulationPlan, persons: Range<Int>, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        perPerson: (any PersonWeekSink)? = nil
    ) throws -> RunAggregates {
        let (groups, enrolment) = try accumulate(plan, persons: persons, progress: progress, perPerson: perPerson)
        return RunAggregates(groups: groups, screened: enrolment.screened, screeningReports: enrolment.screeningReports)
    }

    /// `persons` in chunks numbered from 0 at its lower bound (per-person
    /// sinks see chunks 0, 1, …).
    static func accumulate(
        _ plan: SimulationPlan, persons: Range<Int>, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
        perPerson: (any PersonWeekSink)?
    ) throws -> (groups: [GroupAccumulator], enrolment: Enrolment) {
        try plan.validate()
        GSLRuntime.prepare()
        // Screens only what `persons` needs (memory grows with the part).
        let enrolment = try Enrolment(plan, persons: persons)
        let first = persons.lowerBound
        let units = persons.count
        let chunks = (units + chunkSize - 1) / chunkSize
        let threads = max(1, min(plan.threads, max(chunks, 1)))
        let nextChunk = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let results = Mutex<[Result<[GroupAccumulator], any Error>]>([])

        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let result = Result { () throws -> [GroupAccumulator] in
                let worker = try Worker(plan: plan, enrolment: enrolment, keepsRecords: perPerson != nil)
                while !failed.load(ordering: .relaxed) {
                    let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
                    if chunk >= chunks { break }
                    let end = min((chunk + 1) * chunkSize, units)
                    for unit in (chunk * chunkSize)..<end { worker.simulate(unit: first + unit) }
                    if let perPerson {
                        do {
                            try perPerson.write(chunk: chunk, records: worker.records)
                        } catch {
                            failed.store(true, ordering: .relaxed)
                            throw error
                        }
                        worker.records.removeAll(keepingCapacity: true)
                    }
                    let done = finished.add(end - chunk * chunkSize, ordering: .relaxed).newValue
                    progress?(done, units)
                }
                return worker.groups
            }
            results.withLock { $0.append(result) }
        }

        var merged = GroupAccumulator.all(for: plan)
        for result in results.withLock({ $0 }) {
            let partial = try result.get()
            for index in merged.indices { merged[index].merge(partial[index]) }
        }
        try perPerson?.finish()
        return (merged, enrolment)
    }
}

/// What is accumulated for one group of people: everyone (index 0) or a subgroup.
struct GroupAccumulator {
    var outcomes: [OutcomeAccumulator]
    var paired: PairedAccumulator

    init(_ plan: SimulationPlan) {
        outcomes = plan.policies.map { _ in OutcomeAccumulator(plan) }
        paired = PairedAccumulator(policies: plan.policies.count, weeks: plan.weeks, reference: plan.reference)
    }

    /// Everyone, then one per subgroup of the plan's grouping.
    static func all(for plan: SimulationPlan) -> [GroupAccumulator] {
        (0...plan.grouping.groupNames(plan.cohort).count).map { _ in GroupAccumulator(plan) }
    }

    mutating func merge(_ other: GroupAccumulator) {
        for index in outcomes.indices { outcomes[index].merge(other.outcomes[index]) }
        paired.merge(other.paired)
    }
}

/// One thread's generators, accumulators and per-person buffers, allocated once.
final class Worker {
    let plan: SimulationPlan
    let enrolment: Enrolment
    let streams: PersonStreams
    let membership: Categorical<Int>
    var groups: [GroupAccumulator]
    /// The current person's values per outcome, policy and week, for paired differences.
    private var personValues: PairedAccumulator.PersonValues
    /// The current chunk's person-week records (only with `--per-person`).
    var records: [PersonWeekRecord] = []
    private let keepsRecords: Bool

    /// Everyone's accumulators (group 0).
    var accumulators: [OutcomeAccumulator] { groups[0].outcomes }

    init(
        plan: SimulationPlan, enrolment: Enrolment, keepsRecords: Bool = false, drawsThroughGSL: Bool = false
    ) throws(GSLError) {
        self.plan = plan
        self.enrolment = enrolment
        streams = try PersonStreams(throughGSL: drawsThroughGSL)
        membership = plan.cohort.membership
        groups = GroupAccumulator.all(for: plan)
        personValues = PairedAccumulator.PersonValues(policies: plan.policies.count, weeks: plan.weeks)
        self.keepsRecords = keepsRecords
        if keepsRecords { records.reserveCapacity(Simulator.chunkSize * plan.policies.count * (plan.weeks + 1)) }
    }

    /// Simulates unit `unit` = replication × persons + person under every policy.
    func simulate(unit: Int) {
        let id = enrolment.person(seed: plan.seed, replication: unit / plan.persons, index: unit % plan.persons)
        streams.startTraits(id)
        let traits = PersonTraits.draw(from: plan.cohort, membership: membership, stream: streams.traits)
        let run = PersonRun(traits: traits, parameters: plan.parameters, weeks: plan.weeks)
        let group = plan.grouping == .none ? nil : 1 + plan.grouping.group(of: traits)
        for index in plan.policies.indices {
            streams.startWeeklyStreams(id)
            simulate(run, plan.policies[index], into: index, group: group, id: id)
        }
        if plan.policies.count > 1 {
            groups[0].paired.record(personValues)
            if let group { groups[group].paired.record(personValues) }
        }
    }

    private func simulate<Policy: ProgressionPolicy>(
        _ run: PersonRun, _ policy: Policy, into index: Int, group: Int?, id: PersonID
    ) {
        let profile = run.model.traits.profileIndex
        // One access to each buffer for the whole run rather than one per
        // week: each access to a class's stored array is a dynamic exclusivity
        // check (about 4% of a person-week, Benchmarks/README.md).
        let keepsRecords = keepsRecords
        let pairs = plan.policies.count > 1
        groups.withUnsafeMutableBufferPointer { groups in
            withUnsafeMutablePointer(to: &personValues) { personValues in
                run.simulate(policy, streams: streams) { outcome in
                    groups[0].outcomes[index].record(outcome)
                    if let group { groups[group].outcomes[index].record(outcome) }
                    if pairs { personValues.pointee.store(outcome, policy: index) }
                    if keepsRecords {
                        self.records.append(PersonWeekRecord(id, profile: profile, policy: index, outcome))
                    }
                }
            }
        }
    }
}
