import BackSimCore
import BackSimScenario
import Stochastics

/// How large and which luck: overrides of what the target files and their
/// scenarios say.
public struct EvidenceSettings: Sendable {
    /// Persons per run for every target (default: the file's `persons`, else
    /// the cohort scenario's size).
    public var persons: Int?
    /// Seed for every run (default: the file's `seed`, else the scenario's).
    public var seed: UInt64?
    /// Worker threads per run; figures do not depend on it.
    public var threads: Int

    public init(persons: Int? = nil, seed: UInt64? = nil, threads: Int = 1) {
        self.persons = persons
        self.seed = seed
        self.threads = threads
    }
}

/// A model parameter set to a value on top of each target's scenario
/// (after the scenario's own `parameters:` block).
public struct ParameterValue: Sendable {
    public let spec: ParameterSpec
    public let value: Double

    public init(_ spec: ParameterSpec, _ value: Double) {
        self.spec = spec
        self.value = value
    }
}

/// Runs evidence targets: targets that share a cohort scenario, size and
/// seed share one simulation (their policies together, to the latest week
/// any of them needs). Adding policies or weeks to a run changes none of the
/// figures of the others (streams are keyed per person and purpose, and
/// restarted for each policy), so grouping is only a saving.
///
/// Under common random numbers the same parameters give the same figures
/// every time, which is what makes a simulation usable as an objective.
public struct EvidenceRunner: Sendable {
    public let targets: [EvidenceTarget]
    public let settings: EvidenceSettings
    let groups: [Group]

    struct Group: Sendable {
        let scenario: Scenario
        let persons: Int
        let seed: UInt64
        let weeks: Int
        let policies: [any ProgressionPolicy]
        /// Indices into ``EvidenceRunner/targets``.
        let targets: [Int]

        var personWeeks: Int { persons * scenario.replications * weeks * policies.count }
    }

    public init(files: [TargetFile], settings: EvidenceSettings = EvidenceSettings()) {
        var targets: [EvidenceTarget] = []
        var keys: [String] = []
        var drafts: [(scenario: Scenario, persons: Int, seed: UInt64, weeks: Int, labels: [String],
                      policies: [any ProgressionPolicy], targets: [Int])] = []
        for file in files {
            for target in file.targets {
                let persons = settings.persons ?? file.persons ?? target.scenario.persons
                let seed = settings.seed ?? file.seed ?? target.scenario.seed
                let key = "\(target.scenario.origin)|\(target.scenario.contentHash)|\(persons)|\(seed)"
                let index = targets.count
                targets.append(target)
                let arms = [target.policy] + (target.versus.map { [$0] } ?? [])
                if let group = keys.firstIndex(of: key) {
                    drafts[group].weeks = max(drafts[group].weeks, target.time.lastWeek)
                    for arm in arms where !drafts[group].labels.contains(arm.label) {
                        drafts[group].labels.append(arm.label)
                        drafts[group].policies.append(arm)
                    }
                    drafts[group].targets.append(index)
                } else {
                    keys.append(key)
                    drafts.append((target.scenario, persons, seed, max(1, target.time.lastWeek), arms.map(\.label), arms, [index]))
                }
            }
        }
        self.targets = targets
        self.settings = settings
        groups = drafts.map {
            Group(scenario: $0.scenario, persons: $0.persons, seed: $0.seed, weeks: $0.weeks, policies: $0.policies,
                  targets: $0.targets)
        }
    }

    /// The number of separate simulations one evaluation runs.
    public var runCount: Int { groups.count }
    /// Person-weeks simulated by one evaluation, over all runs and policies.
    public var personWeeks: Int { groups.reduce(0) { $0 + $1.personWeeks } }
    /// Persons per run, as used (one value when every run has the same size).
    public var personsPerRun: [Int] { Array(Set(groups.map(\.persons))).sorted() }
    public var seeds: [UInt64] { Array(Set(groups.map(\.seed))).sorted() }

    /// Simulates every target with `parameters` set on top of each
    /// scenario's, and estimates each target's value.
    ///
    /// - Parameter expectations: also record the smooth expectations
    ///   (``TargetEstimate/smooth``) calibration minimises over.
    public func evaluate(parameters: [ParameterValue] = [], expectations: Bool = false) throws -> [TargetEstimate] {
        var estimates = [TargetEstimate?](repeating: nil, count: targets.count)
        for group in groups {
            let (plan, courses, counted) = setUp(group, parameters: parameters, expectations: expectations)
            let result = try Simulator.run(plan, perPerson: courses)
            let tallies = courses?.tallies ?? []
            for index in group.targets {
                let tally = counted.firstIndex(of: index).map { tallies[$0] }
                estimates[index] = TargetEstimate(targets[index], result: result, tally: tally)
            }
        }
        return estimates.map { $0! }
    }

    /// Persons (replication × persons + person) of each run, in run order.
    public var simulatedPersons: [Int] { groups.map { $0.persons * $0.scenario.replications } }

    /// The content hashes of the runs' scenarios, in run order.
    public var scenarioHashes: [String] { groups.map(\.scenario.contentHash) }

    /// Simulates only `persons(run, total)` of each run (one shard's
    /// persons): the exact aggregates and person-course tallies, which add
    /// up over disjoint person ranges to the whole evaluation's
    /// (``estimates(_:parameters:)``).
    public func evaluatePart(
        parameters: [ParameterValue] = [], persons: (_ run: Int, _ total: Int) -> Range<Int>
    ) throws -> EvidencePart {
        var runs: [EvidencePart.Run] = []
        for (index, group) in groups.enumerated() {
            let (plan, courses, _) = setUp(group, parameters: parameters, expectations: false)
            let aggregates = try Simulator.runPart(plan, persons: persons(index, plan.simulatedPersons), perPerson: courses)
            runs.append(EvidencePart.Run(aggregates: aggregates, tallies: courses?.tallies ?? []))
        }
        return EvidencePart(runs: runs)
    }

    /// An empty part of the shape of this evaluation with `parameters`: what
    /// shards' parts are added to.
    public func emptyPart(parameters: [ParameterValue] = []) -> EvidencePart {
        EvidencePart(runs: groups.map { group in
            let (plan, courses, _) = setUp(group, parameters: parameters, expectations: false)
            return EvidencePart.Run(aggregates: RunAggregates(empty: plan), tallies: courses?.tallies ?? [])
        })
    }

    /// The estimates from the sum of every shard's part (the same as
    /// ``evaluate(parameters:expectations:)`` without expectations).
    public func estimates(_ part: EvidencePart, parameters: [ParameterValue] = []) throws -> [TargetEstimate] {
        var estimates = [TargetEstimate?](repeating: nil, count: targets.count)
        for (run, group) in groups.enumerated() {
            let (plan, _, counted) = setUp(group, parameters: parameters, expectations: false)
            let result = try part.runs[run].aggregates.result(plan)
            for index in group.targets {
                let tally = counted.firstIndex(of: index).map { part.runs[run].tallies[$0] }
                estimates[index] = TargetEstimate(targets[index], result: result, tally: tally)
            }
        }
        return estimates.map { $0! }
    }

    /// Each run's plan with `parameters`, in run order.
    func plans(parameters: [ParameterValue]) -> [SimulationPlan] {
        groups.map { setUp($0, parameters: parameters, expectations: false).0 }
    }

    /// A run's plan, the sink of its person-counted targets (nil without
    /// any) and those targets' indices.
    private func setUp(
        _ group: Group, parameters: [ParameterValue], expectations: Bool
    ) -> (SimulationPlan, PersonCourses?, [Int]) {
        var model = group.scenario.parameters
        for parameter in parameters { model[keyPath: parameter.spec.keyPath] = parameter.value }
        var plan = SimulationPlan(
            cohort: group.scenario.cohort, policies: group.policies, persons: group.persons, weeks: group.weeks,
            replications: group.scenario.replications, seed: group.seed, parameters: model,
            threads: settings.threads)
        plan.recordsExpectations = expectations
        // Targets counted person by person read the engine's per-person
        // records as they stream out (no record is kept).
        let labels = group.policies.map(\.label)
        let counted = group.targets.filter { targets[$0].outcome.needsPersonCourses }
        let courses = counted.isEmpty ? nil : PersonCourses(
            measures: counted.map { index in
                let target = targets[index]
                return PersonCourses.Measure(
                    definition: target.definition!, policy: labels.firstIndex(of: target.policy.label)!,
                    versus: target.versus.map { labels.firstIndex(of: $0.label)! }, week: target.time.lastWeek)
            },
            weeks: group.weeks, policies: group.policies.count)
        return (plan, courses, counted)
    }
}
