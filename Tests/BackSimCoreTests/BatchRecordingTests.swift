@testable @_spi(Benchmarks) import BackSimCore
import BackSimPolicies
import Testing

/// The batch recording's shortcuts against the plain definitions: paired
/// tallies staged in 32 bits, yes/no metrics counted from sums.
@Suite struct BatchRecordingTests {
    /// A serial run stages the paired tallies across batches and adds them
    /// into the 64-bit ones at the 256-person limit; a two-thread run adds
    /// them every chunk of 64. Both must give the same integers.
    @Test("Paired tallies drained at the 256-person limit equal those drained every chunk")
    func stagedPairedTalliesDrainExactly() throws {
        var plan = SimulationPlan(
            cohort: BuiltInCohorts.mixed,
            policies: [ControlPolicy(), GuidelinePolicy(), try PolicyCatalogue.policy("percent:10")],
            persons: 600, weeks: 3, replications: 1, seed: 21, threads: 2)
        plan.grouping = .profile
        let threaded = try Simulator.run(plan)
        let serial = try SerialRun(plan)
        serial.simulate(units: 0..<plan.simulatedPersons)
        let result = serial.result()
        #expect(result.policies == threaded.policies)
        #expect(result.comparisons == threaded.comparisons)
        #expect(!result.groups.isEmpty && result.groups.map(\.comparisons) == threaded.groups.map(\.comparisons))
    }

    /// A yes/no metric is counted from the batch's sum only when every value
    /// is 0 or 1; an undefined value sends it through the one-by-one count.
    @Test("Yes/no counts from sums, and one by one when a value is undefined")
    func yesNoCounts() {
        let rows = UnsafeMutablePointer<Int64>.allocate(capacity: 3 * WeekReadings.stride)
        defer { rows.deallocate() }
        rows.initialize(repeating: WeekReadings.undefined, count: 3 * WeekReadings.stride)
        let persons = (0..<3).map { rows + $0 * WeekReadings.stride }
        for (k, person) in persons.enumerated() {
            let integers = WeekReadings(values: person).integers
            for position in 0..<WeekReadings.integerSlots { integers[position] = WeekReadings.undefinedInteger }
            integers[WeekReadings.retention] = [1, 1, 0][k]
            integers[WeekReadings.doctorFlags] = [1, WeekReadings.undefinedInteger, 0][k]
            integers[WeekReadings.pain] = [3, 10, 0][k]
        }
        var accumulator = OutcomeAccumulator(weeks: 1)
        persons.withUnsafeBufferPointer { persons in
            accumulator.recording { $0.record(week: 0, persons: persons) }
        }
        let series = accumulator.series
        func counts(_ metric: Metric) -> [Int64] {
            let week = series[Metric.all.firstIndex(of: metric)!].weeks[0]
            return metric.recordedRange.map { week.count(of: $0) }
        }
        #expect(counts(.retention) == [1, 2])
        #expect(counts(.doctorFlags) == [1, 1])
        #expect(counts(.pain) == [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1])
        #expect(counts(.adherence).allSatisfy { $0 == 0 })
    }
}
