import Stochastics

/// A finite distribution over values with non-negative weights.
///
/// One uniform draw per sample (inverse CDF over the cumulative weights), so
/// sampling consumes exactly one generator call.
public struct Categorical<Value: Sendable & Equatable>: Equatable, Sendable {
    /// The possible values, in draw order.
    public let values: [Value]
    /// Their weights (normalised when drawn).
    public let weights: [Double]
    private let cumulative: [Double]

    /// - Precondition: same counts, weights non-negative with a positive sum.
    public init(_ pairs: [(Value, Double)]) {
        precondition(!pairs.isEmpty, "a categorical distribution needs at least one value")
        values = pairs.map(\.0)
        weights = pairs.map(\.1)
        let total = weights.reduce(0, +)
        precondition(total > 0 && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative with a positive sum")
        var running = 0.0
        cumulative = weights.map { running += $0; return running / total }
    }

    /// A distribution that always gives `value`.
    public static func only(_ value: Value) -> Self { Self([(value, 1)]) }

    /// Draws one value from `stream` (one uniform draw).
    public func draw(_ stream: RandomStream) -> Value {
        let u = stream.uniform()
        for (index, edge) in cumulative.enumerated() where u < edge { return values[index] }
        return values[values.count - 1]
    }
}
