import Stochastics

/// Paired per-person differences between every two policies of a run, per
/// compared outcome (``PairedOutcome/all``) and week: policy i minus policy
/// j (i < j), as exact integer sums (``PairedTally``) or fixed-point moments
/// (``ExactMoments``) for continuous outcomes.
///
/// Common random numbers make the pairing meaningful: both values come from
/// the same person with the same luck. Memory: pairs × outcomes × weeks
/// tallies, independent of the number of people; recording never allocates.
struct PairedAccumulator {
    let policies: Int
    let weeks: Int
    /// Index: (pair × integer outcomes + outcome) × (weeks + 1) + week.
    private(set) var integer: [PairedTally]
    /// Index: (pair × real outcomes + outcome) × (weeks + 1) + week.
    private(set) var real: [ExactMoments]

    static let integerOutcomes = PairedOutcome.all.filter { !$0.reading.isReal }
    static let realOutcomes = PairedOutcome.all.filter(\.reading.isReal)

    /// Per pair: compared on every outcome (true), or on ``rankedOutcomes`` only.
    let complete: [Bool]
    /// Positions in ``integerOutcomes`` of pain and disability, which every
    /// pair is compared on.
    static let rankedOutcomes = [Metric.pain, .disability].map { metric in integerOutcomes.firstIndex { $0.metric == metric }! }

    /// - Parameter reference: see ``SimulationPlan/reference``.
    init(policies: Int, weeks: Int, reference: Int? = nil) {
        self.policies = policies
        self.weeks = weeks
        complete = Self.pairs(policies).map { reference == nil || $0.0 == reference || $0.1 == reference }
        let pairs = Self.pairCount(policies) * (weeks + 1)
        integer = Array(repeating: PairedTally(), count: pairs * Self.integerOutcomes.count)
        real = Array(repeating: ExactMoments(), count: pairs * Self.realOutcomes.count)
    }

    static func pairCount(_ policies: Int) -> Int { policies * (policies - 1) / 2 }

    /// Pairs (i, j), i < j, in the order they are stored.
    static func pairs(_ policies: Int) -> [(Int, Int)] {
        (0..<policies).flatMap { i in ((i + 1)..<max(policies, i + 1)).map { (i, $0) } }
    }

    /// One person's values, read once per person-week and kept until every
    /// policy has run: [(outcome × policies + policy) × (weeks + 1) + week];
    /// continuous outcomes in fixed-point ticks (``ExactMoments/ticks(_:)``).
    struct PersonValues {
        var integer: [Int]
        var real: [Int64]
        let stride: Int
        let policies: Int
        static let undefined = Int.min
        static let undefinedTicks = Int64.min
        // The readings alone, without the outcomes' names: iterating them
        // then touches no reference-counted storage in the loop.
        private let integerReaders: [PairedOutcome.Reading]
        private let realReaders: [PairedOutcome.Reading]

        init(policies: Int, weeks: Int) {
            stride = weeks + 1
            self.policies = policies
            integerReaders = PairedAccumulator.integerOutcomes.map(\.reading)
            realReaders = PairedAccumulator.realOutcomes.map(\.reading)
            integer = Array(repeating: Self.undefined, count: integerReaders.count * policies * stride)
            real = Array(repeating: Self.undefinedTicks, count: realReaders.count * policies * stride)
        }

        /// Reads every outcome of one person-week under `policy`.
        @inline(__always)
        mutating func store(_ outcome: WeekOutcome, policy: Int) {
            let week = outcome.week, policies = policies, stride = stride
            integerReaders.withUnsafeBufferPointer { readers in
                integer.withUnsafeMutableBufferPointer { values in
                    for index in readers.indices {
                        values[(index * policies + policy) * stride + week] = readers[index].integer(outcome) ?? Self.undefined
                    }
                }
            }
            realReaders.withUnsafeBufferPointer { readers in
                real.withUnsafeMutableBufferPointer { values in
                    for index in readers.indices {
                        values[(index * policies + policy) * stride + week] =
                            readers[index].real(outcome).map(ExactMoments.ticks) ?? Self.undefinedTicks
                    }
                }
            }
        }
    }

    /// Records one person's stored values for every pair, outcome and week.
    mutating func record(_ person: PersonValues) {
        let stride = weeks + 1
        let integerCount = Self.integerOutcomes.count, realCount = Self.realOutcomes.count
        let ranked = Self.rankedOutcomes
        integer.withUnsafeMutableBufferPointer { tallies in
            person.integer.withUnsafeBufferPointer { values in
                var pair = 0
                for i in 0..<policies {
                    for j in (i + 1)..<max(policies, i + 1) {
                        let complete = complete[pair]
                        for outcome in 0..<integerCount where complete || ranked.contains(outcome) {
                            let base = (pair * integerCount + outcome) * stride
                            let first = (outcome * policies + i) * stride, second = (outcome * policies + j) * stride
                            for week in 0...weeks {
                                let x = values[first + week], y = values[second + week]
                                if x != PersonValues.undefined && y != PersonValues.undefined {
                                    tallies[base + week].record(x, y)
                                }
                            }
                        }
                        pair += 1
                    }
                }
            }
        }
        guard realCount > 0 else { return }
        real.withUnsafeMutableBufferPointer { moments in
            person.real.withUnsafeBufferPointer { values in
                var pair = 0
                for i in 0..<policies {
                    for j in (i + 1)..<max(policies, i + 1) {
                        defer { pair += 1 }
                        guard complete[pair] else { continue }
                        for outcome in 0..<realCount {
                            let base = (pair * realCount + outcome) * stride
                            let first = (outcome * policies + i) * stride, second = (outcome * policies + j) * stride
                            for week in 0...weeks {
                                let x = values[first + week], y = values[second + week]
                                if x != PersonValues.undefinedTicks && y != PersonValues.undefinedTicks {
                                    moments[base + week].record(ticks: x - y)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    mutating func merge(_ other: PairedAccumulator) {
        for index in integer.indices { integer[index].merge(other.integer[index]) }
        for index in real.indices { real[index].merge(other.real[index]) }
    }

    func comparisons(labels: [String]) -> [PairedComparison] {
        let stride = weeks + 1
        let integerBlock = Self.integerOutcomes.count * stride, realBlock = Self.realOutcomes.count * stride
        return Self.pairs(policies).enumerated().map { pair, policies in
            PairedComparison(
                first: labels[policies.0], second: labels[policies.1], weeks: weeks, isComplete: complete[pair],
                integer: Array(integer[(pair * integerBlock)..<((pair + 1) * integerBlock)]),
                real: Array(real[(pair * realBlock)..<((pair + 1) * realBlock)]))
        }
    }
}
