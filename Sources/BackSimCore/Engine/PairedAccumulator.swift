import Stochastics

/// Paired per-person differences between every two policies of a run, per
/// compared outcome (``PairedOutcome/all``) and week: policy i minus policy
/// j (i < j), as exact integer sums (``PairedTally``) or fixed-point moments
/// (``ExactMoments``) for continuous outcomes.
///
/// Common random numbers make the pairing meaningful: both values come from
/// the same person with the same luck. Memory: pairs × outcomes × weeks
/// tallies, independent of the number of people; recording never allocates.
///
/// A worker records a batch of persons at once (``record(persons:)``): per
/// pair and week, the integer outcomes are tallied across the batch in 32-bit
/// SIMD lanes, four outcomes at a time, into ``staged`` (added into the
/// 64-bit tallies at ``drain()``, at the latest every ``stagedLimit``
/// persons), and the continuous ones in registers: integer sums, so the
/// grouping changes nothing.
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

    /// Four integer outcomes' tallies over the staged persons, one outcome a lane.
    struct Staged {
        var count = SIMD4<Int32>(), sum = SIMD4<Int32>(), sumOfSquares = SIMD4<Int32>(), bothPositive = SIMD4<Int32>()
    }
    /// Groups of four integer outcomes (``WeekReadings/integerSlots`` / 4).
    static let groups = WeekReadings.integerSlots / 4
    /// Index: (pair × (weeks + 1) + week) × ``groups`` + group.
    var staged: [Staged]
    /// Persons in ``staged``.
    private(set) var stagedPersons = 0
    /// Persons staged before they are added into ``integer``: recorded
    /// integers differ by |d| ≤ 1,500, so Σd² ≤ 256 · 2.25·10⁶ < 2³¹ stays
    /// exact in 32 bits. (A value outside its recorded range never gets here:
    /// the per-policy recording of the same rows runs first and traps.)
    static let stagedLimit = 256
    /// Per pair, the lanes of group 0 it is compared on (all ones for a
    /// complete pair; pain and disability for the others).
    private let firstGroupLanes: [SIMD4<Int32>]

    /// - Parameter reference: see ``SimulationPlan/reference``.
    init(policies: Int, weeks: Int, reference: Int? = nil) {
        self.policies = policies
        self.weeks = weeks
        complete = Self.pairs(policies).map { reference == nil || $0.0 == reference || $0.1 == reference }
        let pairs = Self.pairCount(policies) * (weeks + 1)
        integer = Array(repeating: PairedTally(), count: pairs * Self.integerOutcomes.count)
        real = Array(repeating: ExactMoments(), count: pairs * Self.realOutcomes.count)
        staged = Array(repeating: Staged(), count: pairs * Self.groups)
        precondition(Self.rankedOutcomes.allSatisfy { $0 < 4 }, "ranked outcomes outside the first group")
        let ranked = SIMD4<Int32>((0..<4).map { Self.rankedOutcomes.contains($0) ? -1 : 0 })
        firstGroupLanes = complete.map { $0 ? SIMD4(repeating: -1) : ranked }
    }

    static func pairCount(_ policies: Int) -> Int { policies * (policies - 1) / 2 }

    /// Pairs (i, j), i < j, in the order they are stored.
    static func pairs(_ policies: Int) -> [(Int, Int)] {
        (0..<policies).flatMap { i in ((i + 1)..<max(policies, i + 1)).map { (i, $0) } }
    }

    /// Records a batch of persons' values for every pair, outcome and week:
    /// `persons[k]` is person k's first ``WeekReadings`` row, their rows
    /// following policy by policy, weeks 0…W (a worker's batch;
    /// `WeekReadings.stride` words a row).
    ///
    /// - Precondition: at most ``stagedLimit`` persons.
    mutating func record(persons: UnsafeBufferPointer<UnsafeMutablePointer<Int64>>) {
        precondition(persons.count <= Self.stagedLimit, "\(persons.count) persons in a batch of paired tallies")
        if stagedPersons + persons.count > Self.stagedLimit { drain() }
        stagedPersons += persons.count
        let stride = weeks + 1, policies = policies
        let row = WeekReadings.stride, policyBlock = stride * row, groups = Self.groups
        let realCount = WeekReadings.continuousCount
        let undefined = WeekReadings.undefined
        staged.withUnsafeMutableBufferPointer { staged in
            firstGroupLanes.withUnsafeBufferPointer { firstGroupLanes in
                var pair = 0
                for i in 0..<policies {
                    for j in (i + 1)..<max(policies, i + 1) {
                        defer { pair += 1 }
                        let groupCount = complete[pair] ? groups : 1
                        let first = i * policyBlock * 8, second = j * policyBlock * 8
                        var tallies = staged.baseAddress! + pair * stride * groups
                        for week in 0..<stride {
                            for group in 0..<groupCount {
                                let lanes = group == 0 ? firstGroupLanes[pair] : SIMD4(repeating: -1)
                                let offset = (week * row) * 8 + group * 16
                                var sums = tallies[group]
                                for person in persons {
                                    let values = UnsafeRawPointer(person)
                                    Self.tally(
                                        values.loadUnaligned(fromByteOffset: first + offset, as: SIMD4<Int32>.self),
                                        values.loadUnaligned(fromByteOffset: second + offset, as: SIMD4<Int32>.self),
                                        lanes: lanes, into: &sums)
                                }
                                tallies[group] = sums
                            }
                            tallies += groups
                        }
                    }
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
                        let first = i * policyBlock + WeekReadings.continuousStart + outcome
                        let second = j * policyBlock + WeekReadings.continuousStart + outcome
                        for week in 0..<stride {
                            var differences = ExactMoments()
                            for person in persons {
                                let x = person[first + week * row], y = person[second + week * row]
                                if x != undefined && y != undefined { differences.record(ticks: x - y) }
                            }
                            sums[week].merge(differences)
                        }
                    }
                }
            }
        }
    }

    /// Adds one person's four outcomes, `a` under the first policy and `b`
    /// under the second, into `tallies`, on the lanes set in `lanes`:
    /// ``PairedTally/record(_:_:)`` four at a time, on the lanes where both
    /// are defined.
    @inline(__always)
    static func tally(_ a: SIMD4<Int32>, _ b: SIMD4<Int32>, lanes: SIMD4<Int32>, into tallies: inout Staged) {
        // Undefined is Int32.min, below every value; masks are all ones.
        let floor = SIMD4(repeating: WeekReadings.undefinedInteger), zero = SIMD4<Int32>()
        let defined = zero.replacing(with: -1, where: a .> floor) & zero.replacing(with: -1, where: b .> floor) & lanes
        let d = (a &- b) & defined
        tallies.count &-= defined
        tallies.sum &+= d
        tallies.sumOfSquares &+= d &* d
        tallies.bothPositive &-= zero.replacing(with: -1, where: a .> zero) & zero.replacing(with: -1, where: b .> zero) & lanes
    }

    /// Adds the staged tallies into ``integer`` and empties them.
    mutating func drain() {
        guard stagedPersons > 0 else { return }
        let stride = weeks + 1, outcomes = Self.integerOutcomes.count, groups = Self.groups
        staged.withUnsafeMutableBufferPointer { staged in
            integer.withUnsafeMutableBufferPointer { integer in
                for pair in 0..<Self.pairCount(policies) {
                    for week in 0..<stride {
                        let block = staged.baseAddress! + (pair * stride + week) * groups
                        for outcome in 0..<outcomes {
                            let group = outcome / 4, lane = outcome % 4
                            let tally = integer.baseAddress! + (pair * outcomes + outcome) * stride + week
                            tally.pointee.count &+= Int64(block[group].count[lane])
                            tally.pointee.sum &+= Int64(block[group].sum[lane])
                            tally.pointee.sumOfSquares &+= Int64(block[group].sumOfSquares[lane])
                            tally.pointee.bothPositive &+= Int64(block[group].bothPositive[lane])
                        }
                        block.update(repeating: Staged(), count: groups)
                    }
                }
            }
        }
        stagedPersons = 0
    }

    mutating func merge(_ other: PairedAccumulator) {
        precondition(stagedPersons == 0 && other.stagedPersons == 0, "merge after drain()")
        for index in integer.indices { integer[index].merge(other.integer[index]) }
        for index in real.indices { real[index].merge(other.real[index]) }
    }

    func comparisons(labels: [String]) -> [PairedComparison] {
        precondition(stagedPersons == 0, "comparisons after drain()")
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
