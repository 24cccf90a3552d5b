/// How long a run took and how hard the machine worked.
///
/// Kept apart from the figures: it is the only part of a report that differs
/// between runs of the same inputs.
public struct RunTiming: Equatable, Sendable {
    /// Wall-clock seconds spent simulating, measured with a monotonic clock.
    public var wallSeconds: Double
    /// Person-weeks simulated over all policies (`SimulationResult.personWeeks`).
    public var personWeeks: Int
    /// Worker threads requested.
    public var threads: Int

    /// A timing measured as seconds.
    public init(wallSeconds: Double, personWeeks: Int, threads: Int) {
        self.wallSeconds = wallSeconds
        self.personWeeks = personWeeks
        self.threads = threads
    }

    /// A timing measured as a `Duration`.
    public init(duration: Duration, personWeeks: Int, threads: Int) {
        let (seconds, attoseconds) = duration.components
        self.init(wallSeconds: Double(seconds) + Double(attoseconds) * 1e-18, personWeeks: personWeeks, threads: threads)
    }

    /// Throughput, or `nil` when the clock measured no time at all.
    public var personWeeksPerSecond: Double? {
        wallSeconds > 0 ? Double(personWeeks) / wallSeconds : nil
    }
}
