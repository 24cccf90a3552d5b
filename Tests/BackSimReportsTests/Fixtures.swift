import BackSimCore
import BackSimReports
import BackSimTestSupport

/// Small seeded runs shared by the renderer tests.
enum Fixtures {
    static let policies = ["control", "percent:20"]
    static let timing = RunTiming(wallSeconds: 0.5, personWeeks: 1_600, threads: 1)

    /// 200 persons, 4 weeks, seed 7: big enough for every statistic, fast.
    static func smallRun(threads: Int) throws -> SimulationResult {
        try Runs.compare(cohort: "mixed", policies: policies, persons: 200, weeks: 4, seed: 7, threads: threads)
    }
}
