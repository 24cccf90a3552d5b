import Stochastics

/// Paired per-person differences between every two policies of a run, per
/// week: pain report and disability of policy i minus policy j (i < j),
/// as exact count histograms.
///
/// Common random numbers make the pairing meaningful: both values come from
/// the same person with the same luck. Memory: pairs × weeks × 222 counts,
/// independent of the number of people.
struct PairedAccumulator {
    let policies: Int
    let weeks: Int
    /// Index: pair × (weeks + 1) + week.
    private(set) var pain: [CountHistogram]
    private(set) var disability: [CountHistogram]

    static let painRange = -10...10
    static let disabilityRange = -100...100

    init(policies: Int, weeks: Int) {
        self.policies = policies
        self.weeks = weeks
        let count = Self.pairCount(policies) * (weeks + 1)
        pain = (0..<count).map { _ in CountHistogram(range: Self.painRange) }
        disability = (0..<count).map { _ in CountHistogram(range: Self.disabilityRange) }
    }

    static func pairCount(_ policies: Int) -> Int { policies * (policies - 1) / 2 }

    /// Pairs (i, j), i < j, in the order they are stored.
    static func pairs(_ policies: Int) -> [(Int, Int)] {
        (0..<policies).flatMap { i in ((i + 1)..<max(policies, i + 1)).map { (i, $0) } }
    }

    /// Records one person: `painReports` and `disabilities` hold the person's
    /// values as [policy × (weeks + 1) + week].
    @inline(__always)
    mutating func record(painReports: [Int], disabilities: [Int]) {
        let stride = weeks + 1
        var pair = 0
        for i in 0..<policies {
            for j in (i + 1)..<max(policies, i + 1) {
                let base = pair * stride
                for week in 0...weeks {
                    pain[base + week].record(painReports[i * stride + week] - painReports[j * stride + week])
                    disability[base + week].record(disabilities[i * stride + week] - disabilities[j * stride + week])
                }
                pair += 1
            }
        }
    }

    mutating func merge(_ other: PairedAccumulator) {
        for index in pain.indices {
            pain[index].merge(other.pain[index])
            disability[index].merge(other.disability[index])
        }
    }

    func comparisons(labels: [String]) -> [PairedComparison] {
        let stride = weeks + 1
        return Self.pairs(policies).enumerated().map { pair, policies in
            PairedComparison(
                first: labels[policies.0], second: labels[policies.1],
                pain: Array(pain[(pair * stride)..<((pair + 1) * stride)]),
                disability: Array(disability[(pair * stride)..<((pair + 1) * stride)]))
        }
    }
}
