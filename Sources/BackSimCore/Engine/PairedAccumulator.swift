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

    static let integerOutcomes = PairedOutcome.all.filter { if case .integer = $0.read { true } else { false } }
    static let realOutcomes = PairedOutcome.all.filter { if case .real = $0.read { true } else { false } }

    init(policies: Int, weeks: Int) {
        self.policies = policies
        self.weeks = weeks
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
    /// policy has run: [(outcome × policies + policy) × (weeks + 1) + week].
    struct PersonValues {
        var integer: [Int]
        var real: [Double]
        let stride: Int
        let policies: Int
        static let undefined = Int.min

        init(policies: Int, weeks: Int) {
            stride = weeks + 1
            self.policies = policies
            integer = Array(repeating: Self.undefined, count: PairedAccumulator.integerOutcomes.count * policies * stride)
            real = Array(repeating: .nan, count: PairedAccumulator.realOutcomes.count * policies * stride)
        }

        @inline(__always)
        mutating func store(_ outcome: WeekOutcome, policy: Int) {
            let week = outcome.week
            integer.withUnsafeMutableBufferPointer { values in
                for (index, paired) in PairedAccumulator.integerOutcomes.enumerated() {
                    guard case .integer(let read) = paired.read else { continue }
                    values[(index * policies + policy) * stride + week] = read(outcome) ?? Self.undefined
                }
            }
            real.withUnsafeMutableBufferPointer { values in
                for (index, paired) in PairedAccumulator.realOutcomes.enumerated() {
                    guard case .real(let read) = paired.read else { continue }
                    values[(index * policies + policy) * stride + week] = read(outcome) ?? .nan
                }
            }
        }
    }

    /// Records one person's stored values for every pair, outcome and week.
    mutating func record(_ person: PersonValues) {
        let stride = weeks + 1
        let integerCount = Self.integerOutcomes.count, realCount = Self.realOutcomes.count
        integer.withUnsafeMutableBufferPointer { tallies in
            person.integer.withUnsafeBufferPointer { values in
                var pair = 0
                for i in 0..<policies {
                    for j in (i + 1)..<max(policies, i + 1) {
                        for outcome in 0..<integerCount {
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
                        for outcome in 0..<realCount {
                            let base = (pair * realCount + outcome) * stride
                            let first = (outcome * policies + i) * stride, second = (outcome * policies + j) * stride
                            for week in 0...weeks {
                                let x = values[first + week], y = values[second + week]
                                if !x.isNaN && !y.isNaN { moments[base + week].record(x - y) }
                            }
                        }
                        pair += 1
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
                first: labels[policies.0], second: labels[policies.1], weeks: weeks,
                integer: Array(integer[(pair * integerBlock)..<((pair + 1) * integerBlock)]),
                real: Array(real[(pair * realBlock)..<((pair + 1) * realBlock)]))
        }
    }
}
