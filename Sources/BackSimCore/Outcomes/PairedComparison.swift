import Stochastics

/// Per-person differences between two policies run on the same people with
/// the same luck: `first` minus `second`, per week (index = week).
public struct PairedComparison: Equatable, Sendable {
    /// The policy whose values come first in the differences.
    public let first: String
    /// The policy subtracted.
    public let second: String
    /// Pain report differences, NRS points (−10…10).
    public let pain: [CountHistogram]
    /// Disability differences, points (−100…100).
    public let disability: [CountHistogram]

    /// The same comparison the other way round (`second` minus `first`).
    public var reversed: PairedComparison {
        PairedComparison(first: second, second: first, pain: pain.map(\.negated), disability: disability.map(\.negated))
    }
}

extension CountHistogram {
    /// The histogram of −x (the range must be symmetric).
    public var negated: CountHistogram {
        precondition(lowest == -highest, "negating needs a symmetric range")
        var result = CountHistogram(range: range)
        for value in range where count(of: value) > 0 { result.record(-value, times: count(of: value)) }
        return result
    }
}
