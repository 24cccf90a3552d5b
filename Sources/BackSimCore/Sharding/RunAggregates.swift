import Stochastics

/// The exact aggregates of part of a run (one shard's persons): integer
/// histograms, paired tallies and fixed-point moments for everyone and every
/// subgroup. Merging is integer addition, so any grouping and order of shards
/// gives the single run's aggregates bit for bit.
public struct RunAggregates: Sendable {
    var groups: [GroupAccumulator]
    /// Under enrolment criteria: candidates screened in the replications
    /// this part completes, and the enrolled persons' screening reports
    /// (``Enrolment``); they add up over shards to the whole run's.
    var screened: Int
    var screeningReports: CountHistogram

    init(groups: [GroupAccumulator], screened: Int, screeningReports: CountHistogram) {
        self.groups = groups
        self.screened = screened
        self.screeningReports = screeningReports
    }

    /// Nobody simulated yet: the aggregates' shape for `plan`.
    public init(empty plan: SimulationPlan) {
        groups = GroupAccumulator.all(for: plan)
        screened = 0
        screeningReports = CountHistogram(range: 0...10)
    }

    /// Adds `other`'s persons. Both must come from the same plan.
    public mutating func merge(_ other: RunAggregates) {
        for index in groups.indices { groups[index].merge(other.groups[index]) }
        screened += other.screened
        screeningReports.merge(other.screeningReports)
    }

    /// The result the single run of `plan` would have given, once every
    /// shard is merged in (nothing is screened again).
    public func result(_ plan: SimulationPlan) throws -> SimulationResult {
        let enrolment = Enrolment(
            persons: plan.persons, range: 0..<plan.simulatedPersons, screened: screened, screeningReports: screeningReports)
        return SimulationResult(plan: plan, groups: groups, enrolment: enrolment)
    }

    /// Every integer, in a fixed order, as decimal text separated by spaces
    /// (the shape is the plan's, so it is not written): the groups', then
    /// the candidates screened and the 11 screening-report counts.
    public func encoded() -> String {
        var writer = AggregateText.Writer()
        for group in groups { group.write(to: &writer) }
        writer.put(screened)
        screeningReports.write(to: &writer)
        writer.newline()
        return writer.text
    }

    /// Aggregates read back from ``encoded()`` for the same `plan`.
    public init(decoding text: Substring, plan: SimulationPlan) throws(AggregateTextError) {
        var reader = AggregateText.Reader(text)
        groups = GroupAccumulator.all(for: plan)
        for index in groups.indices { try groups[index].read(from: &reader) }
        screened = try reader.next()
        guard screened >= 0 else { throw AggregateTextError(reason: "negative count \(screened)") }
        screeningReports = CountHistogram(range: 0...10)
        try screeningReports.read(from: &reader)
        guard reader.isAtEnd else { throw AggregateTextError(reason: "more numbers than the run's aggregates hold") }
    }
}

/// The aggregates' text does not fit the run it claims to belong to.
public struct AggregateTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What does not fit, in words for the user.
    public let reason: String
    /// An error with the given reason.
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}

enum AggregateText {
    struct Writer {
        var text = ""
        mutating func put(_ value: some BinaryInteger) {
            if !text.isEmpty { text += " " }
            text += String(value)
        }
        mutating func newline() { text += "\n" }
    }

    struct Reader {
        private var tokens: [Substring]
        private var position = 0
        init(_ text: Substring) {
            tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        }
        var isAtEnd: Bool { position == tokens.count }
        mutating func next<T: FixedWidthInteger>(_: T.Type = T.self) throws(AggregateTextError) -> T {
            guard position < tokens.count else { throw AggregateTextError(reason: "fewer numbers than the run's aggregates hold") }
            guard let value = T(tokens[position]) else {
                throw AggregateTextError(reason: "'\(tokens[position].prefix(40))' is not a whole number")
            }
            position += 1
            return value
        }
    }
}

extension CountHistogram {
    func write(to writer: inout AggregateText.Writer) { for count in counts { writer.put(count) } }

    mutating func read(from reader: inout AggregateText.Reader) throws(AggregateTextError) {
        var histogram = CountHistogram(range: range)
        for value in range {
            let count: Int64 = try reader.next()
            guard count >= 0 else { throw AggregateTextError(reason: "negative count \(count)") }
            histogram.record(value, times: count)
        }
        self = histogram
    }
}

extension ExactMoments {
    func write(to writer: inout AggregateText.Writer) {
        writer.put(count)
        writer.put(sumOfTicks)
        writer.put(sumOfSquaredTicks)
    }

    mutating func read(from reader: inout AggregateText.Reader) throws(AggregateTextError) {
        let n: Int64 = try reader.next(), s1: Int128 = try reader.next(), s2: Int128 = try reader.next()
        guard n >= 0, s2 >= 0, n > 0 || (s1 == 0 && s2 == 0) else { throw AggregateTextError(reason: "inconsistent moments") }
        self = ExactMoments(count: n, sumOfTicks: s1, sumOfSquaredTicks: s2)
    }
}

extension GroupAccumulator {
    func write(to writer: inout AggregateText.Writer) {
        let continuous = OutcomeAccumulator.Layout.continuousMetrics
        for outcome in outcomes {
            // Metric by metric, week by week (the order of `series`).
            for (m, metric) in Metric.all.enumerated() {
                for week in 0...outcome.weeks {
                    if let c = continuous.firstIndex(of: m) {
                        outcome.moments[week * continuous.count + c].write(to: &writer)
                    } else {
                        for value in metric.recordedRange {
                            writer.put(outcome.counts[OutcomeAccumulator.Layout.index(metric: m, week: week, value: value)])
                        }
                    }
                }
                writer.newline()
            }
            for count in outcome.firstResponse { writer.put(count) }
            for count in outcome.dropout { writer.put(count) }
            for sums in [outcome.expectedPainSums, outcome.disabilityScoreSums, outcome.expectationCounts] {
                for value in sums ?? [] { writer.put(value) }
            }
            writer.newline()
        }
        for tally in paired.integer {
            writer.put(tally.count)
            writer.put(tally.sum)
            writer.put(tally.sumOfSquares)
            writer.put(tally.bothPositive)
        }
        for moments in paired.real { moments.write(to: &writer) }
        writer.newline()
    }

    mutating func read(from reader: inout AggregateText.Reader) throws(AggregateTextError) {
        let continuous = OutcomeAccumulator.Layout.continuousMetrics
        func count() throws(AggregateTextError) -> Int64 {
            let count: Int64 = try reader.next()
            guard count >= 0 else { throw AggregateTextError(reason: "negative count \(count)") }
            return count
        }
        for policy in outcomes.indices {
            let weeks = outcomes[policy].weeks
            for (m, metric) in Metric.all.enumerated() {
                for week in 0...weeks {
                    if let c = continuous.firstIndex(of: m) {
                        try outcomes[policy].moments[week * continuous.count + c].read(from: &reader)
                    } else {
                        for value in metric.recordedRange {
                            outcomes[policy].counts[OutcomeAccumulator.Layout.index(metric: m, week: week, value: value)] =
                                try count()
                        }
                    }
                }
            }
            for index in 0...weeks { outcomes[policy].firstResponse[index] = try count() }
            for index in 0...weeks { outcomes[policy].dropout[index] = try count() }
            if let count = outcomes[policy].expectationCounts?.count {
                var values: [[Int64]] = []
                for _ in 0..<3 {
                    var list: [Int64] = []
                    for _ in 0..<count { list.append(try reader.next()) }
                    values.append(list)
                }
                outcomes[policy].expectedPainSums = values[0]
                outcomes[policy].disabilityScoreSums = values[1]
                outcomes[policy].expectationCounts = values[2]
            }
        }
        for index in paired.integer.indices {
            var tally = PairedTally()
            tally.count = try reader.next()
            tally.sum = try reader.next()
            tally.sumOfSquares = try reader.next()
            tally.bothPositive = try reader.next()
            paired.integer[index] = tally
        }
        for index in paired.real.indices { try paired.real[index].read(from: &reader) }
    }
}
