// Issue #15's 250 ns budget, broken down: what a person-week's policy
// decision and its recording cost, each alone, on one thread. With the
// `DrawCount` counts × the `Generator` costs per call (the draws and the libm
// calls), the summary splits the `person-week: …` time into draws,
// transcendental functions, policy, recording and the rest (the model's own
// arithmetic and the engine's loop).
//
// Both run on the engine's own weeks: every person's traced course
// (`Simulator.trace`, the same streams and engine as a run), set up before
// timing. *Policy*: the policy's `start` and its 52 `decide` calls on those
// scripted observations, compiled for the policy's type as the engine's loop
// is (through `any ProgressionPolicy` it measured the harness's witness calls
// and observation copies rather than the policy). *Recording*:
// `SerialRun.record`, the engine's recording path (per-policy histograms and
// moments, paired per-person values and differences) fed the traced outcomes,
// without simulating them.
import Benchmark
@_spi(Benchmarks) import BackSimCore
@_spi(Benchmarks) import BenchmarkSupport

let persons = 400, weeks = 52
let nanosecondsPerPersonWeek = BenchmarkMetric.custom("ns per person-week", useScalingFactor: false)

/// The work of the targets: `mixed` × `guideline`, and the numpy comparison's
/// `chronic` × `control` and `fixed` (one plan, so the paired differences count).
let works: [(name: String, cohort: String, policies: [String])] = [
    ("guideline", "mixed", ["guideline"]),
    ("chronic × control, fixed", "chronic", ["control", "fixed"]),
]

/// Every person's traced weeks: `[person][policy]` → weeks 0…W.
func traces(_ plan: SimulationPlan) -> [[PersonTrace]] {
    (0..<plan.persons).map { person in
        plan.policies.indices.map { policy in
            do { return try Simulator.trace(plan, policyIndex: policy, person: person) } catch { fatalError("\(error)") }
        }
    }
}

/// What a policy saw of one person: the intake, then weeks 1…W.
struct Script {
    let intake: BaselineObservation
    let weeks: [WeekObservation]

    init(_ trace: PersonTrace) {
        intake = BaselineObservation(
            painReport: trace.weeks[0].observation.painReport, sessionsAvailable: trace.traits.sessionsAvailable,
            supervised: trace.traits.supervised, clearanceWeek: trace.traits.clearanceWeek)
        weeks = trace.weeks.dropFirst().map(\.observation)
    }
}

/// The policy's `start` and `decide` over one person's scripted weeks; returns
/// something that depends on every decision.
@inline(never)
func replay<Policy: ProgressionPolicy>(_ policy: Policy, _ script: Script) -> Int {
    var (state, decision) = policy.start(script.intake)
    var sink = decision.prescription.sessionsPerWeek
    script.weeks.withUnsafeBufferPointer { weeks in
        for index in weeks.indices {
            decision = policy.decide(after: weeks[index], state: &state)
            sink &+= decision.prescription.sessionsPerWeek
        }
    }
    return sink
}

/// ``replay(_:_:)`` specialised for the policy's concrete type, through the
/// engine's own `ConcretePolicy`, as the week loop is: through the
/// existential, every `decide` would be a witness-table call with a 0.9 KB
/// copy of the week's observation, which the engine does not pay, and the
/// budget would charge that harness cost to the policy.
struct Replay: PolicyRunner {
    let script: Script
    func run<Policy: ProgressionPolicy>(_ policy: Policy) -> Int { replay(policy, script) }
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, nanosecondsPerPersonWeek], warmupIterations: 2, maxDuration: .seconds(2),
        maxIterations: 40)

    for work in works {
        let plan = Plans.plan(policies: work.policies, persons: persons, weeks: weeks, cohort: work.cohort)
        let personWeeks = Double(persons * weeks * work.policies.count)
        func measured(_ benchmark: Benchmark, _ name: String, _ elapsed: Double) {
            benchmark.measurement(nanosecondsPerPersonWeek, Int((elapsed / personWeeks * 1e9).rounded()))
            guard benchmark.currentIteration >= benchmark.configuration.warmupIterations else { return }
            Records.append(name, ["seconds": elapsed, "person_weeks": personWeeks, "persons": Double(persons),
                                  "weeks": Double(weeks), "policies": Double(work.policies.count)])
        }

        let policyName = "budget: policy, \(work.name)"
        Benchmark(policyName, configuration: configuration) { benchmark, scripts in
            var sink = 0
            let elapsed = seconds {
                for person in scripts {
                    for (index, script) in person.enumerated() { sink &+= ConcretePolicy(plan.policies[index]).run(Replay(script: script)) }
                }
            }
            blackHole(sink)
            measured(benchmark, policyName, elapsed)
        } setup: {
            traces(plan).map { $0.map(Script.init) }
        }

        let recordingName = "budget: recording, \(work.name)"
        Benchmark(recordingName, configuration: configuration) { benchmark, state in
            let elapsed = seconds { state.run.record(state.outcomes) }
            measured(benchmark, recordingName, elapsed)
        } setup: {
            (run: Plans.serialRun(plan),
             outcomes: traces(plan).map { person in person.map { $0.weeks.map(\.outcome) } })
        }
    }
}
