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

    /// Simulates `persons` of `plan` (all of them when nil) up to `week` only
    /// and hands `sink` each person's ``PersonAtWeek`` under every policy;
    /// nothing is accumulated. The values are those the per-person records
    /// of a full run give (outcomes at a week do not depend on later weeks),
    /// for a study's cost of a simulation alone.
    ///
    /// - Throws: as ``run(_:progress:perPerson:)``; `sink`'s errors.
    public static func read(
        _ plan: SimulationPlan, atWeek week: Int, persons: Range<Int>? = nil, into sink: any PersonAtWeekSink
    ) throws {
        precondition((0...plan.weeks).contains(week), "week \(week) outside the horizon 0...\(plan.weeks)")
        _ = try accumulate(plan, persons: persons ?? 0..<plan.simulatedPersons, progress: nil, perPerson: nil,
                           atWeek: (week, sink))
    }

    /// `persons` in chunks numbered from 0 at its lower bound (per-person
    /// sinks see chunks 0, 1, …).
    static func accumulate(
        _ plan: SimulationPlan, persons: Range<Int>, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
        perPerson: (any PersonWeekSink)?, atWeek: (week: Int, sink: any PersonAtWeekSink)? = nil
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
                let worker = try Worker(plan: plan, enrolment: enrolment, keepsRecords: perPerson != nil,
                                        atWeek: atWeek?.week)
                while !failed.load(ordering: .relaxed) {
                    let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
                    if chunk >= chunks { break }
                    let end = min((chunk + 1) * chunkSize, units)
                    for unit in (chunk * chunkSize)..<end { worker.simulate(unit: first + unit) }
                    worker.flush()
                    // A sink's error stops every worker.
                    func deliver(_ write: () throws -> Void) throws {
                        do { try write() } catch {
                            failed.store(true, ordering: .relaxed)
                            throw error
                        }
                    }
                    if let perPerson {
                        try deliver { try perPerson.write(chunk: chunk, records: worker.records) }
                        worker.records.removeAll(keepingCapacity: true)
                    }
                    if let atWeek {
                        try deliver { try atWeek.sink.write(chunk: chunk, persons: worker.personsAtWeek) }
                        worker.personsAtWeek.removeAll(keepingCapacity: true)
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
///
/// Person-weeks are read (``WeekReadings``) into a batch of rows as they are
/// simulated and recorded into the accumulators a batch at a time, week by
/// week (``recordBatch()``, the paired differences too): a week's block of
/// counts or tallies then serves every person of the batch while it is in
/// cache, rather than being fetched again for each person. Counts are integer
/// sums, so the order of recording changes nothing.
final class Worker {
    let plan: SimulationPlan
    let enrolment: Enrolment
    let streams: PersonStreams
    let membership: Categorical<Int>
    /// The plan's policies with their types recovered, for specialised loops.
    private let policies: [ConcretePolicy]
    /// Complete only after ``flush()``.
    var groups: [GroupAccumulator]
    /// The current chunk's person-week records (only with `--per-person`).
    var records: [PersonWeekRecord] = []
    private let keepsRecords: Bool
    /// The week read for a study (``Simulator/read(_:atWeek:persons:into:)``):
    /// persons are simulated up to it and nothing is accumulated.
    private let atWeek: Int?
    /// The current chunk's values at ``atWeek``.
    var personsAtWeek: [PersonAtWeek] = []
    /// Rows of one person: policies × weeks 0…W.
    private let rowsPerPerson: Int
    /// Persons a batch holds.
    private let batchCapacity: Int
    /// The batch: `batchCapacity` persons' rows (``WeekReadings/stride``
    /// integers each), person by person, policy by policy, week by week.
    private let batch: UnsafeMutablePointer<Int64>
    /// Each batched person's subgroup (index in `groups`; 0 = none).
    private let batchGroups: UnsafeMutablePointer<Int>
    /// Scratch for ``recordBatch()``: first rows of the persons recorded together.
    private let batchRows: UnsafeMutablePointer<UnsafeMutablePointer<Int64>>
    private var batched = 0
    /// The week's observation during a run (``PersonRun/simulate(_:streams:observation:record:observe:)``).
    private let observation = UnsafeMutablePointer<WeekObservation>.allocate(capacity: 1)
    /// The pain report's SD when the plan records expectations.
    private let expectations: Double?
    /// The model's exponential function (a counting one for the benchmarks).
    private let exponential: Exponential

    init(
        plan: SimulationPlan, enrolment: Enrolment, keepsRecords: Bool = false, atWeek: Int? = nil,
        drawsThroughGSL: Bool = false, exponential: Exponential = Exponential()
    ) throws(GSLError) {
        self.plan = plan
        self.exponential = exponential
        self.enrolment = enrolment
        streams = try PersonStreams(throughGSL: drawsThroughGSL)
        membership = plan.cohort.membership
        policies = plan.policies.map(ConcretePolicy.init)
        groups = GroupAccumulator.all(for: plan)
        self.keepsRecords = keepsRecords
        if keepsRecords { records.reserveCapacity(Simulator.chunkSize * plan.policies.count * (plan.weeks + 1)) }
        self.atWeek = atWeek
        if atWeek != nil { personsAtWeek.reserveCapacity(Simulator.chunkSize * plan.policies.count) }
        rowsPerPerson = plan.policies.count * (plan.weeks + 1)
        // About 256 KB of rows (an L2's share), at most a chunk of persons,
        // at least 16 (each pass over the paired tallies serves 16 persons).
        batchCapacity = max(16, min(Simulator.chunkSize, (1 << 15) / (rowsPerPerson * WeekReadings.stride)))
        batch = .allocate(capacity: batchCapacity * rowsPerPerson * WeekReadings.stride)
        batch.initialize(repeating: WeekReadings.undefined, count: batchCapacity * rowsPerPerson * WeekReadings.stride)
        batchGroups = .allocate(capacity: batchCapacity)
        batchGroups.initialize(repeating: 0, count: batchCapacity)
        batchRows = .allocate(capacity: batchCapacity)
        batchRows.initialize(repeating: batch, count: batchCapacity)
        expectations = plan.recordsExpectations ? plan.parameters.reportSD : nil
    }

    deinit {
        batch.deallocate()
        batchGroups.deallocate()
        batchRows.deallocate()
        observation.deallocate()
    }

    /// Simulates unit `unit` = replication × persons + person under every
    /// policy (recorded at the next ``flush()`` at the latest).
    func simulate(unit: Int) {
        let id = enrolment.person(seed: plan.seed, replication: unit / plan.persons, index: unit % plan.persons)
        streams.startTraits(id)
        let traits = PersonTraits.draw(from: plan.cohort, membership: membership, stream: streams.traits)
        // A study's person runs up to its week only: nothing after it changes what is read there.
        let run = PersonRun(
            traits: traits, parameters: plan.parameters, weeks: atWeek ?? plan.weeks, exponential: exponential)
        for index in policies.indices {
            streams.startWeeklyStreams(id)
            if let atWeek {
                policies[index].run(AtWeekRun(worker: self, person: run, index: index, id: id, week: atWeek))
            } else {
                policies[index].run(PolicyRun(worker: self, person: run, index: index, id: id))
            }
        }
        if atWeek == nil { finishPerson(group: plan.grouping == .none ? 0 : 1 + plan.grouping.group(of: traits)) }
    }

    private struct PolicyRun: PolicyRunner {
        let worker: Worker, person: PersonRun, index: Int, id: PersonID
        @inline(__always)
        func run<Policy: ProgressionPolicy>(_ policy: Policy) {
            worker.simulate(person, policy, into: index, id: id)
        }
    }

    private struct AtWeekRun: PolicyRunner {
        let worker: Worker, person: PersonRun, index: Int, id: PersonID, week: Int
        @inline(__always)
        func run<Policy: ProgressionPolicy>(_ policy: Policy) {
            worker.read(person, policy, into: index, id: id, atWeek: week)
        }
    }

    /// Runs `run` under `policy` up to `week` and appends what a study reads there.
    private func read<Policy: ProgressionPolicy>(
        _ run: PersonRun, _ policy: Policy, into index: Int, id: PersonID, atWeek week: Int
    ) {
        var value = PersonAtWeek(
            replication: id.replication, person: id.index, policy: index, pain: 0, disability: 0, baselinePain: 0,
            baselineDisability: 0, inProgramme: true, flareUpWeeks: 0, sessionsDone: 0)
        run.simulate(policy, streams: streams, observation: observation) { outcome in
            if outcome.week == 0 {
                value.baselinePain = outcome.painReport
                value.baselineDisability = outcome.disability
            } else {
                if outcome.flareUpThisWeek { value.flareUpWeeks += 1 }
                value.sessionsDone += outcome.sessionsDone
            }
            if outcome.week == week {
                value.pain = outcome.painReport
                value.disability = outcome.disability
                value.inProgramme = outcome.retained
            }
        }
        personsAtWeek.append(value)
    }

    private func simulate<Policy: ProgressionPolicy>(_ run: PersonRun, _ policy: Policy, into index: Int, id: PersonID) {
        let rows = self.rows(person: batched, policy: index), expectations = expectations
        let keepsRecords = keepsRecords, profile = run.model.traits.profileIndex
        run.simulate(policy, streams: streams, observation: observation) { outcome in
            WeekReadings(values: rows + outcome.week * WeekReadings.stride).read(outcome, expectations: expectations)
            if keepsRecords { records.append(PersonWeekRecord(id, profile: profile, policy: index, outcome)) }
        }
    }

    /// Records one person's weeks as ``simulate(unit:)`` would have, without
    /// simulating them: `outcomes[p]` are the person's weeks (0 first) under
    /// policy p. For the benchmarks' recording cost alone (``SerialRun``).
    func record(person outcomes: [[WeekOutcome]]) {
        for index in plan.policies.indices {
            let rows = self.rows(person: batched, policy: index)
            // By reference, as the engine hands over its week: no copy per week.
            outcomes[index].withUnsafeBufferPointer { weeks in
                for week in weeks.indices {
                    WeekReadings(values: rows + week * WeekReadings.stride).read(weeks[week], expectations: expectations)
                }
            }
        }
        finishPerson(group: 0)
    }

    /// The first row of `person` (in the batch) under policy `index`.
    @inline(__always)
    private func rows(person: Int, policy index: Int) -> UnsafeMutablePointer<Int64> {
        batch + (person * rowsPerPerson + index * (plan.weeks + 1)) * WeekReadings.stride
    }

    /// Once every policy has run: into the batch (recorded when it is full).
    private func finishPerson(group: Int) {
        batchGroups[batched] = group
        batched += 1
        if batched == batchCapacity { recordBatch() }
    }

    /// Records everything pending: the batch, and the paired tallies staged
    /// in 32 bits.
    func flush() {
        recordBatch()
        for group in groups.indices { groups[group].paired.drain() }
    }

    /// Records the batch into everyone's and the subgroups' accumulators,
    /// week by week, and the paired differences; empties it.
    private func recordBatch() {
        guard batched > 0 else { return }
        let weeks = plan.weeks
        for group in groups.indices {
            // The first rows under `policy` of the batch's persons in the group.
            func select(policy: Int) -> UnsafeBufferPointer<UnsafeMutablePointer<Int64>> {
                var count = 0
                for person in 0..<batched where group == 0 || batchGroups[person] == group {
                    batchRows[count] = rows(person: person, policy: policy)
                    count += 1
                }
                return UnsafeBufferPointer(start: batchRows, count: count)
            }
            guard !select(policy: 0).isEmpty else { continue }
            for index in plan.policies.indices {
                let persons = select(policy: index)
                groups[group].outcomes[index].recording { recorder in
                    for week in 0...weeks { recorder.record(week: week, persons: persons) }
                }
            }
            if plan.policies.count > 1 { groups[group].paired.record(persons: select(policy: 0)) }
        }
        batched = 0
    }
}
