import BackSimCore
import BackSimReports

/// Runs a plan, timing it with a monotonic clock and showing progress if wanted.
enum TimedRun {
    static func run(
        _ plan: SimulationPlan, progress: ProgressIndicator?, perPerson: (any PersonWeekSink)? = nil
    ) throws -> (result: SimulationResult, timing: RunTiming) {
        let clock = ContinuousClock()
        let start = clock.now
        defer { progress?.finish() }
        var report: (@Sendable (Int, Int) -> Void)?
        if let progress {
            report = { done, total in progress.update(done: done, total: total) }
        }
        let result = try Simulator.run(plan, progress: report, perPerson: perPerson)
        let timing = RunTiming(duration: clock.now - start, personWeeks: result.personWeeks, threads: plan.threads)
        return (result, timing)
    }
}
