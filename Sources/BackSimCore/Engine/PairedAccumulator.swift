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
    var integer: [PairedTally]
    /// Index: (pair × real outcomes + outcome) × (weeks + 1) + week.
    var real: [ExactMoments]

    static let integerOutcomes = PairedOutcome.all.filter { !$0.metric.isContinuous }
    static let realOutcomes = PairedOutcome.all.filter(\.metric.isContinuous)

    /// Per pair: compared on every outcome (true), or on ``rankedOutcomes`` only.
    let complete: [Bool]
    /// Positions in ``integerOutcomes`` of pain and disability, which every
    /// pair is compared on.
    static let rankedOutcomes = [Metric.pain, .disability].map { metric in integerOutcomes.firstIndex { $0.metric == metric }! }
    /// Every position in ``integerOutcomes``: what a complete pair is compared on.
    static let everyIntegerOutcome = Array(integerOutcomes.indices)

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

    /// Records one person's values for every pair, outcome and week:
    /// `person` holds their ``WeekReadings`` rows, policy by policy, weeks 0…W
    /// (a worker's batch; `WeekReadings.stride` integers a row).
    mutating func record(person: UnsafePointer<Int64>) {
        let stride = weeks + 1, policies = policies
        let row = WeekReadings.stride, policyBlock = stride * row
        let histograms = OutcomeAccumulator.Layout.histogramMetrics
        let continuous = OutcomeAccumulator.Layout.continuousMetrics
        let integerCount = histograms.count, realCount = continuous.count
        let undefined = WeekReadings.undefined
        let every = Self.everyIntegerOutcome, ranked = Self.rankedOutcomes
        integer.withUnsafeMutableBufferPointer { tallies in
            var pair = 0
            for i in 0..<policies {
                for j in (i + 1)..<max(policies, i + 1) {
                    let outcomes = complete[pair] ? every : ranked
                    for outcome in outcomes {
                        let tally = tallies.baseAddress! + (pair * integerCount + outcome) * stride
                        let m = histograms[outcome]
                        var x = person + i * policyBlock + m, y = person + j * policyBlock + m
                        for week in 0..<stride {
                            if x.pointee != undefined && y.pointee != undefined { tally[week].record(x.pointee, y.pointee) }
                            x += row
                            y += row
                        }
                    }
                    pair += 1
                }
            }
        }
        guard realCount > 0 else { return }
        real.withUnsafeMutableBufferPointer { moments in
            var pair = 0
            for i in 0..<policies {
                for j in (i + 1)..<max(policies, i + 1) {
                    defer { pair += 1 }
                    guard complete[pair] else { continue }
                    for outcome in 0..<realCount {
                        let sums = moments.baseAddress! + (pair * realCount + outcome) * stride
                        let m = continuous[outcome]
                        var x = person + i * policyBlock + m, y = person + j * policyBlock + m
                        for week in 0..<stride {
                            if x.pointee != undefined && y.pointee != undefined { sums[week].record(ticks: x.pointee - y.pointee) }
                            x += row
                            y += row
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
